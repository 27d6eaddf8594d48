import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { Role } from '@sakutei/shared';
import Database from 'better-sqlite3';
import pg from 'pg';
import { newId } from '../../server/src/auth/ids';
import type { NewOutboxMessage, NotificationRecord, Storage } from '../../server/src/storage/index';
import { POSTGRES_MIGRATIONS } from '../../server/src/storage/migrations/postgres';
import { SQLITE_MIGRATIONS } from '../../server/src/storage/migrations/sqlite';
import { openPostgresStorage } from '../../server/src/storage/postgres';
import { openSqliteStorage } from '../../server/src/storage/sqlite';
import { DATABASE_FILE } from '../../server/src/storage/sqlite/database';
import { type TestDatabase, createTestDatabase } from '../support/testServices';

/** The mail outbox's contract, on SQLite and PostgreSQL; each case on storage of its own. */

type Opened = { storage: Storage; another(): Promise<Storage> };
type Backend = {
  open(): Promise<Opened>;
  /** Storage opened on a database left at schema 4 holding `seed`: what an upgrade finds. */
  upgradeFrom4(seed: string): Promise<Storage>;
};

const cleanups: Array<() => Promise<unknown> | unknown> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

let template: Promise<TestDatabase> | null = null;
afterAll(async () => {
  await template?.then((database) => database.drop(), () => undefined);
});

function sqliteDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sakutei-mail-'));
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

