import type { Invitation, Member, PlanSummary } from '@sakutei/shared';
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../server/src/storage/sqlite/database';
import { ApiClient, signedIn } from '../support/http';
import { OUTSIDER_PASSWORD, type TestServer, addOutsider, startServer, tempDataDir } from '../support/server';

/**
 * Members, invitations and accounts against a real server: one-time links (expiry, reuse,
 * revocation, re-sending), roles and attributes and who may change them, reset links, the
 * caller's own account, hostile requests, and the audit record of all of it.
 */

const dataDir = tempDataDir();
let server: TestServer;
let plan: PlanSummary;
let workspaceId: string;
type Signed = Awaited<ReturnType<typeof signedIn>>;
let staff: Signed;
let member: Signed;
let chair: Signed;

beforeAll(async () => {
  server = await startServer({ dataDir });
  [staff, member, chair] = (await Promise.all(['staff', 'member', 'chair'].map((who) => signedIn(server.url, `${who}@example.jp`)))) as [
    Signed,
    Signed,
    Signed,
  ];
  [plan] = (await member.plans()) as [PlanSummary];
  workspaceId = plan.workspaceId;
});
afterAll(async () => {
  await server.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const invitations = () => `/api/workspaces/${workspaceId}/invitations`;
const memberPath = (userId: string, rest = '') => `/api/workspaces/${workspaceId}/members/${userId}${rest}`;
const tokenOf = (linkPath: string) => {
  expect(linkPath).toMatch(/^\/invite#token=[a-z2-7]+$|^\/reset-password#token=[a-z2-7]+$/);
  return linkPath.split('#token=')[1]!;
};
let addressCount = 0;
const freshAddress = () => `invitee-${++addressCount}-${Date.now()}@example.jp`;

async function invite(body: Record<string, unknown>) {
  const res = await staff.request('POST', invitations(), body);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return { invitation: res.body.invitation as Invitation, token: tokenOf(res.body.linkPath), replaced: res.body.replaced as boolean };
}

const anonymous = () => new ApiClient(server.url);

async function members(): Promise<Member[]> {
  return (await staff.request('GET', `/api/workspaces/${workspaceId}/members`)).body.members;
}

/** Runs SQL on the server's database beside it, as a clock moving on would. */
function sql(statement: string, ...params: unknown[]) {
  const db = new Database(path.join(dataDir, DATABASE_FILE));
  try {
    db.prepare(statement).run(...params);
  } finally {
    db.close();
  }
}

describe('invitations', () => {
  it('lets a new person accept once, with a name and password, and land in the council with the role and attributes', async () => {
    const email = freshAddress();
    const { invitation, token } = await invite({
      email: email.toUpperCase(),
      role: 'member',
      affiliation: '福島商工会議所',
      category: 'business',
      termFrom: '2025-04-01',
      termTo: '2027-03-31',
    });
    expect(invitation).toMatchObject({ email, role: 'member', status: 'pending', affiliation: '福島商工会議所', category: 'business' });

    const guest = anonymous();
    const preview = await guest.request('POST', '/api/invitations/preview', { token });
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({ email, role: 'member', accountExists: false, signedInAsInvitee: false });
    expect(preview.body.workspaceName).toBe(plan.workspaceName);

    // A too-short password is refused and leaves the link usable.
    expect((await guest.request('POST', '/api/invitations/accept', { token, name: '新委員 花子', password: 'short' })).body.error.code).toBe('weak_password');
    const accepted = await guest.request('POST', '/api/invitations/accept', { token, name: '新委員 花子', password: 'new-member-password' });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toEqual({ workspaceId, workspaceName: plan.workspaceName });
    // Signed in at once, and on the council.
    const me = (await guest.request('GET', '/api/me')).body;
    expect(me.user).toMatchObject({ email, name: '新委員 花子' });
    expect(me.memberships).toEqual([{ workspaceId, workspaceName: plan.workspaceName, role: 'member' }]);
    expect((await members()).find((m) => m.email === email)).toMatchObject({
      role: 'member',
      affiliation: '福島商工会議所',
      category: 'business',
      termFrom: '2025-04-01',
      termTo: '2027-03-31',
    });

    // Used: a second use is refused, whoever tries.
    for (const who of [anonymous(), guest]) {
      const again = await who.request('POST', '/api/invitations/accept', { token, name: '二度目', password: 'another-password' });
      expect(again.status).toBe(410);
      expect(again.body.error.code).toBe('invitation_used');
    }
    const listed = (await staff.request('GET', invitations())).body.invitations as Invitation[];
    expect(listed.find((i) => i.id === invitation.id)!.status).toBe('accepted');
  });

  it('refuses an expired link with its own message, lists it as expired, and resending revives it with a new link', async () => {
    const { invitation, token } = await invite({ email: freshAddress(), role: 'observer' });
    sql('UPDATE invitations SET expires_at = ? WHERE id = ?', Date.now() - 1000, invitation.id);
    const res = await anonymous().request('POST', '/api/invitations/preview', { token });
    expect(res.status).toBe(410);
    expect(res.body.error.code).toBe('invitation_expired');
    expect((await anonymous().request('POST', '/api/invitations/accept', { token, name: '期限切れ', password: 'expired-password' })).status).toBe(410);
    expect(((await staff.request('GET', invitations())).body.invitations as Invitation[]).find((i) => i.id === invitation.id)!.status).toBe('expired');

    const resent = await staff.request('POST', `${invitations()}/${invitation.id}/resend`);
    expect(resent.status).toBe(200);
    expect(resent.body.invitation.status).toBe('pending');
    const fresh = tokenOf(resent.body.linkPath);
    expect(fresh).not.toBe(token);
    // The old link is dead for good (its hash is gone), the new one works.
    expect((await anonymous().request('POST', '/api/invitations/preview', { token })).body.error.code).toBe('invitation_not_found');
    expect((await anonymous().request('POST', '/api/invitations/preview', { token: fresh })).status).toBe(200);
  });

  it('kills the old link when an invitation is re-sent', async () => {
    const { invitation, token } = await invite({ email: freshAddress(), role: 'member' });
    const resent = await staff.request('POST', `${invitations()}/${invitation.id}/resend`);
    const old = await anonymous().request('POST', '/api/invitations/accept', { token, name: '旧リンク', password: 'old-link-password' });
    expect(old.status).toBe(404);
    expect(old.body.error.code).toBe('invitation_not_found');
    const ok = await anonymous().request('POST', '/api/invitations/accept', { token: tokenOf(resent.body.linkPath), name: '新リンク', password: 'new-link-password' });
    expect(ok.status).toBe(200);
    // Accepted: nothing left to resend or revoke.
    expect((await staff.request('POST', `${invitations()}/${invitation.id}/resend`)).body.error.code).toBe('invitation_closed');
    expect((await staff.request('DELETE', `${invitations()}/${invitation.id}`)).body.error.code).toBe('invitation_closed');
  });

  it('refuses a revoked link', async () => {
    const { invitation, token } = await invite({ email: freshAddress(), role: 'member' });
    expect((await staff.request('DELETE', `${invitations()}/${invitation.id}`)).status).toBe(200);
    const res = await anonymous().request('POST', '/api/invitations/accept', { token, name: '取消し', password: 'revoked-password' });
    expect(res.status).toBe(410);
    expect(res.body.error.code).toBe('invitation_revoked');
    expect((await staff.request('POST', `${invitations()}/${invitation.id}/resend`)).status).toBe(409);
  });

  it('replaces the open invitation when the same address is invited again, and refuses to invite a member', async () => {
    const email = freshAddress();
    const first = await invite({ email, role: 'member' });
    const second = await invite({ email, role: 'staff' });
    expect(first.replaced).toBe(false);
    expect(second.replaced).toBe(true);
    expect((await anonymous().request('POST', '/api/invitations/preview', { token: first.token })).body.error.code).toBe('invitation_revoked');
    expect((await anonymous().request('POST', '/api/invitations/preview', { token: second.token })).body.role).toBe('staff');

    const existing = await staff.request('POST', invitations(), { email: 'member@example.jp', role: 'member' });
    expect(existing.status).toBe(409);
    expect(existing.body.error.code).toBe('already_member');
  });

  it('lets an existing account join with its password, and refuses someone signed in as another account', async () => {
    addOutsider(dataDir, 'other-council@example.jp');
    const { token } = await invite({ email: 'other-council@example.jp', role: 'observer' });
    const guest = anonymous();
    expect((await guest.request('POST', '/api/invitations/preview', { token })).body.accountExists).toBe(true);
    // Signed in as someone else: sign out first.
    const wrongPerson = await member.request('POST', '/api/invitations/accept', { token });
    expect(wrongPerson.status).toBe(409);
    expect(wrongPerson.body.error.code).toBe('signed_in_as_other');
    const wrong = await guest.request('POST', '/api/invitations/accept', { token, password: 'not-the-password' });
    expect(wrong.status).toBe(403);
    expect(wrong.body.error.code).toBe('wrong_password');
    const ok = await guest.request('POST', '/api/invitations/accept', { token, password: OUTSIDER_PASSWORD });
    expect(ok.status).toBe(200);
    const me = (await guest.request('GET', '/api/me')).body;
    expect(me.user.email).toBe('other-council@example.jp');
    expect(me.memberships.map((m: { role: string }) => m.role).sort()).toEqual(['chair', 'observer']);
  });

  it('lets the invitee already signed in accept with nothing more', async () => {
    const email = freshAddress();
    const first = await invite({ email, role: 'member' });
    const person = anonymous();
    await person.request('POST', '/api/invitations/accept', { token: first.token, name: '既存 太郎', password: 'existing-password' });
    // Removed, then invited back: signed in, the same account joins again.
    expect((await staff.request('DELETE', memberPath((await person.request('GET', '/api/me')).body.user.id))).status).toBe(200);
    const { token } = await invite({ email, role: 'observer' });
    expect((await person.request('POST', '/api/invitations/preview', { token })).body.signedInAsInvitee).toBe(true);
    expect((await person.request('POST', '/api/invitations/accept', { token })).status).toBe(200);
    expect((await person.request('GET', '/api/me')).body.memberships[0].role).toBe('observer');
  });

  it('lets only staff invite, and only with roles below the chair', async () => {
    for (const who of [member, chair]) {
      const res = await who.request('POST', invitations(), { email: freshAddress(), role: 'member' });
      expect(res.status).toBe(403);
    }
    for (const role of ['chair', 'vice_chair', 'admin']) {
      const res = await staff.request('POST', invitations(), { email: freshAddress(), role });
      expect(res.status, role).toBe(400);
    }
    const badTerm = await staff.request('POST', invitations(), { email: freshAddress(), role: 'member', termFrom: '2027-04-01', termTo: '2025-03-31' });
    expect(badTerm.status).toBe(400);
  });

  it('refuses hostile invitations cleanly and creates nothing', async () => {
    const before = ((await staff.request('GET', invitations())).body.invitations as Invitation[]).length;
    const thousands = Array.from({ length: 5000 }, (_, i) => `person${i}@example.jp`);
    const attempts: Array<[unknown, number]> = [
      // A body over the API's 64 KiB: refused before it is parsed.
      [{ email: freshAddress(), role: 'member', affiliation: 'x'.repeat(100_000) }, 413],
      [{ email: thousands.join(','), role: 'member' }, 413],
      // Thousands of addresses, as a list or in one string.
      [{ email: thousands.slice(0, 1000), role: 'member' }, 400],
      [{ email: thousands.slice(0, 2000).join(','), role: 'member' }, 400],
      [{ emails: thousands.slice(0, 500), role: 'member' }, 400],
      // An affiliation over its limit, a field that does not exist, a date that does not.
      [{ email: freshAddress(), role: 'member', affiliation: 'あ'.repeat(201) }, 400],
      [{ email: freshAddress(), role: 'member', isAdmin: true }, 400],
      [{ email: freshAddress(), role: 'member', termTo: '2025-02-30' }, 400],
    ];
    for (const [body, status] of attempts) {
      const res = await staff.request('POST', invitations(), body);
      expect(res.status).toBe(status);
      expect(Object.keys(res.body)).toEqual(['error']);
    }
    expect(((await staff.request('GET', invitations())).body.invitations as Invitation[]).length).toBe(before);
    // Malformed tokens never reach the database.
    for (const token of ['', 'x', 'A'.repeat(40), 'a'.repeat(5000)]) {
      expect((await anonymous().request('POST', '/api/invitations/preview', { token })).status).toBe(400);
    }
  });
});

describe('members: roles and attributes', () => {
  it('lets staff change roles below the chair and record attributes, and nobody else', async () => {
    const list = await members();
    const target = list.find((m) => m.email === 'member2@example.jp')!;
    const chairId = list.find((m) => m.role === 'chair')!.userId;

    expect((await staff.request('PUT', memberPath(target.userId), { role: 'observer' })).status).toBe(200);
    expect((await staff.request('PUT', memberPath(target.userId), { role: 'member' })).status).toBe(200);
    // The chair and vice chair are appointed by administrators.
    expect((await staff.request('PUT', memberPath(target.userId), { role: 'chair' })).status).toBe(403);
    expect((await staff.request('PUT', memberPath(target.userId), { role: 'vice_chair' })).status).toBe(403);
    expect((await staff.request('PUT', memberPath(chairId), { role: 'member' })).status).toBe(403);
    expect((await staff.request('DELETE', memberPath(chairId))).status).toBe(403);
    expect((await members()).find((m) => m.userId === chairId)!.role).toBe('chair');

    const attributes = { affiliation: '福島大学 経済経営学類', category: 'academic', termFrom: '2025-04-01', termTo: '2027-03-31' };
    for (const who of [member, chair]) expect((await who.request('PUT', memberPath(target.userId, '/attributes'), attributes)).status).toBe(403);
    const saved = await staff.request('PUT', memberPath(target.userId, '/attributes'), attributes);
    expect(saved.status).toBe(200);
    expect(saved.body.member).toMatchObject(attributes);
    expect((await members()).find((m) => m.userId === target.userId)).toMatchObject(attributes);
    // Members read them too.
    expect(((await member.request('GET', `/api/workspaces/${workspaceId}/members`)).body.members as Member[]).find((m) => m.userId === target.userId)).toMatchObject(attributes);

    for (const bad of [
      { ...attributes, category: 'celebrity' },
      { ...attributes, termFrom: '2027-04-01', termTo: '2025-03-31' },
      { ...attributes, termTo: '31/03/2027' },
      { affiliation: '所属だけ' },
    ]) {
      expect((await staff.request('PUT', memberPath(target.userId, '/attributes'), bad)).status).toBe(400);
    }
    const cleared = { affiliation: '', category: null, termFrom: null, termTo: null };
    expect((await staff.request('PUT', memberPath(target.userId, '/attributes'), cleared)).body.member).toMatchObject(cleared);
  });
});

describe('password-reset links', () => {
  it('are issued by staff for members, work once, replace earlier ones, and end the sessions of the account', async () => {
    const target = (await members()).find((m) => m.email === 'member2@example.jp')!;
    const session = await signedIn(server.url, 'member2@example.jp');
    const chairId = (await members()).find((m) => m.role === 'chair')!.userId;

    expect((await member.request('POST', memberPath(target.userId, '/reset-link'))).status).toBe(403);
    expect((await staff.request('POST', memberPath(chairId, '/reset-link'))).status).toBe(403);
    expect((await staff.request('POST', memberPath(staff.user.id, '/reset-link'))).status).toBe(403);

    const first = tokenOf((await staff.request('POST', memberPath(target.userId, '/reset-link'))).body.linkPath);
    const issued = await staff.request('POST', memberPath(target.userId, '/reset-link'));
    expect(issued.status).toBe(200);
    expect(issued.body.mailed).toBe(false);
    const token = tokenOf(issued.body.linkPath);
    // A new link replaces the earlier one.
    expect((await anonymous().request('POST', '/api/password-reset/check', { token: first })).status).toBe(410);
    expect((await anonymous().request('POST', '/api/password-reset/check', { token })).status).toBe(200);
    // Too short: refused, and the link stays usable.
    expect((await anonymous().request('POST', '/api/password-reset', { token, newPassword: 'short' })).status).toBe(400);
    expect((await anonymous().request('POST', '/api/password-reset', { token, newPassword: 'reset-new-password' })).status).toBe(200);
    expect((await session.request('GET', '/api/me')).status).toBe(401);
    await signedIn(server.url, 'member2@example.jp', 'reset-new-password');
    const reused = await anonymous().request('POST', '/api/password-reset', { token, newPassword: 'another-new-password' });
    expect(reused.status).toBe(410);
    expect(reused.body.error.code).toBe('reset_link_invalid');
  });

  it('are issued by an administrator for any account but their own, and by nobody else on that route', async () => {
    const admin = await signedIn(server.url, 'admin@example.jp');
    const target = (await members()).find((m) => m.email === 'member@example.jp')!;
    expect((await staff.request('POST', `/api/admin/accounts/${target.userId}/reset-link`)).status).toBe(403);
    expect((await admin.request('POST', `/api/admin/accounts/${admin.user.id}/reset-link`)).status).toBe(403);
    expect((await admin.request('POST', '/api/admin/accounts/nobody/reset-link')).status).toBe(404);
    const issued = await admin.request('POST', `/api/admin/accounts/${target.userId}/reset-link`);
    expect(issued.status).toBe(200);
    expect((await anonymous().request('POST', '/api/password-reset/check', { token: tokenOf(issued.body.linkPath) })).status).toBe(200);
  });

  it('expire', async () => {
    const target = (await members()).find((m) => m.email === 'member2@example.jp')!;
    const token = tokenOf((await staff.request('POST', memberPath(target.userId, '/reset-link'))).body.linkPath);
    sql("UPDATE account_tokens SET expires_at = ? WHERE kind = 'reset' AND used_at IS NULL", Date.now() - 1000);
    expect((await anonymous().request('POST', '/api/password-reset', { token, newPassword: 'too-late-password' })).status).toBe(410);
  });
});

describe("the caller's own account", () => {
  it('changes the name, the e-mail (password required, unique) and the password (other sessions end)', async () => {
    const guest = anonymous();
    const email = freshAddress();
    const { token } = await invite({ email, role: 'member' });
    await guest.request('POST', '/api/invitations/accept', { token, name: '本人 一郎', password: 'own-password-1' });
    const otherDevice = await signedIn(server.url, email, 'own-password-1');

    expect((await guest.request('PATCH', '/api/account/profile', { name: '  本人 一郎（改）  ' })).body.user.name).toBe('本人 一郎（改）');
    expect((await guest.request('PATCH', '/api/account/profile', { name: '' })).status).toBe(400);
    expect((await guest.request('PATCH', '/api/account/profile', { name: 'x'.repeat(101) })).status).toBe(400);

    const newEmail = freshAddress();
    expect((await guest.request('POST', '/api/account/email', { currentPassword: 'wrong-password', email: newEmail })).status).toBe(403);
    const taken = await guest.request('POST', '/api/account/email', { currentPassword: 'own-password-1', email: 'MEMBER@example.jp' });
    expect(taken.status).toBe(409);
    expect(taken.body.error.code).toBe('email_taken');
    expect((await guest.request('POST', '/api/account/email', { currentPassword: 'own-password-1', email: newEmail })).body.user.email).toBe(newEmail);

    expect((await guest.request('POST', '/api/account/password', { currentPassword: 'wrong-password', newPassword: 'own-password-2' })).status).toBe(403);
    expect((await guest.request('POST', '/api/account/password', { currentPassword: 'own-password-1', newPassword: 'short' })).status).toBe(400);
    expect((await guest.request('POST', '/api/account/password', { currentPassword: 'own-password-1', newPassword: 'own-password-2' })).status).toBe(200);
    // This session goes on; the other device is signed out.
    expect((await guest.request('GET', '/api/me')).status).toBe(200);
    expect((await otherDevice.request('GET', '/api/me')).status).toBe(401);
    await signedIn(server.url, newEmail, 'own-password-2');
  });

  it('stops guessing the current password after a few tries', async () => {
    const guest = anonymous();
    const { token } = await invite({ email: freshAddress(), role: 'member' });
    await guest.request('POST', '/api/invitations/accept', { token, name: '推測 対策', password: 'guess-password-1' });
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      statuses.push((await guest.request('POST', '/api/account/password', { currentPassword: `guess-${i}-wrong`, newPassword: 'guess-password-2' })).status);
    }
    expect(statuses.slice(0, 10).every((s) => s === 403)).toBe(true);
    expect(statuses.slice(10)).toEqual([429, 429]);
    // Even the right password waits now.
    expect((await guest.request('POST', '/api/account/password', { currentPassword: 'guess-password-1', newPassword: 'guess-password-2' })).status).toBe(429);
  });
});

describe('the audit record', () => {
  it('holds every invitation, membership and account change, in an intact chain', async () => {
    const audit = (await staff.request('GET', `/api/plans/${plan.id}/audit`)).body;
    expect(audit.intact).toBe(true);
    const kinds = new Set((audit.entries as Array<{ kind: string }>).map((e) => e.kind));
    for (const kind of ['invitation.created', 'invitation.resent', 'invitation.revoked', 'invitation.accepted', 'member.attributesChanged', 'role.changed', 'role.removed', 'account.resetIssued']) {
      expect(kinds, kind).toContain(kind);
    }
    // Account changes belong to no council; they are in the chain all the same (checked by verify above).
    const db = new Database(path.join(dataDir, DATABASE_FILE), { readonly: true });
    try {
      const accountKinds = (db.prepare("SELECT DISTINCT kind FROM audit_log WHERE kind LIKE 'account.%'").all() as Array<{ kind: string }>).map((r) => r.kind).sort();
      expect(accountKinds).toEqual(['account.emailChanged', 'account.nameChanged', 'account.passwordChanged', 'account.passwordReset', 'account.resetIssued']);
    } finally {
      db.close();
    }
  });
});
