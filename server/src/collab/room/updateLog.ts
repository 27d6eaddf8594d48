import type { DocStore } from '../../storage';

/** An update waiting to be stored, with what its relay will need (`about`). */
export type LoggedUpdate<T> = { update: Uint8Array; about: T };

/** How long a failing store is left alone before the pending updates are tried again. */
const RETRY_MS = 1_000;

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
    if (!this.writing && !this.retryTimer) this.writing = this.drain();
  }

  /** True while some accepted update is not yet stored. */
  get hasPending(): boolean {
    return this.queue.length > 0 || this.writing !== null;
  }

  /** Resolves once everything pushed so far is stored (or the store has failed on it). */
  flush(): Promise<void> {
    if (this.retryTimer) {
      clearTimeout(this.retryTimer);
      this.retryTimer = null;
      this.writing ??= this.drain();
    }
    return this.writing ?? Promise.resolve();
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
        break;
      }
      this.storedSinceCompaction += batch.length;
      this.onStored(batch);
    }
    this.writing = null;
  }
}
