import { describe, expect, it } from 'vitest';
import type { Storage } from '../../server/src/storage/index';
import { storageBackends } from '../support/storageBackends';

/** Members' attributes, invitations and profile changes: one contract on SQLite and PostgreSQL, each case on storage of its own. */

const { backends } = storageBackends('members');

const T0 = 1_800_000_000_000;
const DAY = 86_400_000;

async function council(storage: Storage) {
  await storage.workspaces.createWorkspace({ id: 'w1', name: '福島市中小企業振興会議' });
  for (const [id, email, name] of [
    ['staff', 'staff@example.jp', '事務局 高橋'],
    ['m1', 'member@example.jp', '委員 佐藤'],
  ] as const) {
    await storage.accounts.createUser({ id, email, name, passwordHash: 'hash', isDemo: false });
  }
  await storage.workspaces.setMembership('w1', 'staff', 'staff');
  await storage.workspaces.setMembership('w1', 'm1', 'member');
}

const invitation = (id: string, overrides: Record<string, unknown> = {}) => ({
  id,
  tokenHash: `hash-${id}`,
  workspaceId: 'w1',
  email: `${id}@example.jp`,
  role: 'member' as const,
  affiliation: '福島大学',
  category: 'academic' as const,
  termFrom: '2025-04-01',
  termTo: '2027-03-31',
  invitedBy: 'staff',
  createdAt: T0,
  expiresAt: T0 + 14 * DAY,
  ...overrides,
});

