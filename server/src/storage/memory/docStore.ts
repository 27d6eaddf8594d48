import type { DocStore, StoredDoc } from '../index';

/** The in-memory twin of the document log, for room tests; same contract as the SQLite one. */
export function createMemoryDocStore(): DocStore {
  let nextId = 1;
  const docs = new Map<string, { snapshot: { data: Uint8Array; upToId: number } | null; log: Array<{ id: number; data: Uint8Array }> }>();
  const entry = (docName: string) => {
    let doc = docs.get(docName);
    if (!doc) docs.set(docName, (doc = { snapshot: null, log: [] }));
    return doc;
  };
  return {
    async load(docName): Promise<StoredDoc> {
      const doc = entry(docName);
      const updates = [...(doc.snapshot ? [doc.snapshot.data] : []), ...doc.log.map((u) => u.data)];
      const lastId = doc.log.at(-1)?.id ?? doc.snapshot?.upToId ?? 0;
      return { updates, lastId };
    },
    async append(docName, updates) {
      const doc = entry(docName);
      for (const data of updates) doc.log.push({ id: nextId++, data: data.slice() });
      return nextId - 1;
    },
    async compact(docName, snapshot, upToId) {
      const doc = entry(docName);
      if (doc.snapshot && doc.snapshot.upToId > upToId) return;
      doc.snapshot = { data: snapshot.slice(), upToId };
      doc.log = doc.log.filter((u) => u.id > upToId);
    },
    async countUpdates(docName) {
      return entry(docName).log.length;
    },
  };
}
