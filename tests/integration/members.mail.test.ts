import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, signedIn } from '../support/http';
import { type TestServer, startServer, tempDataDir } from '../support/server';
import { type SmtpSink, startSmtpSink } from '../support/smtpSink';

/**
 * With SMTP configured, invitations and reset links also go out by e-mail (through the outbox),
 * and the link that arrives is the one that works.
 */

const dataDir = tempDataDir();
let smtp: SmtpSink;
let server: TestServer;

beforeAll(async () => {
  smtp = await startSmtpSink();
  server = await startServer({
    dataDir,
    env: { SAKUTEI_SMTP_URL: smtp.url, SAKUTEI_MAIL_POLL_MS: '100', SAKUTEI_MAIL_RETRY_MS: '100' },
  });
});
afterAll(async () => {
  await server?.stop();
  await smtp?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const linkIn = (text: string, page: 'invite' | 'reset-password') => {
  const match = new RegExp(`(https?://\\S+/${page}#token=([a-z2-7]+))`).exec(text);
  expect(match, text).not.toBeNull();
  return { url: match![1]!, token: match![2]! };
};

describe('invitation and reset mail', () => {
  it('mails the invitation with a link that accepts, and a reset link that resets', async () => {
    const staff = await signedIn(server.url, 'staff@example.jp');
    const [plan] = await staff.plans();
    const workspaceId = plan!.workspaceId;

    const invited = await staff.request('POST', `/api/workspaces/${workspaceId}/invitations`, { email: 'mailed-invitee@example.jp', role: 'member' });
    expect(invited.status).toBe(201);
    expect(invited.body.mailed).toBe(true);
    const [invitation] = await smtp.waitFor(1);
    expect(invitation!.to).toContain('mailed-invitee@example.jp');
    expect(invitation!.subject).toContain(plan!.workspaceName);
    const { url, token } = linkIn(invitation!.text, 'invite');
    expect(url.startsWith(server.url)).toBe(true);
    // The mailed link is the one shown to staff.
    expect(invited.body.linkPath).toBe(`/invite#token=${token}`);
    const guest = new ApiClient(server.url);
    expect((await guest.request('POST', '/api/invitations/accept', { token, name: 'メール 招待', password: 'mailed-password' })).status).toBe(200);

    const me = (await guest.request('GET', '/api/me')).body.user;
    const reset = await staff.request('POST', `/api/workspaces/${workspaceId}/members/${me.id}/reset-link`);
    expect(reset.body.mailed).toBe(true);
    const mails = await smtp.waitFor(2);
    const resetMail = mails.find((m) => m.text.includes('/reset-password#token='))!;
    expect(resetMail.to).toContain('mailed-invitee@example.jp');
    const link = linkIn(resetMail.text, 'reset-password');
    expect((await new ApiClient(server.url).request('POST', '/api/password-reset', { token: link.token, newPassword: 'mailed-new-password' })).status).toBe(200);
    await signedIn(server.url, 'mailed-invitee@example.jp', 'mailed-new-password');
  });
});
