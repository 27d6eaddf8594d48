import fs from 'node:fs';
import path from 'node:path';
import type { Notification, PlanSummary, Revision } from '@sakutei/shared';
import { deriveTable } from '@sakutei/shared/measures';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../server/src/storage/sqlite/database';
import { signedIn } from '../support/http';
import { type TestServer, cli, startServer, tempDataDir } from '../support/server';
import { type ReceivedMail, type SmtpSink, startSmtpSink } from '../support/smtpSink';

/**
 * The review workflow tells the people it concerns: in the app (the bell's list) and by e-mail
 * through the outbox, read here at a real SMTP server on loopback.
 */

type Signed = Awaited<ReturnType<typeof signedIn>>;
const dataDir = tempDataDir();
let server: TestServer;
let smtp: SmtpSink;
let plan: PlanSummary;
let staff: Signed, member: Signed, member2: Signed, chair: Signed, observer: Signed;

beforeAll(async () => {
  smtp = await startSmtpSink();
  server = await startServer({
    dataDir,
    env: { SAKUTEI_SMTP_URL: smtp.url, SAKUTEI_MAIL_POLL_MS: '100', SAKUTEI_MAIL_RETRY_MS: '100', SAKUTEI_PUBLIC_URL: 'https://sakutei.example.jp/' },
  });
  [staff, member, member2, chair, observer] = (await Promise.all(
    ['staff', 'member', 'member2', 'chair', 'observer'].map((who) => signedIn(server.url, `${who}@example.jp`)),
  )) as [Signed, Signed, Signed, Signed, Signed];
  [plan] = (await member.plans()) as [PlanSummary];
});
afterAll(async () => {
  await server.stop('SIGKILL');
  await smtp.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function notifications(api: Signed): Promise<Notification[]> {
  const res = await api.request('GET', '/api/notifications');
  expect(res.status).toBe(200);
  return res.body.notifications;
}

/** Waits for a mail to `to` whose subject or text contains `containing`. */
async function mailTo(to: string, containing: string): Promise<ReceivedMail> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const found = smtp.received.find((m) => m.envelopeTo.includes(to) && (m.subject.includes(containing) || m.text.includes(containing)));
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`no mail to ${to} with ${containing}; got: ${smtp.received.map((m) => `${m.envelopeTo} ${m.subject}`).join(' | ')}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const mailsTo = (to: string) => smtp.received.filter((m) => m.envelopeTo.includes(to));
const settle = () => new Promise((r) => setTimeout(r, 1000));

async function freeze(name: string): Promise<Revision> {
  const res = await staff.request('POST', `/api/plans/${plan.id}/revisions`, { name, stage: '素案' });
  expect(res.status).toBe(201);
  return res.body.revision;
}

async function kpiAnchor() {
  const table = deriveTable((await member.request('GET', `/api/plans/${plan.id}/measures`)).body.table);
  const kpi = table.kpis[0]!;
  return { kind: 'measure' as const, target: { kind: 'kpi' as const, id: kpi.kpi.id, field: null, fiscalYear: null }, quote: `成果指標${kpi.mark}` };
}

describe('workflow notifications', () => {
  it('tells the chair and the invited observers that a review opened, in the app and by mail', async () => {
    const revision = await freeze('第1回会議資料');
    const opened = await staff.request('POST', `/api/revisions/${revision.id}/review`, { invitedIds: [observer.user.id] });
    expect(opened.status).toBe(200);

    for (const who of [chair, observer]) {
      const [latest] = await notifications(who);
      expect(latest).toMatchObject({
        kind: 'reviewOpened',
        planId: plan.id,
        threadId: null,
        revision: { id: revision.id, number: revision.number, name: '第1回会議資料' },
        actor: { id: staff.user.id },
        readAt: null,
      });
    }
    // Not the one who opened it, and not the members (they hear of the decision).
    expect((await notifications(staff)).some((n) => n.revision?.id === revision.id)).toBe(false);
    expect((await notifications(member)).some((n) => n.revision?.id === revision.id)).toBe(false);

    const mail = await mailTo('chair@example.jp', `第${revision.number}版 第1回会議資料の審議を始めました`);
    expect(mail.subject).toContain(`【${plan.title}】`);
    expect(mail.text).toContain(`https://sakutei.example.jp/plans/${plan.id}?revision=${revision.id}#revisions`);
    expect(mail.text).toContain('opened the review');
    await mailTo('observer@example.jp', '審議を始めました');
  });

  it('tells the secretariat why a revision was sent back, and the council when one is approved', async () => {
    const sentBack = await freeze('第2回会議資料');
    expect((await staff.request('POST', `/api/revisions/${sentBack.id}/review`, {})).status).toBe(200);
    const reason = '成果指標の目標年度を見直してください。';
    expect((await chair.request('POST', `/api/revisions/${sentBack.id}/decision`, { decision: 'requestChanges', reason })).status).toBe(200);
    const [back] = await notifications(staff);
    expect(back).toMatchObject({ kind: 'changesRequested', revision: { id: sentBack.id }, actor: { id: chair.user.id }, excerpt: reason });
    expect((await notifications(member)).some((n) => n.revision?.id === sentBack.id)).toBe(false);
    const backMail = await mailTo('staff@example.jp', '差し戻しました');
    expect(backMail.text).toContain(reason);

    const approved = await freeze('第3回会議資料');
    expect((await staff.request('POST', `/api/revisions/${approved.id}/review`, {})).status).toBe(200);
    expect((await chair.request('POST', `/api/revisions/${approved.id}/decision`, { decision: 'approve', hash: approved.hash })).status).toBe(200);
    for (const who of [staff, member, member2]) {
      expect((await notifications(who))[0]).toMatchObject({ kind: 'approved', revision: { id: approved.id } });
    }
    // An observer not invited to this review hears nothing of it.
    expect((await notifications(observer)).some((n) => n.revision?.id === approved.id)).toBe(false);
    for (const to of ['staff@example.jp', 'member@example.jp', 'member2@example.jp']) await mailTo(to, '第3回会議資料を承認しました');
    await settle();
    expect(mailsTo('chair@example.jp').some((m) => m.subject.includes('承認しました'))).toBe(false);
    expect(mailsTo('observer@example.jp').some((m) => m.subject.includes('承認しました'))).toBe(false);
  });

  it('tells the vice chair a decision was delegated to, and the chair when the vice chair decides', async () => {
    cli(dataDir, ['user', 'add', '--email', 'vice@example.jp', '--name', '座長代理 伊藤', '--password', 'vice-chair-password']);
    cli(dataDir, ['member', 'set', '--workspace', plan.workspaceId, '--email', 'vice@example.jp', '--role', 'vice_chair']);
    const vice = await signedIn(server.url, 'vice@example.jp', 'vice-chair-password');
    const revision = await freeze('第5回会議資料');
    expect((await chair.request('POST', `/api/revisions/${revision.id}/review`, { delegateId: vice.user.id })).status).toBe(200);
    expect((await notifications(vice))[0]).toMatchObject({ kind: 'reviewOpened', revision: { id: revision.id }, actor: { id: chair.user.id } });
    expect((await notifications(chair)).some((n) => n.revision?.id === revision.id)).toBe(false);
    await mailTo('vice@example.jp', '第5回会議資料の審議を始めました');

    expect((await vice.request('POST', `/api/revisions/${revision.id}/decision`, { decision: 'approve', hash: revision.hash })).status).toBe(200);
    expect((await notifications(chair))[0]).toMatchObject({ kind: 'approved', revision: { id: revision.id }, actor: { id: vice.user.id } });
    await mailTo('chair@example.jp', '第5回会議資料を承認しました');
  });

  it("tells an opinion's author the 対応方針 recorded on it, and a mentioned chair", async () => {
    const created = await member.request('POST', `/api/plans/${plan.id}/threads`, {
      anchor: await kpiAnchor(),
      body: `目標値の根拠を示してください。@[${chair.user.name}](${chair.user.id})`,
    });
    expect(created.status).toBe(201);
    const threadId = created.body.thread.id as string;
    await mailTo('chair@example.jp', 'あなたに言及しました');

    const responded = await staff.request('PUT', `/api/threads/${threadId}/disposition`, { disposition: 'reflect', response: '次の版で根拠を追記します。' });
    expect(responded.status).toBe(200);
    const [latest] = await notifications(member);
    expect(latest).toMatchObject({ kind: 'responded', threadId, actor: { id: staff.user.id }, excerpt: '【反映する】 次の版で根拠を追記します。' });
    const mail = await mailTo('member@example.jp', '対応方針を記録しました');
    expect(mail.text).toContain(`https://sakutei.example.jp/plans/${plan.id}#thread-${threadId}`);
    expect(mail.text).toContain('【反映する】');
  });
});

