import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { docNameForPlan } from '@sakutei/shared';
import { addNode } from '@sakutei/shared/measures';
import { newId } from '../../../server/src/auth/ids';
import { DEMO_COUNCIL_NAME, DEMO_PLAN_TITLE } from '../../../server/src/demo/fukushimaProgramme';
import { seedDemo } from '../../../server/src/services/demoSeed';
import { openSqliteStorage } from '../../../server/src/storage/sqlite';
import { connectCollab, waitFor } from '../../support/collab';
import { ApiClient } from '../../support/http';
import { track } from '../children';

export const BIG_PLAN_TITLE = 'ベンチマーク：施策・事業 2,000 行';

export type ClientBenchServer = {
  url: string;
  demoPlanId: string;
  bigPlanId: string;
  process: ChildProcess;
  stop(): Promise<void>;
};

/**
 * A fresh data folder with the demo council (seeded by the server's own code, as on first
 * start) and one empty plan in it for the 2,000-row table; plans are made with the CLI in
 * real use, which is this same storage call.
 */
async function prepareDataDir(dataDir: string): Promise<string> {
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.mkdirSync(dataDir, { recursive: true });
  const storage = openSqliteStorage(dataDir);
  try {
    await seedDemo(storage);
    const council = (await storage.workspaces.listWorkspaces()).find((w) => w.name === DEMO_COUNCIL_NAME);
    if (!council) throw new Error('the demo council was not seeded');
    const planId = newId();
    await storage.workspaces.createPlan({ id: planId, workspaceId: council.id, title: BIG_PLAN_TITLE, docName: docNameForPlan(planId) });
    return planId;
  } finally {
    await storage.close();
  }
}

/** The real server process (server/src/main.ts under tsx), serving the built client from `clientDir`. */
async function spawnServer(options: { serverRoot: string; dataDir: string; clientDir: string; port: number }): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(options.serverRoot, 'server/src/main.ts')], {
    cwd: options.serverRoot,
    env: {
      ...process.env,
      PORT: String(options.port),
      HOST: '127.0.0.1',
      SAKUTEI_DATA_DIR: options.dataDir,
      SAKUTEI_CLIENT_DIR: options.clientDir,
      SAKUTEI_DEMO: '1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  track(child, 'sakutei (client bench)');
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the server did not start:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (/listening on http:\/\//.test(output)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the server exited with ${code}:\n${output}`));
    });
  });
  return child;
}

/**
 * Fills the empty plan with `rows` rows through the real server, as a member's editor would:
 * a websocket client edits the measure table with the same shared functions the grid calls,
 * 200 rows to a transaction. Measures of 49 projects each, so the tree has two levels.
 */
async function fillMeasureTable(url: string, planId: string, rows: number): Promise<void> {
  const api = new ApiClient(url);
  await api.signIn('member@example.jp');
  const { token, docName } = await api.collabToken(planId);
  const client = connectCollab(`${url.replace(/^http/, 'ws')}/collab`, docName, { token });
  try {
    await client.synced;
    const { doc } = client;
    let made = 0;
    let measure: string | null = null;
    let lastMeasure: string | null = null;
    let lastProject: string | null = null;
    while (made < rows) {
      doc.transact(() => {
        for (let i = 0; i < 200 && made < rows; i++, made++) {
          if (made % 50 === 0) {
            measure = addNode(doc, { parent: null, after: lastMeasure }, { kind: 'measure', title: `施策 ${made / 50 + 1}`, description: '施策の概要（ベンチマーク用）' }, newId);
            lastMeasure = measure;
            lastProject = null;
          } else {
            const title = `事業 ${made}：中小企業の経営相談と販路開拓の支援`;
            lastProject = addNode(doc, { parent: measure, after: lastProject }, { kind: 'placement', title, description: '相談窓口の運営、専門家派遣、展示会出展の補助など。' }, newId);
          }
        }
      });
      // Not faster than the room's rate limit would like.
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    // Stored and readable by anyone who opens it: the API reads the live room.
    await waitFor(async () => {
      const res = await api.request('GET', `/api/plans/${planId}/measures`);
      return res.status === 200 && res.body.table.nodes.length >= rows;
    }, `${rows} rows stored`, 30_000);
  } finally {
    client.destroy();
  }
}

export async function startClientBenchServer(options: {
  serverRoot: string;
  dataDir: string;
  clientDir: string;
  port: number;
  rows: number;
}): Promise<ClientBenchServer> {
  const bigPlanId = await prepareDataDir(options.dataDir);
  const child = await spawnServer(options);
  const url = `http://127.0.0.1:${options.port}`;
  const api = new ApiClient(url);
  await api.signIn('member@example.jp');
  const demo = (await api.plans()).find((plan) => plan.title === DEMO_PLAN_TITLE);
  if (!demo) throw new Error('the demo plan is missing');
  if (options.rows > 0) await fillMeasureTable(url, bigPlanId, options.rows);
  return {
    url,
    demoPlanId: demo.id,
    bigPlanId,
    process: child,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
