import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, signedIn } from '../support/http';
import { type TestServer, startServer } from '../support/server';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.stop();
  if (server) fs.rmSync(server.dataDir, { recursive: true, force: true });
});

describe('sign-in and sessions', () => {
  it('answers bad credentials with one 401 that does not say which part was wrong', async () => {
    const api = new ApiClient(server.url);
    const wrongPassword = await api.request('POST', '/api/auth/sign-in', { email: 'chair@example.jp', password: 'nope' });
    const unknownEmail = await api.request('POST', '/api/auth/sign-in', { email: 'nobody@example.jp', password: 'nope' });
    expect(wrongPassword.status).toBe(401);
    expect(unknownEmail.status).toBe(401);
    expect(unknownEmail.body).toEqual(wrongPassword.body);
    expect(wrongPassword.body.error.code).toBe('invalid_credentials');
  });

  it('sets an HttpOnly SameSite session cookie and serves /api/me with memberships', async () => {
    const api = new ApiClient(server.url);
    const res = await api.request('POST', '/api/auth/sign-in', { email: 'Chair@Example.jp ', password: 'sakutei-demo' });
    expect(res.status).toBe(200);
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    const me = await api.request('GET', '/api/me');
    expect(me.body.user.email).toBe('chair@example.jp');
    expect(me.body.memberships).toEqual([{ workspaceId: expect.any(String), workspaceName: '福島市中小企業振興会議', role: 'chair' }]);
  });

  it('ends the session on sign-out', async () => {
    const api = await signedIn(server.url, 'member@example.jp');
    const cookie = api.cookie;
    expect((await api.request('POST', '/api/auth/sign-out')).status).toBe(200);
    const replay = new ApiClient(server.url);
    replay.cookie = cookie;
    expect((await replay.request('GET', '/api/me')).status).toBe(401);
  });

  it('refuses unauthenticated API calls with a JSON 401', async () => {
    const res = await new ApiClient(server.url).request('GET', '/api/plans');
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('unauthenticated');
  });

  it('does not count successful sign-ins against the account (a member on several devices)', async () => {
    for (let i = 0; i < 12; i++) await signedIn(server.url, 'member2@example.jp');
  });

  it('throttles repeated failed sign-in attempts on one account from one address', async () => {
    // A few free failures, then exponential back-off (tests/integration/signIn.test.ts has the rest).
    const api = new ApiClient(server.url);
    const replies = [];
    for (let i = 0; i < 12; i++) replies.push(await api.request('POST', '/api/auth/sign-in', { email: 'observer@example.jp', password: `guess-${i}` }));
    expect(replies.slice(0, 3).every((r) => r.status === 401)).toBe(true);
    expect(replies.at(-1)!.status).toBe(429);
    expect(Number(replies.at(-1)!.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});

describe('HTTP defences', () => {
  it('refuses state-changing requests from another origin', async () => {
    const api = await signedIn(server.url, 'staff@example.jp');
    const res = await api.request('POST', '/api/auth/sign-out', undefined, { origin: 'https://evil.example' });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('origin_rejected');
    expect((await api.request('GET', '/api/me')).status).toBe(200);
  });

  it('rejects invalid and oversized bodies with JSON errors', async () => {
    const api = new ApiClient(server.url);
    const invalid = await api.request('POST', '/api/auth/sign-in', { email: 42 });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error.code).toBe('invalid_request');
    const huge = await api.request('POST', '/api/auth/sign-in', { email: 'a@b.jp', password: 'x'.repeat(100_000) });
    expect(huge.status).toBe(413);
  });

  it('sends security headers with a strict CSP', async () => {
    const res = await fetch(`${server.url}/healthz`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('answers unknown API routes with a JSON 404', async () => {
    const res = await new ApiClient(server.url).request('GET', '/api/nothing-here');
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('not_found');
  });
});

describe('OpenAPI document', () => {
  it('describes every API route, generated from the zod schemas', async () => {
    const doc = (await (await fetch(`${server.url}/api/openapi.json`)).json()) as any;
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths).sort()).toEqual([
      '/api/account/email',
      '/api/account/password',
      '/api/account/profile',
      '/api/admin/accounts',
      '/api/admin/accounts/{id}',
      '/api/admin/accounts/{id}/reset-link',
      '/api/admin/councils',
      '/api/admin/councils/{id}',
      '/api/admin/councils/{id}/leaders',
      '/api/admin/councils/{id}/leaders/{userId}',
      '/api/auth/methods',
      '/api/auth/oidc/callback',
      '/api/auth/oidc/start',
      '/api/auth/sign-in',
      '/api/auth/sign-out',
      '/api/auth/sign-out-everywhere',
      '/api/comments/{commentId}',
      '/api/invitations/accept',
      '/api/invitations/preview',
      '/api/me',
      '/api/me/notification-settings',
      '/api/notifications',
      '/api/notifications/read',
      '/api/password-reset',
      '/api/password-reset/check',
      '/api/plans',
      '/api/plans/{id}',
      '/api/plans/{id}/audit',
      '/api/plans/{id}/collab-token',
      '/api/plans/{id}/compare',
      '/api/plans/{id}/compare/export',
      '/api/plans/{id}/events',
      '/api/plans/{id}/import/apply',
      '/api/plans/{id}/import/preview',
      '/api/plans/{id}/import/{importId}/undo',
      '/api/plans/{id}/kpis/{kpiId}/actuals/{fiscalYear}',
      '/api/plans/{id}/measures',
      '/api/plans/{id}/measures/export',
      '/api/plans/{id}/opinions/export',
      '/api/plans/{id}/placements/{nodeId}/progress/{fiscalYear}',
      '/api/plans/{id}/report',
      '/api/plans/{id}/revisions',
      '/api/plans/{id}/settings',
      '/api/plans/{id}/spreadsheets/rows',
      '/api/plans/{id}/suggestions/decisions',
      '/api/plans/{id}/threads',
      '/api/revisions/{revisionId}',
      '/api/revisions/{revisionId}/decision',
      '/api/revisions/{revisionId}/export',
      '/api/revisions/{revisionId}/report',
      '/api/revisions/{revisionId}/restore',
      '/api/revisions/{revisionId}/review',
      '/api/revisions/{revisionId}/withdraw',
      '/api/setup',
      '/api/threads/{threadId}',
      '/api/threads/{threadId}/comments',
      '/api/threads/{threadId}/disposition',
      '/api/threads/{threadId}/reopen',
      '/api/threads/{threadId}/resolve',
      '/api/workspaces/{id}/invitations',
      '/api/workspaces/{id}/invitations/{invitationId}',
      '/api/workspaces/{id}/invitations/{invitationId}/resend',
      '/api/workspaces/{id}/meeting-settings',
      '/api/workspaces/{id}/meetings',
      '/api/workspaces/{id}/meetings-calendar',
      '/api/workspaces/{id}/meetings/{meetingId}',
      '/api/workspaces/{id}/meetings/{meetingId}/agenda',
      '/api/workspaces/{id}/meetings/{meetingId}/agenda/send',
      '/api/workspaces/{id}/meetings/{meetingId}/attendance',
      '/api/workspaces/{id}/meetings/{meetingId}/decisions',
      '/api/workspaces/{id}/meetings/{meetingId}/decisions/{decisionId}',
      '/api/workspaces/{id}/meetings/{meetingId}/exports/{file}',
      '/api/workspaces/{id}/meetings/{meetingId}/link-targets',
      '/api/workspaces/{id}/meetings/{meetingId}/materials',
      '/api/workspaces/{id}/meetings/{meetingId}/materials/bundle',
      '/api/workspaces/{id}/meetings/{meetingId}/materials/generated',
      '/api/workspaces/{id}/meetings/{meetingId}/materials/{materialId}',
      '/api/workspaces/{id}/meetings/{meetingId}/materials/{materialId}/file',
      '/api/workspaces/{id}/meetings/{meetingId}/minutes',
      '/api/workspaces/{id}/meetings/{meetingId}/minutes/confirm',
      '/api/workspaces/{id}/meetings/{meetingId}/minutes/corrections',
      '/api/workspaces/{id}/meetings/{meetingId}/minutes/corrections/{correctionId}/resolve',
      '/api/workspaces/{id}/meetings/{meetingId}/minutes/publication',
      '/api/workspaces/{id}/meetings/{meetingId}/minutes/send',
      '/api/workspaces/{id}/members',
      '/api/workspaces/{id}/members/{userId}',
      '/api/workspaces/{id}/members/{userId}/attributes',
      '/api/workspaces/{id}/members/{userId}/reset-link',
      '/api/workspaces/{id}/suggestion-settings',
    ]);
    const signIn = doc.paths['/api/auth/sign-in'].post;
    expect(signIn.requestBody.content['application/json'].schema.required).toEqual(['email', 'password']);
    expect(Object.keys(signIn.responses)).toEqual(expect.arrayContaining(['200', '401', '429']));
  });
});
