import fs from 'node:fs';
import path from 'node:path';
import { CLOSE_CODES, docNameForPlan } from '@sakutei/shared';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionIdOf } from '../../server/src/auth/sessions';
import { openSqliteStorage } from '../../server/src/storage/sqlite';
import { DATABASE_FILE } from '../../server/src/storage/sqlite/database';
import { type CollabClient, connectCollab, waitFor } from '../support/collab';
import { ApiClient, signedIn } from '../support/http';
import { type TestServer, cli, startServer, tempDataDir } from '../support/server';

/**
 * A fresh installation with demo mode off: the printed setup link makes the first
 * administrator, who then runs councils and accounts. The access sweep is slowed right down,
 * so a socket that closes at once was closed by the deactivation itself.
 */

const dataDir = tempDataDir();
let server: TestServer;
const sockets: CollabClient[] = [];
const ADMIN = { name: '管理者 初代', email: 'first-admin@example.jp', password: 'first-admin-password' };

const linkIn = (text: string): string => {
  const links = [...text.matchAll(/https?:\/\/\S+\/setup#token=(\S+)/g)];
  expect(links.length).toBeGreaterThan(0);
  return links.at(-1)![1]!;
};
const setup = (token: string, overrides: Partial<typeof ADMIN> = {}) => new ApiClient(server.url).request('POST', '/api/setup', { token, ...ADMIN, ...overrides });
const auditKinds = () => {
  const db = new Database(path.join(dataDir, DATABASE_FILE), { readonly: true });
  try {
    return (db.prepare('SELECT kind FROM audit_log ORDER BY seq').all() as Array<{ kind: string }>).map((r) => r.kind);
  } finally {
    db.close();
  }
};

beforeAll(async () => {
  server = await startServer({ dataDir, env: { SAKUTEI_DEMO: '0', SAKUTEI_REVALIDATE_MS: '600000' } });
});

afterAll(async () => {
  for (const s of sockets) s.destroy();
  await server?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

// Each CLI call starts a process (1–2 s, more on a busy machine): these tests get room for a few.
describe('first run', { timeout: 120_000 }, () => {
  let admin: ApiClient;

  it('prints a setup link; a newer one from the CLI replaces it; an expired one does not work', async () => {
    const printed = linkIn(server.output());
    expect((await new ApiClient(server.url).request('GET', '/api/setup')).body).toEqual({ needed: true });

    const fresh = linkIn(cli(dataDir, ['setup']));
    expect(fresh).not.toBe(printed);
    const old = await setup(printed);
    expect(old.status).toBe(410);
    expect(old.body.error.code).toBe('setup_link_expired');

    // A link past its expiry, written as the server would have written it a day ago.
    const storage = openSqliteStorage(dataDir);
    try {
      const now = Date.now();
      await storage.accountTokens.create({ tokenHash: sessionIdOf('expired-setup-token'), kind: 'setup', userId: null, createdBy: null, createdAt: now - 2 * 86_400_000, expiresAt: now - 86_400_000 });
    } finally {
      await storage.close();
    }
    expect((await setup('expired-setup-token')).status).toBe(410);

    // A refused form does not use the link up.
    const weak = await setup(fresh, { password: 'short' });
    expect(weak.status).toBe(400);
    expect(weak.body.error.code).toBe('weak_password');

    admin = new ApiClient(server.url);
    const made = await admin.request('POST', '/api/setup', { token: fresh, ...ADMIN });
    expect(made.status).toBe(201);
    expect(made.body.user).toMatchObject({ email: ADMIN.email, name: ADMIN.name });
    // Signed in at once, and an administrator.
    const me = await admin.request('GET', '/api/me');
    expect(me.body).toMatchObject({ user: { email: ADMIN.email }, memberships: [], isAdmin: true });
  });

  it('refuses every setup once an administrator exists, the used link included', async () => {
    expect((await new ApiClient(server.url).request('GET', '/api/setup')).body).toEqual({ needed: false });
    const again = await setup('whatever', { email: 'second-admin@example.jp' });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('already_set_up');
    expect(() => cli(dataDir, ['setup'])).toThrow(/has an administrator already/);
    expect(auditKinds()).toContain('setup.completed');
  });

  it('lets the administrator run councils and accounts; deactivation closes live sockets at once', async () => {
    admin = await signedIn(server.url, ADMIN.email, ADMIN.password);
    const created = await admin.request('POST', '/api/admin/councils', { name: '郡山市産業振興会議' });
    expect(created.status).toBe(201);
    const councilId = created.body.council.id as string;
    expect((await admin.request('POST', '/api/admin/councils', { name: '郡山市産業振興会議' })).status).toBe(409);

    // Appointing someone without an account says so.
    const nobody = await admin.request('PUT', `/api/admin/councils/${councilId}/leaders`, { email: 'chair@koriyama.example.jp', role: 'chair' });
    expect(nobody.status).toBe(404);
    expect(nobody.body.error.code).toBe('account_not_found');

    cli(dataDir, ['user', 'add', '--email', 'chair@koriyama.example.jp', '--name', '座長 郡山', '--password', 'koriyama-chair-password']);
    const appointed = await admin.request('PUT', `/api/admin/councils/${councilId}/leaders`, { email: 'chair@koriyama.example.jp', role: 'chair' });
    expect(appointed.status).toBe(200);
    expect(appointed.body.council.leaders).toMatchObject([{ email: 'chair@koriyama.example.jp', role: 'chair' }]);

    const planId = /plan (\S+)/.exec(cli(dataDir, ['plan', 'add', '--workspace', councilId, '--title', '産業振興計画']))![1]!;
    const chair = await signedIn(server.url, 'chair@koriyama.example.jp', 'koriyama-chair-password');
    const socket = connectCollab(server.wsUrl, docNameForPlan(planId), { cookie: chair.cookie });
    sockets.push(socket);
    await socket.synced;

    const chairId = appointed.body.council.leaders[0].userId as string;
    const off = await admin.request('PATCH', `/api/admin/accounts/${chairId}`, { active: false });
    expect(off.status).toBe(200);
    expect(off.body.account.deactivatedAt).not.toBeNull();
    // The sweep runs every ten minutes here: only the deactivation itself can close it this soon.
    await waitFor(() => socket.closes.length > 0, 'the socket to close');
    expect(socket.closes[0]!.code).toBe(CLOSE_CODES.unauthenticated);
    expect((await chair.request('GET', '/api/me')).status).toBe(401);
    const refused = await new ApiClient(server.url).request('POST', '/api/auth/sign-in', { email: 'chair@koriyama.example.jp', password: 'koriyama-chair-password' });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('account_deactivated');

    expect((await admin.request('PATCH', `/api/admin/accounts/${chairId}`, { active: true })).status).toBe(200);
    const chairAgain = await signedIn(server.url, 'chair@koriyama.example.jp', 'koriyama-chair-password');
    expect((await chairAgain.collabToken(planId)).capability).toBe('edit');
    const editing = connectCollab(server.wsUrl, docNameForPlan(planId), { cookie: chairAgain.cookie });
    sockets.push(editing);
    await editing.synced;

    const accounts = (await admin.request('GET', '/api/admin/accounts')).body.accounts as Array<{ email: string; memberships: unknown[]; isAdmin: boolean }>;
    expect(accounts.find((a) => a.email === 'chair@koriyama.example.jp')).toMatchObject({
      isAdmin: false,
      memberships: [{ workspaceId: councilId, workspaceName: '郡山市産業振興会議', role: 'chair' }],
    });

    const renamed = await admin.request('PATCH', `/api/admin/councils/${councilId}`, { name: '郡山市産業振興審議会', archived: true });
    expect(renamed.body.council).toMatchObject({ name: '郡山市産業振興審議会' });
    expect(renamed.body.council.archivedAt).not.toBeNull();
    // An archived council's plans are read-only: open editors reconnect, new tokens read.
    await waitFor(() => editing.closes.length > 0, 'the editing socket to close');
    expect(editing.closes[0]!.code).toBe(CLOSE_CODES.accessChanged);
    expect((await chairAgain.collabToken(planId)).capability).toBe('read');
    expect((await admin.request('PATCH', `/api/admin/councils/${councilId}`, { archived: false })).body.council.archivedAt).toBeNull();
    expect((await chairAgain.collabToken(planId)).capability).toBe('edit');
    expect((await admin.request('DELETE', `/api/admin/councils/${councilId}/leaders/${chairId}`)).body.council.leaders).toEqual([]);

    expect(auditKinds()).toEqual(
      expect.arrayContaining(['council.created', 'role.changed', 'account.deactivated', 'account.reactivated', 'council.renamed', 'council.archived']),
    );
  });

  it('never lets the last administrator go, nor an administrator lock themselves out', async () => {
    const admin = await signedIn(server.url, ADMIN.email, ADMIN.password);
    const self = await admin.request('PATCH', `/api/admin/accounts/${admin.user.id}`, { active: false });
    expect(self.status).toBe(409);
    expect(self.body.error.code).toBe('cannot_change_self');
    expect(() => cli(dataDir, ['user', 'deactivate', '--email', ADMIN.email])).toThrow(/last active administrator/);
    expect(() => cli(dataDir, ['user', 'admin', '--email', ADMIN.email, '--off'])).toThrow(/last administrator/);
    // With a second administrator, the first may be deactivated by the CLI (and the second undo it).
    cli(dataDir, ['user', 'add', '--email', 'second-admin@example.jp', '--name', '管理者 二代', '--password', 'second-admin-password']);
    cli(dataDir, ['user', 'admin', '--email', 'second-admin@example.jp']);
    const second = await signedIn(server.url, 'second-admin@example.jp', 'second-admin-password');
    expect((await second.request('PATCH', `/api/admin/accounts/${admin.user.id}`, { active: false })).status).toBe(200);
    expect((await admin.request('GET', '/api/admin/accounts')).status).toBe(401);
    expect((await second.request('PATCH', `/api/admin/accounts/${admin.user.id}`, { active: true })).status).toBe(200);
  });

  it("appoints a new council's first secretariat (the administrator themselves), who can then invite", async () => {
    const admin = await signedIn(server.url, ADMIN.email, ADMIN.password);
    const councilId = (await admin.request('POST', '/api/admin/councils', { name: '新設の協議会' })).body.council.id as string;
    // Nobody is on the council: nobody can invite yet (to the administrator, as to any outsider, it is not found).
    expect((await admin.request('POST', `/api/workspaces/${councilId}/invitations`, { email: 'iin@example.jp', role: 'member' })).status).toBe(404);
    // Only the chair, a vice chair or the secretariat are appointed here; members are invited.
    expect((await admin.request('PUT', `/api/admin/councils/${councilId}/leaders`, { email: ADMIN.email, role: 'member' })).status).toBe(400);
    const appointed = await admin.request('PUT', `/api/admin/councils/${councilId}/leaders`, { email: ADMIN.email, role: 'staff' });
    expect(appointed.status).toBe(200);
    expect(appointed.body.council.memberCount).toBe(1);
    expect(appointed.body.council.leaders).toEqual([]);
    expect(appointed.body.council.secretariat).toMatchObject([{ email: ADMIN.email }]);
    // The 事務局 is listed, not removed here: × would make them a member, who may edit the plan.
    const staffId = appointed.body.council.secretariat[0].userId as string;
    expect((await admin.request('DELETE', `/api/admin/councils/${councilId}/leaders/${staffId}`)).status).toBe(404);
    const invited = await admin.request('POST', `/api/workspaces/${councilId}/invitations`, { email: 'iin@example.jp', role: 'member' });
    expect(invited.status).toBe(201);
  });
});
