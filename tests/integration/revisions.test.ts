import fs from 'node:fs';
import path from 'node:path';
import type { PlanSummary, Revision } from '@sakutei/shared';
import { deriveTable, readMeasureTable, setNodeText } from '@sakutei/shared/measures';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendParagraph, bodyText, type CollabClient, connectCollab, waitFor } from '../support/collab';
import { runCli } from '../support/cli';
import { signedIn } from '../support/http';
import { type TestServer, cli, startServer, tempDataDir, addOutsider, OUTSIDER_PASSWORD } from '../support/server';

type Signed = Awaited<ReturnType<typeof signedIn>>;
const dataDir = tempDataDir();
let server: TestServer;
let plan: PlanSummary;
let staff: Signed, member: Signed, chair: Signed, vice: Signed, observer: Signed, outsider: Signed;
const clients: CollabClient[] = [];

beforeAll(async () => {
  server = await startServer({ dataDir });
  [staff, member, chair, observer] = (await Promise.all(
    ['staff', 'member', 'chair', 'observer'].map((who) => signedIn(server.url, `${who}@example.jp`)),
  )) as [Signed, Signed, Signed, Signed];
  [plan] = (await member.plans()) as [PlanSummary];
  cli(server.dataDir, ['user', 'add', '--email', 'vice@example.jp', '--name', '座長代理 伊藤', '--password', 'vice-chair-password']);
  cli(server.dataDir, ['member', 'set', '--workspace', plan.workspaceId, '--email', 'vice@example.jp', '--role', 'vice_chair']);
  vice = await signedIn(server.url, 'vice@example.jp', 'vice-chair-password');
  addOutsider(server.dataDir, 'outsider@example.jp');
  outsider = await signedIn(server.url, 'outsider@example.jp', OUTSIDER_PASSWORD);
});
afterAll(async () => {
  for (const client of clients) client.destroy();
  await server.stop('SIGKILL');
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function editor(): Promise<CollabClient> {
  const client = connectCollab(server.wsUrl, plan.docName, { cookie: member.cookie });
  clients.push(client);
  await client.synced;
  return client;
}

async function freeze(api: Signed, name: string, stage = '素案') {
  return api.request('POST', `/api/plans/${plan.id}/revisions`, { name, stage });
}

let first: Revision;
let second: Revision;

describe('freezing and reviewing', () => {
  it('freezes the whole plan with its hash, and only staff or the chair may', async () => {
    const draft = await editor();
    appendParagraph(draft.doc, '第1版に入る文。');
    appendParagraph(draft.doc, '<script>window.pwned=1</script>は本文の文字です。');
    await new Promise((r) => setTimeout(r, 200));
    expect((await freeze(member, '委員が凍結')).status).toBe(403);
    expect((await freeze(outsider, '外部')).status).toBe(404);
    const res = await freeze(staff, '第1回会議資料');
    expect(res.status).toBe(201);
    first = res.body.revision;
    // The demo seeds the adopted 令和7年度版 as revision 1.
    expect(first).toMatchObject({ number: 2, name: '第1回会議資料', stage: '素案', review: { status: 'draft' } });
    expect(first.hash).toMatch(/^[0-9a-f]{64}$/);
    const content = (await member.request('GET', `/api/revisions/${first.id}`)).body;
    expect(JSON.stringify(content.snapshot.prose)).toContain('第1版に入る文。');
    expect(content.snapshot.measures.kpis).toHaveLength(20);
    expect((await outsider.request('GET', `/api/revisions/${first.id}`)).status).toBe(404);
  });

  it('keeps the revision unchanged while the draft goes on being edited', async () => {
    const draft = await editor();
    appendParagraph(draft.doc, '凍結後の編集。');
    const row = deriveTable(readMeasureTable(draft.doc)).rows.find((r) => r.title === '相談支援事業')!;
    setNodeText(draft.doc, row.node.id, 'description', '凍結後に書き換えた内容');
    // The draft has the edits (the server accepted them) before we look at the revision.
    await waitFor(async () => JSON.stringify((await member.request('GET', `/api/plans/${plan.id}/measures`)).body).includes('凍結後に書き換えた内容'), 'the edit to reach the draft');
    const content = (await member.request('GET', `/api/revisions/${first.id}`)).body;
    expect(content.revision.hash).toBe(first.hash);
    expect(JSON.stringify(content.snapshot)).not.toContain('凍結後');
  });

  it('lets only the chair decide, refuses a stale hash and a missing reason, and records why it went back', async () => {
    const opened = await staff.request('POST', `/api/revisions/${first.id}/review`, {});
    expect(opened.status).toBe(200);
    expect(opened.body.revision.review.status).toBe('in_review');
    expect((await staff.request('POST', `/api/revisions/${first.id}/review`, {})).status).toBe(409);
    const decide = (api: Signed, body: unknown) => api.request('POST', `/api/revisions/${first.id}/decision`, body);
    expect((await decide(member, { decision: 'approve', hash: first.hash })).status).toBe(403);
    expect((await decide(staff, { decision: 'approve', hash: first.hash })).status).toBe(403);
    expect((await decide(vice, { decision: 'approve', hash: first.hash })).status).toBe(403);
    const stale = await decide(chair, { decision: 'approve', hash: 'f'.repeat(64) });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('stale_hash');
    expect((await decide(chair, { decision: 'requestChanges', reason: '   ' })).status).toBe(400);
    const back = await decide(chair, { decision: 'requestChanges', reason: '成果指標⑩の目標値を再検討してください。' });
    expect(back.status).toBe(200);
    expect(back.body.revision.review).toMatchObject({ status: 'changes_requested', reason: '成果指標⑩の目標値を再検討してください。' });
    expect((await decide(chair, { decision: 'approve', hash: first.hash })).status).toBe(409);
  });

  it('lets a vice chair approve a revision the chair delegated, naming its hash', async () => {
    const res = await freeze(staff, '第2回会議資料', 'パブリックコメント案');
    second = res.body.revision;
    expect(second.number).toBe(3);
    expect((await staff.request('POST', `/api/revisions/${second.id}/review`, { delegateId: vice.user.id })).status).toBe(403);
    expect((await chair.request('POST', `/api/revisions/${second.id}/review`, { delegateId: member.user.id })).status).toBe(400);
    const opened = await chair.request('POST', `/api/revisions/${second.id}/review`, { delegateId: vice.user.id });
    expect(opened.body.revision.delegate).toMatchObject({ id: vice.user.id });
    const approved = await vice.request('POST', `/api/revisions/${second.id}/decision`, { decision: 'approve', hash: second.hash });
    expect(approved.status).toBe(200);
    expect(approved.body.revision.review).toMatchObject({ status: 'approved', approvedHash: second.hash, decidedOnBehalfOfChair: true });
  });
});

describe('readers, the 新旧対照表, exports and restore', () => {
  it('shows observers approved revisions only', async () => {
    const listed = (await observer.request('GET', `/api/plans/${plan.id}/revisions`)).body.revisions as Revision[];
    expect(listed.map((r) => [r.number, r.review.status])).toEqual([[1, 'approved'], [3, 'approved']]);
    expect((await observer.request('GET', `/api/revisions/${first.id}`)).status).toBe(404);
    expect((await member.request('GET', `/api/plans/${plan.id}/revisions`)).body.revisions).toHaveLength(3);
  });

  it('compares two revisions, and a revision with the draft', async () => {
    const res = await member.request('GET', `/api/plans/${plan.id}/compare?from=${first.id}&to=${second.id}`);
    expect(res.status).toBe(200);
    const added = res.body.prose.find((row: { kind: string }) => row.kind === 'added');
    expect(added.new.text).toBe('凍結後の編集。');
    const rowChange = res.body.measures.rows.find((r: { changes: unknown[] }) => r.changes.length > 0);
    expect(rowChange.changes[0]).toMatchObject({ field: 'description', new: '凍結後に書き換えた内容' });
    const draft = await member.request('GET', `/api/plans/${plan.id}/compare?from=${second.id}&to=draft`);
    expect(draft.status).toBe(200);
    expect((await observer.request('GET', `/api/plans/${plan.id}/compare?from=${second.id}&to=draft`)).status).toBe(404);
    expect((await observer.request('GET', `/api/plans/${plan.id}/compare?from=${first.id}&to=${second.id}`)).status).toBe(404);
    // Between two approved revisions, observers may compare.
    const adopted = ((await observer.request('GET', `/api/plans/${plan.id}/revisions`)).body.revisions as Revision[])[0]!;
    const approvedOnly = await observer.request('GET', `/api/plans/${plan.id}/compare?from=${adopted.id}&to=${second.id}`);
    expect(approvedOnly.status).toBe(200);
    expect(approvedOnly.body.prose.some((row: { kind: string; new: { text: string } | null }) => row.kind === 'added' && row.new?.text === '第1版に入る文。')).toBe(true);
  });

  it('exports an approved revision and the 新旧対照表 as DOCX and printable HTML', async () => {
    const get = (url: string, api: Signed) => fetch(`${server.url}${url}`, { headers: { cookie: api.cookie } });
    const html = await get(`/api/revisions/${second.id}/export?format=html`, observer);
    expect(html.headers.get('content-type')).toContain('text/html');
    const page = await html.text();
    expect(page).toContain('成果指標一覧');
    expect(page).toContain('中心市街地空き店舗数');
    const docx = await get(`/api/revisions/${second.id}/export?format=docx`, observer);
    expect(docx.headers.get('content-type')).toContain('wordprocessingml');
    expect(Buffer.from(await docx.arrayBuffer()).subarray(0, 2).toString()).toBe('PK');
    const compare = await (await get(`/api/plans/${plan.id}/compare/export?from=${first.id}&to=${second.id}&format=html`, member)).text();
    expect(compare).toContain('<ins>');
    // Text that looks like markup is printed, never run: these pages are served from our origin.
    const frozen = await (await get(`/api/revisions/${first.id}/export?format=html`, member)).text();
    expect(frozen).toContain('&#60;script&#62;window.pwned=1&#60;/script&#62;は本文の文字です。');
    expect(frozen).not.toContain('<script>');
    const compareDocx = await get(`/api/plans/${plan.id}/compare/export?from=${first.id}&to=${second.id}&format=docx`, member);
    expect(compareDocx.status).toBe(200);
  });

  it('restores the draft from an old revision as a new change that everyone receives', async () => {
    const open = await editor();
    expect(bodyText(open.doc)).toContain('凍結後の編集。');
    expect((await staff.request('POST', `/api/revisions/${first.id}/restore`)).status).toBe(403);
    expect((await member.request('POST', `/api/revisions/${first.id}/restore`)).status).toBe(200);
    await waitFor(() => !bodyText(open.doc).includes('凍結後の編集。'), 'the restore to reach the open client');
    const same = await member.request('GET', `/api/plans/${plan.id}/compare?from=${first.id}&to=draft`);
    expect(same.body.prose.every((row: { kind: string }) => row.kind === 'same')).toBe(true);
    expect(same.body.measures.changed).toBe(false);
  });

  it('lets an invited observer read and comment on the revision under review, and nothing else', async () => {
    const third = (await freeze(staff, '第3回会議資料')).body.revision as Revision;
    const kpi = deriveTable((await member.request('GET', `/api/revisions/${third.id}`)).body.snapshot.measures).kpis[0]!;
    const anchor = { kind: 'measure', target: { kind: 'kpi', id: kpi.kpi.id, field: null, fiscalYear: null }, quote: '成果指標①' };
    expect((await staff.request('POST', `/api/revisions/${third.id}/review`, { invitedIds: [member.user.id] })).status).toBe(400);
    expect((await staff.request('POST', `/api/revisions/${third.id}/review`, { invitedIds: [observer.user.id] })).status).toBe(200);
    expect((await observer.request('GET', `/api/revisions/${third.id}`)).status).toBe(200);
    const onRevision = await observer.request('POST', `/api/plans/${plan.id}/threads`, { anchor, body: '傍聴者からの意見です。', revisionId: third.id });
    expect(onRevision.status).toBe(201);
    expect(onRevision.body.thread.revisionId).toBe(third.id);
    expect((await observer.request('POST', `/api/plans/${plan.id}/threads`, { anchor, body: '下書きへの意見' })).status).toBe(403);
  });
});

describe('the tamper-evident record', () => {
  it('lists review events, approvals, role changes and resolutions, chained by hash', async () => {
    const res = await member.request('GET', `/api/plans/${plan.id}/audit`);
    expect(res.status).toBe(200);
    expect(res.body.intact).toBe(true);
    const kinds = (res.body.entries as Array<{ kind: string }>).map((e) => e.kind);
    for (const kind of ['revision.frozen', 'review.opened', 'review.changesRequested', 'review.approved', 'role.changed', 'revision.restored']) {
      expect(kinds).toContain(kind);
    }
    const approval = res.body.entries.find((e: { kind: string }) => e.kind === 'review.approved');
    expect(approval.details.hash).toBe(second.hash);
    expect((await observer.request('GET', `/api/plans/${plan.id}/audit`)).status).toBe(403);
  });

  it('finds an altered row: the CLI names the first broken entry', async () => {
    expect(cli(server.dataDir, ['audit', 'verify'])).toMatch(/intact: \d+ entries verified/);
    const db = new Database(path.join(server.dataDir, 'sakutei.db'));
    db.exec('DROP TRIGGER audit_log_append_only_update');
    const target = db.prepare("SELECT seq FROM audit_log WHERE kind = 'review.changesRequested'").get() as { seq: number };
    db.prepare("UPDATE audit_log SET details = json_set(details, '$.reason', '問題なし') WHERE seq = ?").run(target.seq);
    db.close();
    const run = await runCli(server.dataDir, ['audit', 'verify']);
    expect(run.status).toBe(3);
    expect(run.stderr).toContain(`broken at entry ${target.seq}`);
    const res = await member.request('GET', `/api/plans/${plan.id}/audit`);
    expect(res.body).toMatchObject({ intact: false, firstBroken: target.seq });
  });
});
