import fs from 'node:fs';
import path from 'node:path';
import { CLOSE_CODES, type PlanSummary } from '@sakutei/shared';
import { afterEach, beforeAll, afterAll, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { signCollabToken } from '../../server/src/auth/collabToken';
import { type CollabClient, appendParagraph, bodyText, connectCollab, waitFor } from '../support/collab';
import { signedIn } from '../support/http';
import { type TestServer, cli, startServer, addOutsider, OUTSIDER_PASSWORD } from '../support/server';

let server: TestServer;
let plan: PlanSummary;
const clients: CollabClient[] = [];
const connect = (...args: Parameters<typeof connectCollab>) => {
  const c = connectCollab(...args);
  clients.push(c);
  return c;
};

beforeAll(async () => {
  server = await startServer();
  const member = await signedIn(server.url, 'member@example.jp');
  [plan] = (await member.plans()) as [PlanSummary];
});
afterEach(() => {
  for (const c of clients.splice(0)) c.destroy();
});
afterAll(async () => {
  await server?.stop();
  if (server) fs.rmSync(server.dataDir, { recursive: true, force: true });
});

describe('real-time co-editing over the stock y-websocket client', () => {
  it('serves the seeded demo prose and converges concurrent edits from three clients', async () => {
    const a = await signedIn(server.url, 'member@example.jp');
    const b = await signedIn(server.url, 'member2@example.jp');
    const chair = await signedIn(server.url, 'chair@example.jp');
    const ca = connect(server.wsUrl, plan.docName, { token: (await a.collabToken(plan.id)).token });
    const cb = connect(server.wsUrl, plan.docName, { token: (await b.collabToken(plan.id)).token });
    const cc = connect(server.wsUrl, plan.docName, { cookie: chair.cookie });
    await Promise.all([ca.synced, cb.synced, cc.synced]);
    expect(bodyText(ca.doc)).toContain('第1章 中小企業振興プログラムの趣旨');

    for (let i = 0; i < 5; i++) {
      appendParagraph(ca.doc, `委員Aの意見${i}`);
      appendParagraph(cb.doc, `委員Bの意見${i}`);
      appendParagraph(cc.doc, `座長の意見${i}`);
    }
    await waitFor(
      () => bodyText(ca.doc) === bodyText(cb.doc) && bodyText(cb.doc) === bodyText(cc.doc) && bodyText(ca.doc).includes('座長の意見4') && bodyText(ca.doc).includes('委員Bの意見4'),
      'three clients to converge',
    );
    for (const text of ['委員Aの意見0', '委員Bの意見2', '座長の意見4']) expect(bodyText(cc.doc)).toContain(text);
  });

  it('shows each client the others’ presence under their authenticated names', async () => {
    const a = await signedIn(server.url, 'member@example.jp');
    const b = await signedIn(server.url, 'member2@example.jp');
    const ca = connect(server.wsUrl, plan.docName, { cookie: a.cookie });
    const cb = connect(server.wsUrl, plan.docName, { cookie: b.cookie });
    await Promise.all([ca.synced, cb.synced]);
    ca.provider.awareness.setLocalStateField('user', { name: '偽の座長', color: '#000' });
    await waitFor(
      () => [...cb.provider.awareness.getStates().values()].some((s) => s.user?.id === a.user.id),
      'presence of A at B',
    );
    const seen = [...cb.provider.awareness.getStates().values()].find((s) => s.user?.id === a.user.id);
    expect(seen?.user.name).toBe('委員 佐藤花子');
  });

  it('refuses a plain edit from a suggest-only (staff) connection: not applied, not broadcast, and the client is told', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const staff = await signedIn(server.url, 'staff@example.jp');
    const member = await signedIn(server.url, 'member@example.jp');
    const token = await staff.collabToken(plan.id);
    expect(token.capability).toBe('suggest');
    const co = connect(server.wsUrl, plan.docName, { token: token.token });
    const cm = connect(server.wsUrl, plan.docName, { cookie: member.cookie });
    await Promise.all([co.synced, cm.synced]);
    appendParagraph(co.doc, '事務局の書き込み');
    appendParagraph(cm.doc, '委員の書き込み');
    await waitFor(() => bodyText(co.doc).includes('委員の書き込み'), 'staff to receive the member’s edit');
    await waitFor(() => warn.mock.calls.some((c) => String(c[0]).includes('suggest-only')), 'permission denied to reach staff');
    const fresh = connect(server.wsUrl, plan.docName, { cookie: member.cookie });
    await fresh.synced;
    expect(bodyText(fresh.doc)).toContain('委員の書き込み');
    expect(bodyText(fresh.doc)).not.toContain('事務局の書き込み');
    expect(bodyText(cm.doc)).not.toContain('事務局の書き込み');
    warn.mockRestore();
  });

  it("applies staff's suggestion (事務局案) and relays it to an editor, marked as theirs", async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const staff = await signedIn(server.url, 'staff@example.jp');
    const member = await signedIn(server.url, 'member@example.jp');
    const cs = connect(server.wsUrl, plan.docName, { cookie: staff.cookie });
    const cm = connect(server.wsUrl, plan.docName, { cookie: member.cookie });
    await Promise.all([cs.synced, cm.synced]);
    const firstRun = (doc: Y.Doc): Y.XmlText => {
      for (const block of doc.getXmlFragment('body').toArray()) {
        if (block instanceof Y.XmlElement && block.nodeName === 'paragraph' && block.get(0) instanceof Y.XmlText) return block.get(0) as Y.XmlText;
      }
      throw new Error('no paragraph with text');
    };
    const suggestion = { id: `${staff.user.id}:jimukyoku-1`, author: staff.user.id, at: Date.now() };
    firstRun(cs.doc).insert(0, '事務局案:', { suggestionInsert: suggestion });
    await waitFor(
      () => firstRun(cm.doc).toDelta()[0]?.insert === '事務局案:',
      'the suggestion to reach the member',
    );
    expect(firstRun(cm.doc).toDelta()[0]).toEqual({ insert: '事務局案:', attributes: { suggestionInsert: suggestion } });
    expect(warn.mock.calls.some((c) => String(c[0]).includes('suggest-only'))).toBe(false);
    // Taking it back again is its own business too; the demo prose is as it was.
    firstRun(cs.doc).delete(0, '事務局案:'.length);
    await waitFor(() => firstRun(cm.doc).toDelta()[0]?.insert !== '事務局案:', 'the suggestion to be taken back');
    expect(warn.mock.calls.some((c) => String(c[0]).includes('suggest-only'))).toBe(false);
    warn.mockRestore();
  });

  it('keeps observers off the live draft: they read approved revisions instead', async () => {
    const observer = await signedIn(server.url, 'observer@example.jp');
    const token = await observer.request('POST', `/api/plans/${plan.id}/collab-token`);
    expect(token.status).toBe(403);
    const c = connect(server.wsUrl, plan.docName, { cookie: observer.cookie });
    await waitFor(() => c.closes.length > 0, 'refusal');
    expect(c.closes[0]?.code).toBe(CLOSE_CODES.forbidden);
    expect((await observer.request('GET', `/api/plans/${plan.id}/measures`)).status).toBe(403);
  });

});

