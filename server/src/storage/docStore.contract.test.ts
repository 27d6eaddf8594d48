import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { DocStore } from './index';
import { createMemoryDocStore } from './memory/docStore';
import { openSqliteStorage } from './sqlite';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

const adapters: Record<string, () => DocStore> = {
  memory: () => createMemoryDocStore(),
  sqlite: () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sakutei-docs-'));
    const storage = openSqliteStorage(dir);
    cleanups.push(async () => {
      await storage.close();
      fs.rmSync(dir, { recursive: true, force: true });
    });
    return storage.docs;
  },
};

function textUpdate(doc: Y.Doc, insert: string): Uint8Array {
  let captured: Uint8Array | null = null;
  const capture = (u: Uint8Array) => (captured = u);
  doc.once('update', capture);
  doc.getText('t').insert(doc.getText('t').length, insert);
  return captured as unknown as Uint8Array;
}

function replay(updates: Uint8Array[]): string {
  const doc = new Y.Doc();
  for (const u of updates) Y.applyUpdate(doc, u);
  return doc.getText('t').toString();
}

describe.each(Object.entries(adapters))('DocStore contract: %s', (_name, make) => {
  it('loads an unknown document as empty', async () => {
    const store = make();
    expect(await store.load('nothing')).toEqual({ updates: [], lastId: 0 });
  });

  it('returns appended updates in order, per document', async () => {
    const store = make();
    const a = new Y.Doc();
    const b = new Y.Doc();
    await store.append('a', [textUpdate(a, '一'), textUpdate(a, '二')]);
    await store.append('b', [textUpdate(b, 'x')]);
    const last = await store.append('a', [textUpdate(a, '三')]);
    const loaded = await store.load('a');
    expect(replay(loaded.updates)).toBe('一二三');
    expect(loaded.lastId).toBe(last);
    expect(replay((await store.load('b')).updates)).toBe('x');
    expect(await store.countUpdates('a')).toBe(3);
  });

  it('compacts up to an id and keeps what came after', async () => {
    const store = make();
    const doc = new Y.Doc();
    const upTo = await store.append('d', [textUpdate(doc, '令和'), textUpdate(doc, '7年度')]);
    const snapshot = Y.encodeStateAsUpdate(doc);
    await store.append('d', [textUpdate(doc, 'の計画')]);
    await store.compact('d', snapshot, upTo);
    const loaded = await store.load('d');
    expect(loaded.updates).toHaveLength(2);
    expect(replay(loaded.updates)).toBe('令和7年度の計画');
    expect(await store.countUpdates('d')).toBe(1);
  });
});