describe('notification settings', () => {
  it('reads and sets the e-mail choice, refusing anything else', async () => {
    expect((await member2.request('GET', '/api/me/notification-settings')).body).toEqual({ email: 'immediate', mailEnabled: true });
    expect((await member2.request('PUT', '/api/me/notification-settings', { email: 'weekly' })).status).toBe(400);
    expect((await member2.request('PUT', '/api/me/notification-settings', { email: 'off', userId: member.user.id })).status).toBe(400);
    const set = await member2.request('PUT', '/api/me/notification-settings', { email: 'off' });
    expect(set).toMatchObject({ status: 200, body: { email: 'off', mailEnabled: true } });
    expect((await member.request('GET', '/api/me/notification-settings')).body.email).toBe('immediate');
    // The change is on the record, once: setting the same choice again records nothing.
    expect((await member2.request('PUT', '/api/me/notification-settings', { email: 'off' })).status).toBe(200);
    const db = new Database(path.join(dataDir, DATABASE_FILE), { readonly: true });
    try {
      const rows = db.prepare("SELECT actor_id, details FROM audit_log WHERE kind = 'account.mailChoiceChanged'").all() as Array<{ actor_id: string; details: string }>;
      expect(rows.map((r) => ({ actor: r.actor_id, details: JSON.parse(r.details) }))).toEqual([{ actor: member2.user.id, details: { from: 'immediate', to: 'off' } }]);
    } finally {
      db.close();
    }
  });

  it('mails nothing to whoever turned mail off, and gathers the daily digest into one mail', async () => {
    expect((await member2.request('PUT', '/api/me/notification-settings', { email: 'off' })).status).toBe(200);
    expect((await member.request('PUT', '/api/me/notification-settings', { email: 'daily' })).status).toBe(200);
    const before = { member: mailsTo('member@example.jp').length, member2: mailsTo('member2@example.jp').length };

    const revision = await freeze('第4回会議資料');
    expect((await staff.request('POST', `/api/revisions/${revision.id}/review`, {})).status).toBe(200);
    expect((await chair.request('POST', `/api/revisions/${revision.id}/decision`, { decision: 'approve', hash: revision.hash })).status).toBe(200);
    // In the app as always; by mail at once only to those who chose that.
    for (const who of [member, member2]) expect((await notifications(who))[0]).toMatchObject({ kind: 'approved', revision: { id: revision.id } });
    await mailTo('staff@example.jp', '第4回会議資料を承認しました');
    await settle();
    expect(mailsTo('member@example.jp')).toHaveLength(before.member);
    expect(mailsTo('member2@example.jp')).toHaveLength(before.member2);

    // A day passes for the member: their digest time has come.
    const db = new Database(path.join(dataDir, DATABASE_FILE));
    try {
      db.prepare('UPDATE users SET digest_sent_at = 0 WHERE id = ?').run(member.user.id);
    } finally {
      db.close();
    }
    const digest = await mailTo('member@example.jp', '通知のまとめ');
    expect(digest.subject).toBe('Sakutei: 通知のまとめ（1件） / Daily summary (1)');
    expect(digest.text).toContain('第4回会議資料を承認しました');
    expect(digest.text).toContain(`https://sakutei.example.jp/plans/${plan.id}?revision=${revision.id}#revisions`);
    await settle();
    expect(mailsTo('member@example.jp')).toHaveLength(before.member + 1);
    expect(mailsTo('member2@example.jp')).toHaveLength(before.member2);
  });
});

