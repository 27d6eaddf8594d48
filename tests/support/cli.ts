import { spawn } from 'node:child_process';
import path from 'node:path';
import { ROOT } from './server';

const TSX = path.join(ROOT, 'node_modules/.bin/tsx');

export type CliResult = { status: number | null; stdout: string; stderr: string };

/**
 * Runs the admin CLI without blocking this process (unlike `cli`), so clients in the test
 * keep talking to the server while it runs, and reports failures instead of throwing.
 */
export function runCli(dataDir: string, args: string[], env: Record<string, string> = {}): Promise<CliResult> {
  const child = spawn(TSX, [path.join(ROOT, 'server/src/cli.ts'), ...args], {
    cwd: ROOT,
    env: { ...process.env, SAKUTEI_DATA_DIR: dataDir, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (status) => resolve({ status, stdout: stdout.trim(), stderr: stderr.trim() }));
  });
}
