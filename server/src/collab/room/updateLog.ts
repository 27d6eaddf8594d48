import type { DocStore } from '../../storage';

/** An update waiting to be stored, with what its relay will need (`about`). */
export type LoggedUpdate<T> = { update: Uint8Array; about: T };

/** How long a failing store is left alone before the pending updates are tried again. */
const RETRY_MS = 1_000;

type Waiter = { upTo: number; resolve: (stored: boolean) => void; patient: boolean };

/**
 * Writes a room's accepted updates to the document log before anyone else may see them: a
 * batch is handed to `onStored` (which relays it) only once `append` has resolved, so an
 * update another client has seen is an update a crash cannot lose. Updates arriving while a
 * write is in flight are written together next (group commit): a slow store costs latency,
 * not a write per update, and the order of updates is kept.
 */
export class UpdateLog<T> {
  private queue: LoggedUpdate<T>[] = [];
  private writing: Promise<void> | null = null;
  private retryTimer: NodeJS.Timeout | null = null;
  /** Updates pushed and updates stored since the room loaded; waiters wait for a count. */
  private pushed = 0;
  private storedCount = 0;
  private waiters: Waiter[] = [];
  /** Id of the last update known to be stored; compaction replaces everything up to it. */
  lastStoredId: number;
  /** Log entries written since the last compaction. */
  storedSinceCompaction = 0;

  constructor(
    private readonly docName: string,
    private readonly store: DocStore,
    lastStoredId: number,
    private readonly onStored: (batch: LoggedUpdate<T>[]) => void,
    private readonly onError: (err: unknown) => void = (err) => console.error('document write failed', err),
  ) {
    this.lastStoredId = lastStoredId;
  }

  push(update: Uint8Array, about: T): void {
    this.queue.push({ update, about });
    this.pushed++;
    if (!this.writing && !this.retryTimer) this.writing = this.drain();
  }

  /** True while some accepted update is not yet stored. */
  get hasPending(): boolean {
    return this.storedCount < this.pushed;
  }

  /**
   * Writes now what is pending (cutting a failing store's back-off short) and resolves with
   * whether everything pushed before the call is stored; false once an attempt has failed.
   * Updates pushed later do not keep it waiting.
   */
  flush(): Promise<boolean> {
    if (this.retryTimer) {
      clearTimeout(this.retryTimer);
      this.retryTimer = null;
      this.writing ??= this.drain();
    }
    return this.waitFor(false);
  }

  /** Resolves once everything pushed before the call is stored, however long a failing store takes. */
  stored(): Promise<void> {
    return this.waitFor(true).then(() => undefined);
  }

  private waitFor(patient: boolean): Promise<boolean> {
    if (!this.hasPending) return Promise.resolve(true);
    return new Promise((resolve) => this.waiters.push({ upTo: this.pushed, resolve, patient }));
  }

  private settle(failed: boolean): void {
    this.waiters = this.waiters.filter((w) => {
      if (w.upTo <= this.storedCount) w.resolve(true);
      else if (failed && !w.patient) w.resolve(false);
      else return true;
      return false;
    });
  }

  private async drain(): Promise<void> {
    // Updates decoded from one network read arrive in one tick: let them share a write.
    await Promise.resolve();
    while (this.queue.length > 0) {
      const batch = this.queue;
      this.queue = [];
      try {
        this.lastStoredId = await this.store.append(
          this.docName,
          batch.map((entry) => entry.update),
        );
      } catch (err) {
        // Keep the batch, in order, for the retry: nothing accepted is dropped.
        this.queue = batch.concat(this.queue);
        this.onError(err);
        this.retryTimer = setTimeout(() => {
          this.retryTimer = null;
          this.writing ??= this.drain();
        }, RETRY_MS);
        this.writing = null;
        this.settle(true);
        return;
      }
      this.storedSinceCompaction += batch.length;
      this.storedCount += batch.length;
      this.onStored(batch);
      this.settle(false);
    }
    this.writing = null;
  }
}
