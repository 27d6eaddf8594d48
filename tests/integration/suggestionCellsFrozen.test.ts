import type { PlanSummary, Revision } from '@sakutei/shared';
import { type FieldTarget, type KpiRecord, formatMeasured, num, suggestFieldValue } from '@sakutei/shared/measures';
import { beforeAll, describe, expect, it } from 'vitest';
import { openOfficeStrict } from '../../server/src/services/export/testing/officeStrict';
import { kpiWithTarget, storedCellSuggestions } from '../support/cellSuggestions';
import { type Signed, demoPlan } from '../support/demoPlan';

/*
 * A frozen revision keeps the measure table's pending cell proposals, through the real routes
 * of a real server: staff propose a new KPI target over their suggest-only socket, a revision
 * frozen meanwhile holds the proposal, an approval that requires every suggestion decided is
 * refused until a revision without it is frozen, and the revision's print page and Word file
 * list it under 表の変更提案 only when suggestions are asked for.
 */

const demo = demoPlan(['member', 'staff', 'chair']);
let plan: PlanSummary;
let member: Signed, staff: Signed, chair: Signed;
beforeAll(() => {
  ({ plan, users: [member, staff, chair] } = demo);
});
const AT = Date.UTC(2026, 0, 5, 1, 0);
const stored = (ids: string[]) => storedCellSuggestions(demo, chair, ids);

const download = (url: string) => demo.download(member, url);
const freeze = async (name: string) => (await staff.request('POST', `/api/plans/${plan.id}/revisions`, { name, stage: '素案' })).body.revision as Revision;
const approve = (revision: Revision) => chair.request('POST', `/api/revisions/${revision.id}/decision`, { decision: 'approve', hash: revision.hash });

describe('a frozen revision and the table’s pending cell proposals', () => {
  it('keeps them, lists them when asked, and holds approval until they are decided', async () => {
    const writer = await demo.connect(staff);
    const kpi = kpiWithTarget(writer.doc);
    const target: FieldTarget = { kind: 'kpiFigure', id: kpi.id, field: 'targetValue' };
    const was = kpi.target.value.value;
    const proposalId = `${staff.user.id}:frozen-target`;
    expect(suggestFieldValue(writer.doc, { id: proposalId, author: staff.user.id, at: AT }, target, num(was - 7))).toBe(true);
    await stored([proposalId]);

    // Frozen while pending: the revision holds the proposal beside an unchanged table.
    const held = await freeze('提案を含む版');
    const content = (await member.request('GET', `/api/revisions/${held.id}`)).body;
    expect(content.snapshot.cellSuggestions).toEqual([{ id: proposalId, author: staff.user.id, at: AT, target, value: num(was - 7), was: num(was) }]);
    expect(content.snapshot.measures.kpis.find((k: KpiRecord) => k.id === kpi.id).target.value).toEqual(num(was));

    // The print page and the Word file list it with suggestions, and not without.
    const change = `${formatMeasured(num(was), kpi.unit)} → ${formatMeasured(num(was - 7), kpi.unit)}`;
    const marked = (await download(`/api/revisions/${held.id}/export?format=html&suggestions=markup`)).bytes.toString('utf8');
    expect(marked).toContain('<h2>表の変更提案</h2>');
    expect(marked).toContain(change);
    expect(marked).toContain(staff.user.name);
    for (const query of ['', '&suggestions=clean']) {
      const page = (await download(`/api/revisions/${held.id}/export?format=html${query}`)).bytes.toString('utf8');
      expect(page).not.toContain('表の変更提案');
      expect(page).not.toContain(change);
    }
    const docx = await download(`/api/revisions/${held.id}/export?format=docx&suggestions=markup`);
    const xml = openOfficeStrict(docx.bytes).get('word/document.xml')!;
    expect(xml).toContain('表の変更提案');
    expect(xml).toContain(change);
    expect(docx.res.headers.get('content-disposition')).toContain('markup');
    const cleanXml = openOfficeStrict((await download(`/api/revisions/${held.id}/export?format=docx`)).bytes).get('word/document.xml')!;
    expect(cleanXml).not.toContain('表の変更提案');

    // Approval that requires every suggestion decided waits, and says the table holds it.
    expect((await chair.request('POST', `/api/revisions/${held.id}/review`, { requireSuggestionsDecided: true })).status).toBe(200);
    const refused = await approve(held);
    expect([refused.status, refused.body.error.code]).toEqual([409, 'suggestions_pending']);
    expect(refused.body.error.message).toContain('measure table');
    expect(refused.body.error.message).not.toContain('prose');
    expect((await chair.request('POST', `/api/revisions/${held.id}/withdraw`)).status).toBe(200);

    // Decided on the draft; a revision frozen then holds none and is approved.
    expect((await chair.request('POST', `/api/plans/${plan.id}/suggestions/decisions`, { decision: 'reject', ids: [proposalId] })).status).toBe(200);
    await stored([]);
    const decided = await freeze('決定後の版');
    expect((await member.request('GET', `/api/revisions/${decided.id}`)).body.snapshot).not.toHaveProperty('cellSuggestions');
    expect((await chair.request('POST', `/api/revisions/${decided.id}/review`, { requireSuggestionsDecided: true })).status).toBe(200);
    const approved = await approve(decided);
    expect(approved.status).toBe(200);
    expect(approved.body.revision.review.status).toBe('approved');
  });
});
