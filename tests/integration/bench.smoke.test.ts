import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { ROOT } from '../support/server';

const SERVERS = ['sakutei', 'reference', 'hocuspocus'];
const WORKLOADS = ['fanout', 'rooms', 'idle', 'cold', 'durability', 'awareness'];

type BenchJson = { rows: Array<{ workload: string; server: string; converged: boolean; convergence: string; error?: string }> };

describe('pnpm bench --smoke', () => {
  it('runs every workload on every server, tiny, and every run converges', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sakutei-bench-smoke-'));
    onTestFinished(() => fs.rmSync(dir, { recursive: true, force: true }));
    const out = path.join(dir, 'bench.json');
    // Node with tsx's loader rather than the tsx CLI, so the harness is our direct child.
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'tests/bench/run.ts'), '--smoke', `--out=${out}`], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    // Ends the harness (which ends its own children) if the test gives up first.
    onTestFinished(() => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(fs.existsSync(out), `no JSON written; the harness said:\n${output.slice(-4000)}`).toBe(true);
    const json = JSON.parse(fs.readFileSync(out, 'utf8')) as BenchJson;
    for (const server of SERVERS) {
      for (const workload of WORKLOADS) {
        const rows = json.rows.filter((r) => r.server === server && r.workload === workload);
        expect(rows.length, `${workload} on ${server}`).toBeGreaterThan(0);
        for (const row of rows) {
          expect(row.error, `${workload} on ${server}: ${row.error}`).toBeUndefined();
          expect(row.converged, `${workload} on ${server}: ${row.convergence}`).toBe(true);
        }
      }
    }
    expect(code, output.slice(-2000)).toBe(0);
  }, 60_000);
});
