import type { Invitation, PlanSummary } from '@sakutei/shared';
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../server/src/storage/sqlite/database';
import { ApiClient, signedIn } from '../support/http';
import { CookieJar, browse, startTestProvider, throughProvider, type TestProvider } from '../support/oidcProvider';
import { type TestServer, startServer, tempDataDir } from '../support/server';
import { createTestDatabase } from '../support/testServices';

/**
 * Sign-in with the municipality's identity provider, end to end: a real OpenID provider
 * (oidc-provider) on loopback, the real authorisation code flow with PKCE, state and nonce over
 * HTTP (its login and consent forms posted like a browser), and Sakutei's callback deciding who
 * that person is here: matched by verified e-mail only.
 */

const dataDir = tempDataDir();
const offDir = tempDataDir();
let provider: TestProvider;
let server: TestServer;
/** The same installation kind with local passwords turned off. */
let passwordOff: TestServer;
let staff: Awaited<ReturnType<typeof signedIn>>;
let workspaceId: string;

const CALLBACK = '/api/auth/oidc/callback';

beforeAll(async () => {
  provider = await startTestProvider();
  const env = {
    SAKUTEI_OIDC_ISSUER: provider.issuer,
    SAKUTEI_OIDC_CLIENT_ID: provider.clientId,
    SAKUTEI_OIDC_CLIENT_SECRET: provider.clientSecret,
    SAKUTEI_OIDC_NAME: 'テスト市職員ID',
  };
  [server, passwordOff] = await Promise.all([
    startServer({ dataDir, env }),
    startServer({ dataDir: offDir, env: { ...env, SAKUTEI_PASSWORD_LOGIN: '0' } }),
  ]);
  provider.register(server.url + CALLBACK, passwordOff.url + CALLBACK);
  staff = await signedIn(server.url, 'staff@example.jp');
  workspaceId = ((await staff.plans()) as PlanSummary[])[0]!.workspaceId;
}, 120_000);

afterAll(async () => {
  await Promise.all([server?.stop(), passwordOff?.stop(), provider?.stop()]);
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.rmSync(offDir, { recursive: true, force: true });
});

let logins = 0;
/** A person at the provider; answers their login id. */
function person(email: string, options: { verified?: boolean; name?: string } = {}): string {
  const login = `person-${++logins}`;
  provider.accounts.set(login, { email, email_verified: options.verified ?? true, name: options.name ?? `利用者 ${logins}` });
  return login;
}

async function invite(email: string) {
  const res = await staff.request('POST', `/api/workspaces/${workspaceId}/invitations`, { email, role: 'member' });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return { invitation: res.body.invitation as Invitation, token: (res.body.linkPath as string).split('#token=')[1]! };
}

/** Goes to the provider from `/api/auth/oidc/start` (GET) and comes back as far as the callback URL. */
async function toCallback(login: string, base = server): Promise<{ jar: CookieJar; callbackUrl: string }> {
  const jar = new CookieJar();
  const start = await browse(jar, base.url + '/api/auth/oidc/start');
  expect(start.status).toBe(302);
  const location = start.headers.get('location')!;
  expect(location.startsWith(provider.issuer)).toBe(true);
  const authUrl = new URL(location);
  // Authorisation code with PKCE (S256), state and nonce; no secret of Sakutei's in the address.
  expect(authUrl.searchParams.get('response_type')).toBe('code');
  expect(authUrl.searchParams.get('code_challenge_method')).toBe('S256');
  expect(authUrl.searchParams.get('state')).toBeTruthy();
  expect(authUrl.searchParams.get('nonce')).toBeTruthy();
  expect(location).not.toContain(provider.clientSecret);
  const flowCookie = start.headers.getSetCookie().find((c) => c.startsWith('sakutei_oidc='))!;
  expect(flowCookie).toMatch(/HttpOnly/i);
  expect(flowCookie).toMatch(/Path=\/api\/auth\/oidc/);
  return { jar, callbackUrl: await throughProvider(jar, location, login, base.url + CALLBACK) };
}

/** Opens the callback: answers where Sakutei sent the browser, and who is signed in then (or null). */
async function finish(jar: CookieJar, callbackUrl: string, base = server) {
  const res = await browse(jar, callbackUrl);
  expect(res.status).toBe(302);
  const me = await browse(jar, base.url + '/api/me');
  return { location: res.headers.get('location')!, me: me.status === 200 ? ((await me.json()) as any) : null };
}

async function ssoSignIn(login: string, base = server) {
  const { jar, callbackUrl } = await toCallback(login, base);
  return finish(jar, callbackUrl, base);
}

