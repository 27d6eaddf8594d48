import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const TSX = path.join(ROOT, 'node_modules/.bin/tsx');

export type TestServer = {
  url: string;
  wsUrl: string;
  port: number;
  dataDir: string;
  process: ChildProcess;
  /** Everything the process has printed so far (stdout and stderr). */
  output(): string;
  /** Stops with a signal and resolves with the exit code (SIGKILL resolves with null). */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
};

export function tempDataDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'sakutei-test-'));
}

/** Starts the real server process (server/src/main.ts) on a free loopback port. */
export async function startServer(options: { dataDir?: string; env?: Record<string, string> } = {}): Promise<TestServer> {
  const dataDir = options.dataDir ?? tempDataDir();
  // Node itself with tsx's loader, not the tsx CLI: the CLI runs the server in a child process,
  // so a SIGKILL would kill only the wrapper and leave the real server running (orphaned).
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'server/src/main.ts')], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      SAKUTEI_DATA_DIR: dataDir,
      SAKUTEI_DEMO: '1',
      SAKUTEI_REVALIDATE_MS: '500',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${output}`));
    });
  });
  let stopping = false;
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  // A server that dies on its own is a finding: show what it said, or the failing test is a mystery.
  void exited.then((code) => {
    if (!stopping) console.error(`test server exited unexpectedly (${code}):\n${output.slice(-4000)}`);
  });
  return {
    url: `http://127.0.0.1:${port}`,
    wsUrl: `ws://127.0.0.1:${port}/collab`,
    port,
    dataDir,
    process: child,
    output: () => output,
    async stop(signal = 'SIGTERM') {
      stopping = true;
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}

/**
 * The CLI takes passwords on stdin, never on its command line: tests write `--password P` for
 * readability and this moves P to the first line of stdin.
 */
export function passwordToStdin(args: string[]): { args: string[]; input: string | undefined } {
  const at = args.indexOf('--password');
  if (at < 0) return { args, input: undefined };
  return { args: [...args.slice(0, at), ...args.slice(at + 2)], input: `${args[at + 1] ?? ''}\n` };
}

/** Runs the admin CLI against a data folder and returns its output. */
export function cli(dataDir: string, rawArgs: string[]): string {
  const { args, input } = passwordToStdin(rawArgs);
  const result = spawnSync(TSX, [path.join(ROOT, 'server/src/cli.ts'), ...args], {
    cwd: ROOT,
    env: { ...process.env, SAKUTEI_DATA_DIR: dataDir },
    encoding: 'utf8',
    input: input ?? '',
  });
  if (result.status !== 0) throw new Error(`cli ${args.join(' ')} failed: ${result.stderr}`);
  return result.stdout.trim();
}

export const OUTSIDER_PASSWORD = 'outsider-password';

/**
 * The chair of another council, created with the CLI: someone who must learn nothing about
 * ours. Returns the new workspace's id.
 */
export function addOutsider(dataDir: string, email: string): string {
  const workspaceId = /workspace (\S+)/.exec(cli(dataDir, ['workspace', 'add', '--name', '郡山市産業振興会議']))![1]!;
  cli(dataDir, ['user', 'add', '--email', email, '--name', '他会議 座長', '--password', OUTSIDER_PASSWORD]);
  cli(dataDir, ['member', 'set', '--workspace', workspaceId, '--email', email, '--role', 'chair']);
  return workspaceId;
}