const backends: Array<[string, Backend]> = [
  [
    'sqlite',
    {
      async open() {
        const dir = sqliteDir();
        const openOne = async () => {
          const storage = openSqliteStorage(dir);
          cleanups.push(() => storage.close());
          return storage;
        };
        return { storage: await openOne(), another: openOne };
      },
      async upgradeFrom4(seed) {
        const dir = sqliteDir();
        const db = new Database(path.join(dir, DATABASE_FILE));
        for (const sql of SQLITE_MIGRATIONS.slice(0, 4)) db.exec(sql);
        db.pragma('user_version = 4');
        db.exec(seed);
        db.close();
        const storage = openSqliteStorage(dir);
        cleanups.push(() => storage.close());
        return storage;
      },
    },
  ],
  [
    'postgres',
    {
      async open() {
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
      async upgradeFrom4(seed) {
        const database = await createTestDatabase();
        cleanups.push(() => database.drop());
        const client = new pg.Client({ connectionString: database.url });
        await client.connect();
        try {
          await client.query('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, applied_at BIGINT NOT NULL)');
          for (const [i, sql] of POSTGRES_MIGRATIONS.slice(0, 4).entries()) {
            await client.query(sql);
            await client.query('INSERT INTO schema_migrations (version, applied_at) VALUES ($1, 0)', [i + 1]);
          }
          await client.query(seed);
        } finally {
          await client.end();
        }
        const storage = await openPostgresStorage(database.url);
        cleanups.push(() => storage.close());
        return storage;
      },
    },
  ],
];

const T0 = 1_800_000_000_000;
const LEASE = 60_000;
const MAX = 3;

function message(id: string, createdAt = T0): NewOutboxMessage {
  return { id, to: `${id}@example.jp`, subject: `件名 ${id}`, text: `本文 ${id}\nhttp://localhost/plans/p`, createdAt };
}

describe.each(backends)('MailOutboxStore contract: %s', (_name, { open }) => {
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

/** A council with a chair, a member, staff and an observer, and one plan. */
async function council(storage: Storage) {
  const workspaceId = newId();
  await storage.workspaces.createWorkspace({ id: workspaceId, name: '福島市産業振興会議' });
  const person = async (name: string, role: Role) => {
    const id = newId();
    await storage.accounts.createUser({ id, email: `${id}@example.jp`, name, passwordHash: 'hash', isDemo: false });
    await storage.workspaces.setMembership(workspaceId, id, role);
    return id;
  };
  const chair = await person('座長 一郎', 'chair');
  const staff = await person('事務局 三郎', 'staff');
  const observer = await person('傍聴 次郎', 'observer');
  const planId = newId();
  await storage.workspaces.createPlan({ id: planId, workspaceId, title: '産業振興計画', docName: `plan:${planId}` });
  const revisionId = newId();
  await storage.revisions.create({
    id: revisionId,
    planId,
    name: '第1回会議資料',
    stage: '素案',
    authorId: staff,
    createdAt: T0,
    hash: 'h'.repeat(64),
    review: { status: 'draft' },
    state: new Uint8Array([1, 2, 3]),
    canonical: '{}',
  });
  return { workspaceId, planId, chair, staff, observer, revisionId };
}

function reviewNotification(userId: string, c: Awaited<ReturnType<typeof council>>, at: number, mailedAt: number | null): NotificationRecord {
  return {
    id: newId(),
    userId,
    kind: 'changesRequested',
    planId: c.planId,
    workspaceId: null,
    meetingId: null,
    label: '',
    threadId: null,
    commentId: null,
    revisionId: c.revisionId,
    actorId: c.chair,
    detail: '目標年度を見直してください。',
    createdAt: at,
    mailedAt,
  };
}

const V4_SEED = `
  INSERT INTO users (id, email, name, password_hash, created_at) VALUES ('u1', 'u1@example.jp', '委員 花子', 'x', 1), ('u2', 'u2@example.jp', '座長 一郎', 'x', 1);
  INSERT INTO workspaces (id, name, created_at) VALUES ('w', '福島市産業振興会議', 1);
  INSERT INTO memberships (workspace_id, user_id, role) VALUES ('w', 'u1', 'member'), ('w', 'u2', 'chair');
  INSERT INTO plans (id, workspace_id, title, doc_name, created_at) VALUES ('p', 'w', '産業振興計画', 'plan:p', 1);
  INSERT INTO threads (id, plan_id, number, anchor, status, author_id, created_at, updated_at)
    VALUES ('t', 'p', 1, '{"kind":"measure","target":{"kind":"node","id":"n1","field":null},"quote":"施策1"}', 'open', 'u1', 1, 2);
  INSERT INTO comments (id, thread_id, author_id, body, created_at) VALUES ('c', 't', 'u2', '返信です', 2);
  INSERT INTO notifications (id, user_id, kind, thread_id, comment_id, actor_id, created_at) VALUES ('n', 'u1', 'reply', 't', 'c', 'u2', 2);
`;

describe.each(backends)('notifications of the workflow, and their mail: %s', (_name, backend) => {
  it('keeps a review notification without a thread, shows it with its revision, and to an observer too', async () => {
    const { storage } = await backend.open();
    const c = await council(storage);
    const n = reviewNotification(c.staff, c, T0 + 1, T0 + 1);
    await storage.comments.addNotifications([n, reviewNotification(c.observer, c, T0 + 1, T0 + 1)]);
    expect(await storage.comments.listNotifications(c.staff, 10)).toEqual([
      {
        ...n,
        readAt: null,
        actorName: '座長 一郎',
        planTitle: '産業振興計画',
        councilName: '',
        threadNumber: null,
        revisionNumber: 1,
        revisionName: '第1回会議資料',
        excerpt: '目標年度を見直してください。',
      },
    ]);
    // About a revision, so an observer (who does not read the draft) sees it.
    expect(await storage.comments.countUnread(c.observer)).toBe(1);
    expect((await storage.notificationMail.views([n.id])).map((v) => v.id)).toEqual([n.id]);
  });

  it('keeps each e-mail choice, with the recipients it applies to', async () => {
    const { storage } = await backend.open();
    const c = await council(storage);
    expect(await storage.notificationMail.getPreference(c.staff)).toBe('immediate');
    await storage.notificationMail.setPreference(c.staff, 'off', T0);
    await storage.notificationMail.setPreference(c.chair, 'daily', T0);
    const recipients = await storage.notificationMail.recipients([c.staff, c.chair, 'nobody']);
    expect(recipients.sort((a, b) => a.name.localeCompare(b.name))).toEqual(
      [
        { id: c.chair, email: `${c.chair}@example.jp`, name: '座長 一郎', emailPreference: 'daily' },
        { id: c.staff, email: `${c.staff}@example.jp`, name: '事務局 三郎', emailPreference: 'off' },
      ].sort((a, b) => a.name.localeCompare(b.name)),
    );
    expect(await storage.notificationMail.recipients([])).toEqual([]);
  });

  it('gives each daily digest once per digest time, with what was not yet mailed', async () => {
    const { storage, another } = await backend.open();
    const c = await council(storage);
    // Switching to the digest starts its day: nothing is due before the next digest time.
    await storage.notificationMail.setPreference(c.staff, 'daily', T0);
    const waiting = reviewNotification(c.staff, c, T0 + 10, null);
    const mailedAlready = reviewNotification(c.staff, c, T0 + 11, T0 + 11);
    await storage.comments.addNotifications([waiting, mailedAlready]);
    expect(await storage.notificationMail.dueDigests(T0 - 1, 10)).toEqual([]);

    const boundary = T0 + 1000;
    expect((await storage.notificationMail.dueDigests(boundary, 10)).map((r) => r.id)).toEqual([c.staff]);
    const second = await another();
    const [a, b] = await Promise.all([
      storage.notificationMail.takeDigest(c.staff, boundary, boundary + 1),
      second.notificationMail.takeDigest(c.staff, boundary, boundary + 1),
    ]);
    const taken = [a, b].filter((x) => x !== null);
    expect(taken).toHaveLength(1);
    expect(taken[0]!.map((n) => n.id)).toEqual([waiting.id]);
    expect(await storage.notificationMail.dueDigests(boundary, 10)).toEqual([]);
    expect(await storage.notificationMail.takeDigest(c.staff, boundary, boundary + 2)).toBeNull();
  });

  it('upgrades notifications made before schema 5: kept, shown, and never mailed', async () => {
    const storage = await backend.upgradeFrom4(V4_SEED);
    expect(await storage.comments.listNotifications('u1', 10)).toEqual([
      {
        id: 'n',
        userId: 'u1',
        kind: 'reply',
        planId: 'p',
        // Carried through migration 14: a plan's notification names no meeting.
        workspaceId: null,
        meetingId: null,
        label: '',
        threadId: 't',
        commentId: 'c',
        revisionId: null,
        actorId: 'u2',
        detail: '',
        createdAt: 2,
        mailedAt: 2,
        readAt: null,
        actorName: '座長 一郎',
        planTitle: '産業振興計画',
        councilName: '',
        threadNumber: 1,
        revisionNumber: null,
        revisionName: null,
        excerpt: '返信です',
      },
    ]);
    expect(await storage.notificationMail.getPreference('u1')).toBe('immediate');
    await storage.notificationMail.setPreference('u1', 'daily', 3);
    expect(await storage.notificationMail.dueDigests(T0, 10)).toEqual([]);
  });
});
