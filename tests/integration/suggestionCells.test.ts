import path from 'node:path';
import type { PlanSummary } from '@sakutei/shared';
import { listSuggestions, proseSchema } from '@sakutei/shared/editor';
import {
  type FieldTarget,
  formatMeasured,
  listFieldSuggestions,
  num,
  readKpiRecord,
  suggestFieldValue,
  updateKpi,
  withdrawFieldSuggestion,
} from '@sakutei/shared/measures';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type * as Y from 'yjs';
import { proseJsonOf } from '../../server/src/services/proseJson';
import { writeProse } from '../../server/src/services/proseWrite';
import { DATABASE_FILE } from '../../server/src/storage/sqlite/database';
import { kpiWithTarget, storedCellSuggestions } from '../support/cellSuggestions';
import { waitFor } from '../support/collab';
import { type Signed, demoPlan } from '../support/demoPlan';

/**
 * Suggestions in the measure table (見え消し for cells) end to end: proposals written by the
 * shared model into real clients' documents, over a real websocket (staff's connection is
 * suggest-only, so the server's guard judges each), and decided through the same API as prose
 * suggestions.
 */

const demo = demoPlan(['member', 'staff', 'chair']);
let plan: PlanSummary;
let member: Signed, staff: Signed, chair: Signed;
beforeAll(() => {
  ({ plan, users: [member, staff, chair] } = demo);
});
const connect = (who: Signed) => demo.connect(who);
/** A staff proposal's id: ids name their author (the suggest-only guard checks). */
const cs = (id: string) => `${staff.user.id}:${id}`;
const AT = Date.UTC(2026, 0, 5, 1, 0);

const targetOf = (doc: Y.Doc, id: string) => readKpiRecord(doc, id)!.target.value;
const pendingIds = (doc: Y.Doc) => listFieldSuggestions(doc).map((s) => s.id);
const decide = (who: Signed, decision: 'accept' | 'reject', ids: string[]) =>
  who.request('POST', `/api/plans/${plan.id}/suggestions/decisions`, { decision, ids });

const stored = (ids: string[]) => storedCellSuggestions(demo, chair, ids);

