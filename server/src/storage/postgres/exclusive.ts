import { createKeyedMutex } from '../keyedMutex';
import type { Pool } from './database';
import { LOCK_SPACE, lockKey } from './locks';

/**
 * Storage.runExclusive on PostgreSQL: a session advisory lock, held on a client of its own
 * for as long as `fn` runs, so the lock is released even if this process dies mid-way.
 * `locks` must be a pool of its own: `fn` queries through the main pool, and a caller waiting
 * for a lock never takes a connection that the lock's holder needs to finish.
 */
export function createPostgresExclusive(locks: Pool): <T>(name: string, fn: () => Promise<T>) => Promise<T> {
  // Callers in this process queue here first, so each name occupies at most one lock client.
  const inProcess = createKeyedMutex();
  return (name, fn) =>
    inProcess(name, async () => {
      const key = [LOCK_SPACE.exclusive, lockKey(name)];
      const client = await locks.connect();
      // Nothing else would notice: the work under the lock goes on, no longer exclusive.
      const lost = (err: Error) => console.error(`PostgreSQL connection holding lock "${name}" lost: ${err.message}`);
      client.on('error', lost);
      let released = false;
      try {
        await client.query('SELECT pg_advisory_lock($1, $2)', key);
        try {
          return await fn();
        } finally {
          await client.query('SELECT pg_advisory_unlock($1, $2)', key).then(
            () => (released = true),
            // Closing the connection below releases it just as well; fn's outcome stands.
            () => undefined,
          );
        }
      } finally {
        client.off('error', lost);
        // A client whose lock may still be held is closed, never pooled for the next caller.
        client.release(!released);
      }
    });
}
