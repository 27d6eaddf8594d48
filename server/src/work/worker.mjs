// A thread of the heavy-work pool (pool.ts). Plain JavaScript: a worker starts without the
// TypeScript loader (even when the server runs under `node --import tsx`, the loader's hooks
// are not the worker's), so it registers tsx itself and then loads the tasks from TypeScript.
import { parentPort } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { runTask } = await import('./tasks.ts');

parentPort.on('message', async ({ id, task, input }) => {
  try {
    parentPort.postMessage({ id, ok: true, value: await runTask(task, input) });
  } catch (err) {
    // An AppError keeps its status and code across the thread; anything else is a bug, logged here.
    const known = err && typeof err === 'object' && typeof err.status === 'number' && typeof err.code === 'string';
    if (!known) console.error(`heavy work ${task} failed`, err);
    parentPort.postMessage({
      id,
      ok: false,
      error: known ? { status: err.status, code: err.code, message: err.message } : { message: err instanceof Error ? err.message : String(err) },
    });
  }
});
parentPort.postMessage({ ready: true });
