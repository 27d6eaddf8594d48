import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { clearOfflineCopies, offlineDbName, offlineDbNamesOf, readUnsentCount, unsentEditsOf, writeUnsentCount } from './offlineCopies';
import { openOfflineCopy } from './offlineStore';

const open: Array<{ destroy(): void }> = [];
afterEach(async () => {
  for (const copy of open.splice(0)) copy.destroy();
  await clearOfflineCopies('alice');
  await clearOfflineCopies('bob');
  localStorage.clear();
});

/** Opens a fresh doc on `userId`'s copy of `docName` and waits until what it holds is applied. */
async function load(userId: string, docName: string): Promise<Y.Doc> {
  const doc = new Y.Doc();
  const copy = openOfflineCopy(doc, userId, docName);
  open.push(copy);
  await copy.loaded;
  return doc;
}

/** Types into a copy, then closes it as a closing tab would. */
async function write(userId: string, docName: string, text: string): Promise<void> {
  const doc = await load(userId, docName);
  doc.getText('t').insert(0, text);
  // y-indexeddb begins each update's write at once; the database closes after it.
  await open.pop()?.destroy();
}

describe('the offline copy of a plan', () => {
  it('brings back what was typed after the page was closed', async () => {
    await write('alice', 'plan-1', 'offline edit');
    expect((await load('alice', 'plan-1')).getText('t').toString()).toBe('offline edit');
  });

  it('is one database per user and per document', async () => {
    expect(offlineDbName('alice', 'plan-1')).not.toBe(offlineDbName('bob', 'plan-1'));
    expect(offlineDbName('alice', 'plan-1')).not.toBe(offlineDbName('alice', 'plan-2'));
    // A separator in an id cannot make two users' names collide.
    expect(offlineDbName('a:b', 'c')).not.toBe(offlineDbName('a', 'b:c'));

    await write('alice', 'plan-1', 'alice’s words');
    expect((await load('bob', 'plan-1')).getText('t').toString()).toBe('');
    expect((await load('alice', 'plan-2')).getText('t').toString()).toBe('');
  });

  it('signing out deletes every copy of that user and nobody else’s', async () => {
    await write('alice', 'plan-1', 'a1');
    await write('alice', 'plan-2', 'a2');
    await write('bob', 'plan-1', 'b1');
    writeUnsentCount('alice', 'plan-1', 3);
    writeUnsentCount('bob', 'plan-1', 2);
    expect(await offlineDbNamesOf('alice')).toHaveLength(2);

    await clearOfflineCopies('alice');

    expect(await offlineDbNamesOf('alice')).toEqual([]);
    const names = (await indexedDB.databases()).map((db) => db.name);
    expect(names).not.toContain(offlineDbName('alice', 'plan-1'));
    expect(names).not.toContain(offlineDbName('alice', 'plan-2'));
    expect(names).toContain(offlineDbName('bob', 'plan-1'));
    expect(readUnsentCount('alice', 'plan-1')).toBe(0);
    expect(readUnsentCount('bob', 'plan-1')).toBe(2);
    expect((await load('alice', 'plan-1')).getText('t').toString()).toBe('');
    expect((await load('bob', 'plan-1')).getText('t').toString()).toBe('b1');
  });

  it('deletes a copy even while a page still has it open', async () => {
    const doc = await load('alice', 'plan-1');
    doc.getText('t').insert(0, 'still open');
    await clearOfflineCopies('alice');
    await open.pop()?.destroy();
    expect((await load('alice', 'plan-1')).getText('t').toString()).toBe('');
  });

  it('keeps the count of unconfirmed edits per user and document', () => {
    writeUnsentCount('alice', 'plan-1', 4);
    expect(readUnsentCount('alice', 'plan-1')).toBe(4);
    expect(readUnsentCount('alice', 'plan-2')).toBe(0);
    expect(readUnsentCount('bob', 'plan-1')).toBe(0);
    writeUnsentCount('alice', 'plan-2', 1);
    writeUnsentCount('bob', 'plan-1', 7);
    expect(unsentEditsOf('alice')).toBe(5);
    writeUnsentCount('alice', 'plan-1', 0);
    expect(readUnsentCount('alice', 'plan-1')).toBe(0);
    expect(unsentEditsOf('alice')).toBe(1);
    localStorage.setItem('sakutei-unsent:alice:plan-1', 'garbage');
    expect(readUnsentCount('alice', 'plan-1')).toBe(0);
  });
});
