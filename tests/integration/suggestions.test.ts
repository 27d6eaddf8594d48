import path from 'node:path';
import { CLOSE_CODES, type PlanSummary, type ProseNode } from '@sakutei/shared';
import { listSuggestions, proseSchema, suggestTransaction } from '@sakutei/shared/editor';
import { EditorState, type Transaction } from '@tiptap/pm/state';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { proseJsonOf } from '../../server/src/services/proseJson';
import { DATABASE_FILE } from '../../server/src/storage/sqlite/database';
import { writeProse } from '../../server/src/services/proseWrite';
import { appendParagraph, waitFor } from '../support/collab';
import { type Signed, demoPlan } from '../support/demoPlan';
import { signedIn } from '../support/http';
import { type TestServer, cli } from '../support/server';

/**
 * Deciding suggestions (見え消し) through the API on the live draft, who may, and the review
 * that locks the draft into suggesting. Suggestions are written as the browser writes them:
 * ProseMirror marks put into the shared document by y-prosemirror, over a real websocket.
 */

const demo = demoPlan(['member', 'staff', 'chair', 'observer']);
let server: TestServer;
let plan: PlanSummary;
let staff: Signed, member: Signed, chair: Signed, vice: Signed, observer: Signed;
const AT = Date.UTC(2026, 0, 5, 1, 0);

beforeAll(async () => {
  ({ server, plan, users: [member, staff, chair, observer] } = demo);
  cli(server.dataDir, ['user', 'add', '--email', 'vice@example.jp', '--name', '座長代理 伊藤', '--password', 'vice-chair-password']);
  cli(server.dataDir, ['member', 'set', '--workspace', plan.workspaceId, '--email', 'vice@example.jp', '--role', 'vice_chair']);
  vice = await signedIn(server.url, 'vice@example.jp', 'vice-chair-password');
});
const connect = (who: Signed) => demo.connect(who);

type Part = string | { text: string; kind: 'ins' | 'del'; id: string; author: string; also?: { id: string; author: string } };

/** Appends a paragraph with suggestions in it, through y-prosemirror as the editor writes them. */
function suggest(doc: Y.Doc, parts: Part[]): void {
  const fragment = doc.getXmlFragment('body');
  const { prose } = proseJsonOf(fragment);
  const mark = (kind: 'ins' | 'del', id: string, author: string) => ({
    type: kind === 'ins' ? 'suggestionInsert' : 'suggestionDelete',
    attrs: { id, author, at: AT },
  });
  const content: ProseNode[] = parts.map((p) =>
    typeof p === 'string'
      ? { type: 'text', text: p }
      : { type: 'text', text: p.text, marks: [mark(p.kind, p.id, p.author), ...(p.also ? [mark(p.kind, p.also.id, p.also.author)] : [])] },
  );
  prose.content!.push({ type: 'paragraph', content });
  writeProse(doc, proseSchema().nodeFromJSON(prose), null);
}

const pending = (doc: Y.Doc) => listSuggestions(proseSchema().nodeFromJSON(proseJsonOf(doc.getXmlFragment('body')).prose));
const plainText = (doc: Y.Doc) => proseSchema().nodeFromJSON(proseJsonOf(doc.getXmlFragment('body')).prose).textContent;
const decide = (who: Signed, decision: 'accept' | 'reject', ids: string[]) =>
  who.request('POST', `/api/plans/${plan.id}/suggestions/decisions`, { decision, ids });

/** Waits until the server's draft (seen by a fresh connection) holds the suggestions. */
async function stored(ids: string[]): Promise<void> {
  await waitFor(async () => {
    const found = await demo.probe(chair, (doc) => pending(doc).map((s) => s.id));
    return ids.every((id) => found.includes(id));
  }, `suggestions ${ids.join(', ')} to reach the server`);
}

