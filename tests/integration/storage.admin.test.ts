import { describe, expect, it } from 'vitest';
import type { Storage } from '../../server/src/storage/index';
import { storageBackends } from '../support/storageBackends';

/** The administration stores' contract (storage.admin, storage.accountTokens), on SQLite and PostgreSQL. */

const backends = storageBackends('admin').backends.map(([name, open]) => [name, async () => (await open()).storage] as const);

const T0 = 1_800_000_000_000;

async function user(storage: Storage, id: string, name: string) {
  await storage.accounts.createUser({ id, email: `${id}@example.jp`, name, passwordHash: 'x', isDemo: false });
}

describe.each(backends)('administration storage (%s)', (_name, open) => {
  it('sets and counts administrators, and deactivates accounts', async () => {
    const storage = await open();
    await user(storage, 'a', '甲');
    await user(storage, 'b', '乙');
    expect(await storage.admin.countActiveAdmins()).toBe(0);
    expect(await storage.admin.userStatus('a')).toEqual({ isAdmin: false, deactivatedAt: null });
    expect(await storage.admin.userStatus('nobody')).toBeNull();
    await storage.admin.setAdmin('a', true);
    await storage.admin.setAdmin('b', true);
    expect(await storage.admin.countActiveAdmins()).toBe(2);
    await storage.admin.setDeactivated('b', T0);
    expect(await storage.admin.userStatus('b')).toEqual({ isAdmin: true, deactivatedAt: T0 });
    // A deactivated administrator is not an active one.
    expect(await storage.admin.countActiveAdmins()).toBe(1);
    await storage.admin.setDeactivated('b', null);
    await storage.admin.setAdmin('a', false);
    expect(await storage.admin.countActiveAdmins()).toBe(1);
    // A demo administrator signs in only in demo mode: it does not count.
    await storage.accounts.createUser({ id: 'd', email: 'd@example.jp', name: 'デモ', passwordHash: 'x', isDemo: true });
    await storage.admin.setAdmin('d', true);
    expect(await storage.admin.countActiveAdmins()).toBe(1);
    expect(await storage.admin.countActiveAdmins(true)).toBe(2);
  });

  it('lists accounts with their councils and councils with their leaders', async () => {
    const storage = await open();
    await user(storage, 'a', '甲');
    await user(storage, 'b', '乙');
    await user(storage, 'c', '丙');
    await storage.workspaces.createWorkspace({ id: 'w1', name: '振興会議' });
    await storage.workspaces.createWorkspace({ id: 'w2', name: '審議会' });
    await storage.workspaces.setMembership('w1', 'a', 'chair');
    await storage.workspaces.setMembership('w1', 'b', 'vice_chair');
    await storage.workspaces.setMembership('w1', 'c', 'member');
    await storage.workspaces.setMembership('w2', 'a', 'staff');
    await storage.workspaces.createPlan({ id: 'p1', workspaceId: 'w1', title: '計画', docName: 'plan-p1' });
    await storage.admin.setDeactivated('c', T0);

    const accounts = await storage.admin.listAccounts();
    expect(accounts.map((a) => a.name)).toEqual(['丙', '乙', '甲'].sort());
    const a = accounts.find((x) => x.id === 'a')!;
    expect(a).toMatchObject({ email: 'a@example.jp', isAdmin: false, isDemo: false, deactivatedAt: null });
    expect(a.memberships).toEqual([
      { workspaceId: 'w1', workspaceName: '振興会議', role: 'chair' },
      { workspaceId: 'w2', workspaceName: '審議会', role: 'staff' },
    ]);
    expect(accounts.find((x) => x.id === 'c')!.deactivatedAt).toBe(T0);

    const councils = await storage.admin.listCouncils();
    expect(councils.map((c) => c.id)).toEqual(['w1', 'w2']);
    expect(councils[0]).toMatchObject({ name: '振興会議', archivedAt: null, memberCount: 3, planCount: 1 });
    expect(councils[0]!.leaders).toEqual([
      { userId: 'a', name: '甲', email: 'a@example.jp', role: 'chair' },
      { userId: 'b', name: '乙', email: 'b@example.jp', role: 'vice_chair' },
    ]);
    expect(councils[0]!.secretariat).toEqual([]);
    expect(councils[1]).toMatchObject({ memberCount: 1, planCount: 0, leaders: [], secretariat: [{ userId: 'a', name: '甲', email: 'a@example.jp' }] });
  });

  it('renames and archives councils', async () => {
    const storage = await open();
    await storage.workspaces.createWorkspace({ id: 'w1', name: '振興会議' });
    expect(await storage.admin.workspaceArchivedAt('w1')).toBeNull();
    expect(await storage.admin.workspaceArchivedAt('nowhere')).toBeUndefined();
    await storage.admin.renameWorkspace('w1', '産業振興会議');
    await storage.admin.setWorkspaceArchived('w1', T0);
    expect(await storage.admin.workspaceArchivedAt('w1')).toBe(T0);
    expect((await storage.workspaces.findWorkspace('w1'))?.name).toBe('産業振興会議');
    await storage.admin.setWorkspaceArchived('w1', null);
    expect((await storage.admin.listCouncils())[0]!.archivedAt).toBeNull();
  });

  it('uses a one-time token once, not after it expires, and not after it is revoked', async () => {
    const storage = await open();
    const token = { kind: 'setup' as const, userId: null, createdBy: null, createdAt: T0, expiresAt: T0 + 1000 };
    await storage.accountTokens.create({ ...token, tokenHash: 'h1' });
    expect(await storage.accountTokens.isUsable('h1', 'setup', T0)).toBe(true);
    // Of the wrong kind, it is not usable.
    expect(await storage.accountTokens.isUsable('h1', 'reset', T0)).toBe(false);
    expect(await storage.accountTokens.consume('h1', 'reset', T0)).toBeNull();
    // At its expiry it no longer works.
    expect(await storage.accountTokens.consume('h1', 'setup', T0 + 1000)).toBeNull();
    expect(await storage.accountTokens.consume('h1', 'setup', T0 + 1)).toEqual({ ...token, tokenHash: 'h1' });
    // Used once, never again.
    expect(await storage.accountTokens.consume('h1', 'setup', T0 + 2)).toBeNull();
    expect(await storage.accountTokens.isUsable('h1', 'setup', T0 + 2)).toBe(false);

    await storage.accountTokens.create({ ...token, tokenHash: 'h2' });
    await storage.accountTokens.create({ ...token, tokenHash: 'h3' });
    const racing = await Promise.all([storage.accountTokens.consume('h2', 'setup', T0), storage.accountTokens.consume('h2', 'setup', T0)]);
    expect(racing.filter((r) => r !== null)).toHaveLength(1);
    await storage.accountTokens.revokeUnused('setup', null, T0 + 5);
    expect(await storage.accountTokens.consume('h3', 'setup', T0 + 6)).toBeNull();
  });

  it('revokes only the unused tokens of that kind and user', async () => {
    const storage = await open();
    await user(storage, 'a', '甲');
    await user(storage, 'b', '乙');
    const base = { kind: 'reset' as const, createdBy: null, createdAt: T0, expiresAt: T0 + 1000 };
    await storage.accountTokens.create({ ...base, userId: 'a', tokenHash: 'ra' });
    await storage.accountTokens.create({ ...base, userId: 'b', tokenHash: 'rb' });
    await storage.accountTokens.create({ ...base, kind: 'setup', userId: null, tokenHash: 's' });
    await storage.accountTokens.revokeUnused('reset', 'a', T0 + 1);
    expect(await storage.accountTokens.isUsable('ra', 'reset', T0 + 2)).toBe(false);
    expect(await storage.accountTokens.isUsable('rb', 'reset', T0 + 2)).toBe(true);
    expect(await storage.accountTokens.isUsable('s', 'setup', T0 + 2)).toBe(true);
  });
});
