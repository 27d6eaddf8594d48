import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { NewOutboxMessage, Storage } from '../../server/src/storage/index';
import { openPostgresStorage } from '../../server/src/storage/postgres';
import { openSqliteStorage } from '../../server/src/storage/sqlite';
import { type TestDatabase, createTestDatabase } from '../support/testServices';

/** The mail outbox's contract, on SQLite and PostgreSQL; each case on storage of its own. */

type Opened = { storage: Storage; another(): Promise<Storage> };

const cleanups: Array<() => Promise<unknown> | unknown> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

let template: Promise<TestDatabase> | null = null;
afterAll(async () => {
  await template?.then((database) => database.drop(), () => undefined);
});

const backends: Array<[string, () => Promise<Opened>]> = [
  [
    'sqlite',
    async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sakutei-mail-'));
      cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
      const openOne = async () => {
        const storage = openSqliteStorage(dir);
        cleanups.push(() => storage.close());
        return storage;
      };
      return { storage: await openOne(), another: openOne };
    },
  ],
  [
    'postgres',
    async () => {
      template ??= (async () => {
        const database = await createTestDatabase();
        await (await openPostgresStorage(database.url)).close();
        return database;
      })();
      const database = await createTestDatabase({ template: await template });
      cleanups.push(() => database.drop());
      const openOne = async () => {
        const storage = await openPostgresStorage(database.url);
        cleanups.push(() => storage.close());
        return storage;
      };
      return { storage: await openOne(), another: openOne };
    },
  ],
];

const T0 = 1_800_000_000_000;
const LEASE = 60_000;
const MAX = 3;

function message(id: string, createdAt = T0): NewOutboxMessage {
  return { id, to: `${id}@example.jp`, subject: `件名 ${id}`, text: `本文 ${id}\nhttp://localhost/plans/p`, createdAt };
}

describe.each(backends)('MailOutboxStore contract: %s', (_name, open) => {
  it('hands out an enqueued message once, whole, and not again while it is claimed', async () => {
    const { storage } = await open();
    await storage.mailOutbox.enqueue(message('a'));
    const [claimed, ...rest] = await storage.mailOutbox.claimDue(T0, T0 + LEASE, 10, MAX);
    expect(rest).toEqual([]);
    expect(claimed).toEqual({
      id: 'a',
      to: 'a@example.jp',
      subject: '件名 a',
      text: '本文 a\nhttp://localhost/plans/p',
      createdAt: T0,
      attempts: 0,
      nextAttemptAt: T0,
      sentAt: null,
      lastError: null,
    });
    expect(await storage.mailOutbox.claimDue(T0 + LEASE - 1, T0 + 2 * LEASE, 10, MAX)).toEqual([]);
  });

  it("gives a crashed sender's message to the next one when its claim runs out", async () => {
    const { storage, another } = await open();
    await storage.mailOutbox.enqueue(message('a'));
    expect(await storage.mailOutbox.claimDue(T0, T0 + LEASE, 10, MAX)).toHaveLength(1);
    const second = await another();
    const reclaimed = await second.mailOutbox.claimDue(T0 + LEASE, T0 + 2 * LEASE, 10, MAX);
    expect(reclaimed.map((m) => m.id)).toEqual(['a']);
  });

  it('sends nothing twice: a message marked sent is never claimed again, and stays recorded', async () => {
    const { storage } = await open();
    await storage.mailOutbox.enqueue(message('a'));
    await storage.mailOutbox.claimDue(T0, T0 + LEASE, 10, MAX);
    await storage.mailOutbox.markSent('a', T0 + 5);
    expect(await storage.mailOutbox.claimDue(T0 + 10 * LEASE, T0 + 11 * LEASE, 10, MAX)).toEqual([]);
    expect((await storage.mailOutbox.find('a'))?.sentAt).toBe(T0 + 5);
    expect(await storage.mailOutbox.listUnsent(10)).toEqual([]);
  });

  it('counts a failure, keeps its error, and holds the message back until its next attempt', async () => {
    const { storage } = await open();
    await storage.mailOutbox.enqueue(message('a'));
    await storage.mailOutbox.claimDue(T0, T0 + LEASE, 10, MAX);
    await storage.mailOutbox.markFailed('a', 'connect ECONNREFUSED 127.0.0.1:2525', T0 + 1000);
    expect(await storage.mailOutbox.claimDue(T0 + 999, T0 + LEASE, 10, MAX)).toEqual([]);
    const [again] = await storage.mailOutbox.claimDue(T0 + 1000, T0 + LEASE, 10, MAX);
    expect(again).toMatchObject({ id: 'a', attempts: 1, nextAttemptAt: T0 + 1000, lastError: 'connect ECONNREFUSED 127.0.0.1:2525' });
  });

  it('gives up after the most attempts but keeps the message with its last error', async () => {
    const { storage } = await open();
    await storage.mailOutbox.enqueue(message('a'));
    for (let i = 1; i <= MAX; i++) {
      expect(await storage.mailOutbox.claimDue(T0 + i * 10, T0 + LEASE, 10, MAX)).toHaveLength(1);
      await storage.mailOutbox.markFailed('a', `failure ${i}`, T0 + i * 10 + 10);
    }
    expect(await storage.mailOutbox.claimDue(T0 + 100 * LEASE, T0 + 101 * LEASE, 10, MAX)).toEqual([]);
    expect(await storage.mailOutbox.listUnsent(10)).toEqual([expect.objectContaining({ id: 'a', attempts: MAX, lastError: `failure ${MAX}` })]);
  });

  it('keeps a long error short', async () => {
    const { storage } = await open();
    await storage.mailOutbox.enqueue(message('a'));
    await storage.mailOutbox.markFailed('a', 'x'.repeat(10_000), T0);
    expect((await storage.mailOutbox.find('a'))?.lastError?.length).toBe(1000);
  });

  it('hands out the oldest due messages first, up to the limit', async () => {
    const { storage } = await open();
    await storage.mailOutbox.enqueue(message('late', T0 + 2));
    await storage.mailOutbox.enqueue(message('early', T0));
    await storage.mailOutbox.enqueue(message('middle', T0 + 1));
    await storage.mailOutbox.enqueue(message('future', T0 + LEASE));
    expect((await storage.mailOutbox.claimDue(T0 + 10, T0 + LEASE, 2, MAX)).map((m) => m.id)).toEqual(['early', 'middle']);
    expect((await storage.mailOutbox.claimDue(T0 + 10, T0 + LEASE, 10, MAX)).map((m) => m.id)).toEqual(['late']);
  });

  it('never gives one message to two senders claiming at the same time', async () => {
    const { storage, another } = await open();
    const second = await another();
    const ids = Array.from({ length: 30 }, (_, i) => `m${String(i).padStart(2, '0')}`);
    for (const id of ids) await storage.mailOutbox.enqueue(message(id));
    const claimedBy = async (s: Storage) => {
      const got: string[] = [];
      for (;;) {
        const batch = await s.mailOutbox.claimDue(T0, T0 + LEASE, 3, MAX);
        if (batch.length === 0) return got;
        got.push(...batch.map((m) => m.id));
      }
    };
    const [a, b] = await Promise.all([claimedBy(storage), claimedBy(second)]);
    expect([...a, ...b].sort()).toEqual(ids);
  });
});
