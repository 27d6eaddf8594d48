import { type ChildProcess, fork } from 'node:child_process';
import { track } from './children';

/**
 * Orchestrator ↔ load-process calls over the IPC channel: `call(cmd, arg)` resolves with the
 * worker's result. Structured-clone serialization, so typed arrays and bigints pass as they are.
 */
type Reply = { id: number; ok: boolean; result?: unknown; error?: string };

export class WorkerProcess {
  private nextId = 1;
  private readonly waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private exited = false;

  private constructor(
    readonly name: string,
    readonly child: ChildProcess,
  ) {
    child.on('message', (msg: Reply) => {
      const w = this.waiting.get(msg.id);
      if (!w) return;
      this.waiting.delete(msg.id);
      if (msg.ok) w.resolve(msg.result);
      else w.reject(new Error(`${name}: ${msg.error}`));
    });
    child.on('exit', (code, signal) => {
      this.exited = true;
      for (const w of this.waiting.values()) w.reject(new Error(`${name} exited (${code ?? signal})`));
      this.waiting.clear();
    });
  }

  /** Starts a worker script and resolves once it listens for calls. */
  static start(script: string, name: string): Promise<WorkerProcess> {
    const child = fork(script, [], {
      execArgv: ['--import', 'tsx'],
      serialization: 'advanced',
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    track(child, name);
    return new Promise((resolve, reject) => {
      const onMessage = (msg: { ready?: boolean }) => {
        if (!msg.ready) return;
        child.off('message', onMessage);
        resolve(new WorkerProcess(name, child));
      };
      child.on('message', onMessage);
      child.once('exit', (code) => reject(new Error(`${name} exited (${code}) while starting`)));
    });
  }

  get pid(): number {
    return this.child.pid!;
  }

  call<T = unknown>(cmd: string, arg?: unknown): Promise<T> {
    if (this.exited) return Promise.reject(new Error(`${this.name} has exited`));
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.waiting.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.child.send({ id, cmd, arg });
    });
  }

  stop(): void {
    if (!this.exited) this.child.kill('SIGKILL');
  }
}

/** The worker side: answers calls with `handlers`, and ends when the orchestrator goes away. */
export function serveCalls(handlers: Record<string, (arg: any) => unknown>): void {
  process.on('message', async (msg: { id: number; cmd: string; arg: unknown }) => {
    try {
      const handler = handlers[msg.cmd];
      if (!handler) throw new Error(`unknown command ${msg.cmd}`);
      process.send!({ id: msg.id, ok: true, result: await handler(msg.arg) });
    } catch (err) {
      process.send!({ id: msg.id, ok: false, error: err instanceof Error ? (err.stack ?? err.message) : String(err) });
    }
  });
  process.on('disconnect', () => process.exit(0));
  process.send!({ ready: true });
}