describe('who may connect', () => {
  it('refuses a socket with neither session nor token', async () => {
    const c = connect(server.wsUrl, plan.docName, {});
    await waitFor(() => c.closes.length > 0, 'refusal');
    expect(c.closes[0]?.code).toBe(CLOSE_CODES.unauthenticated);
  });

  it('refuses forged and expired tokens', async () => {
    const member = await signedIn(server.url, 'member@example.jp');
    const secret = new Uint8Array(fs.readFileSync(path.join(server.dataDir, 'secret.key')));
    const expired = signCollabToken(secret, { userId: member.user.id, sessionId: 'any', docName: plan.docName, access: 'edit', expiresAt: Date.now() - 1 });
    const forged = signCollabToken(new Uint8Array(32), { userId: member.user.id, sessionId: 'any', docName: plan.docName, access: 'edit', expiresAt: Date.now() + 60_000 });
    for (const token of [expired, forged, 'garbage']) {
      const c = connect(server.wsUrl, plan.docName, { token });
      await waitFor(() => c.closes.length > 0, 'refusal');
      expect(c.closes[0]?.code).toBe(CLOSE_CODES.unauthenticated);
    }
  });

  it('refuses a token used for another document', async () => {
    const member = await signedIn(server.url, 'member@example.jp');
    const { token } = await member.collabToken(plan.id);
    const c = connect(server.wsUrl, 'plan-someotherdoc', { token });
    await waitFor(() => c.closes.length > 0, 'refusal');
    expect(c.closes[0]?.code).toBe(CLOSE_CODES.forbidden);
  });

  it('refuses a browser socket from another site', async () => {
    const member = await signedIn(server.url, 'member@example.jp');
    const c = connect(server.wsUrl, plan.docName, { cookie: member.cookie, origin: 'https://evil.example' });
    await waitFor(() => c.closes.length > 0, 'refusal');
    expect(c.closes[0]?.code).toBe(CLOSE_CODES.originRejected);
  });

  it('keeps users of another council out: no plan, no token, no socket', async () => {
    addOutsider(server.dataDir, 'outsider@example.jp');
    const outsider = await signedIn(server.url, 'outsider@example.jp', OUTSIDER_PASSWORD);
    expect(await outsider.plans()).toEqual([]);
    expect((await outsider.request('GET', `/api/plans/${plan.id}`)).status).toBe(404);
    const token = await outsider.request('POST', `/api/plans/${plan.id}/collab-token`);
    expect(token.status).toBe(404);
    expect(token.body.error.code).toBe('not_found');
    const c = connect(server.wsUrl, plan.docName, { cookie: outsider.cookie });
    await waitFor(() => c.closes.length > 0, 'refusal');
    expect(c.closes[0]?.code).toBe(CLOSE_CODES.forbidden);
    expect((await outsider.request('GET', `/api/workspaces/${plan.workspaceId}/members`)).status).toBe(404);
  });
});

