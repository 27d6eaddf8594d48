import * as Y from 'yjs';
import type { DocStore } from '../../storage';

/**
 * Writes a room's accepted updates to the document log in small batches: at most `flushMs`
 * after an update is accepted it is on disk (the durability window the README states).
 */
export class DocWriter {
  private pending: Uint8Array[] = [];
  private timer: NodeJS.Timeout | null = null;
  private chain: Promise<void> = Promise.resolve();
  /** Id of the last update known to be stored; compaction replaces everything up to it. */
  lastStoredId: number;
  /** Log entries written since the last compaction. */
  storedSinceCompaction = 0;

  constructor(
    private readonly docName: string,
    private readonly store: DocStore,
    private readonly flushMs: number,
    lastStoredId: number,
    private readonly onError: (err: unknown) => void = (err) => console.error('document write failed', err),
  ) {
    this.lastStoredId = lastStoredId;
  }

  push(update: Uint8Array): void {
    this.pending.push(update);
    this.timer ??= setTimeout(() => void this.flush(), this.flushMs);
  }

  get hasPending(): boolean {
    return this.pending.length > 0;
  }

  /** Writes what is pending; resolves once everything pushed so far is stored. */
  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.pending.length > 0) {
      const batch = this.pending;
      this.pending = [];
      this.chain = this.chain.then(async () => {
        try {
          // One merged row per batch keeps the log short; Yjs merges losslessly.
          const merged = batch.length === 1 ? (batch[0] as Uint8Array) : Y.mergeUpdates(batch);
          this.lastStoredId = await this.store.append(this.docName, [merged]);
          this.storedSinceCompaction++;
        } catch (err) {
          // Keep the batch so the next flush retries it: nothing accepted is dropped.
          this.pending.unshift(...batch);
          this.timer ??= setTimeout(() => void this.flush(), Math.max(this.flushMs, 1000));
          this.onError(err);
        }
      });
    }
    return this.chain;
  }
}