describe('access ends when it ends (issue 15 item 6)', () => {
  it('a member demoted to observer no longer sees, nor gets mailed, notifications about threads they cannot read, nor text edited since', async () => {
    cli(dataDir, ['user', 'add', '--email', 'demoted@example.jp', '--name', '委員 降格', '--password', 'demoted-member-password']);
    cli(dataDir, ['member', 'set', '--workspace', plan.workspaceId, '--email', 'demoted@example.jp', '--role', 'member']);
    const demoted = await signedIn(server.url, 'demoted@example.jp', 'demoted-member-password');
    // The daily digest, so that a notification waits to be mailed after the demotion.
    expect((await demoted.request('PUT', '/api/me/notification-settings', { email: 'daily' })).status).toBe(200);

    const revision = await freeze('第6回会議資料');
    expect((await staff.request('POST', `/api/revisions/${revision.id}/review`, {})).status).toBe(200);
    const created = await member.request('POST', `/api/plans/${plan.id}/threads`, {
      anchor: await kpiAnchor(),
      revisionId: revision.id,
      body: `審議中の版への意見です。@[委員 降格](${demoted.user.id})`,
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const threadId = created.body.thread.id as string;
    const commentId = created.body.thread.comments[0].id as string;
    const seen = await demoted.request('GET', '/api/notifications');
    expect(seen.body.notifications.some((n: Notification) => n.threadId === threadId)).toBe(true);
    const unreadBefore = seen.body.unread as number;

    // Demoted: an observer reads approved revisions (and reviews they are invited to) only.
    const role = await staff.request('PUT', `/api/workspaces/${plan.workspaceId}/members/${demoted.user.id}`, { role: 'observer' });
    expect(role.status, JSON.stringify(role.body)).toBe(200);
    expect((await demoted.request('GET', `/api/threads/${threadId}`)).status).toBe(404);
    const edited = await member.request('PATCH', `/api/comments/${commentId}`, { body: '降格の後に書き換えた、委員だけが読む文面' });
    expect(edited.status).toBe(200);

    const after = await demoted.request('GET', '/api/notifications');
    expect(after.status).toBe(200);
    expect(after.body.notifications.some((n: Notification) => n.threadId === threadId)).toBe(false);
    expect(JSON.stringify(after.body)).not.toContain('降格の後に書き換えた');
    expect(after.body.unread).toBe(unreadBefore - 1);

    // Their digest time comes: nothing about the thread is mailed.
    const db = new Database(path.join(dataDir, DATABASE_FILE));
    try {
      db.prepare('UPDATE users SET digest_sent_at = 0 WHERE id = ?').run(demoted.user.id);
    } finally {
      db.close();
    }
    // The digest has run for them once it stamps the time again (it takes their pending
    // notification, now unreadable, and settles it): only then can its absence from the mail mean anything.
    const digestRan = () => {
      const reader = new Database(path.join(dataDir, DATABASE_FILE), { readonly: true });
      try {
        return ((reader.prepare('SELECT digest_sent_at AS at FROM users WHERE id = ?').get(demoted.user.id) as { at: number | null }).at ?? 0) > 0;
      } finally {
        reader.close();
      }
    };
    const deadline = Date.now() + 15_000;
    while (!digestRan()) {
      if (Date.now() > deadline) throw new Error('the digest did not run for the demoted member within 15 s');
      await new Promise((r) => setTimeout(r, 50));
    }
    // A mail it sends leaves after the stamp: a moment for one to arrive.
    await settle();
    expect(mailsTo('demoted@example.jp').some((m) => m.text.includes('降格') || m.text.includes('審議中の版への意見'))).toBe(false);
  });
});
