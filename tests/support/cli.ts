import { spawn } from 'node:child_process';
import path from 'node:path';
import { ROOT, passwordToStdin } from './server';

const TSX = path.join(ROOT, 'node_modules/.bin/tsx');

export type CliResult = { status: number | null; stdout: string; stderr: string };

/**
 * Runs the admin CLI without blocking this process (unlike `cli`), so clients in the test
 * keep talking to the server while it runs, and reports failures instead of throwing.
 */
export function runCli(dataDir: string, rawArgs: string[], env: Record<string, string> = {}): Promise<CliResult> {
  const { args, input } = passwordToStdin(rawArgs);
  const child = spawn(TSX, [path.join(ROOT, 'server/src/cli.ts'), ...args], {
    cwd: ROOT,
    env: { ...process.env, SAKUTEI_DATA_DIR: dataDir, ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  child.stdin.end(input ?? '');
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (status) => resolve({ status, stdout: stdout.trim(), stderr: stderr.trim() }));
  });
}
