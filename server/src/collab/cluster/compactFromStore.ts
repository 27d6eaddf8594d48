import * as Y from 'yjs';
import type { Compactor } from '../room/room';

/** Runs `fn` holding a lock of that name across every process (Storage.runExclusive). */
export type Exclusive = <T>(name: string, fn: () => Promise<T>) => Promise<T>;

/**
 * Compaction when several processes append to one document's log. A room's own document
 * cannot be trusted to hold every stored update (another process's newest may still be on
 * its way through the bus), so the snapshot is built from the log itself, and one process at
 * a time does it: whoever holds the document's compaction lock is its owner for the moment.
 */
export function compactFromStore(exclusive: Exclusive): Compactor {
  // No flush first: the snapshot is read from the store, so what is still being written simply
  // stays in the log after it.
  return async (room) => {
    room.log.storedSinceCompaction = 0;
    await exclusive(`compact:${room.name}`, async () => {
      const stored = await room.store.load(room.name);
      if (stored.updates.length < 2) return;
      const doc = new Y.Doc({ gc: true });
      try {
        Y.transact(doc, () => {
          for (const update of stored.updates) Y.applyUpdate(doc, update);
        });
        await room.store.compact(room.name, Y.encodeStateAsUpdate(doc), stored.lastId);
      } finally {
        doc.destroy();
      }
    });
  };
}