describe('deciding suggestions', () => {
  it('accepts one of two competing wordings, rejects the other with it, and every client converges', async () => {
    const writer = await connect(member);
    const watcher = await connect(chair);
    // s1 (the member) and s3 (staff's 事務局案) both propose replacing 「80店舗」; s2 adds a word.
    suggest(writer.doc, [
      '空き店舗数を',
      { text: '80店舗', kind: 'del', id: 's1', author: member.user.id, also: { id: 's3', author: staff.user.id } },
      { text: '70店舗', kind: 'ins', id: 's1', author: member.user.id },
      { text: '60店舗', kind: 'ins', id: 's3', author: staff.user.id },
      'にする',
      { text: '（仮）', kind: 'ins', id: 's2', author: member.user.id },
      '。',
    ]);
    await stored(['s1', 's2', 's3']);
    expect(pending(watcher.doc).find((s) => s.id === 's1')?.conflictsWith).toEqual(['s3']);

    // Staff suggest, but deciding is for editors; observers do not even read the draft.
    expect((await decide(staff, 'accept', ['s1'])).status).toBe(403);
    expect((await decide(observer, 'accept', ['s1'])).status).toBe(403);
    expect((await decide(member, 'accept', [])).body.error.code).toBe('invalid_request');
    expect((await decide(member, 'accept', Array.from({ length: 501 }, (_, i) => `x${i}`))).status).toBe(400);

    const accepted = await decide(member, 'accept', ['s1']);
    expect(accepted.status).toBe(200);
    expect(accepted.body.decided).toEqual([
      expect.objectContaining({ suggestionId: 's1', decision: 'accept', inserted: '70店舗', deleted: '80店舗', author: { id: member.user.id, name: member.user.name }, conflictOf: null, decidedBy: { id: member.user.id, name: member.user.name } }),
    ]);
    expect(accepted.body.resolved).toEqual([expect.objectContaining({ suggestionId: 's3', decision: 'reject', inserted: '60店舗', conflictOf: 's1' })]);
    expect(accepted.body.missing).toEqual([]);
    for (const client of [writer, watcher]) {
      await waitFor(() => plainText(client.doc).includes('空き店舗数を70店舗にする（仮）。'), 'the acceptance to reach every client');
      expect(pending(client.doc).map((s) => s.id)).toEqual(['s2']);
    }

    const rejected = await decide(member, 'reject', ['s2', 's1']);
    expect(rejected.body).toMatchObject({ decided: [{ suggestionId: 's2', decision: 'reject', inserted: '（仮）' }], resolved: [], missing: ['s1'] });
    await waitFor(() => plainText(watcher.doc).includes('空き店舗数を70店舗にする。'), 'the rejection to reach the watcher');
    expect(pending(writer.doc)).toEqual([]);
  });

  it('keeps every decision with its wording, and records each in the audit log', async () => {
    const history = await member.request('GET', `/api/plans/${plan.id}/suggestions/decisions`);
    expect(history.status).toBe(200);
    expect(history.body.decisions.map((d: { suggestionId: string; decision: string }) => `${d.suggestionId}:${d.decision}`)).toEqual(['s2:reject', 's3:reject', 's1:accept']);
    // Rejected wording is gone from the draft, not from the record.
    expect(history.body.decisions[0]).toMatchObject({ inserted: '（仮）', deleted: '' });
    expect(history.body.decisions[1]).toMatchObject({ inserted: '60店舗', deleted: '80店舗', author: { id: staff.user.id }, conflictOf: 's1' });
    expect(history.body.nextCursor).toBeNull();
    expect((await observer.request('GET', `/api/plans/${plan.id}/suggestions/decisions`)).status).toBe(403);

    const audit = (await chair.request('GET', `/api/plans/${plan.id}/audit`)).body.entries as Array<{ kind: string; actor: { id: string }; details: Record<string, unknown> }>;
    const entries = audit.filter((e) => e.kind.startsWith('suggestion.'));
    expect(entries.map((e) => [e.kind, e.details['suggestionId']])).toEqual([
      ['suggestion.rejected', 's2'],
      ['suggestion.rejected', 's3'],
      ['suggestion.accepted', 's1'],
    ]);
    expect(entries[1]!.details).toMatchObject({ conflictOf: 's1', inserted: '60店舗', deleted: '80店舗', authorId: staff.user.id });
    expect(entries.every((e) => e.actor.id === member.user.id)).toBe(true);
  });
});

