import fs from 'node:fs';
import type { PlanSummary } from '@sakutei/shared';
import { PLAN_SCOPE, buildAnnualReport, deriveTable, readEvaluations, readMeasureTable, setEvaluation, type MeasureTable } from '@sakutei/shared/measures';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unzip } from '../../server/src/services/export/testing/unzip';
import { type CollabClient, connectCollab, waitFor } from '../support/collab';
import { signedIn } from '../support/http';
import { type TestServer, startServer, tempDataDir } from '../support/server';

/*
 * The annual progress report (進捗状況報告) through the real routes of a real server on the
 * demo plan: a member types the 評価・課題 into the live document, the report of the draft
 * carries it in both formats, a frozen revision keeps what was typed when it was frozen, and
 * the routes refuse observers on the draft and years that are not years.
 */

type Signed = Awaited<ReturnType<typeof signedIn>>;
const dataDir = tempDataDir();
let server: TestServer;
let plan: PlanSummary;
let member: Signed, staff: Signed, observer: Signed;
let draft: CollabClient;
const YEAR = 2023;

beforeAll(async () => {
  server = await startServer({ dataDir });
  [member, staff, observer] = (await Promise.all(['member', 'staff', 'observer'].map((who) => signedIn(server.url, `${who}@example.jp`)))) as [Signed, Signed, Signed];
  [plan] = (await member.plans()) as [PlanSummary];
  draft = connectCollab(server.wsUrl, plan.docName, { cookie: member.cookie });
  await draft.synced;
});
afterAll(async () => {
  draft?.destroy();
  await server.stop('SIGKILL');
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const get = (api: Signed, url: string) => fetch(`${server.url}${url}`, { headers: { cookie: api.cookie } });

async function download(api: Signed, url: string) {
  const res = await get(api, url);
  expect(res.status).toBe(200);
  const bytes = Buffer.from(await res.arrayBuffer());
  if (process.env['EXPORT_SAMPLES']) fs.writeFileSync(`${process.env['EXPORT_SAMPLES']}/report-${url.replace(/[^a-z0-9=]+/gi, '_').slice(-50)}`, bytes);
  return { res, bytes };
}

const xmlText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function firstTopRow(table: MeasureTable) {
  return deriveTable(table).rows.find((row) => row.depth === 0 && row.node.kind === 'measure')!;
}

describe('the annual report of the live draft', () => {
  const evaluation = '創業支援は概ね順調。事業承継の相談体制に課題が残る。';
  const overall = '全体として計画どおり進捗している。';

  beforeAll(async () => {
    const top = firstTopRow(readMeasureTable(draft.doc));
    setEvaluation(draft.doc, YEAR, top.node.id, evaluation);
    setEvaluation(draft.doc, YEAR, PLAN_SCOPE, overall);
    await waitFor(async () => (await (await get(member, `/api/plans/${plan.id}/report?fiscalYear=${YEAR}&format=html`)).text()).includes(evaluation), 'the evaluation to reach the draft');
  });

  it('as DOCX: a Word file with the plan title, the year, the evaluations and each KPI with its grade', async () => {
    const { res, bytes } = await download(member, `/api/plans/${plan.id}/report?fiscalYear=${YEAR}&format=docx`);
    expect(res.headers.get('content-type')).toContain('wordprocessingml');
    expect(res.headers.get('content-disposition')).toContain('progress-report-2023.docx');
    const files = unzip(bytes);
    const xml = files.get('word/document.xml')!;
    expect(xml).toContain(xmlText(plan.title));
    expect(xml).toContain('進捗状況報告（令和5年度）');
    expect(xml).toContain(evaluation);
    expect(xml).toContain(overall);
    // Every KPI graded as the shared model grades it: the grade and its label in one cell.
    const report = buildAnnualReport((await member.request('GET', `/api/plans/${plan.id}/measures`)).body.table, {}, YEAR);
    const kpis = report.sections.flatMap(function all(section): typeof section.kpis {
      return [...section.kpis, ...section.projects.flatMap((p) => p.kpis), ...section.children.flatMap(all)];
    });
    expect(kpis.length).toBeGreaterThan(3);
    const graded = kpis.find((kpi) => kpi.grade !== '—')!;
    expect(graded).toBeDefined();
    expect(xml).toContain(xmlText(graded.name));
    expect(xml).toMatch(new RegExp(`<w:t[^>]*>${graded.grade}</w:t>[\\s\\S]{0,400}?<w:t[^>]*>${graded.gradeLabel}</w:t>`));
    expect(xml).toContain(`${graded.mark} ${xmlText(graded.name)}の推移`);
    // A4 portrait throughout, top-level measures on pages of their own.
    expect([...xml.matchAll(/<w:pgSz w:w="(\d+)" w:h="(\d+)"/g)].map((m) => `${m[1]}x${m[2]}`)).toEqual(['11906x16838']);
    expect(xml).toContain('<w:pageBreakBefore/>');
  });

  it('as a page to print: A4, the evaluation text, a chart per KPI', async () => {
    const { res, bytes } = await download(member, `/api/plans/${plan.id}/report?fiscalYear=${YEAR}&format=html`);
    expect(res.headers.get('content-type')).toContain('text/html');
    const html = bytes.toString('utf8');
    expect(html).toContain('@page{size:A4 portrait');
    expect(html).toContain('.report-part{break-before:page}');
    expect(html).toContain(evaluation);
    expect(html).toContain(overall);
    expect(html).toMatch(/<svg [^>]*role="img" aria-label="[^"]+の推移：/);
    expect(html).toContain('<th scope="col">実施状況</th>');
  });

  it('is not for observers, who read revisions', async () => {
    for (const format of ['html', 'docx']) {
      const res = await get(observer, `/api/plans/${plan.id}/report?fiscalYear=${YEAR}&format=${format}`);
      expect(res.status).toBe(403);
      expect((await res.json()).error.code).toBe('forbidden');
    }
  });

  it('refuses a fiscal year that is not one, and an unknown format', async () => {
    for (const query of ['fiscalYear=abc&format=html', 'fiscalYear=1700&format=html', 'fiscalYear=2025.5&format=html', 'format=html', 'fiscalYear=2025&format=pdf']) {
      const res = await get(member, `/api/plans/${plan.id}/report?${query}`);
      expect(res.status, query).toBe(400);
      expect((await res.json()).error.code).toBe('invalid_request');
    }
  });
});

describe('the annual report of a frozen revision', () => {
  it('reads the 評価・課題 frozen with it, not what was typed since', async () => {
    const top = firstTopRow(readMeasureTable(draft.doc));
    const frozenText = '凍結時点の評価：販路開拓は計画どおり。';
    setEvaluation(draft.doc, YEAR, top.node.id, frozenText);
    await waitFor(async () => (await (await get(member, `/api/plans/${plan.id}/report?fiscalYear=${YEAR}&format=html`)).text()).includes(frozenText), 'the evaluation to reach the draft');

    const frozen = await staff.request('POST', `/api/plans/${plan.id}/revisions`, { name: '進捗状況報告（案）', stage: '素案' });
    expect(frozen.status).toBe(201);
    const revisionId = frozen.body.revision.id as string;
    const content = await member.request('GET', `/api/revisions/${revisionId}`);
    expect(content.body.snapshot.evaluations[`${YEAR}|${top.node.id}`]).toBe(frozenText);

    const later = 'その後の書き換え';
    setEvaluation(draft.doc, YEAR, top.node.id, later);
    await waitFor(async () => (await (await get(member, `/api/plans/${plan.id}/report?fiscalYear=${YEAR}&format=html`)).text()).includes(later), 'the rewrite to reach the draft');

    const html = (await download(member, `/api/revisions/${revisionId}/report?fiscalYear=${YEAR}&format=html`)).bytes.toString('utf8');
    expect(html).toContain(frozenText);
    expect(html).not.toContain(later);
    expect(html).toContain('第');
    const xml = unzip((await download(member, `/api/revisions/${revisionId}/report?fiscalYear=${YEAR}&format=docx`)).bytes).get('word/document.xml')!;
    expect(xml).toContain(frozenText);
    expect(xml).toContain(`SHA-256 ${frozen.body.revision.hash}`);
    // Restoring the revision brings its 評価・課題 back into the draft.
    expect((await member.request('POST', `/api/revisions/${revisionId}/restore`)).status).toBe(200);
    await waitFor(async () => readEvaluations(draft.doc)[`${YEAR}|${top.node.id}`] === frozenText, 'the restored evaluation in the draft');
    // Not approved yet: an observer does not see it at all.
    expect((await get(observer, `/api/revisions/${revisionId}/report?fiscalYear=${YEAR}&format=html`)).status).toBe(404);
    expect((await get(member, `/api/revisions/${revisionId}/report?fiscalYear=x&format=html`)).status).toBe(400);
  });

  it('of the approved revision is open to observers', async () => {
    const revisions = (await observer.request('GET', `/api/plans/${plan.id}/revisions`)).body.revisions as Array<{ id: string; review: { status: string } }>;
    const approved = revisions.find((revision) => revision.review.status === 'approved')!;
    const { bytes } = await download(observer, `/api/revisions/${approved.id}/report?fiscalYear=${YEAR}&format=docx`);
    expect(unzip(bytes).get('word/document.xml')).toContain('進捗状況報告');
  });
});