describe('access changes reach open connections', () => {
  it('closes a member’s socket when staff demote them: to suggest-only, then off the draft', async () => {
    const staff = await signedIn(server.url, 'staff@example.jp');
    const member2 = await signedIn(server.url, 'member2@example.jp');
    const c = connect(server.wsUrl, plan.docName, { cookie: member2.cookie });
    await c.synced;
    const toStaff = await staff.request('PUT', `/api/workspaces/${plan.workspaceId}/members/${member2.user.id}`, { role: 'staff' });
    expect(toStaff.status).toBe(200);
    await waitFor(() => c.closes.length > 0, 'close after demotion');
    expect(c.closes[0]?.code).toBe(CLOSE_CODES.accessChanged);
    expect((await member2.collabToken(plan.id)).capability).toBe('suggest');
    const again = connect(server.wsUrl, plan.docName, { cookie: member2.cookie });
    await again.synced;
    const demote = await staff.request('PUT', `/api/workspaces/${plan.workspaceId}/members/${member2.user.id}`, { role: 'observer' });
    expect(demote.status).toBe(200);
    await waitFor(() => again.closes.length > 0, 'close after demotion to observer');
    expect(again.closes[0]?.code).toBe(CLOSE_CODES.forbidden);
    const restore = await staff.request('PUT', `/api/workspaces/${plan.workspaceId}/members/${member2.user.id}`, { role: 'member' });
    expect(restore.status).toBe(200);
  });

  it('lets only staff manage members, and not themselves', async () => {
    const member = await signedIn(server.url, 'member@example.jp');
    const staff = await signedIn(server.url, 'staff@example.jp');
    const byMember = await member.request('PUT', `/api/workspaces/${plan.workspaceId}/members/${staff.user.id}`, { role: 'observer' });
    expect(byMember.status).toBe(403);
    const self = await staff.request('PUT', `/api/workspaces/${plan.workspaceId}/members/${staff.user.id}`, { role: 'chair' });
    expect(self.status).toBe(403);
    const bad = await staff.request('PUT', `/api/workspaces/${plan.workspaceId}/members/${member.user.id}`, { role: 'admin' });
    expect(bad.status).toBe(400);
    const members = await member.request('GET', `/api/workspaces/${plan.workspaceId}/members`);
    expect(members.body.members.find((m: { userId: string }) => m.userId === member.user.id)?.role).toBe('member');
  });

  it('closes the socket of a session that signs out', async () => {
    const member = await signedIn(server.url, 'member@example.jp');
    const c = connect(server.wsUrl, plan.docName, { cookie: member.cookie });
    await c.synced;
    await member.request('POST', '/api/auth/sign-out');
    await waitFor(() => c.closes.length > 0, 'close after sign-out');
    expect(c.closes[0]?.code).toBe(CLOSE_CODES.unauthenticated);
  });

  it('closes token sockets when the session that minted the token signs out, and refuses the token after', async () => {
    const member = await signedIn(server.url, 'member@example.jp');
    const { token } = await member.collabToken(plan.id);
    const c = connect(server.wsUrl, plan.docName, { token });
    await c.synced;
    await member.request('POST', '/api/auth/sign-out');
    await waitFor(() => c.closes.length > 0, 'close after sign-out');
    expect(c.closes[0]?.code).toBe(CLOSE_CODES.unauthenticated);
    const again = connect(server.wsUrl, plan.docName, { token });
    await waitFor(() => again.closes.length > 0, 'refusal of the orphaned token');
    expect(again.closes[0]?.code).toBe(CLOSE_CODES.unauthenticated);
  });

  it('signs out everywhere: every session of the user ends and all their sockets close', async () => {
    const laptop = await signedIn(server.url, 'chair@example.jp');
    const tablet = await signedIn(server.url, 'chair@example.jp');
    const byCookie = connect(server.wsUrl, plan.docName, { cookie: laptop.cookie });
    const byToken = connect(server.wsUrl, plan.docName, { token: (await tablet.collabToken(plan.id)).token });
    await Promise.all([byCookie.synced, byToken.synced]);
    expect((await laptop.request('POST', '/api/auth/sign-out-everywhere')).status).toBe(200);
    await waitFor(() => byCookie.closes.length > 0 && byToken.closes.length > 0, 'both sockets to close');
    expect([byCookie.closes[0]?.code, byToken.closes[0]?.code]).toEqual([CLOSE_CODES.unauthenticated, CLOSE_CODES.unauthenticated]);
    expect((await tablet.request('GET', '/api/me')).status).toBe(401);
  });

  it('follows a role change made with the CLI by another process', async () => {
    const b = await signedIn(server.url, 'member2@example.jp');
    const c = connect(server.wsUrl, plan.docName, { cookie: b.cookie });
    await c.synced;
    cli(server.dataDir, ['member', 'remove', '--workspace', plan.workspaceId, '--email', 'member2@example.jp']);
    await waitFor(() => c.closes.length > 0, 'close after removal');
    expect(c.closes[0]?.code).toBe(CLOSE_CODES.forbidden);
    cli(server.dataDir, ['member', 'set', '--workspace', plan.workspaceId, '--email', 'member2@example.jp', '--role', 'member']);
  });
});
