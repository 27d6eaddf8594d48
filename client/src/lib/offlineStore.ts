import { IndexeddbPersistence } from 'y-indexeddb';
import type * as Y from 'yjs';
import { offlineDbName, remember } from './offlineCopies';

/**
 * The plan's Y.Doc kept in this browser (IndexedDB, through y-indexeddb), so that edits not
 * yet stored by the server survive closing the tab or the browser. What is kept beside it
 * (names, unsent counts, deletion on sign-out) is in offlineCopies.ts, which needs no Yjs.
 */

/** A document's local copy, open and applying itself to the doc. */
export interface OfflineCopy {
  /** Resolves once the stored edits are in the doc, or after `timeoutMs` if IndexedDB is slow or broken. */
  loaded: Promise<void>;
  /** The origin of the transactions that replay the stored edits into the doc. */
  origin: unknown;
  /**
   * Stops writing and closes the copy. Resolves once the database is asked to close, which
   * IndexedDB does after the writes already begun: whoever opens it next reads them.
   */
  destroy(): Promise<void>;
}

/**
 * Opens (or creates) the local copy of `docName` for `userId` and applies what it holds to
 * `ydoc`; from then on every change of the doc is written to it as it happens.
 */
export function openOfflineCopy(ydoc: Y.Doc, userId: string, docName: string, timeoutMs = 3_000): OfflineCopy {
  if (typeof indexedDB === 'undefined') return { loaded: Promise.resolve(), origin: null, destroy: () => Promise.resolve() };
  remember(userId, docName);
  const persistence = new IndexeddbPersistence(offlineDbName(userId, docName), ydoc);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const loaded = Promise.race([
    persistence.whenSynced.then(() => undefined),
    // A blocked or failing IndexedDB must not keep the plan from opening: it then works online only.
    new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs))),
  ]).finally(() => clearTimeout(timer));
  return {
    loaded,
    origin: persistence,
    destroy: () => {
      clearTimeout(timer);
      return persistence.destroy();
    },
  };
}
