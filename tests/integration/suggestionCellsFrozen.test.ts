import fs from 'node:fs';
import type { PlanSummary, Revision } from '@sakutei/shared';
import { type FieldTarget, type KpiRecord, formatMeasured, listFieldSuggestions, measureMaps, num, readKpiRecord, suggestFieldValue } from '@sakutei/shared/measures';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { openOfficeStrict } from '../../server/src/services/export/testing/officeStrict';
import { type CollabClient, connectCollab, waitFor } from '../support/collab';
import { signedIn } from '../support/http';
import { type TestServer, startServer, tempDataDir } from '../support/server';

/*
 * A frozen revision keeps the measure table's pending cell proposals, through the real routes
 * of a real server: staff propose a new KPI target over their suggest-only socket, a revision
 * frozen meanwhile holds the proposal, an approval that requires every suggestion decided is
 * refused until a revision without it is frozen, and the revision's print page and Word file
 * list it under 表の変更提案 only when suggestions are asked for.
 */

type Signed = Awaited<ReturnType<typeof signedIn>>;
const dataDir = tempDataDir();
let server: TestServer;
let plan: PlanSummary;
let staff: Signed, member: Signed, chair: Signed;
const clients: CollabClient[] = [];
const AT = Date.UTC(2026, 0, 5, 1, 0);

beforeAll(async () => {
  server = await startServer({ dataDir });
  [staff, member, chair] = (await Promise.all(['staff', 'member', 'chair'].map((who) => signedIn(server.url, `${who}@example.jp`)))) as [Signed, Signed, Signed];
  [plan] = (await member.plans()) as [PlanSummary];
});
afterAll(async () => {
  for (const client of clients) client.destroy();
  await server.stop('SIGKILL');
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function connect(who: Signed): Promise<CollabClient> {
  const client = connectCollab(server.wsUrl, plan.docName, { cookie: who.cookie });
  clients.push(client);
  await client.synced;
  return client;
}

function kpiWithTarget(doc: Y.Doc): KpiRecord & { target: { value: { kind: 'number'; value: number } } } {
  for (const id of measureMaps(doc).kpis.keys()) {
    const kpi = readKpiRecord(doc, id);
    if (kpi && kpi.unit !== '' && kpi.target.value.kind === 'number') return kpi as ReturnType<typeof kpiWithTarget>;
  }
  throw new Error('the demo plan has no KPI with a numeric target');
}

/** Waits until a fresh connection (the server's copy) has exactly these cell suggestions. */
async function stored(ids: string[]): Promise<void> {
  await waitFor(async () => {
    const probe = connectCollab(server.wsUrl, plan.docName, { cookie: chair.cookie });
    await probe.synced;
    const found = listFieldSuggestions(probe.doc).map((s) => s.id);
    probe.destroy();
    return found.length === ids.length && ids.every((id) => found.includes(id));
  }, `cell suggestions [${ids.join(', ')}] on the server`);
}

const download = async (url: string) => {
  const res = await fetch(`${server.url}${url}`, { headers: { cookie: member.cookie } });
  expect(res.status).toBe(200);
  return { res, bytes: Buffer.from(await res.arrayBuffer()) };
};
const freeze = async (name: string) => (await staff.request('POST', `/api/plans/${plan.id}/revisions`, { name, stage: '素案' })).body.revision as Revision;
const approve = (revision: Revision) => chair.request('POST', `/api/revisions/${revision.id}/decision`, { decision: 'approve', hash: revision.hash });

describe('a frozen revision and the table’s pending cell proposals', () => {
  it('keeps them, lists them when asked, and holds approval until they are decided', async () => {
    const writer = await connect(staff);
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