describe('sign-in methods', () => {
  it('tells the sign-in page about the provider, and that passwords are on or off', async () => {
    expect(await (await fetch(server.url + '/api/auth/methods')).json()).toEqual({
      password: true,
      sso: { name: 'テスト市職員ID', startPath: '/api/auth/oidc/start' },
    });
    expect(((await (await fetch(passwordOff.url + '/api/auth/methods')).json()) as any).password).toBe(false);
  });
});

describe('existing accounts', () => {
  it('an active account signs in by its verified address, with a session like a password sign-in', async () => {
    const { location, me } = await ssoSignIn(person('member@example.jp'));
    expect(location).toBe('/');
    expect(me.user.email).toBe('member@example.jp');
    expect(me.memberships.length).toBeGreaterThan(0);
  });

  it('the address matches whatever its case', async () => {
    const { me } = await ssoSignIn(person('Chair@Example.JP'));
    expect(me.user.email).toBe('chair@example.jp');
  });

  it('an unverified address is refused, even for an existing account', async () => {
    const { location, me } = await ssoSignIn(person('member@example.jp', { verified: false }));
    expect(location).toBe('/sign-in?sso_error=sso_email_unverified');
    expect(me).toBeNull();
  });

  it('an unknown address without an invitation is refused, and no account is made', async () => {
    const { location, me } = await ssoSignIn(person('stranger@example.jp'));
    expect(location).toBe('/sign-in?sso_error=sso_no_account');
    expect(me).toBeNull();
    const admin = await signedIn(server.url, 'admin@example.jp');
    const accounts = (await admin.request('GET', '/api/admin/accounts')).body.accounts as Array<{ email: string }>;
    expect(accounts.some((a) => a.email === 'stranger@example.jp')).toBe(false);
  });

  it('a deactivated account is refused; reactivated, it signs in again', async () => {
    const admin = await signedIn(server.url, 'admin@example.jp');
    const accounts = (await admin.request('GET', '/api/admin/accounts')).body.accounts as Array<{ id: string; email: string }>;
    const target = accounts.find((a) => a.email === 'member2@example.jp')!;
    expect((await admin.request('PATCH', `/api/admin/accounts/${target.id}`, { active: false })).status).toBe(200);
    const login = person('member2@example.jp');
    const refused = await ssoSignIn(login);
    expect(refused.location).toBe('/sign-in?sso_error=sso_deactivated');
    expect(refused.me).toBeNull();
    expect((await admin.request('PATCH', `/api/admin/accounts/${target.id}`, { active: true })).status).toBe(200);
    expect((await ssoSignIn(login)).me.user.email).toBe('member2@example.jp');
  });
});

describe('invitations', () => {
  const startFromInvitation = async (token: string, base = server) => {
    const jar = new CookieJar();
    const res = await browse(jar, base.url + '/api/auth/oidc/start', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: base.url },
      body: JSON.stringify({ token }),
    });
    return { jar, res, body: (await res.json()) as any };
  };

  it('an unknown address with an invitation joins: the account gets the provider’s name; the link is used up', async () => {
    const email = `sso-invitee-${Date.now()}@example.jp`;
    const { invitation, token } = await invite(email);
    const { jar, res, body } = await startFromInvitation(token);
    expect(res.status).toBe(200);
    // The invitation token goes nowhere near the provider.
    expect(body.url).not.toContain(token);
    const callbackUrl = await throughProvider(jar, body.url, person(email, { name: '山田 花子' }), server.url + CALLBACK);
    const { location, me } = await finish(jar, callbackUrl);
    expect(location).toBe('/');
    expect(me.user).toMatchObject({ email, name: '山田 花子' });
    expect(me.memberships.map((m: { workspaceId: string; role: string }) => [m.workspaceId, m.role])).toContainEqual([workspaceId, 'member']);
    const list = (await staff.request('GET', `/api/workspaces/${workspaceId}/invitations`)).body.invitations as Invitation[];
    expect(list.find((i) => i.id === invitation.id)!.status).toBe('accepted');
    // Used once: the link no longer starts anything.
    expect((await startFromInvitation(token)).res.status).toBe(410);

    const db = new Database(path.join(dataDir, DATABASE_FILE), { readonly: true });
    try {
      const rows = db.prepare("SELECT kind, details FROM audit_log WHERE kind IN ('account.createdWithSso', 'invitation.accepted')").all() as Array<{ kind: string; details: string }>;
      const created = rows.find((r) => r.kind === 'account.createdWithSso' && JSON.parse(r.details).email === email);
      expect(JSON.parse(created!.details)).toMatchObject({ name: '山田 花子', invitationId: invitation.id });
      const accepted = rows.find((r) => r.kind === 'invitation.accepted' && JSON.parse(r.details).invitationId === invitation.id);
      expect(JSON.parse(accepted!.details)).toMatchObject({ newAccount: true, via: 'sso' });
    } finally {
      db.close();
    }
  });

  it('the provider must confirm the invited address: another address or an unverified one is refused, the invitation stays open', async () => {
    const email = `sso-other-${Date.now()}@example.jp`;
    const { invitation, token } = await invite(email);
    for (const [login, code] of [
      [person(`someone-else-${Date.now()}@example.jp`), 'sso_invitation_other_email'],
      [person(email, { verified: false }), 'sso_email_unverified'],
    ] as const) {
      const { jar, body } = await startFromInvitation(token);
      const { location, me } = await finish(jar, await throughProvider(jar, body.url, login, server.url + CALLBACK));
      expect(location).toBe(`/sign-in?sso_error=${code}`);
      expect(me).toBeNull();
    }
    const list = (await staff.request('GET', `/api/workspaces/${workspaceId}/invitations`)).body.invitations as Invitation[];
    expect(list.find((i) => i.id === invitation.id)!.status).toBe('pending');
  });

  it('an existing account joins through its invitation', async () => {
    // The administrator is on no council: invite them, and they join by signing in with the provider.
    const { token } = await invite('admin@example.jp');
    const { jar, body } = await startFromInvitation(token);
    const { me } = await finish(jar, await throughProvider(jar, body.url, person('admin@example.jp'), server.url + CALLBACK));
    expect(me.user.email).toBe('admin@example.jp');
    expect(me.memberships.map((m: { workspaceId: string }) => m.workspaceId)).toContain(workspaceId);
    // Leave the demo council as it was.
    expect((await staff.request('DELETE', `/api/workspaces/${workspaceId}/members/${me.user.id}`)).status).toBe(200);
  });

  it('a bad invitation link starts nothing', async () => {
    expect((await startFromInvitation('no-such-token')).res.status).toBe(404);
  });
});

