import { spawn } from 'node:child_process';

/** A running poller; `kill` is for a test that failed before it could `stop`. */
export type HealthPoller = { stop(): Promise<HealthSample[]>; kill(): void };

/** One /healthz answer: when it came (epoch ms) and how long it took (ms; Infinity when it failed or took 10 s). */
export type HealthSample = { at: number; ms: number };

const SCRIPT = `
const url = process.argv[1];
const interval = Number(process.argv[2]);
let stop = false;
process.on('message', () => (stop = true));
(async () => {
  const samples = [];
  while (!stop) {
    const started = performance.now();
    const res = await fetch(url, { signal: AbortSignal.timeout(10000) }).catch(() => null);
    if (res) await res.arrayBuffer().catch(() => null);
    samples.push({ at: Date.now(), ms: res && res.status === 200 ? performance.now() - started : null });
    if (samples.length === 1) process.send('first');
    await new Promise((r) => setTimeout(r, interval));
  }
  process.send(samples, () => process.exit(0));
})();`;

/**
 * Polls `${url}/healthz` one request after another from a process of its own, so that what the
 * test process itself is busy with is not taken for the server's stall. Resolves once the first
 * answer came (a busy machine may take seconds to start `node`), so no window goes unsampled;
 * `stop` hands back every sample and each test computes its own statistic.
 */
export async function startHealthPoller(url: string, intervalMs = 25): Promise<HealthPoller> {
  const child = spawn(process.execPath, ['-e', SCRIPT, `${url}/healthz`, String(intervalMs)], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const samples = new Promise<HealthSample[]>((resolve) =>
    child.on('message', (message) => {
      if (Array.isArray(message)) resolve((message as Array<{ at: number; ms: number | null }>).map((s) => ({ at: s.at, ms: s.ms ?? Infinity })));
    }),
  );
  await new Promise<void>((resolve, reject) => {
    child.once('message', () => resolve());
    void exited.then(() => reject(new Error('the /healthz poller exited before its first answer')));
  });
  return {
    async stop() {
      if (child.exitCode !== null) throw new Error('the /healthz poller exited early');
      child.send('stop');
      const all = await samples;
      await exited;
      return all;
    },
    kill() {
      if (child.exitCode === null) child.kill();
    },
  };
}

/** The `p`th percentile (0–100) of `values`, by nearest rank; NaN for none. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}
