import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Anchor, Role } from '@sakutei/shared';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { newId } from '../../server/src/auth/ids';
import { GENESIS_HASH, auditEntryHash } from '../../server/src/storage/auditChain';
import type { DocStore, NewComment, Storage } from '../../server/src/storage/index';
import { createMemoryDocStore } from '../../server/src/storage/memory/docStore';
import { openPostgresStorage } from '../../server/src/storage/postgres';
import { openSqliteStorage } from '../../server/src/storage/sqlite';
import { DATABASE_FILE } from '../../server/src/storage/sqlite/database';
import { type TestDatabase, createTestDatabase } from '../support/testServices';

/**
 * One contract, every backend: the same cases run against the memory document log, SQLite and
 * PostgreSQL, each case on storage of its own (a fresh folder, a fresh database).
 */

type Opened = {
  storage: Storage;
  /** Runs SQL beside the stores, on a connection of its own: what a hand at the console could do. */
  raw(sql: string): Promise<void>;
  /** Another Storage on the same data, as a second server process would open it. */
  another(): Promise<Storage>;
};

type Backend = {
  name: string;
  open(): Promise<Opened>;
  /** Lets the next UPDATE of audit_log through, to see that verify() notices it. */
  disableAuditUpdateGuard: string;
  /** Lets DELETE on audit_log through: someone removing the newest entries. */
  disableAuditDeleteGuard: string;
  /** Makes every audit_log INSERT fail, to see what a failing record takes down with it. */
  refuseAuditInserts: string;
};

