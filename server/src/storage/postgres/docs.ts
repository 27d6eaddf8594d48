import type { DocStore } from '../index';
import { type Pool, type PoolClient, inTransaction } from './database';
import { LOCK_SPACE, lockKey } from './locks';

/** Rows per INSERT: two parameters each, well under PostgreSQL's 65535. */
const CHUNK = 1000;

/**
 * Holds the document's log for the rest of the transaction. Ids come from one sequence and are
 * handed out before commit, so without it two processes appending to one document could commit
 * ids out of order: a load between the two commits would report the higher id as its lastId,
 * and compacting up to it would lose the lower one. Taken in id order, commits are in id order.
 */
async function lockLog(client: PoolClient, docName: string): Promise<void> {
  await client.query('SELECT pg_advisory_xact_lock($1, $2)', [LOCK_SPACE.docLog, lockKey(docName)]);
}

export function createPostgresDocStore(pool: Pool): DocStore {
  return {
    async load(docName) {
      // One statement, so one snapshot of the database: a compaction committing between reading
      // the snapshot and reading the log cannot make the updates it folded in disappear.
      const { rows } = await pool.query<{ is_snapshot: boolean; id: number; data: Buffer }>(
        `WITH snap AS (SELECT data, up_to_id FROM doc_snapshots WHERE doc_name = $1)
         SELECT TRUE AS is_snapshot, up_to_id AS id, data FROM snap
         UNION ALL
         SELECT FALSE, id, data FROM doc_updates
           WHERE doc_name = $1 AND id > COALESCE((SELECT up_to_id FROM snap), 0)
         ORDER BY is_snapshot DESC, id`,
        [docName],
      );
      return { updates: rows.map((r) => new Uint8Array(r.data)), lastId: rows.at(-1)?.id ?? 0 };
    },
    async append(docName, updates) {
      if (updates.length === 0) return 0;
      return inTransaction(pool, async (client) => {
        await lockLog(client, docName);
        let last = 0;
        for (let i = 0; i < updates.length; i += CHUNK) {
          const chunk = updates.slice(i, i + CHUNK);
          // VALUES rows take their ids in the order written, so the log keeps the updates' order.
          const tuples = chunk.map((_, j) => `($1, $${j + 2})`).join(', ');
          const { rows } = await client.query<{ id: number }>(
            `INSERT INTO doc_updates (doc_name, data) VALUES ${tuples} RETURNING id`,
            [docName, ...chunk],
          );
          for (const row of rows) last = Math.max(last, row.id);
        }
        return last;
      });
    },
    async compact(docName, snapshot, upToId) {
      await inTransaction(pool, async (client) => {
        await lockLog(client, docName);
        // A compaction that read less than the stored snapshot holds (it lost its lock, or an
        // older one finished last) must not roll the snapshot back: it changes nothing.
        const { rowCount } = await client.query(
          `INSERT INTO doc_snapshots (doc_name, data, up_to_id, updated_at) VALUES ($1, $2, $3, $4)
           ON CONFLICT (doc_name) DO UPDATE SET data = excluded.data, up_to_id = excluded.up_to_id, updated_at = excluded.updated_at
           WHERE doc_snapshots.up_to_id <= excluded.up_to_id`,
          [docName, snapshot, upToId, Date.now()],
        );
        if (rowCount === 0) return;
        await client.query('DELETE FROM doc_updates WHERE doc_name = $1 AND id <= $2', [docName, upToId]);
      });
    },
    async countUpdates(docName) {
      const { rows } = await pool.query<{ n: number }>('SELECT count(*) AS n FROM doc_updates WHERE doc_name = $1', [docName]);
      return rows[0]?.n ?? 0;
    },
  };
}