describe('a decision that cannot be recorded', () => {
  it('is taken back from the draft: no decision without its record', async () => {
    const writer = await connect(member);
    suggest(writer.doc, ['記録できない決定：', { text: '残る提案', kind: 'ins', id: 'u1', author: member.user.id }]);
    await stored(['u1']);
    const db = new Database(path.join(server.dataDir, DATABASE_FILE));
    db.exec("CREATE TRIGGER test_refuse_audit BEFORE INSERT ON audit_log BEGIN SELECT RAISE(ABORT, 'no record today'); END");
    try {
      expect((await decide(member, 'accept', ['u1'])).status).toBe(500);
    } finally {
      db.exec('DROP TRIGGER test_refuse_audit');
      db.close();
    }
    // The accepted text went out to the editors and came back: the suggestion is pending again everywhere.
    await waitFor(() => pending(writer.doc).some((s) => s.id === 'u1'), 'the decision to be taken back');
    await stored(['u1']);
    const history = (await member.request('GET', `/api/plans/${plan.id}/suggestions/decisions`)).body.decisions as Array<{ suggestionId: string }>;
    expect(history.map((d) => d.suggestionId)).not.toContain('u1');
    expect((await decide(member, 'reject', ['u1'])).body.decided).toEqual([expect.objectContaining({ suggestionId: 'u1' })]);
  });
});

describe('who decides, by the council setting', () => {
  const settings = () => `/api/workspaces/${plan.workspaceId}/suggestion-settings`;

  it('keeps deciding for the chair when the council says so, and for a vice chair the chair delegated', async () => {
    const writer = await connect(member);
    suggest(writer.doc, [{ text: '座長が決める文。', kind: 'ins', id: 'c1', author: member.user.id }, { text: '代理が決める文。', kind: 'ins', id: 'c2', author: member.user.id }]);
    await stored(['c1', 'c2']);

    expect((await member.request('PUT', settings(), { suggestionDeciders: 'chair' })).status).toBe(403);
    expect((await staff.request('PUT', settings(), { suggestionDeciders: 'nobody' })).status).toBe(400);
    const changed = await staff.request('PUT', settings(), { suggestionDeciders: 'chair' });
    expect(changed).toMatchObject({ status: 200, body: { suggestionDeciders: 'chair' } });
    expect((await member.request('GET', settings())).body).toEqual({ suggestionDeciders: 'chair' });
    expect((await member.request('GET', `/api/plans/${plan.id}`)).body.plan.suggestions).toEqual({ mayDecide: false, mustSuggest: false, deciders: 'chair', invitedToSuggest: false });
    expect((await chair.request('GET', `/api/plans/${plan.id}`)).body.plan.suggestions).toMatchObject({ mayDecide: true });

    expect((await decide(member, 'accept', ['c1'])).status).toBe(403);
    expect((await decide(vice, 'accept', ['c1'])).status).toBe(403);
    expect((await decide(chair, 'accept', ['c1'])).status).toBe(200);

    // The chair delegates a review to the vice chair: while it is open, the vice chair decides too.
    const revision = (await staff.request('POST', `/api/plans/${plan.id}/revisions`, { name: '委任の確認', stage: '素案' })).body.revision;
    expect((await chair.request('POST', `/api/revisions/${revision.id}/review`, { delegateId: vice.user.id })).status).toBe(200);
    expect((await vice.request('GET', `/api/plans/${plan.id}`)).body.plan.suggestions.mayDecide).toBe(true);
    expect((await decide(vice, 'accept', ['c2'])).status).toBe(200);
    expect((await chair.request('POST', `/api/revisions/${revision.id}/withdraw`)).status).toBe(200);
    expect((await decide(vice, 'accept', ['c2'])).status).toBe(403);

    expect((await chair.request('PUT', settings(), { suggestionDeciders: 'editors' })).status).toBe(200);
    const audit = (await staff.request('GET', `/api/plans/${plan.id}/audit`)).body.entries as Array<{ kind: string; details: Record<string, unknown> }>;
    expect(audit.filter((e) => e.kind === 'council.suggestionDecidersChanged').map((e) => e.details)).toEqual([
      { from: 'chair', to: 'editors' },
      { from: 'editors', to: 'chair' },
    ]);
  });
});