const cleanups: Array<() => Promise<unknown> | unknown> = [];
afterEach(async () => {
  // Last opened, first closed: storages before the database they live in.
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const sqlite: Backend = {
  name: 'sqlite',
  disableAuditUpdateGuard: 'DROP TRIGGER audit_log_append_only_update',
  disableAuditDeleteGuard: 'DROP TRIGGER audit_log_append_only_delete',
  refuseAuditInserts: "CREATE TRIGGER test_refuse_audit BEFORE INSERT ON audit_log BEGIN SELECT RAISE(ABORT, 'no record today'); END",
  async open() {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sakutei-storage-'));
    cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
    const openOne = async () => {
      const storage = openSqliteStorage(dir);
      cleanups.push(() => storage.close());
      return storage;
    };
    return {
      storage: await openOne(),
      another: openOne,
      async raw(sql) {
        const db = new Database(path.join(dir, DATABASE_FILE));
        try {
          db.exec(sql);
        } finally {
          db.close();
        }
      },
    };
  },
};

/** A database migrated once per file, copied for each case (migrating from empty is tested below). */
let template: Promise<TestDatabase> | null = null;
afterAll(async () => {
  // A template that failed to come about has failed every case already; nothing to drop.
  await template?.then((database) => database.drop(), () => undefined);
});
function migratedTemplate(): Promise<TestDatabase> {
  template ??= (async () => {
    const database = await createTestDatabase();
    await (await openPostgresStorage(database.url)).close();
    return database;
  })();
  return template;
}

const postgres: Backend = {
  name: 'postgres',
  disableAuditUpdateGuard: 'ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only_update',
  disableAuditDeleteGuard: 'ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only_delete',
  refuseAuditInserts: "CREATE TRIGGER test_refuse_audit BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION sakutei_refuse('no record today')",
  async open() {
    const database = await createTestDatabase({ template: await migratedTemplate() });
    cleanups.push(() => database.drop());
    const openOne = async () => {
      const storage = await openPostgresStorage(database.url);
      cleanups.push(() => storage.close());
      return storage;
    };
    return {
      storage: await openOne(),
      another: openOne,
      async raw(sql) {
        const client = new pg.Client({ connectionString: database.url });
        await client.connect();
        try {
          await client.query(sql);
        } finally {
          await client.end();
        }
      },
    };
  },
};

const docBackends: Array<[string, () => Promise<DocStore>]> = [
  ['memory', async () => createMemoryDocStore()],
  ...[sqlite, postgres].map((b): [string, () => Promise<DocStore>] => [b.name, async () => (await b.open()).storage.docs]),
];

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

describe.each(docBackends)('DocStore contract: %s', (_name, make) => {
  it('loads an unknown document as empty', async () => {
    const store = await make();
    expect(await store.load('nothing')).toEqual({ updates: [], lastId: 0 });
  });

  it('returns appended updates in order, per document', async () => {
    const store = await make();
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

  it('keeps the order of a large batch, byte for byte', async () => {
    const store = await make();
    const doc = new Y.Doc();
    const updates = Array.from({ length: 1500 }, (_, i) => textUpdate(doc, `${i % 10}`));
    await store.append('big', updates);
    const loaded = await store.load('big');
    expect(loaded.updates).toEqual(updates);
    expect(replay(loaded.updates)).toBe(doc.getText('t').toString());
  });

  it('compacts up to an id and keeps what came after', async () => {
    const store = await make();
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

  it('ignores a compaction older than the snapshot it would replace', async () => {
    const store = await make();
    const doc = new Y.Doc();
    const early = await store.append('o', [textUpdate(doc, '素案')]);
    const earlySnapshot = Y.encodeStateAsUpdate(doc);
    const late = await store.append('o', [textUpdate(doc, 'から策定版へ')]);
    await store.compact('o', Y.encodeStateAsUpdate(doc), late);
    // The older one finishes last (it lost its lock, say): it must not roll anything back.
    await store.compact('o', earlySnapshot, early);
    expect(replay((await store.load('o')).updates)).toBe('素案から策定版へ');
  });

  it('after compacting everything, loads the snapshot with its id, and appends after it', async () => {
    const store = await make();
    const doc = new Y.Doc();
    const upTo = await store.append('s', [textUpdate(doc, '計画')]);
    await store.compact('s', Y.encodeStateAsUpdate(doc), upTo);
    expect(await store.load('s')).toEqual({ updates: [Y.encodeStateAsUpdate(doc)], lastId: upTo });
    expect(await store.countUpdates('s')).toBe(0);
    const next = await store.append('s', [textUpdate(doc, '書')]);
    expect(next).toBeGreaterThan(upTo);
    expect(replay((await store.load('s')).updates)).toBe('計画書');
  });
});

/** A council with a chair, a member and an observer, and one plan. */
async function council(storage: Storage) {
  const person = async (name: string, role: Role) => {
    const id = newId();
    await storage.accounts.createUser({ id, email: `${id}@example.jp`, name, passwordHash: 'hash', isDemo: false });
    await storage.workspaces.setMembership(workspaceId, id, role);
    return id;
  };
  const workspaceId = newId();
  await storage.workspaces.createWorkspace({ id: workspaceId, name: '福島市産業振興会議' });
  const chair = await person('座長 一郎', 'chair');
  const member = await person('委員 花子', 'member');
  const observer = await person('傍聴 次郎', 'observer');
  const planId = newId();
  await storage.workspaces.createPlan({ id: planId, workspaceId, title: '産業振興計画', docName: `plan:${planId}` });
  return { workspaceId, planId, chair, member, observer };
}

const anchor: Anchor = { kind: 'measure', target: { kind: 'node', id: 'n1', field: null }, quote: '施策1' };

function comment(threadId: string, authorId: string, body: string, at: number, mentionIds: string[] = []): NewComment {
  return { id: newId(), threadId, authorId, body, createdAt: at, mentionIds };
}

async function newThread(storage: Storage, planId: string, authorId: string, at = 1000, revisionId: string | null = null) {
  const id = newId();
  await storage.comments.createThread({ id, planId, revisionId, anchor, authorId, createdAt: at }, comment(id, authorId, '最初の意見', at));
  return id;
}

async function newRevision(storage: Storage, planId: string, authorId: string, name = '第1版') {
  const id = newId();
  await storage.revisions.create({
    id,
    planId,
    name,
    stage: '素案',
    authorId,
    createdAt: 2000,
    hash: 'h'.repeat(64),
    review: { status: 'draft' },
    state: new Uint8Array([1, 2, 3, 0, 255]),
    canonical: '{"title":"産業振興計画"}',
  });
  return id;
}

describe.each([sqlite, postgres])('Storage contract: $name', (backend) => {
  let opened: Opened;
  let storage: Storage;
  beforeEach(async () => {
    opened = await backend.open();
    storage = opened.storage;
  });

  describe('accounts', () => {
    it('finds users by id and by email in any case, one account per address', async () => {
      await storage.accounts.createUser({ id: 'u1', email: 'hanako@example.jp', name: '花子', passwordHash: 'h1', isDemo: true });
      const expected = { id: 'u1', email: 'hanako@example.jp', name: '花子', passwordHash: 'h1', isDemo: true };
      expect(await storage.accounts.findUserById('u1')).toEqual(expected);
      expect(await storage.accounts.findUserByEmail('Hanako@Example.JP')).toEqual(expected);
      expect(await storage.accounts.findUserByEmail('nobody@example.jp')).toBeNull();
      expect(await storage.accounts.findUserById('nobody')).toBeNull();
      await expect(
        storage.accounts.createUser({ id: 'u2', email: 'HANAKO@example.jp', name: '別人', passwordHash: 'h', isDemo: false }),
      ).rejects.toThrow();
      await storage.accounts.setPassword('u1', 'h2');
      expect((await storage.accounts.findUserById('u1'))?.passwordHash).toBe('h2');
    });

    it('keeps sessions until they are ended, one or all of a user', async () => {
      const { chair, member } = await council(storage);
      const expiresAt = Date.now() + 86_400_000;
      await storage.accounts.createSession({ id: 's1', userId: chair, expiresAt });
      await storage.accounts.createSession({ id: 's2', userId: chair, expiresAt });
      await storage.accounts.createSession({ id: 's3', userId: member, expiresAt });
      expect(await storage.accounts.findSession('s1')).toEqual({ id: 's1', userId: chair, expiresAt });
      await storage.accounts.setSessionExpiry('s1', expiresAt + 1);
      expect((await storage.accounts.findSession('s1'))?.expiresAt).toBe(expiresAt + 1);
      await storage.accounts.deleteSession('s3');
      expect(await storage.accounts.findSession('s3')).toBeNull();
      await storage.accounts.deleteUserSessions(chair);
      expect(await storage.accounts.findSession('s1')).toBeNull();
      expect(await storage.accounts.findSession('s2')).toBeNull();
    });
  });

  describe('workspaces', () => {
    it('is empty until a workspace exists, and lists workspaces in creation order', async () => {
      expect(await storage.workspaces.isEmpty()).toBe(true);
      // Created within the same millisecond, most likely: insertion order breaks the tie.
      for (const [id, name] of [['w3', '三'], ['w1', '一'], ['w2', '二']]) await storage.workspaces.createWorkspace({ id: id!, name: name! });
      expect(await storage.workspaces.isEmpty()).toBe(false);
      expect(await storage.workspaces.listWorkspaces()).toEqual([
        { id: 'w3', name: '三' },
        { id: 'w1', name: '一' },
        { id: 'w2', name: '二' },
      ]);
      expect(await storage.workspaces.findWorkspace('w1')).toEqual({ id: 'w1', name: '一' });
      expect(await storage.workspaces.findWorkspace('none')).toBeNull();
    });

    it('sets, changes and removes memberships; lists members by name in code-point order', async () => {
      await storage.workspaces.createWorkspace({ id: 'w', name: '会議' });
      for (const name of ['佐藤', 'alice', 'Åsa', 'Bob']) {
        await storage.accounts.createUser({ id: name, email: `${encodeURIComponent(name)}@example.jp`, name, passwordHash: 'h', isDemo: false });
        await storage.workspaces.setMembership('w', name, 'member');
      }
      await storage.workspaces.setMembership('w', 'Bob', 'chair');
      expect(await storage.workspaces.roleOf('w', 'Bob')).toBe('chair');
      expect((await storage.workspaces.listMembers('w')).map((m) => [m.name, m.role])).toEqual([
        ['Bob', 'chair'],
        ['alice', 'member'],
        ['Åsa', 'member'],
        ['佐藤', 'member'],
      ]);
      expect(await storage.workspaces.removeMembership('w', 'alice')).toBe(true);
      expect(await storage.workspaces.removeMembership('w', 'alice')).toBe(false);
      expect(await storage.workspaces.roleOf('w', 'alice')).toBeNull();
      const [bob] = await storage.workspaces.listMembers('w');
      expect(bob).toEqual({ userId: 'Bob', email: 'Bob@example.jp', name: 'Bob', role: 'chair' });
    });

    it('finds plans by id and document, and shows each user the plans of their councils', async () => {
      const a = await council(storage);
      const b = await council(storage);
      const second = newId();
      await storage.workspaces.createPlan({ id: second, workspaceId: a.workspaceId, title: '第二計画', docName: `plan:${second}` });
      await storage.workspaces.setMembership(b.workspaceId, a.chair, 'observer');
      expect(await storage.workspaces.findPlan(a.planId)).toEqual({
        id: a.planId,
        workspaceId: a.workspaceId,
        title: '産業振興計画',
        docName: `plan:${a.planId}`,
      });
      expect((await storage.workspaces.findPlanByDocName(`plan:${second}`))?.id).toBe(second);
      expect(await storage.workspaces.findPlan('none')).toBeNull();
      const visible = await storage.workspaces.listPlansVisibleTo(a.chair);
      expect(visible.map((p) => [p.id, p.role, p.workspaceName])).toEqual([
        [a.planId, 'chair', '福島市産業振興会議'],
        [b.planId, 'observer', '福島市産業振興会議'],
        [second, 'chair', '福島市産業振興会議'],
      ]);
      expect((await storage.workspaces.listPlansVisibleTo(b.member)).map((p) => p.id)).toEqual([b.planId]);
      expect((await storage.workspaces.listMembershipsOf(a.chair)).map((m) => [m.workspace.id, m.role])).toEqual([
        [a.workspaceId, 'chair'],
        [b.workspaceId, 'observer'],
      ]);
      await expect(storage.workspaces.createPlan({ id: newId(), workspaceId: a.workspaceId, title: 'x', docName: `plan:${second}` })).rejects.toThrow();
    });
  });

  describe('comments', () => {
    it('numbers threads per plan from 1, and keeps what a thread was made with', async () => {
      const a = await council(storage);
      const b = await council(storage);
      const first = await newThread(storage, a.planId, a.member, 1000);
      await newThread(storage, a.planId, a.member, 1001);
      await newThread(storage, b.planId, b.member, 1002);
      const third = await newThread(storage, a.planId, a.chair, 1003);
      expect((await storage.comments.listThreads(a.planId)).map((t) => t.number)).toEqual([1, 2, 3]);
      expect((await storage.comments.listThreads(b.planId)).map((t) => t.number)).toEqual([1]);
      expect(await storage.comments.findThread(first)).toEqual({
        id: first,
        planId: a.planId,
        revisionId: null,
        number: 1,
        anchor,
        status: 'open',
        disposition: null,
        response: '',
        authorId: a.member,
        authorName: '委員 花子',
        createdAt: 1000,
        updatedAt: 1000,
        resolvedBy: null,
        resolvedAt: null,
      });
      expect((await storage.comments.findThread(third))?.number).toBe(3);
      expect(await storage.comments.findThread('none')).toBeNull();
    });

    it('hands out unique, gapless numbers to threads created at once', async () => {
      const { planId, member } = await council(storage);
      await Promise.all(Array.from({ length: 20 }, () => newThread(storage, planId, member)));
      expect((await storage.comments.listThreads(planId)).map((t) => t.number)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    });

    it('refuses a thread on a plan that does not exist, using no number', async () => {
      const { planId, member } = await council(storage);
      await expect(newThread(storage, 'no-such-plan', member)).rejects.toThrow();
      await newThread(storage, planId, member);
      expect((await storage.comments.listThreads(planId)).map((t) => t.number)).toEqual([1]);
    });

    it('lists comments oldest first with their mentions, edits and deletes them in place', async () => {
      const { planId, chair, member, observer } = await council(storage);
      const thread = await newThread(storage, planId, member, 1000);
      const reply = comment(thread, chair, '@委員 ご確認を', 1005, [observer, member]);
      const tie = comment(thread, member, '同時刻', 1005);
      await storage.comments.addComment(reply);
      await storage.comments.addComment(tie);
      const listed = await storage.comments.listComments([thread]);
      expect(listed.map((c) => c.body)).toEqual(['最初の意見', '@委員 ご確認を', '同時刻']);
      const mentions = [
        { id: member, name: '委員 花子' },
        { id: observer, name: '傍聴 次郎' },
      ].sort((x, y) => (x.id < y.id ? -1 : 1));
      expect(listed[1]).toEqual({
        id: reply.id,
        threadId: thread,
        authorId: chair,
        authorName: '座長 一郎',
        body: '@委員 ご確認を',
        mentions,
        createdAt: 1005,
        editedAt: null,
        deletedAt: null,
      });
      expect((await storage.comments.findThread(thread))?.updatedAt).toBe(1005);

      await storage.comments.editComment(reply.id, '修正しました', [chair], 1010);
      const edited = await storage.comments.findComment(reply.id);
      expect([edited?.body, edited?.editedAt, edited?.mentions]).toEqual(['修正しました', 1010, [{ id: chair, name: '座長 一郎' }]]);
      expect((await storage.comments.findThread(thread))?.updatedAt).toBe(1010);

      await storage.comments.deleteComment(reply.id, 1020);
      const deleted = await storage.comments.findComment(reply.id);
      expect([deleted?.body, deleted?.deletedAt, deleted?.mentions]).toEqual(['', 1020, []]);
      expect((await storage.comments.findThread(thread))?.updatedAt).toBe(1020);
      expect((await storage.comments.listComments([thread])).map((c) => c.id)).toEqual(listed.map((c) => c.id));
      expect(await storage.comments.listComments([])).toEqual([]);
      expect(await storage.comments.findComment('none')).toBeNull();
    });

    it('resolves, reopens and disposes of threads', async () => {
      const { planId, chair, member } = await council(storage);
      const thread = await newThread(storage, planId, member);
      await storage.comments.setThreadStatus(thread, 'resolved', chair, 2000);
      expect(await storage.comments.findThread(thread)).toMatchObject({
        status: 'resolved',
        resolvedBy: { id: chair, name: '座長 一郎' },
        resolvedAt: 2000,
        updatedAt: 2000,
      });
      await storage.comments.setThreadStatus(thread, 'open', chair, 2001);
      expect(await storage.comments.findThread(thread)).toMatchObject({ status: 'open', resolvedBy: null, resolvedAt: null, updatedAt: 2001 });
      await storage.comments.setDisposition(thread, 'partial', '一部を反映します', 2002);
      expect(await storage.comments.findThread(thread)).toMatchObject({ disposition: 'partial', response: '一部を反映します', updatedAt: 2002 });
      await storage.comments.setDisposition(thread, null, '', 2003);
      expect(await storage.comments.findThread(thread)).toMatchObject({ disposition: null, response: '' });
    });

    it('shows notifications newest first to members who can still see them, and marks them read', async () => {
      const { workspaceId, planId, chair, member, observer } = await council(storage);
      const draftThread = await newThread(storage, planId, member, 1000);
      const revisionId = await newRevision(storage, planId, chair);
      const revisionThread = await newThread(storage, planId, member, 1001, revisionId);
      const long = comment(draftThread, member, 'あ'.repeat(200), 1100);
      await storage.comments.addComment(long);
      const onRevision = comment(revisionThread, member, '版へのコメント', 1200);
      await storage.comments.addComment(onRevision);
      const notify = (userId: string, commentId: string, threadId: string, createdAt: number) => ({
        id: newId(),
        userId,
        kind: 'mention' as const,
        planId,
        workspaceId: null,
        meetingId: null,
        label: '',
        threadId,
        commentId,
        revisionId: null,
        actorId: member,
        detail: '',
        createdAt,
        mailedAt: createdAt,
      });
      const n1 = notify(chair, long.id, draftThread, 1100);
      const n2 = notify(chair, onRevision.id, revisionThread, 1200);
      await storage.comments.addNotifications([n1, n2, notify(observer, long.id, draftThread, 1100), notify(observer, onRevision.id, revisionThread, 1200)]);

      const chairs = await storage.comments.listNotifications(chair, 10);
      expect(chairs.map((n) => n.id)).toEqual([n2.id, n1.id]);
      expect(chairs[1]).toEqual({
        ...n1,
        readAt: null,
        actorName: '委員 花子',
        planTitle: '産業振興計画',
        councilName: '',
        threadNumber: 1,
        revisionNumber: null,
        revisionName: null,
        excerpt: 'あ'.repeat(140),
      });
      expect(await storage.comments.listNotifications(chair, 1)).toHaveLength(1);
      // An observer does not read the draft: only the revision's thread reaches them.
      expect((await storage.comments.listNotifications(observer, 10)).map((n) => n.threadId)).toEqual([revisionThread]);
      expect(await storage.comments.countUnread(observer)).toBe(1);

      expect(await storage.comments.countUnread(chair)).toBe(2);
      await storage.comments.markRead(chair, [n1.id], 1300);
      expect(await storage.comments.countUnread(chair)).toBe(1);
      expect((await storage.comments.listNotifications(chair, 10))[1]?.readAt).toBe(1300);
      await storage.comments.markRead(chair, 'all', 1400);
      expect(await storage.comments.countUnread(chair)).toBe(0);
      // Read once stays read at that time.
      expect((await storage.comments.listNotifications(chair, 10))[1]?.readAt).toBe(1300);

      await storage.workspaces.removeMembership(workspaceId, observer);
      expect(await storage.comments.listNotifications(observer, 10)).toEqual([]);
      expect(await storage.comments.countUnread(observer)).toBe(0);
    });
  });

  describe('revisions', () => {
    it('numbers revisions per plan and keeps their frozen content', async () => {
      const { planId, chair } = await council(storage);
      const first = await newRevision(storage, planId, chair, '第1版');
      const second = await newRevision(storage, planId, chair, '第2版');
      expect(await storage.revisions.find(first)).toEqual({
        id: first,
        planId,
        number: 1,
        name: '第1版',
        stage: '素案',
        authorId: chair,
        authorName: '座長 一郎',
        createdAt: 2000,
        hash: 'h'.repeat(64),
        review: { status: 'draft' },
        delegate: null,
        invited: [],
        reviewOpenedAt: null,
        decidedAt: null,
        suggestionsOnly: false,
        requireSuggestionsDecided: false,
        invitedMaySuggest: false,
      });
      expect((await storage.revisions.list(planId)).map((r) => [r.id, r.number])).toEqual([
        [first, 1],
        [second, 2],
      ]);
      expect(await storage.revisions.content(first)).toEqual({
        state: new Uint8Array([1, 2, 3, 0, 255]),
        canonical: '{"title":"産業振興計画"}',
      });
      expect(await storage.revisions.find('none')).toBeNull();
      expect(await storage.revisions.content('none')).toBeNull();
    });

    it('hands out unique, gapless numbers to revisions frozen at once', async () => {
      const { planId, chair } = await council(storage);
      await Promise.all(Array.from({ length: 12 }, () => newRevision(storage, planId, chair)));
      expect((await storage.revisions.list(planId)).map((r) => r.number)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    });

    it('moves a review on only from the expected state, with its delegate and invitees', async () => {
      const { planId, chair, member, observer } = await council(storage);
      const id = await newRevision(storage, planId, chair);
      expect(await storage.revisions.updateReview(id, 'in_review', { status: 'approved' }, {})).toBe(false);
      expect((await storage.revisions.find(id))?.review).toEqual({ status: 'draft' });

      const opened = { status: 'in_review' as const, openedBy: chair };
      expect(await storage.revisions.updateReview(id, 'draft', opened, { delegateId: member, invitedIds: [observer, member], openedAt: 3000 })).toBe(true);
      const invited = [
        { id: member, name: '委員 花子' },
        { id: observer, name: '傍聴 次郎' },
      ].sort((x, y) => (x.id < y.id ? -1 : 1));
      expect(await storage.revisions.find(id)).toMatchObject({
        review: opened,
        delegate: { id: member, name: '委員 花子' },
        invited,
        reviewOpenedAt: 3000,
        decidedAt: null,
      });
      expect(await storage.revisions.invitedTo(observer, planId)).toEqual([id]);
      expect(await storage.revisions.invitedTo(chair, planId)).toEqual([]);

      // Left out: kept. null: cleared. Invitees only ever added.
      expect(await storage.revisions.updateReview(id, 'in_review', { status: 'approved', decidedBy: chair }, { delegateId: null, invitedIds: [observer], decidedAt: 4000 })).toBe(true);
      expect(await storage.revisions.find(id)).toMatchObject({
        review: { status: 'approved', decidedBy: chair },
        delegate: null,
        invited,
        reviewOpenedAt: 3000,
        decidedAt: 4000,
      });
      expect(await storage.revisions.updateReview('none', 'draft', opened, {})).toBe(false);
    });

    it('lets exactly one of two racing decisions through', async () => {
      const { planId, chair } = await council(storage);
      const id = await newRevision(storage, planId, chair);
      await storage.revisions.updateReview(id, 'draft', { status: 'in_review' }, {});
      const outcomes = await Promise.all([
        storage.revisions.updateReview(id, 'in_review', { status: 'approved' }, { decidedAt: 1 }),
        storage.revisions.updateReview(id, 'in_review', { status: 'changes_requested', reason: '再考' }, { decidedAt: 2 }),
      ]);
      expect(outcomes.filter(Boolean)).toHaveLength(1);
      const review = (await storage.revisions.find(id))?.review;
      expect(review?.status).toBe(outcomes[0] ? 'approved' : 'changes_requested');
    });

    it('refuses to change what was frozen, but lets the review columns change', async () => {
      const { planId, chair } = await council(storage);
      const id = await newRevision(storage, planId, chair);
      for (const set of ["name = '改ざん'", "canonical = '{}'", 'number = 9', "hash = 'x'", 'created_at = 1', "stage = 'x'"]) {
        await expect(opened.raw(`UPDATE revisions SET ${set} WHERE id = '${id}'`), set).rejects.toThrow(/a revision never changes/);
      }
      // Even to the value it already has: the guard is on the column, not the change.
      await expect(opened.raw(`UPDATE revisions SET name = name WHERE id = '${id}'`)).rejects.toThrow(/a revision never changes/);
      await opened.raw(`UPDATE revisions SET review = '{"status":"withdrawn"}', decided_at = 5 WHERE id = '${id}'`);
      expect(await storage.revisions.find(id)).toMatchObject({ name: '第1版', review: { status: 'withdrawn' }, decidedAt: 5 });
    });
  });

  describe('audit log', () => {
    const entry = (planId: string | null, workspaceId: string | null, actorId: string | null, at: number) => ({
      at,
      kind: 'review.opened' as const,
      workspaceId,
      planId,
      actorId,
      details: { z: 1, a: ['二', { y: true, b: null }] },
    });

    it('chains each entry to the one before it, and verifies the chain', async () => {
      const { workspaceId, planId, chair } = await council(storage);
      expect(await storage.audit.verify()).toEqual({ checked: 0, firstBroken: null });
      const first = await storage.audit.append(entry(planId, workspaceId, chair, 10));
      const second = await storage.audit.append(entry(null, workspaceId, null, 11));
      expect(first).toMatchObject({ seq: 1, prevHash: GENESIS_HASH, actorName: '座長 一郎', details: { z: 1, a: ['二', { y: true, b: null }] } });
      expect(first.hash).toBe(auditEntryHash(GENESIS_HASH, first));
      expect(second).toMatchObject({ seq: 2, prevHash: first.hash, actorId: null, actorName: null });
      expect(await storage.audit.verify()).toEqual({ checked: 2, firstBroken: null });
    });

    it("lists a plan's entries and its council's, newest first", async () => {
      const a = await council(storage);
      const b = await council(storage);
      await storage.audit.append(entry(a.planId, a.workspaceId, a.chair, 1));
      await storage.audit.append(entry(b.planId, b.workspaceId, b.chair, 2));
      await storage.audit.append(entry(null, a.workspaceId, a.chair, 3));
      await storage.audit.append(entry(null, b.workspaceId, b.chair, 4));
      await storage.audit.append(entry(a.planId, a.workspaceId, a.chair, 5));
      expect((await storage.audit.listForPlan(a.planId, a.workspaceId, 10)).map((e) => e.at)).toEqual([5, 3, 1]);
      expect((await storage.audit.listForPlan(a.planId, a.workspaceId, 2)).map((e) => e.at)).toEqual([5, 3]);
    });

    it('refuses to change or delete an entry', async () => {
      const { workspaceId, planId, chair } = await council(storage);
      await storage.audit.append(entry(planId, workspaceId, chair, 1));
      await expect(opened.raw('UPDATE audit_log SET at = 2')).rejects.toThrow(/the audit log is append-only/);
      await expect(opened.raw('DELETE FROM audit_log')).rejects.toThrow(/the audit log is append-only/);
      if (backend === postgres) await expect(opened.raw('TRUNCATE audit_log')).rejects.toThrow(/the audit log is append-only/);
      expect(await storage.audit.verify()).toEqual({ checked: 1, firstBroken: null });
    });

    it('names the first entry that was changed behind its back', async () => {
      const { workspaceId, planId, chair } = await council(storage);
      for (let at = 1; at <= 3; at++) await storage.audit.append(entry(planId, workspaceId, chair, at));
      await opened.raw(backend.disableAuditUpdateGuard);
      await opened.raw('UPDATE audit_log SET at = 99 WHERE seq = 2');
      expect(await storage.audit.verify()).toEqual({ checked: 1, firstBroken: 2 });
    });

    it('pages back through a plan\'s entries by number, so none is out of reach', async () => {
      const { workspaceId, planId, chair } = await council(storage);
      for (let at = 1; at <= 7; at++) await storage.audit.append(entry(at % 3 === 0 ? null : planId, workspaceId, chair, at));
      const pages: number[][] = [];
      let before: number | undefined;
      for (;;) {
        const page = await storage.audit.listForPlan(planId, workspaceId, 3, before);
        if (page.length === 0) break;
        pages.push(page.map((e) => e.at));
        before = page.at(-1)!.seq;
      }
      expect(pages).toEqual([[7, 6, 5], [4, 3, 2], [1]]);
      expect(await storage.audit.head()).toEqual({ seq: 7, hash: (await storage.audit.readAfter(6, 10))[0]!.hash });
      expect((await storage.audit.readAfter(2, 3)).map((e) => e.seq)).toEqual([3, 4, 5]);
    });

    it('verifies only the new tail after a checkpoint, and still sees the newest entries deleted', async () => {
      const { workspaceId, planId, chair } = await council(storage);
      expect(await storage.audit.head()).toBeNull();
      for (let at = 1; at <= 5; at++) await storage.audit.append(entry(planId, workspaceId, chair, at));
      expect(await storage.audit.verifyRecent()).toEqual({ checked: 5, firstBroken: null });
      await storage.audit.append(entry(planId, workspaceId, chair, 6));
      // Only the entry appended since the last call is walked.
      expect(await storage.audit.verifyRecent()).toEqual({ checked: 1, firstBroken: null });
      expect(await storage.audit.verifyRecent()).toEqual({ checked: 0, firstBroken: null });
      await opened.raw(backend.disableAuditDeleteGuard);
      await opened.raw('DELETE FROM audit_log WHERE seq >= 5');
      // The entry verified last (6) is gone, though what is left still chains: the first missing
      // entry is named, and stays named (appending again does not hide the loss).
      expect(await storage.audit.verifyRecent()).toEqual({ checked: 4, firstBroken: 5 });
      expect(await storage.audit.head()).toMatchObject({ seq: 4 });
      await storage.audit.append(entry(planId, workspaceId, chair, 7));
      await storage.audit.append(entry(planId, workspaceId, chair, 8));
      await storage.audit.append(entry(planId, workspaceId, chair, 9));
      expect(await storage.audit.verifyRecent()).toEqual({ checked: 4, firstBroken: 5 });
      // A store opened afresh (a restarted server) has no checkpoint: only a head kept outside shows it.
      expect(await (await opened.another()).audit.verifyRecent()).toEqual({ checked: 7, firstBroken: null });
    });

    it('finds an entry altered behind a checkpoint when the checkpoint itself no longer follows', async () => {
      const { workspaceId, planId, chair } = await council(storage);
      for (let at = 1; at <= 3; at++) await storage.audit.append(entry(planId, workspaceId, chair, at));
      expect((await storage.audit.verifyRecent()).firstBroken).toBeNull();
      await opened.raw(backend.disableAuditUpdateGuard);
      await opened.raw('UPDATE audit_log SET at = 99 WHERE seq = 3');
      expect(await storage.audit.verifyRecent()).toEqual({ checked: 2, firstBroken: 3 });
    });

    it('records a review step and its entry in one transaction: no entry, no step', async () => {
      const { workspaceId, planId, chair } = await council(storage);
      const id = await newRevision(storage, planId, chair);
      const record = { ...entry(planId, workspaceId, chair, 5), details: { revisionId: id } };
      expect(await storage.revisions.updateReview(id, 'draft', { status: 'in_review' }, { openedAt: 5 }, record)).toBe(true);
      expect((await storage.audit.readAfter(0, 10)).map((e) => e.details)).toEqual([{ revisionId: id }]);
      await opened.raw(backend.refuseAuditInserts);
      await expect(storage.revisions.updateReview(id, 'in_review', { status: 'approved' }, { decidedAt: 6 }, record)).rejects.toThrow(/no record today/);
      expect(await storage.revisions.find(id)).toMatchObject({ review: { status: 'in_review' }, decidedAt: null });
      expect(await storage.audit.verify()).toEqual({ checked: 1, firstBroken: null });
    });

    it('keeps the chain whole when entries are appended at once', async () => {
      const { workspaceId, planId, chair } = await council(storage);
      const records = await Promise.all(Array.from({ length: 20 }, (_, i) => storage.audit.append(entry(planId, workspaceId, chair, i))));
      expect(records.map((r) => r.seq).sort((x, y) => x - y)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
      expect(await storage.audit.verify()).toEqual({ checked: 20, firstBroken: null });
    });
  });

  describe('runExclusive', () => {
    it('runs one holder of a name at a time, and lets other names run meanwhile', async () => {
      const trace: string[] = [];
      // No clocks: a holds 'seed' until c, under another name, has run. Were c made to wait for
      // a, this would never finish (the test times out); b, under 'seed', must start after a.
      let cRan!: () => void;
      const cDone = new Promise<void>((resolve) => (cRan = resolve));
      const held = (name: string, tag: string, body: () => Promise<void>) =>
        storage.runExclusive(name, async () => {
          trace.push(`${tag}+`);
          await body();
          trace.push(`${tag}-`);
          return tag;
        });
      const a = held('seed', 'a', () => cDone);
      // b and c are asked for only once a holds the lock, so b's wait is for a, not a race.
      await vi.waitFor(() => expect(trace).toContain('a+'));
      const results = await Promise.all([a, held('seed', 'b', async () => {}), held('other', 'c', async () => cRan())]);
      expect(results).toEqual(['a', 'b', 'c']);
      expect(trace.indexOf('b+')).toBeGreaterThan(trace.indexOf('a-'));
      expect(trace.indexOf('c+')).toBeLessThan(trace.indexOf('a-'));
    });

    it('passes on what fn throws, and releases the lock', async () => {
      await expect(storage.runExclusive('seed', () => Promise.reject(new Error('失敗')))).rejects.toThrow('失敗');
      expect(await storage.runExclusive('seed', async () => 'next')).toBe('next');
    });
  });

  it('shares a signing key only where every process can read it', async () => {
    const secret = await storage.sharedSecret();
    if (backend === sqlite) {
      expect(secret).toBeNull();
      return;
    }
    expect(secret).toBeInstanceOf(Uint8Array);
    expect(secret).toHaveLength(32);
    expect(await storage.sharedSecret()).toEqual(secret);
    expect(await (await opened.another()).sharedSecret()).toEqual(secret);
  });
});

/**
 * What only a shared database has to get right: several server processes (here, several
 * Storage instances with pools of their own) writing at the same time.
 */
describe('PostgreSQL with several processes on one database', () => {
  let storages: Storage[];
  let opened: Opened;
  beforeEach(async () => {
    opened = await postgres.open();
    storages = [opened.storage, await opened.another(), await opened.another()];
  });

  const each = <T>(perProcess: number, fn: (storage: Storage, i: number) => Promise<T>) =>
    Promise.all(storages.flatMap((storage) => Array.from({ length: perProcess }, (_, i) => fn(storage, i))));
  const oneTo = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

  it('migrates an empty database once when processes start together', async () => {
    const fresh = await createTestDatabase();
    cleanups.push(() => fresh.drop());
    const started = await Promise.all([1, 2, 3].map(() => openPostgresStorage(fresh.url)));
    for (const storage of started) cleanups.push(() => storage.close());
    expect(await Promise.all(started.map((s) => s.workspaces.isEmpty()))).toEqual([true, true, true]);
  });

  it('numbers threads and revisions uniquely and without gaps', async () => {
    const { planId, chair, member } = await council(storages[0]!);
    await each(8, (storage) => newThread(storage, planId, member));
    await each(5, (storage) => newRevision(storage, planId, chair));
    expect((await storages[1]!.comments.listThreads(planId)).map((t) => t.number)).toEqual(oneTo(24));
    expect((await storages[2]!.revisions.list(planId)).map((r) => r.number)).toEqual(oneTo(15));
  });

  it('appends to one audit chain', async () => {
    const { workspaceId, planId, chair } = await council(storages[0]!);
    await each(10, (storage, i) => storage.audit.append({ at: i, kind: 'role.changed', workspaceId, planId, actorId: chair, details: { i } }));
    expect(await storages[1]!.audit.verify()).toEqual({ checked: 30, firstBroken: null });
  });

  it('lets exactly one decision through when processes race', async () => {
    const { planId, chair } = await council(storages[0]!);
    const id = await newRevision(storages[0]!, planId, chair);
    const outcomes = await each(2, (storage) => storage.revisions.updateReview(id, 'draft', { status: 'in_review' }, {}));
    expect(outcomes.filter(Boolean)).toHaveLength(1);
  });

  it('excludes holders of one name across processes', async () => {
    let inside = 0;
    let most = 0;
    await each(3, (storage) =>
      storage.runExclusive('compact:plan', async () => {
        most = Math.max(most, ++inside);
        await new Promise((resolve) => setTimeout(resolve, 15));
        inside--;
      }),
    );
    expect(most).toBe(1);
  });

  it('hands every process the same signing key', async () => {
    const secrets = await Promise.all(storages.map((s) => s.sharedSecret()));
    expect(secrets[1]).toEqual(secrets[0]);
    expect(secrets[2]).toEqual(secrets[0]);
  });

  it('loses no update when processes append to one document while another compacts it', async () => {
    const writers = storages.slice(0, 2);
    const compactor = storages[2]!;
    const written: string[] = [];
    let writing = true;
    const write = async (storage: Storage, who: string) => {
      for (let i = 0; i < 40; i++) {
        const doc = new Y.Doc();
        await storage.docs.append('shared', [textUpdate(doc, `${who}${i};`)]);
        written.push(`${who}${i};`);
      }
    };
    const compact = async () => {
      while (writing) {
        // As the server compacts: from the log itself, up to the last id it saw.
        const stored = await compactor.docs.load('shared');
        const doc = new Y.Doc();
        for (const u of stored.updates) Y.applyUpdate(doc, u);
        await compactor.docs.compact('shared', Y.encodeStateAsUpdate(doc), stored.lastId);
      }
    };
    const compacting = compact();
    await Promise.all(writers.map((storage, i) => write(storage, 'ab'[i]!)));
    writing = false;
    await compacting;
    // Each update came from a doc of its own, so all of them are separate items in the text.
    const text = replay((await compactor.docs.load('shared')).updates);
    expect(text.split(';').filter(Boolean).sort()).toEqual(written.map((w) => w.slice(0, -1)).sort());
  });
});