describe('the flow cannot be tampered with or replayed', () => {
  it('cancelling at the provider comes back as a refusal, signed out', async () => {
    const jar = new CookieJar();
    let url = (await browse(jar, server.url + '/api/auth/oidc/start')).headers.get('location')!;
    // To the provider's login page, then its abort link instead of logging in.
    for (let i = 0; i < 5 && !url.includes('/interaction/'); i++) url = new URL((await browse(jar, url)).headers.get('location')!, url).href;
    const aborted = await browse(jar, `${url}/abort`);
    const callbackUrl = await throughProvider(jar, new URL(aborted.headers.get('location')!, url).href, 'unused', server.url + CALLBACK);
    expect(new URL(callbackUrl).searchParams.get('error')).toBe('access_denied');
    const { location, me } = await finish(jar, callbackUrl);
    expect(location).toBe('/sign-in?sso_error=sso_cancelled');
    expect(me).toBeNull();
  });

  it('a changed state is refused', async () => {
    const { jar, callbackUrl } = await toCallback(person('member@example.jp'));
    const forged = new URL(callbackUrl);
    forged.searchParams.set('state', 'x'.repeat(43));
    const { location, me } = await finish(jar, forged.href);
    expect(location).toBe('/sign-in?sso_error=sso_state_mismatch');
    expect(me).toBeNull();
  });

  it('a callback in another browser (without the flow cookie) is refused', async () => {
    const { callbackUrl } = await toCallback(person('member@example.jp'));
    const { location, me } = await finish(new CookieJar(), callbackUrl);
    expect(location).toBe('/sign-in?sso_error=sso_flow_missing');
    expect(me).toBeNull();
  });

  it('a replayed callback is refused, even with the flow cookie kept', async () => {
    const { jar, callbackUrl } = await toCallback(person('member@example.jp'));
    const flow = jar.get(server.url, 'sakutei_oidc')!;
    expect((await finish(jar, callbackUrl)).me.user.email).toBe('member@example.jp');
    // The cookie is gone after the first use...
    const again = new CookieJar();
    expect((await finish(again, callbackUrl)).location).toBe('/sign-in?sso_error=sso_flow_missing');
    // ...and a kept copy of it does not finish the same flow twice.
    again.set(server.url, 'sakutei_oidc', flow);
    const replay = await finish(again, callbackUrl);
    expect(replay.location).toBe('/sign-in?sso_error=sso_state_mismatch');
    expect(replay.me).toBeNull();
  });

  it('a forged flow cookie is refused', async () => {
    const { jar, callbackUrl } = await toCallback(person('member@example.jp'));
    const flow = jar.get(server.url, 'sakutei_oidc')!;
    const [payload, mac] = flow.split('.');
    const changed = Buffer.from(payload!, 'base64url').toString().replace(/"i":null/, '"i":"someone-elses-invitation"');
    jar.set(server.url, 'sakutei_oidc', `${Buffer.from(changed).toString('base64url')}.${mac}`);
    expect((await finish(jar, callbackUrl)).location).toBe('/sign-in?sso_error=sso_flow_missing');
  });
});

