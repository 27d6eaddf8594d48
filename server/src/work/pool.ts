import { Worker } from 'node:worker_threads';
import { AppError } from '../errors';
import type { TaskInput, TaskName, TaskOutput } from './tasks';

/**
 * A few threads for the work that is CPU all the way through (compares, Word and print
 * renderings, workbooks): while a thread renders a 新旧対照表 the event loop keeps answering
 * everyone else. Jobs beyond the threads wait in a bounded queue; past it the pool refuses at
 * once (503 with a Retry-After estimate) rather than letting latency grow without bound.
 */

export type PoolOptions = {
  threads: number;
  /** Jobs that may wait for a thread; one more is refused with `WorkBusyError`. */
  maxQueued: number;
  /** Heap of one thread; a job that needs more fails alone and the thread is replaced. */
  maxHeapMb?: number;
  /** A job running longer is stopped with its thread (503 work_timeout); a fresh thread takes its place. */
  maxJobMs?: number;
};

/** The pool is full: the caller should try again after `retryAfter` seconds. */
export class WorkBusyError extends AppError {
  constructor(override readonly retryAfter: number) {
    super(503, 'server_busy', `The server is busy preparing other documents. Try again in ${retryAfter} seconds.`, retryAfter);
  }
}

type Job = { id: number; task: TaskName; input: unknown; resolve(value: unknown): void; reject(err: Error): void; started: number; timer?: NodeJS.Timeout };
type Slot = { worker: Worker; ready: Promise<void>; job: Job | null };
type Reply = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: { status?: number; code?: string; message: string } } | { ready: true };

const WORKER_URL = new URL('./worker.mjs', import.meta.url);

export class WorkerPool {
  private readonly slots: Slot[] = [];
  private readonly waiting: Job[] = [];
  private nextId = 1;
  /** A running average of job time, for Retry-After. */
  private averageMs = 500;
  private closed = false;

  constructor(private readonly options: PoolOptions) {}

  /** Runs `task` on a thread; rejects with `WorkBusyError` when the queue is full. */
  run<K extends TaskName>(task: K, input: TaskInput<K>): Promise<TaskOutput<K>> {
    if (this.closed) return Promise.reject(new Error('the work pool is closed'));
    this.start();
    const idle = this.slots.find((slot) => slot.job === null);
    if (!idle && this.waiting.length >= this.options.maxQueued) return Promise.reject(new WorkBusyError(this.retryAfter()));
    return new Promise<TaskOutput<K>>((resolve, reject) => {
      const job: Job = { id: this.nextId++, task, input, resolve: resolve as (value: unknown) => void, reject, started: 0 };
      if (idle) this.dispatch(idle, job);
      else this.waiting.push(job);
    });
  }

  /** Jobs running and waiting (the tests read it). */
  get load(): { running: number; waiting: number } {
    return { running: this.slots.filter((slot) => slot.job).length, waiting: this.waiting.length };
  }

  /** Seconds until a thread is likely free for one more job. */
  retryAfter(): number {
    const rounds = (this.waiting.length + this.options.threads) / this.options.threads;
    return Math.min(60, Math.max(1, Math.ceil((rounds * this.averageMs) / 1000)));
  }

  /** Stops the threads; jobs still waiting or running are refused (503), so no caller hangs. */
  async close(): Promise<void> {
    this.closed = true;
    const shuttingDown = () => new AppError(503, 'server_busy', 'The server is shutting down. Try again in a moment.');
    for (const job of this.waiting.splice(0)) job.reject(shuttingDown());
    const slots = this.slots.splice(0);
    // Removed from `slots` first, so `lost()` ignores their exits: the running jobs are settled here.
    for (const slot of slots) {
      const job = slot.job;
      slot.job = null;
      if (!job) continue;
      clearTimeout(job.timer);
      job.reject(shuttingDown());
    }
    await Promise.all(slots.map((slot) => slot.worker.terminate()));
  }

  /** Threads start on first use (a server that never exports pays nothing) and all at once. */
  private start() {
    while (this.slots.length < this.options.threads) this.slots.push(this.spawn());
  }

  private spawn(): Slot {
    const worker = new Worker(WORKER_URL, {
      resourceLimits: this.options.maxHeapMb ? { maxOldGenerationSizeMb: this.options.maxHeapMb } : undefined,
    });
    // An idle pool must not keep a finished process (a CLI command, a test run) alive.
    worker.unref();
    let markReady!: () => void;
    let booted = false;
    const slot: Slot = { worker, ready: new Promise<void>((resolve) => (markReady = resolve)), job: null };
    worker.on('message', (reply: Reply) => {
      if ('ready' in reply) {
        booted = true;
        return markReady();
      }
      const job = slot.job;
      if (!job || job.id !== reply.id) return;
      this.averageMs = this.averageMs * 0.8 + (Date.now() - job.started) * 0.2;
      clearTimeout(job.timer);
      slot.job = null;
      if (reply.ok) job.resolve(reply.value);
      else job.reject(reply.error.status && reply.error.code ? new AppError(reply.error.status as 400, reply.error.code, reply.error.message) : new Error(reply.error.message));
      this.next(slot);
    });
    const lost = (why: Error) => {
      const index = this.slots.indexOf(slot);
      if (index < 0) return;
      // The thread is gone (out of memory, a crash): its job fails alone, a fresh thread takes its place.
      console.error('heavy work thread stopped', why.message);
      this.slots.splice(index, 1);
      if (slot.job) clearTimeout(slot.job.timer);
      slot.job?.reject(new Error(`heavy work thread stopped: ${why.message}`));
      slot.job = null;
      if (this.closed) return;
      if (!booted) {
        // It could not even load the tasks: respawning now would only fail again, in a loop.
        // The waiting jobs fail; the next job starts a fresh thread and tries again.
        for (const job of this.waiting.splice(0)) job.reject(new Error(`heavy work thread could not start: ${why.message}`));
        return;
      }
      const fresh = this.spawn();
      this.slots.push(fresh);
      this.next(fresh);
    };
    worker.on('error', lost);
    worker.on('exit', (code) => lost(new Error(`exit code ${code}`)));
    return slot;
  }

  private dispatch(slot: Slot, job: Job) {
    slot.job = job;
    void slot.ready.then(() => {
      if (slot.job !== job) return;
      job.started = Date.now();
      // Unref'd: the limit must not keep a finished process alive; the thread's job does that if it must.
      if (this.options.maxJobMs) job.timer = setTimeout(() => this.timeOut(slot, job), this.options.maxJobMs).unref();
      // Structured clone copies the input; the caller may go on using its copy.
      slot.worker.postMessage({ id: job.id, task: job.task, input: job.input });
    });
  }

  /** The job ran too long: the only way to stop synchronous work is to stop its thread. */
  private timeOut(slot: Slot, job: Job) {
    if (slot.job !== job) return;
    slot.job = null;
    // Out of `slots` before anything else runs: until its exit event the dying thread would look
    // idle, and `run()` would hand it a job that its exit then fails. `lost()` ignores it from here.
    const index = this.slots.indexOf(slot);
    if (index >= 0) this.slots.splice(index, 1);
    void slot.worker.terminate();
    const seconds = Math.round((this.options.maxJobMs ?? 0) / 1000);
    job.reject(new AppError(503, 'work_timeout', `Preparing this took longer than ${seconds} seconds and was stopped.`));
    if (this.closed) return;
    const fresh = this.spawn();
    this.slots.push(fresh);
    this.next(fresh);
  }

  private next(slot: Slot) {
    const job = this.waiting.shift();
    if (job) this.dispatch(slot, job);
  }
}
