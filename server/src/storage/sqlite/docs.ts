import type { DocStore } from '../index';
import type { SqliteDatabase } from './database';

export function createSqliteDocStore(db: SqliteDatabase): DocStore {
  const q = {
    snapshot: db.prepare<[string], { data: Buffer; up_to_id: number }>(
      'SELECT data, up_to_id FROM doc_snapshots WHERE doc_name = ?',
    ),
    updatesAfter: db.prepare<[string, number], { id: number; data: Buffer }>(
      'SELECT id, data FROM doc_updates WHERE doc_name = ? AND id > ? ORDER BY id',
    ),
    insert: db.prepare('INSERT INTO doc_updates (doc_name, data) VALUES (?, ?)'),
    upsertSnapshot: db.prepare(
      `INSERT INTO doc_snapshots (doc_name, data, up_to_id, updated_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (doc_name) DO UPDATE SET data = excluded.data, up_to_id = excluded.up_to_id, updated_at = excluded.updated_at
       WHERE doc_snapshots.up_to_id <= excluded.up_to_id`,
    ),
    deleteUpTo: db.prepare('DELETE FROM doc_updates WHERE doc_name = ? AND id <= ?'),
    count: db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM doc_updates WHERE doc_name = ?'),
  };
  const appendAll = db.transaction((docName: string, updates: Uint8Array[]) => {
    let last = 0;
    for (const u of updates) last = Number(q.insert.run(docName, u).lastInsertRowid);
    return last;
  });
  const compactAll = db.transaction((docName: string, snapshot: Uint8Array, upToId: number) => {
    // An older compaction finishing last must not roll the snapshot back: it changes nothing.
    if (q.upsertSnapshot.run(docName, snapshot, upToId, Date.now()).changes === 0) return;
    q.deleteUpTo.run(docName, upToId);
  });
  return {
    async load(docName) {
      const snap = q.snapshot.get(docName);
      const rows = q.updatesAfter.all(docName, snap?.up_to_id ?? 0);
      const updates = [...(snap ? [new Uint8Array(snap.data)] : []), ...rows.map((r) => new Uint8Array(r.data))];
      return { updates, lastId: rows.at(-1)?.id ?? snap?.up_to_id ?? 0 };
    },
    async append(docName, updates) {
      return appendAll(docName, updates);
    },
    async compact(docName, snapshot, upToId) {
      compactAll(docName, snapshot, upToId);
    },
    async countUpdates(docName) {
      return q.count.get(docName)?.n ?? 0;
    },
  };
}