describe('an archived council', () => {
  it('decides nothing and changes no setting while archived', async () => {
    const writer = await connect(member);
    suggest(writer.doc, [{ text: '保管中は決めない文。', kind: 'ins', id: 'a1', author: member.user.id }]);
    await stored(['a1']);
    // The vice chair is also made an installation administrator, who archives councils.
    cli(server.dataDir, ['user', 'admin', '--email', 'vice@example.jp']);
    const council = `/api/admin/councils/${plan.workspaceId}`;
    expect((await vice.request('PATCH', council, { archived: true })).status).toBe(200);
    try {
      const refused = await decide(member, 'accept', ['a1']);
      expect(refused.status).toBe(409);
      expect(refused.body.error.code).toBe('council_archived');
      expect((await staff.request('PUT', `/api/workspaces/${plan.workspaceId}/suggestion-settings`, { suggestionDeciders: 'chair' })).status).toBe(409);
      expect((await member.request('GET', `/api/plans/${plan.id}`)).body.plan.suggestions.mayDecide).toBe(false);
    } finally {
      expect((await vice.request('PATCH', council, { archived: false })).status).toBe(200);
    }
    expect((await decide(member, 'reject', ['a1'])).body.decided).toEqual([expect.objectContaining({ suggestionId: 'a1' })]);
  });
});

