import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { track } from '../children';
import type { Target } from '../load/lightClient';

import { ROOT } from '../../support/server';

export { ROOT };

export type ServerName = 'sakutei' | 'reference' | 'hocuspocus';

/** A server under test, running as its own process on loopback. */
export interface BenchServer {
  readonly name: ServerName;
  /** What it is, for the report: package and version. */
  readonly label: string;
  readonly pid: number;
  /** Where each named document is and how to get in (Sakutei: a token from its API). */
  targets(keys: string[]): Promise<Target[]>;
  /** Documents its storage already holds before it starts (Sakutei's setup wrote them); peers get theirs uploaded. */
  readonly preloaded: ReadonlySet<string>;
  /** Sakutei's database file, for the durability probe; null for servers that keep nothing. */
  readonly dbPath: string | null;
  /** Whether it is still running (a crash is a finding). */
  alive(): boolean;
  /** What it printed last (for a crash report). */
  output(): string;
  /** Every line it printed that mentions a warning, an error, a failure or a closed socket. */
  noticed(): string[];
  stop(): Promise<void>;
}

export type Spawned = {
  child: ChildProcess;
  port: number;
  output: () => string;
  noticed: () => string[];
  alive: () => boolean;
  stop: () => Promise<void>;
};

const NOTABLE = /warn|error|fail|closed|refus/i;

/**
 * Starts `node --import tsx <script>` (every server is started the same way, so each carries
 * the same loader in its memory figures) and waits for it to print its port.
 */
export async function spawnServer(name: string, script: string, env: Record<string, string>, ready: RegExp): Promise<Spawned> {
  const child = spawn(process.execPath, [...(process.env.BENCH_SERVER_NODE_ARGS?.split(' ').filter(Boolean) ?? []), '--import', 'tsx', script], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  track(child, name);
  let output = '';
  let partial = '';
  const notable: string[] = [];
  const keep = (chunk: Buffer) => {
    const text = chunk.toString();
    output = (output + text).slice(-20_000);
    const lines = (partial + text).split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) if (NOTABLE.test(line) && notable.length < 10_000) notable.push(line.slice(0, 500));
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${name} did not start in 60 s:\n${output}`)), 60_000);
    const onData = () => {
      const match = ready.exec(output);
      if (match) {
        clearTimeout(timer);
        child.stdout!.off('data', onData);
        child.stderr!.off('data', onData);
        resolve(Number(match[1]));
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited (${code ?? signal}) while starting:\n${output}`));
    });
  });
  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
  return {
    child,
    port,
    output: () => output,
    noticed: () => notable,
    alive: () => child.exitCode === null && child.signalCode === null,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
