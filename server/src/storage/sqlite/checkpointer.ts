import { Worker } from 'node:worker_threads';
import type { SqliteDatabase } from './database';

/** How often the checkpointer copies the write-ahead log into the database file (ms). */
const CHECKPOINT_EVERY_MS = 1_000;

/**
 * Moves SQLite's WAL checkpoints off the event loop. Commits in WAL mode with synchronous =
 * NORMAL never wait for the disk; checkpoints do (they fsync), and SQLite runs one inside
 * whichever commit crosses 1,000 pages: a 5–6 ms stall of every document on this machine,
 * every few thousand edits. A worker thread with its own connection checkpoints instead,
 * and the server's connection never does. Should the worker fail, the server goes back to
 * checkpointing itself, so the log cannot grow without bound.
 */
export function checkpointInBackground(db: SqliteDatabase): () => Promise<void> {
  const worker = new Worker(new URL('./checkpointWorker.mjs', import.meta.url), {
    workerData: { file: db.name, everyMs: CHECKPOINT_EVERY_MS },
  });
  let running = true;
  const fallBack = (why: string) => {
    if (!running) return;
    running = false;
    console.error(`background checkpoints stopped (${why}); the server checkpoints itself again`);
    if (db.open) db.pragma('wal_autocheckpoint = 1000');
  };
  worker.on('error', (err) => fallBack(err.message));
  worker.on('exit', (code) => fallBack(`exit ${code}`));
  worker.on('message', (m: unknown) => {
    if (typeof m === 'object' && m !== null && 'error' in m) console.error(`checkpoint failed: ${(m as { error: string }).error}`);
  });
  worker.unref();
  db.pragma('wal_autocheckpoint = 0');
  return async () => {
    if (!running) return;
    running = false;
    const stopped = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
    worker.postMessage('stop');
    await Promise.race([stopped, new Promise((r) => setTimeout(r, 2_000).unref())]);
    await worker.terminate();
  };
}
