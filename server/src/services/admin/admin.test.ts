import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createServerEvents } from '../../events';
import type { Storage, UserRecord } from '../../storage';
import { openSqliteStorage } from '../../storage/sqlite';
import { DATABASE_FILE } from '../../storage/sqlite/database';
import { updateAccount } from './accounts';
import { appointLeader, createCouncil, removeLeader, updateCouncil } from './councils';
import { completeSetup, issueSetupLink, setupNeeded } from './setup';

// The administration services on a throwaway SQLite folder (the stores' contract is tested
// on both databases in tests/integration/storage.admin.test.ts).

let dir: string;
let storage: Storage;
const events = createServerEvents();
const deps = () => ({ storage, events });

async function account(id: string, options: { admin?: boolean } = {}): Promise<UserRecord> {
  const user = { id, email: `${id}@example.jp`, name: id, passwordHash: 'x', isDemo: false };
  await storage.accounts.createUser(user);
  if (options.admin) await storage.admin.setAdmin(id, true);
  return user;
}
const tokenOf = (linkPath: string) => linkPath.split('#token=')[1]!;
const auditKinds = async () => {
  const db = (await import('better-sqlite3')).default(path.join(dir, DATABASE_FILE), { readonly: true });
  try {
    return (db.prepare('SELECT kind FROM audit_log ORDER BY seq').all() as Array<{ kind: string }>).map((r) => r.kind);
  } finally {
    db.close();
  }
};

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sakutei-admin-unit-'));
  storage = openSqliteStorage(dir);
});
afterEach(async () => {
  await storage.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('first-run setup', () => {
  it('makes one administrator from the newest link, once', async () => {
    const first = await issueSetupLink(storage);
    const second = await issueSetupLink(storage);
    const input = { name: '管理者', email: 'admin@city.example.jp', password: 'long-enough-password' };
    await expect(completeSetup(storage, { ...input, token: tokenOf(first!.path) })).rejects.toMatchObject({ status: 410 });
    await expect(completeSetup(storage, { ...input, token: tokenOf(second!.path), password: 'short' })).rejects.toMatchObject({ status: 400 });
    const made = await completeSetup(storage, { ...input, token: tokenOf(second!.path) });
    expect(await storage.admin.userStatus(made.id)).toEqual({ isAdmin: true, deactivatedAt: null });
    expect(await setupNeeded(storage)).toBe(false);
    expect(await issueSetupLink(storage)).toBeNull();
    await expect(completeSetup(storage, { ...input, token: tokenOf(second!.path) })).rejects.toMatchObject({ status: 409, code: 'already_set_up' });
    expect(await auditKinds()).toEqual(['setup.completed']);
  });

  it("refuses an existing account's address without using the link up", async () => {
    await account('taken');
    const link = await issueSetupLink(storage);
    const input = { token: tokenOf(link!.path), name: '管理者', password: 'long-enough-password' };
    await expect(completeSetup(storage, { ...input, email: 'taken@example.jp' })).rejects.toMatchObject({ status: 409, code: 'email_taken' });
    expect((await completeSetup(storage, { ...input, email: 'free@example.jp' })).email).toBe('free@example.jp');
  });

  it('expires a link after a day', async () => {
    const now = Date.now();
    const link = await issueSetupLink(storage, now - 25 * 60 * 60 * 1000);
    await expect(
      completeSetup(storage, { token: tokenOf(link!.path), name: 'a', email: 'a@example.jp', password: 'long-enough-password' }, now),
    ).rejects.toMatchObject({ status: 410 });
  });
});

describe('accounts', () => {
  it('deactivation ends the sessions, tells the server, and is undone by reactivation', async () => {
    const admin = await account('admin', { admin: true });
    await account('member');
    await storage.accounts.createSession({ id: 's1', userId: 'member', expiresAt: Date.now() + 60_000 });
    const ended: string[] = [];
    events.on('sessionsEnded', ({ userId }) => ended.push(userId));
    const off = await updateAccount(deps(), admin, 'member', { active: false });
    expect(off.deactivatedAt).not.toBeNull();
    expect(await storage.accounts.findSession('s1')).toBeNull();
    expect(ended).toEqual(['member']);
    const on = await updateAccount(deps(), admin, 'member', { active: true });
    expect(on.deactivatedAt).toBeNull();
    expect(await auditKinds()).toEqual(['account.deactivated', 'account.reactivated']);
  });

  it('refuses oneself and the last administrator, changing nothing', async () => {
    const admin = await account('admin', { admin: true });
    await expect(updateAccount(deps(), admin, 'admin', { active: false })).rejects.toMatchObject({ code: 'cannot_change_self' });
    await expect(updateAccount(deps(), admin, 'admin', { isAdmin: false })).rejects.toMatchObject({ code: 'cannot_change_self' });
    // The CLI (no actor) cannot take away the last one either.
    await expect(updateAccount(deps(), null, 'admin', { active: false })).rejects.toMatchObject({ code: 'last_admin' });
    await account('other');
    // Taking the flag and deactivating in one request: both are checked before either is done.
    await expect(updateAccount(deps(), null, 'admin', { isAdmin: false, active: false })).rejects.toMatchObject({ code: 'last_admin' });
    expect(await storage.admin.userStatus('admin')).toEqual({ isAdmin: true, deactivatedAt: null });
    await updateAccount(deps(), admin, 'other', { isAdmin: true });
    await updateAccount(deps(), null, 'admin', { active: false });
    expect((await storage.admin.userStatus('admin'))?.deactivatedAt).not.toBeNull();
    await expect(updateAccount(deps(), admin, 'nobody', { active: false })).rejects.toMatchObject({ status: 404 });
  });
});

describe('councils', () => {
  it('creates, renames, archives, and keeps names unique', async () => {
    const admin = await account('admin', { admin: true });
    const council = await createCouncil(deps(), admin, '振興会議');
    await expect(createCouncil(deps(), admin, '振興会議')).rejects.toMatchObject({ status: 409, code: 'name_taken' });
    const other = await createCouncil(deps(), admin, '審議会');
    await expect(updateCouncil(deps(), admin, other.id, { name: '振興会議' })).rejects.toMatchObject({ code: 'name_taken' });
    const changed = await updateCouncil(deps(), admin, council.id, { name: '産業振興会議', archived: true });
    expect(changed).toMatchObject({ name: '産業振興会議' });
    expect(changed.archivedAt).not.toBeNull();
    // Unchanged values record nothing.
    await updateCouncil(deps(), admin, council.id, { name: '産業振興会議', archived: true });
    expect(await auditKinds()).toEqual(['council.created', 'council.created', 'council.renamed', 'council.archived']);
    await expect(updateCouncil(deps(), admin, 'nowhere', { archived: true })).rejects.toMatchObject({ status: 404 });
  });

  it('appoints one chair (the previous one becomes a member) and vice chairs, and removes them', async () => {
    const admin = await account('admin', { admin: true });
    await account('yamada');
    await account('sato');
    await account('ito');
    const { id } = await createCouncil(deps(), admin, '振興会議');
    await expect(appointLeader(deps(), admin, id, 'nobody@example.jp', 'chair')).rejects.toMatchObject({ status: 404, code: 'account_not_found' });
    await appointLeader(deps(), admin, id, 'yamada@example.jp', 'chair');
    await appointLeader(deps(), admin, id, 'ito@example.jp', 'vice_chair');
    const after = await appointLeader(deps(), admin, id, 'sato@example.jp', 'chair');
    expect(after.leaders.map((l) => [l.userId, l.role])).toEqual([
      ['sato', 'chair'],
      ['ito', 'vice_chair'],
    ]);
    expect(await storage.workspaces.roleOf(id, 'yamada')).toBe('member');
    const removed = await removeLeader(deps(), admin, id, 'ito');
    expect(removed.leaders.map((l) => l.userId)).toEqual(['sato']);
    expect(await storage.workspaces.roleOf(id, 'ito')).toBe('member');
    await expect(removeLeader(deps(), admin, id, 'yamada')).rejects.toMatchObject({ status: 404 });
  });
});
