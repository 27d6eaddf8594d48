import { availableParallelism } from 'node:os';
import { isMainThread } from 'node:worker_threads';
import { type PoolOptions, WorkerPool } from './pool';
import type { TaskInput, TaskName, TaskOutput } from './tasks';

/**
 * The process's one heavy-work pool, like libuv's thread pool: the server sizes it from its
 * configuration at start (`configureHeavyWork`); anything else (the CLI, tests) gets the
 * defaults. Code that renders or reads documents calls `runHeavy`, which on a pool thread
 * itself just runs the task, so a task can never wait for a thread it occupies.
 */

/** One thread per core but one, at least one: the event loop keeps a core for itself. */
export const DEFAULT_WORK_OPTIONS: PoolOptions = {
  threads: Math.max(1, Math.min(4, availableParallelism() - 1)),
  maxQueued: 16,
  maxHeapMb: 512,
  // A Word file of the largest real plan takes a few seconds; a minute is a runaway.
  maxJobMs: 60_000,
};

let options = DEFAULT_WORK_OPTIONS;
let pool: WorkerPool | null = null;

export function configureHeavyWork(next: Partial<PoolOptions>): void {
  options = { ...DEFAULT_WORK_OPTIONS, ...next };
}

function heavyWorkPool(): WorkerPool {
  return (pool ??= new WorkerPool(options));
}

export async function closeHeavyWork(): Promise<void> {
  const running = pool;
  pool = null;
  await running?.close();
}

/** Runs `task` off the event loop (inline when already on a pool thread). */
export async function runHeavy<K extends TaskName>(task: K, input: TaskInput<K>): Promise<TaskOutput<K>> {
  if (!isMainThread) return (await import('./tasks')).runTask(task, input);
  return heavyWorkPool().run(task, input);
}
