import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';

/**
 * Every process the benchmark starts, so none outlives it: on a normal end, a failure, or
 * Ctrl+C, each is killed by its own pid.
 */
const live = new Map<ChildProcess, string>();

export function track(child: ChildProcess, name: string): void {
  live.set(child, name);
  child.once('exit', () => live.delete(child));
}

export function killAll(signal: NodeJS.Signals = 'SIGKILL'): void {
  for (const child of live.keys()) {
    if (child.exitCode === null && child.signalCode === null) {
      try {
        child.kill(signal);
      } catch {
        // already gone
      }
    }
  }
}

/** Temporary folders (data folders, traces) removed however the run ends. */
const folders = new Set<string>();

export function removeOnExit(dir: string): string {
  folders.add(dir);
  return dir;
}

export function removeNow(dir: string): void {
  folders.delete(dir);
  fs.rmSync(dir, { recursive: true, force: true });
}

let installed = false;

/** Kills the children when this process ends, however it ends. */
export function killChildrenOnExit(): void {
  if (installed) return;
  installed = true;
  process.on('exit', () => {
    killAll();
    for (const dir of folders) fs.rmSync(dir, { recursive: true, force: true });
  });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => {
      console.error(`\n${signal}: stopping the benchmark's processes`);
      killAll();
      process.exit(130);
    });
  }
}
