import { type PlanSummary, type Thread, encodeRelativePosition, mentionToken, resolveTextAnchor } from '@sakutei/shared';
import { deriveTable, parseDelimited } from '@sakutei/shared/measures';
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { type CollabClient, connectCollab, waitFor } from '../support/collab';
import { type ApiClient, signedIn } from '../support/http';
import { type TestServer, cli, startServer, tempDataDir, addOutsider, OUTSIDER_PASSWORD } from '../support/server';

const dataDir = tempDataDir();
let server: TestServer;
let plan: PlanSummary;
type Signed = Awaited<ReturnType<typeof signedIn>>;
let staff: Signed;
let member: Signed;
let member2: Signed;
let chair: Signed;
let observer: Signed;
let outsider: Signed;
const clients: CollabClient[] = [];

beforeAll(async () => {
  server = await startServer({ dataDir });
  [staff, member, member2, chair, observer] = (await Promise.all(
    ['staff', 'member', 'member2', 'chair', 'observer'].map((who) => signedIn(server.url, `${who}@example.jp`)),
  )) as [Signed, Signed, Signed, Signed, Signed];
  [plan] = (await member.plans()) as [PlanSummary];
  addOutsider(server.dataDir, 'outsider@example.jp');
  outsider = await signedIn(server.url, 'outsider@example.jp', OUTSIDER_PASSWORD);
});
afterAll(async () => {
  for (const client of clients) client.destroy();
  await server.stop('SIGKILL');
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function open(api: ApiClient): Promise<CollabClient> {
  const client = connectCollab(server.wsUrl, plan.docName, { cookie: api.cookie });
  clients.push(client);
  await client.synced;
  return client;
}

/** The first paragraph's text node: where the demo's prose sentences live. */
function firstParagraphText(doc: Y.Doc, containing: string): Y.XmlText {
  for (const node of doc.getXmlFragment('body').toArray()) {
    if (node instanceof Y.XmlElement && node.nodeName === 'paragraph') {
      const text = node.get(0);
      if (text instanceof Y.XmlText && text.toString().includes(containing)) return text;
    }
  }
  throw new Error(`no paragraph with ${containing}`);
}

function textAnchor(text: Y.XmlText, phrase: string) {
  const from = text.toString().indexOf(phrase);
  return {
    kind: 'text' as const,
    start: encodeRelativePosition(Y.createRelativePositionFromTypeIndex(text, from)),
    end: encodeRelativePosition(Y.createRelativePositionFromTypeIndex(text, from + phrase.length)),
    quote: phrase,
  };
}

async function kpiAnchor(n: number) {
  const table = deriveTable((await member.request('GET', `/api/plans/${plan.id}/measures`)).body.table);
  const kpi = table.kpis[n - 1]!;
  return { kind: 'measure' as const, target: { kind: 'kpi' as const, id: kpi.kpi.id, field: 'actual' as const, fiscalYear: 2023 }, quote: `成果指標${kpi.mark} 実績値 R5` };
}

async function newThread(api: ApiClient, body: string, anchor?: unknown): Promise<Thread> {
  const res = await api.request('POST', `/api/plans/${plan.id}/threads`, { anchor: anchor ?? (await kpiAnchor(10)), body });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.thread;
}

describe('threads and who may write them', () => {
  it('lets staff comment on a sentence without edit access, and the anchor follows concurrent edits', async () => {
    const editor = await open(member);
    const text = firstParagraphText(editor.doc, '企業アンケートを実施する');
    const thread = await newThread(staff, '回収率の目標も示してはどうでしょうか。', textAnchor(text, '企業アンケートを実施する'));
    expect(thread).toMatchObject({ number: 1, status: 'open', author: { name: staff.user.name } });

    // Two members edit around the sentence at once; the range still covers it.
    const other = await open(member2);
    const otherText = firstParagraphText(other.doc, '企業アンケートを実施する');
    text.insert(0, '【令和8年度】');
    otherText.insert(otherText.toString().indexOf('企業アンケート'), '毎年度、');
    await waitFor(() => text.toString() === otherText.toString() && text.toString().includes('【令和8年度】') && text.toString().includes('毎年度、'), 'edits to converge');
    const listed = (await member2.request('GET', `/api/plans/${plan.id}/threads`)).body.threads as Thread[];
    const anchor = listed.find((t) => t.id === thread.id)!.anchor as { start: string; end: string };
    const resolved = resolveTextAnchor(other.doc, anchor);
    expect(resolved.attached).toBe(true);
    if (resolved.attached) expect(text.toString().slice(resolved.start.index, resolved.end.index)).toBe('企業アンケートを実施する');

    // Deleting the sentence detaches the thread, which keeps its quote.
    const at = text.toString().indexOf('企業アンケートを実施する');
    text.delete(at, '企業アンケートを実施する'.length);
    await waitFor(() => !otherText.toString().includes('企業アンケートを実施する'), 'the deletion to arrive');
    expect(resolveTextAnchor(other.doc, anchor).attached).toBe(false);
    const kept = ((await member.request('GET', `/api/threads/${thread.id}`)).body.thread as Thread);
    expect(kept.anchor.quote).toBe('企業アンケートを実施する');
  });

  it('anchors to one field of a KPI and refuses anchors to nothing', async () => {
    const thread = await newThread(staff, '令和5年度の実績が0件です。原因を確認します。');
    expect(thread.anchor).toMatchObject({ kind: 'measure', quote: '成果指標⑩ 実績値 R5' });
    const missing = await staff.request('POST', `/api/plans/${plan.id}/threads`, {
      anchor: { kind: 'measure', target: { kind: 'node', id: 'nope', field: null }, quote: 'x' },
      body: 'x',
    });
    expect(missing.status).toBe(400);
    expect(missing.body.error.code).toBe('invalid_anchor');
    const garbage = await staff.request('POST', `/api/plans/${plan.id}/threads`, { anchor: { kind: 'text', start: '%%%%', end: 'AAAA', quote: 'x' }, body: 'x' });
    expect(garbage.status).toBe(400);
  });

  it('refuses observers, and tells outsiders nothing, not even whether a thread exists', async () => {
    expect((await observer.request('POST', `/api/plans/${plan.id}/threads`, { anchor: await kpiAnchor(1), body: '傍聴者の意見' })).status).toBe(403);
    const thread = await newThread(member, '外部から見えてはいけない');
    // Threads on the live draft are the council's; observers see those on revisions shown to them.
    expect((await observer.request('GET', `/api/threads/${thread.id}`)).status).toBe(404);
    expect(((await observer.request('GET', `/api/plans/${plan.id}/threads`)).body.threads as Thread[]).map((t) => t.id)).not.toContain(thread.id);
    for (const [method, path, body] of [
      ['GET', `/api/threads/${thread.id}`],
      ['POST', `/api/threads/${thread.id}/comments`, { body: 'x' }],
      ['POST', `/api/threads/${thread.id}/resolve`],
      ['PUT', `/api/threads/${thread.id}/disposition`, { disposition: 'reflect', response: 'x' }],
      ['PATCH', `/api/comments/${thread.comments[0]!.id}`, { body: 'x' }],
      ['DELETE', `/api/comments/${thread.comments[0]!.id}`],
      ['GET', `/api/plans/${plan.id}/threads`],
      ['GET', `/api/plans/${plan.id}/events`],
      ['GET', `/api/plans/${plan.id}/opinions/export?format=csv`],
    ] as Array<[string, string, unknown?]>) {
      const res = await outsider.request(method, path, body);
      expect(res.status, `${method} ${path}`).toBe(404);
    }
    const unknown = await outsider.request('GET', '/api/threads/doesnotexist');
    expect(unknown.status).toBe(404);
    expect(unknown.body).toEqual((await outsider.request('GET', `/api/threads/${thread.id}`)).body);
  });

  it('lets the author edit and delete their own comment, leaving a trace, and nobody else', async () => {
    const thread = await newThread(member, '最初の文面');
    const commentId = thread.comments[0]!.id;
    expect((await member2.request('PATCH', `/api/comments/${commentId}`, { body: '他人が書き換え' })).status).toBe(403);
    expect((await staff.request('DELETE', `/api/comments/${commentId}`)).status).toBe(403);
    const edited = await member.request('PATCH', `/api/comments/${commentId}`, { body: '直した文面' });
    expect(edited.status).toBe(200);
    expect(edited.body.thread.comments[0]).toMatchObject({ body: '直した文面' });
    expect(edited.body.thread.comments[0].editedAt).not.toBeNull();
    const reply = await member2.request('POST', `/api/threads/${thread.id}/comments`, { body: '賛成です' });
    expect(reply.status).toBe(201);
    const deleted = await member.request('DELETE', `/api/comments/${commentId}`);
    expect(deleted.status).toBe(200);
    expect(deleted.body.thread.comments).toHaveLength(2);
    expect(deleted.body.thread.comments[0]).toMatchObject({ body: '' });
    expect(deleted.body.thread.comments[0].deletedAt).not.toBeNull();
    expect((await member.request('PATCH', `/api/comments/${commentId}`, { body: '復活' })).status).toBe(403);
  });

  it('lets staff, the chair and the author resolve and reopen; other members may not', async () => {
    const thread = await newThread(member, '解決の権限を確かめる');
    const resolve = (api: ApiClient) => api.request('POST', `/api/threads/${thread.id}/resolve`);
    const reopen = (api: ApiClient) => api.request('POST', `/api/threads/${thread.id}/reopen`);
    expect((await resolve(member2)).status).toBe(403);
    expect((await resolve(observer)).status).toBe(404); // a draft thread is not the observer's to see
    const byStaff = await resolve(staff);
    expect(byStaff.body.thread).toMatchObject({ status: 'resolved', resolvedBy: { id: staff.user.id } });
    expect((await reopen(chair)).body.thread).toMatchObject({ status: 'open', resolvedBy: null });
    expect((await resolve(member)).body.thread.status).toBe('resolved');
    expect((await reopen(member2)).status).toBe(403);
  });

  it('lets only staff record how an opinion is handled', async () => {
    const thread = await newThread(member, '目標値が低すぎます。');
    const body = { disposition: 'partial', response: '令和8年度の改定で目標値を見直します。' };
    for (const api of [member, chair]) expect((await api.request('PUT', `/api/threads/${thread.id}/disposition`, body)).status).toBe(403);
    expect((await observer.request('PUT', `/api/threads/${thread.id}/disposition`, body)).status).toBe(404);
    const res = await staff.request('PUT', `/api/threads/${thread.id}/disposition`, body);
    expect(res.status).toBe(200);
    expect(res.body.thread).toMatchObject(body);
    expect((await staff.request('PUT', `/api/threads/${thread.id}/disposition`, { disposition: 'maybe', response: '' })).status).toBe(400);
  });

  it('stores markup as inert text', async () => {
    const thread = await newThread(member, '<img src=x onerror=alert(1)><script>alert(2)</script>');
    expect(thread.comments[0]!.body).toBe('<img src=x onerror=alert(1)><script>alert(2)</script>');
  });
});

describe('mentions and notifications', () => {
  it('notifies the mentioned member and the thread’s participants, and marks them read', async () => {
    const before = (await member.request('GET', '/api/notifications')).body.unread as number;
    const thread = await newThread(staff, `${mentionToken(member.user.name, member.user.id)} 実績の出典を教えてください。`);
    const listed = await member.request('GET', '/api/notifications');
    expect(listed.body.unread).toBe(before + 1);
    expect(listed.body.notifications[0]).toMatchObject({ kind: 'mention', threadId: thread.id, actor: { id: staff.user.id }, planTitle: plan.title });
    expect(listed.body.notifications[0].excerpt).toContain(`@${member.user.name}`);
    await member.request('POST', `/api/threads/${thread.id}/comments`, { body: '統計書です。' });
    const staffNotes = (await staff.request('GET', '/api/notifications')).body;
    expect(staffNotes.notifications[0]).toMatchObject({ kind: 'reply', threadId: thread.id, actor: { id: member.user.id } });
    expect((await member.request('POST', '/api/notifications/read', { all: true })).status).toBe(200);
    expect((await member.request('GET', '/api/notifications')).body.unread).toBe(0);
  });

  it('refuses a mention of an observer on the draft: they could not open what it points to', async () => {
    const res = await staff.request('POST', `/api/plans/${plan.id}/threads`, { anchor: await kpiAnchor(3), body: `${mentionToken(observer.user.name, observer.user.id)} ご覧ください` });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('cannot see');
    expect((await observer.request('GET', '/api/notifications')).body.unread).toBe(0);
  });

  it('ends an event stream when its listener loses access, and the reconnect is checked afresh', async () => {
    const temp = await signedIn(server.url, 'member2@example.jp');
    const res = await fetch(`${server.url}/api/plans/${plan.id}/events`, { headers: { cookie: temp.cookie } });
    const reader = res.body!.getReader();
    await reader.read(); // the first unread count
    const demote = await staff.request('PUT', `/api/workspaces/${plan.workspaceId}/members/${temp.user.id}`, { role: 'observer' });
    expect(demote.status).toBe(200);
    let done = false;
    const deadline = Date.now() + 5000;
    while (!done && Date.now() < deadline) done = (await reader.read()).done;
    expect(done).toBe(true);
    await staff.request('PUT', `/api/workspaces/${plan.workspaceId}/members/${temp.user.id}`, { role: 'member' });
  });

  it('refuses a mention of someone outside the council', async () => {
    const res = await staff.request('POST', `/api/plans/${plan.id}/threads`, { anchor: await kpiAnchor(2), body: `${mentionToken('他会議 座長', outsider.user.id)} 見てください` });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_mention');
  });

  it('pushes thread changes and unread counts to the plan’s event stream', async () => {
    const controller = new AbortController();
    const res = await fetch(`${server.url}/api/plans/${plan.id}/events`, { headers: { cookie: member.cookie }, signal: controller.signal });
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let received = '';
    const readUntil = async (needle: string) => {
      while (!received.includes(needle)) {
        const { value, done } = await reader.read();
        if (done) throw new Error('stream ended');
        received += decoder.decode(value, { stream: true });
      }
    };
    await readUntil('"type":"notifications"');
    const thread = await newThread(staff, `${mentionToken(member.user.name, member.user.id)} ライブ更新の確認`);
    await readUntil(`"threadId":"${thread.id}"`);
    await readUntil('"unread":1');
    controller.abort();
  });
});

describe('the 委員意見と対応 export', () => {
  it('exports every thread as No, 箇所, 委員, 意見, 対応方針, 対応内容', async () => {
    const res = await fetch(`${server.url}/api/plans/${plan.id}/opinions/export?format=csv`, { headers: { cookie: staff.cookie } });
    expect(res.status).toBe(200);
    const rows = parseDelimited(await res.text(), ',');
    expect(rows[0]).toEqual(['No', '箇所', '委員', '意見', '対応方針', '対応内容']);
    const threads = (await staff.request('GET', `/api/plans/${plan.id}/threads`)).body.threads as Thread[];
    expect(rows).toHaveLength(threads.length + 1);
    const handled = rows.find((row) => row[3] === '目標値が低すぎます。')!;
    expect(handled.slice(4)).toEqual(['一部反映', '令和8年度の改定で目標値を見直します。']);
    expect(rows.find((row) => row[3] === '令和5年度の実績が0件です。原因を確認します。')).toEqual([
      expect.stringMatching(/^\d+$/),
      '成果指標⑩ 実績値 R5',
      staff.user.name,
      '令和5年度の実績が0件です。原因を確認します。',
      '',
      '',
    ]);
    const xlsx = await fetch(`${server.url}/api/plans/${plan.id}/opinions/export?format=xlsx`, { headers: { cookie: member.cookie } });
    // A comment that Excel would run as a formula is handed out as text.
    await newThread(member, '=HYPERLINK("http://evil.example","ここをクリック")');
    const again = await (await fetch(`${server.url}/api/plans/${plan.id}/opinions/export?format=csv`, { headers: { cookie: staff.cookie } })).text();
    expect(again).toContain(`"'=HYPERLINK(""http://evil.example"",""ここをクリック"")"`);
    expect(xlsx.headers.get('content-type')).toContain('spreadsheetml');
  });
});


