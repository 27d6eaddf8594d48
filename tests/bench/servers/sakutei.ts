import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { COLLAB_PATH } from '@sakutei/shared';
import { signedIn } from '../../support/http';
import { removeNow, removeOnExit, track } from '../children';
import { type BenchServer, ROOT, spawnServer } from './process';

export type SakuteiTemplate = { dir: string; manifest: Record<string, { planId: string; docName: string }>; preloaded: Set<string> };

/**
 * Builds, once per run, a data folder holding every plan the workloads use (see
 * sakuteiSetup.ts); each server start gets a copy, so every workload starts from the same disk.
 */
export async function prepareSakuteiTemplate(keys: string[], preload: Record<string, string>): Promise<SakuteiTemplate> {
  const dir = removeOnExit(fs.mkdtempSync(path.join(os.tmpdir(), 'sakutei-bench-template-')));
  const requestFile = path.join(dir, 'setup-request.json');
  fs.writeFileSync(requestFile, JSON.stringify({ dataDir: path.join(dir, 'data'), keys, preload }));
  const out = await new Promise<string>((resolve, reject) => {
    const child = execFile(
      process.execPath,
      ['--import', 'tsx', path.join(ROOT, 'tests/bench/servers/sakuteiSetup.ts'), requestFile],
      { cwd: ROOT, encoding: 'utf8', env: { ...process.env, SAKUTEI_DATA_DIR: path.join(dir, 'data') }, maxBuffer: 64 * 1024 * 1024 },
      (err, stdout, stderr) => (err ? reject(new Error(`Sakutei setup failed: ${stderr || err.message}`)) : resolve(stdout)),
    );
    track(child, 'sakutei-setup');
  });
  const manifest = JSON.parse(out.trim().split('\n').at(-1)!) as SakuteiTemplate['manifest'];
  return { dir, manifest, preloaded: new Set(Object.keys(preload)) };
}

/** The benchmark signs in as a council member: edit access, like the people typing in a meeting. */
const BENCH_ACCOUNT = 'member@example.jp';

export async function startSakutei(template: SakuteiTemplate): Promise<BenchServer> {
  const dataDir = removeOnExit(fs.mkdtempSync(path.join(os.tmpdir(), 'sakutei-bench-')));
  fs.cpSync(path.join(template.dir, 'data'), dataDir, { recursive: true });
  const s = await spawnServer(
    'sakutei',
    path.join(ROOT, 'server/src/main.ts'),
    {
      PORT: '0',
      HOST: '127.0.0.1',
      SAKUTEI_DATA_DIR: dataDir,
      SAKUTEI_DEMO: '1',
      // One bench account stands in for thousands of people: lift what one person may hold
      // open and spend, which would otherwise measure the per-person limits, not the server.
      SAKUTEI_WS_MAX_SOCKETS_PER_USER: '1000000',
      SAKUTEI_WS_USER_COST_PER_SEC: '1000000000',
      SAKUTEI_WS_USER_COST_BURST: '1000000000',
    },
    /listening on http:\/\/127\.0\.0\.1:(\d+)/,
  );
  const baseUrl = `http://127.0.0.1:${s.port}`;
  const api = await signedIn(baseUrl, BENCH_ACCOUNT);
  const tokens = new Map<string, { token: string; docName: string }>();
  return {
    name: 'sakutei',
    label: 'Sakutei (working tree)',
    pid: s.child.pid!,
    preloaded: template.preloaded,
    dbPath: path.join(dataDir, 'sakutei.db'),
    alive: s.alive,
    output: s.output,
    noticed: s.noticed,
    async stop() {
      await s.stop();
      removeNow(dataDir);
    },
    /** Tokens come from the API, as a non-browser client gets them; one per document, shared by its sockets. */
    async targets(keys) {
      const missing = keys.filter((k) => !tokens.has(k));
      let next = 0;
      const fetchSome = async () => {
        while (next < missing.length) {
          const key = missing[next++]!;
          const plan = template.manifest[key];
          if (!plan) throw new Error(`no Sakutei plan for ${key}`);
          const grant = await api.collabToken(plan.planId);
          tokens.set(key, { token: grant.token, docName: grant.docName });
        }
      };
      await Promise.all(Array.from({ length: 8 }, fetchSome));
      return keys.map((key) => {
        const { token, docName } = tokens.get(key)!;
        return { dialect: 'y-websocket' as const, docName, serverUrl: `ws://127.0.0.1:${s.port}${COLLAB_PATH}`, token };
      });
    },
  };
}