describe.each(backends)('members, invitations and profiles contract: %s', (_name, open) => {
  it('lists members with their attributes and replaces them', async () => {
    const { storage } = await open();
    await council(storage);
    expect(await storage.members.find('w1', 'm1')).toEqual({
      userId: 'm1', email: 'member@example.jp', name: '委員 佐藤', role: 'member', affiliation: '', category: null, termFrom: null, termTo: null,
    });
    const attributes = { affiliation: '福島商工会議所', category: 'business' as const, termFrom: '2025-04-01', termTo: '2027-03-31' };
    expect(await storage.members.setAttributes('w1', 'm1', attributes)).toBe(true);
    expect(await storage.members.setAttributes('w1', 'nobody', attributes)).toBe(false);
    expect((await storage.members.list('w1')).map((m) => [m.userId, m.affiliation, m.category, m.termFrom, m.termTo])).toEqual([
      ['staff', '', null, null, null],
      ['m1', '福島商工会議所', 'business', '2025-04-01', '2027-03-31'],
    ]);
    expect(await storage.members.find('w1', 'nobody')).toBeNull();
  });

  it('stores invitations, finds them by token hash, lists them newest first, and counts the pending ones', async () => {
    const { storage } = await open();
    await council(storage);
    await storage.invitations.create(invitation('a'));
    await storage.invitations.create(invitation('b', { createdAt: T0 + 1, expiresAt: T0 + 10 }));
    const a = await storage.invitations.findByTokenHash('hash-a');
    expect(a).toEqual({ ...invitation('a'), invitedByName: '事務局 高橋', acceptedAt: null, acceptedBy: null, revokedAt: null });
    expect(await storage.invitations.find('a')).toEqual(a);
    expect(await storage.invitations.findByTokenHash('nothing')).toBeNull();
    expect((await storage.invitations.list('w1', 10)).map((i) => i.id)).toEqual(['b', 'a']);
    expect((await storage.invitations.list('w1', 1)).map((i) => i.id)).toEqual(['b']);
    expect(await storage.invitations.countPending('w1', T0 + 5)).toBe(2);
    expect(await storage.invitations.countPending('w1', T0 + 10)).toBe(1);
    // Addresses compare whatever their case.
    expect((await storage.invitations.listOpen('w1', 'A@EXAMPLE.JP')).map((i) => i.id)).toEqual(['a']);
  });

  it('renews and revokes only open invitations', async () => {
    const { storage } = await open();
    await council(storage);
    await storage.invitations.create(invitation('a'));
    expect(await storage.invitations.renew('a', 'hash-a2', T0 + 20 * DAY)).toBe(true);
    expect(await storage.invitations.findByTokenHash('hash-a')).toBeNull();
    expect((await storage.invitations.findByTokenHash('hash-a2'))!.expiresAt).toBe(T0 + 20 * DAY);
    expect(await storage.invitations.revoke('a', T0 + 5)).toBe(true);
    expect(await storage.invitations.revoke('a', T0 + 6)).toBe(false);
    expect(await storage.invitations.renew('a', 'hash-a3', T0 + 30 * DAY)).toBe(false);
    expect((await storage.invitations.find('a'))!.revokedAt).toBe(T0 + 5);
    expect(await storage.invitations.listOpen('w1', 'a@example.jp')).toEqual([]);
  });

  it('accepts once, creating the account and the membership with its attributes in one go', async () => {
    const { storage } = await open();
    await council(storage);
    await storage.invitations.create(invitation('a'));
    const newUser = { id: 'u-new', email: 'a@example.jp', name: '新委員', passwordHash: 'h' };
    // Wrong token, or too late: nothing happens, not even the account.
    expect(await storage.invitations.accept('a', 'hash-wrong', 'u-new', T0 + 1, newUser)).toBe(false);
    expect(await storage.invitations.accept('a', 'hash-a', 'u-new', T0 + 14 * DAY, newUser)).toBe(false);
    expect(await storage.accounts.findUserById('u-new')).toBeNull();

    expect(await storage.invitations.accept('a', 'hash-a', 'u-new', T0 + 1, newUser)).toBe(true);
    expect((await storage.accounts.findUserById('u-new'))!.email).toBe('a@example.jp');
    expect(await storage.members.find('w1', 'u-new')).toMatchObject({ role: 'member', affiliation: '福島大学', category: 'academic', termTo: '2027-03-31' });
    expect(await storage.invitations.find('a')).toMatchObject({ acceptedAt: T0 + 1, acceptedBy: 'u-new' });
    // Single use, also against an existing account.
    expect(await storage.invitations.accept('a', 'hash-a', 'm1', T0 + 2)).toBe(false);
    expect(await storage.workspaces.roleOf('w1', 'm1')).toBe('member');
  });

  it('keeps the role of someone who is a member already when they accept', async () => {
    const { storage } = await open();
    await council(storage);
    await storage.invitations.create(invitation('a', { role: 'observer' }));
    expect(await storage.invitations.accept('a', 'hash-a', 'staff', T0 + 1)).toBe(true);
    expect(await storage.workspaces.roleOf('w1', 'staff')).toBe('staff');
  });

  it('lets one of two racing acceptances win', async () => {
    const { storage, another } = await open();
    await council(storage);
    await storage.invitations.create(invitation('a'));
    const second = await another();
    const results = await Promise.all([
      storage.invitations.accept('a', 'hash-a', 'm1', T0 + 1),
      second.invitations.accept('a', 'hash-a', 'staff', T0 + 1),
    ]);
    expect(results.filter(Boolean)).toHaveLength(1);
  });

  it('changes names and addresses, keeping addresses unique whatever their case, and ends other sessions', async () => {
    const { storage } = await open();
    await council(storage);
    await storage.profiles.setName('m1', '委員 佐藤（改）');
    expect((await storage.accounts.findUserById('m1'))!.name).toBe('委員 佐藤（改）');
    expect(await storage.profiles.setEmail('m1', 'STAFF@example.jp')).toBe(false);
    expect(await storage.profiles.setEmail('m1', 'sato@example.jp')).toBe(true);
    expect((await storage.accounts.findUserByEmail('sato@example.jp'))!.id).toBe('m1');
    // Its own address in another case is no clash.
    expect(await storage.profiles.setEmail('m1', 'Sato@example.jp')).toBe(true);

    for (const id of ['s1', 's2', 's3']) await storage.accounts.createSession({ id, userId: 'm1', expiresAt: T0 + DAY });
    await storage.accounts.createSession({ id: 'other', userId: 'staff', expiresAt: T0 + DAY });
    await storage.profiles.endOtherSessions('m1', 's2');
    expect(await storage.accounts.findSession('s1')).toBeNull();
    expect(await storage.accounts.findSession('s2')).not.toBeNull();
    expect(await storage.accounts.findSession('s3')).toBeNull();
    expect(await storage.accounts.findSession('other')).not.toBeNull();
  });
});