describe('a review that takes only suggestions', () => {
  it('tells open editors to reconnect, lets them only suggest, lets the chair decide, and holds approval while suggestions remain', async () => {
    const writer = await connect(member);
    suggest(writer.doc, [{ text: '審議中も残る提案。', kind: 'ins', id: 'r1', author: member.user.id }]);
    await stored(['r1']);
    const revision = (await staff.request('POST', `/api/plans/${plan.id}/revisions`, { name: '提案のみの審議', stage: '素案' })).body.revision;

    const opened = await chair.request('POST', `/api/revisions/${revision.id}/review`, { suggestionsOnly: true, requireSuggestionsDecided: true });
    expect(opened.status).toBe(200);
    expect(opened.body.revision).toMatchObject({ suggestionsOnly: true, requireSuggestionsDecided: true });
    await waitFor(() => writer.closes.some((c) => c.code === CLOSE_CODES.accessChanged), 'the editor to be told to reconnect');

    // Back with suggest access: the plan and the collab token say so, and a plain edit does not land.
    expect((await member.request('GET', `/api/plans/${plan.id}`)).body.plan.suggestions).toEqual({ mayDecide: true, mustSuggest: true, deciders: 'editors', invitedToSuggest: false });
    expect((await member.collabToken(plan.id)).capability).toBe('suggest');
    const again = await connect(member);
    appendParagraph(again.doc, 'ロック中の直接編集。');
    await new Promise((r) => setTimeout(r, 300));
    const probe = await connect(chair);
    expect(plainText(probe.doc)).not.toContain('ロック中の直接編集。');

    // Nor does the draft move through the API: an import and a settings change wait for the review.
    const imported = await member.request('POST', `/api/plans/${plan.id}/import/apply`, { source: { kind: 'text', text: '施策\tロック中の取込' } });
    expect([imported.status, imported.body.error?.code]).toEqual([409, 'draft_locked']);
    const settings = await chair.request('PATCH', `/api/plans/${plan.id}/settings`, { schemeName: 'ロック中の体系' });
    expect([settings.status, settings.body.error?.code]).toEqual([409, 'draft_locked']);

    // The frozen revision still holds r1: approval waits, whatever the draft does meanwhile.
    const approve = await chair.request('POST', `/api/revisions/${revision.id}/decision`, { decision: 'approve', hash: revision.hash });
    expect(approve.status).toBe(409);
    expect(approve.body.error.code).toBe('suggestions_pending');

    // The chair decides in the meeting, through the API, while the lock holds.
    expect((await decide(chair, 'accept', ['r1'])).status).toBe(200);
    await waitFor(() => plainText(probe.doc).includes('審議中も残る提案。') && pending(probe.doc).length === 0, 'the decision during the lock');

    expect((await chair.request('POST', `/api/revisions/${revision.id}/withdraw`)).status).toBe(200);
    await waitFor(() => again.closes.some((c) => c.code === CLOSE_CODES.accessChanged), 'the editor to be told the lock ended');
    expect((await member.request('GET', `/api/plans/${plan.id}`)).body.plan.suggestions.mustSuggest).toBe(false);
    expect((await member.collabToken(plan.id)).capability).toBe('edit');
  });

  it('approves once the frozen revision holds no suggestion', async () => {
    const revision = (await staff.request('POST', `/api/plans/${plan.id}/revisions`, { name: '決め終えた版', stage: '素案' })).body.revision;
    expect((await chair.request('POST', `/api/revisions/${revision.id}/review`, { requireSuggestionsDecided: true })).status).toBe(200);
    const approve = await chair.request('POST', `/api/revisions/${revision.id}/decision`, { decision: 'approve', hash: revision.hash });
    expect(approve.status).toBe(200);
    expect(approve.body.revision).toMatchObject({ suggestionsOnly: false, requireSuggestionsDecided: true, review: { status: 'approved' } });
  });

  it("takes staff's proposed new paragraph and bold over a suggest-only socket, makes them real on acceptance, and records them", async () => {
    const writer = await connect(staff);
    const watcher = await connect(chair);
    appendParagraph(watcher.doc, '段落を分ける提案の対象です');
    await waitFor(() => plainText(writer.doc).includes('段落を分ける提案の対象です'), 'the paragraph to reach staff');
    // Staff's change in 提案, made by the editor's transform and written by the binding: Enter
    // after 「段落を分ける」 and typing, and 太字 on 「対象」.
    const id = `${staff.user.id}:blocks`;
    const doc = proseSchema().nodeFromJSON(proseJsonOf(writer.doc.getXmlFragment('body')).prose);
    const state = EditorState.create({ doc });
    let start = 0;
    doc.descendants((node, pos) => {
      if (node.isTextblock && node.textContent === '段落を分ける提案の対象です') start = pos + 1;
      return !node.isTextblock;
    });
    const tr: Transaction = state.tr.split(start + 6).insertText('新しい段落', start + 8);
    const at = Date.now();
    const suggested = suggestTransaction(state, tr, { id, author: staff.user.id, at })!;
    const bolded = suggestTransaction(
      state.apply(suggested),
      state.apply(suggested).tr.addMark(start + 15, start + 17, proseSchema().marks.bold!.create()),
      { id: `${id}-b`, author: staff.user.id, at },
    )!;
    writeProse(writer.doc, state.apply(suggested).apply(bolded).doc, null);
    await stored([id, `${id}-b`]);
    expect(writer.closes).toEqual([]);

    const accepted = await decide(chair, 'accept', [id, `${id}-b`]);
    expect(accepted.status).toBe(200);
    expect(accepted.body.decided).toEqual([
      expect.objectContaining({ suggestionId: id, inserted: '\n新しい段落', structure: [{ op: 'split', block: 'paragraph', level: 0 }], formats: [] }),
      expect.objectContaining({ suggestionId: `${id}-b`, inserted: '', deleted: '', formats: [{ mark: 'bold', action: 'add', text: '対象' }] }),
    ]);
    await waitFor(() => pending(watcher.doc).length === 0, 'the acceptance to reach the chair');
    const after = proseSchema().nodeFromJSON(proseJsonOf(watcher.doc.getXmlFragment('body')).prose);
    const texts: string[] = [];
    after.forEach((block) => texts.push(block.textContent));
    expect(texts.slice(-2)).toEqual(['段落を分ける', '新しい段落提案の対象です']);
    expect(after.lastChild!.child(1)).toMatchObject({ text: '対象', marks: [expect.objectContaining({ type: expect.objectContaining({ name: 'bold' }) })] });
    const history = await chair.request('GET', `/api/plans/${plan.id}/suggestions/decisions`);
    expect(history.body.decisions.find((d: { suggestionId: string }) => d.suggestionId === `${id}-b`)).toMatchObject({ formats: [{ mark: 'bold', action: 'add', text: '対象' }] });
  });

  it('notices on its sweep a lock that another process opened (no event reaches this one)', async () => {
    const writer = await connect(member);
    const revision = (await staff.request('POST', `/api/plans/${plan.id}/revisions`, { name: '別の手で開いた審議', stage: '素案' })).body.revision;
    const db = new Database(path.join(server.dataDir, DATABASE_FILE));
    const setReview = db.prepare('UPDATE revisions SET review = ?, suggestions_only = 1 WHERE id = ?');
    try {
      setReview.run(JSON.stringify({ status: 'in_review', openedBy: staff.user.id }), revision.id);
      await waitFor(() => writer.closes.some((c) => c.code === CLOSE_CODES.accessChanged), 'the sweep to send the editor back');
    } finally {
      setReview.run(JSON.stringify({ status: 'withdrawn', openedBy: staff.user.id, withdrawnBy: staff.user.id }), revision.id);
      db.close();
    }
  });
});