describe('cell suggestions', () => {
  it('staff and a member propose competing targets; the chair accepts one and every live client has the new target', async () => {
    const [fromStaff, fromMember, atChair] = [await connect(staff), await connect(member), await connect(chair)];
    const kpi = kpiWithTarget(fromStaff.doc);
    const target: FieldTarget = { kind: 'kpiFigure', id: kpi.id, field: 'targetValue' };
    const was = kpi.target.value.value;
    const [staffValue, memberValue] = [num(was - 10), num(was - 5)];

    // Staff's connection is suggest-only: its proposal passes the guard and reaches an editor.
    expect(suggestFieldValue(fromStaff.doc, { id: cs('cs1'), author: staff.user.id, at: AT }, target, staffValue)).toBe(true);
    await waitFor(() => pendingIds(fromMember.doc).includes(cs('cs1')), "staff's proposal to reach the member");
    expect(suggestFieldValue(fromMember.doc, { id: 'cm1', author: member.user.id, at: AT + 1000 }, target, memberValue)).toBe(true);
    await waitFor(() => pendingIds(atChair.doc).length === 2, 'both proposals to reach the chair');
    expect(listFieldSuggestions(atChair.doc).map((s) => [s.id, s.author, s.conflictsWith])).toEqual([
      [cs('cs1'), staff.user.id, ['cm1']],
      ['cm1', member.user.id, [cs('cs1')]],
    ]);
    // Nothing in the table moved while they were pending.
    expect(targetOf(atChair.doc, kpi.id)).toEqual(num(was));

    // Staff suggest but do not decide.
    expect((await decide(staff, 'accept', [cs('cs1')])).status).toBe(403);

    const accepted = await decide(chair, 'accept', [cs('cs1')]);
    expect(accepted.status).toBe(200);
    const [proposed, replaced] = [formatMeasured(staffValue, kpi.unit), formatMeasured(num(was), kpi.unit)];
    expect(proposed).toContain(kpi.unit);
    expect(accepted.body).toEqual({
      decided: [expect.objectContaining({ suggestionId: cs('cs1'), decision: 'accept', inserted: proposed, deleted: replaced, author: { id: staff.user.id, name: staff.user.name }, conflictOf: null })],
      resolved: [expect.objectContaining({ suggestionId: 'cm1', decision: 'reject', inserted: formatMeasured(memberValue, kpi.unit), conflictOf: cs('cs1') })],
      missing: [],
    });
    for (const client of [fromStaff, fromMember, atChair]) {
      await waitFor(() => JSON.stringify(targetOf(client.doc, kpi.id)) === JSON.stringify(staffValue), 'the new target to reach every client');
      expect(pendingIds(client.doc)).toEqual([]);
    }
    await stored([]);
    // Decided already: reported, not an error.
    expect((await decide(chair, 'reject', [cs('cs1')])).body).toEqual({ decided: [], resolved: [], missing: [cs('cs1')] });

    // The record: rows in the history and audit entries naming the cell.
    const history = (await member.request('GET', `/api/plans/${plan.id}/suggestions/decisions`)).body.decisions as Array<Record<string, unknown>>;
    expect(history.map((d) => `${d['suggestionId']}:${d['decision']}`)).toEqual(['cm1:reject', `${cs('cs1')}:accept`]);
    const audit = (await chair.request('GET', `/api/plans/${plan.id}/audit`)).body.entries as Array<{ kind: string; details: Record<string, unknown> }>;
    const entries = audit.filter((e) => e.kind.startsWith('suggestion.'));
    expect(entries.map((e) => [e.kind, e.details['suggestionId']])).toEqual([
      ['suggestion.rejected', 'cm1'],
      ['suggestion.accepted', cs('cs1')],
    ]);
    expect(entries[1]!.details).toMatchObject({ authorId: staff.user.id, inserted: proposed, deleted: replaced, cell: target, cellName: kpi.name });
    expect(entries[0]!.details).toMatchObject({ conflictOf: cs('cs1'), cell: target });
  });

  it('a rejected proposal leaves the cell as it was', async () => {
    const [fromStaff, atMember] = [await connect(staff), await connect(member)];
    const kpi = kpiWithTarget(fromStaff.doc);
    const target: FieldTarget = { kind: 'kpiText', id: kpi.id, field: 'name' };
    expect(suggestFieldValue(fromStaff.doc, { id: cs('cs2'), author: staff.user.id, at: AT }, target, `${kpi.name}（改）`)).toBe(true);
    await waitFor(() => pendingIds(atMember.doc).includes(cs('cs2')), "staff's proposal to reach the member");
    const rejected = await decide(member, 'reject', [cs('cs2')]);
    expect(rejected.body).toMatchObject({ decided: [{ suggestionId: cs('cs2'), decision: 'reject', inserted: `${kpi.name}（改）`, deleted: kpi.name }], resolved: [], missing: [] });
    await waitFor(() => pendingIds(atMember.doc).length === 0, 'the rejection to reach the member');
    expect(readKpiRecord(atMember.doc, kpi.id)!.name).toBe(kpi.name);
    await stored([]);
  });

  it("refuses staff's write to the table itself and their withdrawal of someone else's proposal", async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      const atMember = await connect(member);
      const kpi = kpiWithTarget(atMember.doc);
      const target: FieldTarget = { kind: 'kpiFigure', id: kpi.id, field: 'baselineValue' };
      expect(suggestFieldValue(atMember.doc, { id: 'cm2', author: member.user.id, at: AT }, target, num(1))).toBe(true);
      await stored(['cm2']);

      // A refused update stays in its sender's document, so each attempt gets a connection of its own.
      const writer = await connect(staff);
      updateKpi(writer.doc, kpi.id, { unit: '件' });
      const withdrawer = await connect(staff);
      withdrawFieldSuggestion(withdrawer.doc, 'cm2');
      await waitFor(() => warn.mock.calls.filter((c) => String(c[0]).includes('suggest-only')).length >= 2, 'both refusals to reach staff');

      const probe = await connect(chair);
      expect(readKpiRecord(probe.doc, kpi.id)!.unit).toBe(kpi.unit);
      expect(pendingIds(probe.doc)).toEqual(['cm2']);
      expect(readKpiRecord(atMember.doc, kpi.id)!.unit).toBe(kpi.unit);

      // The member takes their own back (editors are not judged; the suggest-only rule would allow it too).
      withdrawFieldSuggestion(atMember.doc, 'cm2');
      await stored([]);
    } finally {
      warn.mockRestore();
    }
  });

  it('decides prose and cell suggestions of one request as one update, and takes both back when the decision cannot be recorded', async () => {
    const [writer, watcher] = [await connect(member), await connect(chair)];
    const kpi = kpiWithTarget(writer.doc);
    const target: FieldTarget = { kind: 'kpiFigure', id: kpi.id, field: 'targetValue' };
    const before = targetOf(writer.doc, kpi.id);
    expect(suggestFieldValue(writer.doc, { id: 'cm3', author: member.user.id, at: AT }, target, num(12345))).toBe(true);
    // A prose suggestion beside it, written as the editor writes it.
    const { prose } = proseJsonOf(writer.doc.getXmlFragment('body'));
    prose.content!.push({ type: 'paragraph', content: [{ type: 'text', text: '目標を改める。', marks: [{ type: 'suggestionInsert', attrs: { id: 'p3', author: member.user.id, at: AT } }] }] });
    writeProse(writer.doc, proseSchema().nodeFromJSON(prose), null);
    const proseIds = (doc: Y.Doc) => listSuggestions(proseSchema().nodeFromJSON(proseJsonOf(doc.getXmlFragment('body')).prose)).map((s) => s.id);
    await waitFor(() => pendingIds(watcher.doc).includes('cm3') && proseIds(watcher.doc).includes('p3'), 'both suggestions to reach the chair');

    // No decision without its record: the audit entry is refused, and the draft is as it was.
    const db = new Database(path.join(demo.server.dataDir, DATABASE_FILE));
    db.exec("CREATE TRIGGER test_refuse_audit BEFORE INSERT ON audit_log BEGIN SELECT RAISE(ABORT, 'no record today'); END");
    try {
      expect((await decide(chair, 'accept', ['cm3', 'p3'])).status).toBe(500);
    } finally {
      db.exec('DROP TRIGGER test_refuse_audit');
      db.close();
    }
    await stored(['cm3']);
    // The decision went out and was taken back: the chair's editor reads both as pending again.
    await waitFor(
      () => pendingIds(watcher.doc).includes('cm3') && proseIds(watcher.doc).includes('p3') && JSON.stringify(targetOf(watcher.doc, kpi.id)) === JSON.stringify(before),
      'the decision to be taken back at the chair',
    );

    const updates: unknown[] = [];
    const count = (_: Uint8Array, origin: unknown) => origin === watcher.provider && updates.push(origin);
    watcher.doc.on('update', count);
    const accepted = await decide(chair, 'accept', ['cm3', 'p3', 'gone']);
    expect(accepted.body.decided.map((d: { suggestionId: string }) => d.suggestionId).sort()).toEqual(['cm3', 'p3']);
    expect(accepted.body.missing).toEqual(['gone']);
    await waitFor(() => JSON.stringify(targetOf(watcher.doc, kpi.id)) === JSON.stringify(num(12345)) && !proseIds(watcher.doc).includes('p3'), 'the decision to reach the chair');
    watcher.doc.off('update', count);
    expect(updates).toHaveLength(1);
    expect(pendingIds(watcher.doc)).toEqual([]);
  });
});