describe('local passwords turned off', () => {
  it('the password sign-in and a password acceptance are refused; the provider still signs people in', async () => {
    const anonymous = new ApiClient(passwordOff.url);
    const refused = await anonymous.request('POST', '/api/auth/sign-in', { email: 'member@example.jp', password: 'sakutei-demo' });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('password_login_disabled');
    const { location, me } = await ssoSignIn(person('staff@example.jp'), passwordOff);
    expect(location).toBe('/');
    expect(me.user.email).toBe('staff@example.jp');
    // A staff member signed in through the provider invites; the invitee cannot set a password.
    const offStaff = new ApiClient(passwordOff.url);
    offStaff.cookie = `sakutei_session=${(await sessionCookieOf('staff@example.jp', passwordOff))}`;
    const offWorkspace = ((await offStaff.plans()) as PlanSummary[])[0]!.workspaceId;
    const made = await offStaff.request('POST', `/api/workspaces/${offWorkspace}/invitations`, { email: `off-${Date.now()}@example.jp`, role: 'member' });
    expect(made.status).toBe(201);
    const token = (made.body.linkPath as string).split('#token=')[1]!;
    const accept = await anonymous.request('POST', '/api/invitations/accept', { token, name: '新 委員', password: 'a-long-enough-password' });
    expect(accept.status).toBe(403);
    expect(accept.body.error.code).toBe('password_login_disabled');
  });

  it('the server refuses to start with passwords off and no provider', async () => {
    await expect(startServer({ dataDir: tempDataDir(), env: { SAKUTEI_PASSWORD_LOGIN: '0' } })).rejects.toThrow(/SAKUTEI_PASSWORD_LOGIN/);
  });
});

describe('on PostgreSQL', () => {
  it('an invitation accepted through the provider makes the account and the membership there too', async () => {
    const database = await createTestDatabase();
    const pg = await startServer({
      dataDir: tempDataDir(),
      env: {
        DATABASE_URL: database.url,
        SAKUTEI_OIDC_ISSUER: provider.issuer,
        SAKUTEI_OIDC_CLIENT_ID: provider.clientId,
        SAKUTEI_OIDC_CLIENT_SECRET: provider.clientSecret,
      },
    });
    try {
      provider.register(pg.url + CALLBACK);
      const pgStaff = await signedIn(pg.url, 'staff@example.jp');
      const pgWorkspace = ((await pgStaff.plans()) as PlanSummary[])[0]!.workspaceId;
      const email = `pg-sso-${Date.now()}@example.jp`;
      const made = await pgStaff.request('POST', `/api/workspaces/${pgWorkspace}/invitations`, { email, role: 'observer' });
      expect(made.status).toBe(201);
      const jar = new CookieJar();
      const started = await browse(jar, pg.url + '/api/auth/oidc/start', {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: pg.url },
        body: JSON.stringify({ token: (made.body.linkPath as string).split('#token=')[1] }),
      });
      const { url } = (await started.json()) as { url: string };
      const { location, me } = await finish(jar, await throughProvider(jar, url, person(email, { name: '傍聴 PG' }), pg.url + CALLBACK), pg);
      expect(location).toBe('/');
      expect(me.user).toMatchObject({ email, name: '傍聴 PG' });
      expect(me.memberships.map((m: { workspaceId: string; role: string }) => [m.workspaceId, m.role])).toContainEqual([pgWorkspace, 'observer']);
    } finally {
      await pg.stop();
      await database.drop();
    }
  });
});

// Last: it uses up this address's allowance on the passwords-off server.
describe('rate limit', () => {
  it('starting sign-ins is limited per address, like the password sign-in', async () => {
    const statuses: string[] = [];
    for (let i = 0; i < 105; i++) {
      const res = await fetch(passwordOff.url + '/api/auth/oidc/start', { redirect: 'manual' });
      statuses.push(res.headers.get('location')!.startsWith(provider.issuer) ? 'provider' : res.headers.get('location')!);
    }
    expect(statuses.slice(0, 90).every((s) => s === 'provider')).toBe(true);
    expect(statuses.at(-1)).toBe('/sign-in?sso_error=sso_rate_limited');
  });
});

/** Signs in through the provider and answers the session cookie's value. */
async function sessionCookieOf(email: string, base: TestServer): Promise<string> {
  const { jar, callbackUrl } = await toCallback(person(email), base);
  await browse(jar, callbackUrl);
  return jar.get(base.url, 'sakutei_session')!;
}
