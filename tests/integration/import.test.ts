import fs from 'node:fs';
import type { PlanSummary } from '@sakutei/shared';
import { deriveTable, type DerivedTable, type MeasureTable } from '@sakutei/shared/measures';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeSheet } from '../../server/src/services/spreadsheet';
import { type ApiClient, signedIn } from '../support/http';
import { type TestServer, startServer, tempDataDir } from '../support/server';

/*
 * The measure-table import through the API, on a real server: a table with another city's
 * header words (施策名 / 取組内容 / 所管課 / 方向性) as TSV and as an XLSX file, previewed,
 * re-mapped, applied as one change into the live document, remembered for the next import,
 * and undone. Each test works on a blank plan of its own, so the demo plan stays as it is.
 */

const dataDir = tempDataDir();
let server: TestServer;
let demo: PlanSummary;
let member: ApiClient, staff: ApiClient, observer: ApiClient;

beforeAll(async () => {
  server = await startServer({ dataDir });
  [member, staff, observer] = await Promise.all([
    signedIn(server.url, 'member@example.jp'),
    signedIn(server.url, 'staff@example.jp'),
    signedIn(server.url, 'observer@example.jp'),
  ]);
  [demo] = (await member.plans()) as [PlanSummary];
});
afterAll(async () => {
  await server.stop('SIGKILL');
  fs.rmSync(dataDir, { recursive: true, force: true });
});

let planCount = 0;
/** A blank plan with the demo's levels (施策体系 1 → 施策 (1) → 主要な事業 ①), made by staff. */
async function newPlan(): Promise<string> {
  const res = await staff.request('POST', '/api/plans', {
    workspaceId: demo.workspaceId,
    title: `取込み確認 ${++planCount}`,
    period: { from: 2026, to: 2030 },
    source: { kind: 'template', planId: demo.id },
  });
  expect(res.status).toBe(201);
  return res.body.plan.id as string;
}

async function tableOf(planId: string): Promise<{ table: MeasureTable; derived: DerivedTable }> {
  const res = await member.request('GET', `/api/plans/${planId}/measures`);
  expect(res.status).toBe(200);
  return { table: res.body.table, derived: deriveTable(res.body.table) };
}
const outline = (derived: DerivedTable) => derived.rows.map((row) => `${row.path} ${row.title}`);

/** Another city's words; 備考 is a column nothing maps to. */
const FOREIGN = [
  ['番号', '施策名', '取組内容', '所管課', '方向性', '備考'],
  ['1', '観光と産業の連携', '観光資源を産業振興に活かす。', '', '', '重点'],
  ['(1)', '体験型観光の推進', '農業体験などを旅行商品にする。', '', '', ''],
  ['①', '農業体験ツアー事業', 'ツアーの造成を支援する。', '農林課', '新規', '令和8年度から'],
  ['②', 'DX推進による観光案内事業', '多言語の案内を整える。', '観光課', '充実', ''],
  ['(2)', '販路の開拓', '', '', '', ''],
  ['①', 'EC販路開拓支援事業', '通信販売への出店を支援する。', '産業振興課', '継続', ''],
];
const tsv = (rows: string[][]) => rows.map((row) => row.join('\t')).join('\n');
const text = (rows: string[][]) => ({ kind: 'text' as const, text: tsv(rows) });

const preview = (planId: string, body: unknown, api = member) => api.request('POST', `/api/plans/${planId}/import/preview`, body);
const apply = (planId: string, body: unknown, api = member) => api.request('POST', `/api/plans/${planId}/import/apply`, body);

describe('previewing an import', () => {
  it("reads another city's header words, counts levels, statuses and projects, and names the column it leaves out", async () => {
    const planId = await newPlan();
    const res = await preview(planId, { source: text(FOREIGN) });
    expect(res.status).toBe(200);
    const body = res.body;
    expect(body.mode).toBe('table');
    expect(body.headerLine).toBe(1);
    expect(body.mappingFrom).toBe('detected');
    const fields = Object.fromEntries(body.columns.map((c: { header: string; field: string }) => [c.header, c.field]));
    expect(fields).toMatchObject({ 番号: 'number', 施策名: 'name', 取組内容: 'description', 所管課: 'contacts', 方向性: 'status', 備考: 'ignored' });
    expect(body.columns[1].samples).toContain('観光と産業の連携');
    expect(body.unimportedColumns).toEqual([expect.objectContaining({ index: 5, header: '備考', nonEmpty: 2, reason: 'ignored' })]);
    expect(body.rowsPerLevel.map((l: { count: number }) => l.count)).toEqual([1, 2, 3]);
    expect(body.projectCount).toBe(3);
    expect(body.projects).toEqual([
      { name: '農業体験ツアー事業', lines: [4], inPlan: false },
      { name: 'DX推進による観光案内事業', lines: [5], inPlan: false },
      { name: 'EC販路開拓支援事業', lines: [7], inPlan: false },
    ]);
    expect(body.statusCounts).toEqual({ new: 1, enhanced: 1, continued: 1, none: 0 });
    expect(body.rows.map((r: { number: string; title: string }) => `${r.number} ${r.title}`)).toEqual([
      '1 観光と産業の連携',
      '(1) 体験型観光の推進',
      '① 農業体験ツアー事業',
      '② DX推進による観光案内事業',
      '(2) 販路の開拓',
      '① EC販路開拓支援事業',
    ]);
    expect(body.problems).toEqual([]);
    // Nothing was written.
    expect((await tableOf(planId)).table.nodes).toEqual([]);
  });

  it('takes a mapping override by column index', async () => {
    const planId = await newPlan();
    const res = await preview(planId, { source: text(FOREIGN), mapping: { 2: 'ignored', 5: 'description' } });
    expect(res.status).toBe(200);
    const byIndex = res.body.columns.map((c: { field: string; source: string }) => `${c.field}/${c.source}`);
    expect(byIndex[2]).toBe('ignored/user');
    expect(byIndex[5]).toBe('description/user');
    expect(res.body.mappingFrom).toBe('request');
    expect(res.body.unimportedColumns.map((c: { header: string }) => c.header)).toEqual(['取組内容']);
  });

  it('lists refused rows with their line, and refuses a bad parent or body with 400', async () => {
    const planId = await newPlan();
    const res = await preview(planId, { source: text([...FOREIGN, ['(3)', '', '名前のない行', '', '', '']]) });
    expect(res.status).toBe(200);
    expect(res.body.problems).toEqual([expect.objectContaining({ line: 8, code: 'missingName' })]);

    expect((await preview(planId, { source: { kind: 'text' } })).status).toBe(400);
    expect((await preview(planId, { source: text(FOREIGN), mapping: { 2: 'title' } })).status).toBe(400);
    expect((await preview(planId, { source: { kind: 'xlsx', fileName: 'a.xlsx', contentBase64: '!!' } })).status).toBe(400);
    const notXlsx = await preview(planId, { source: { kind: 'xlsx', fileName: 'a.xlsx', contentBase64: Buffer.from('not a workbook').toString('base64') } });
    expect(notXlsx.status).toBe(400);
    expect(notXlsx.body.error.code).toBe('unreadable_spreadsheet');
    const parent = await preview(planId, { source: text(FOREIGN), parent: 'no-such-row' });
    expect(parent.status).toBe(400);
    expect(parent.body.error.code).toBe('invalid_parent');
  });

  it('offers a 再掲 that only resembles an earlier project, and takes the answer', async () => {
    const planId = await newPlan();
    const rows = [
      ...FOREIGN.slice(0, 4),
      ['(2)', '販路の開拓', '', '', '', ''],
      // Copied out of a PDF: a stray space. Matched after normalising.
      ['①', '農業体験 ツアー事業（再掲）', '', '農林課', '新規', ''],
      // Only similar: offered for confirmation, imported as a new project (mark kept) until confirmed.
      ['②', '農業体験ツアー推進事業（再掲）', '', '農林課', '新規', ''],
    ];
    const first = await preview(planId, { source: text(rows) });
    expect(first.status).toBe(200);
    expect(first.body.reprints).toEqual([
      expect.objectContaining({ kind: 'matched', line: 6, name: '農業体験ツアー事業', matchedLine: 4 }),
      expect.objectContaining({ kind: 'suggested', line: 7, candidate: { name: '農業体験ツアー事業', line: 4 } }),
    ]);
    expect(first.body.problems).toEqual([expect.objectContaining({ line: 7, code: 'reprintSuggested' })]);
    expect(first.body.projectCount).toBe(2);

    const confirmed = await preview(planId, { source: text(rows), reprints: [{ line: 7, accept: true }] });
    expect(confirmed.body.reprints[1]).toMatchObject({ kind: 'matched', line: 7, confirmed: true });
    expect(confirmed.body.projectCount).toBe(1);

    expect((await apply(planId, { source: text(rows), reprints: [{ line: 7, accept: true }] })).status).toBe(200);
    const { derived } = await tableOf(planId);
    const placements = derived.rows.filter((row) => row.title === '農業体験ツアー事業');
    expect(placements).toHaveLength(3);
    expect(new Set(placements.map((row) => row.node.projectId)).size).toBe(1);
    expect(placements.slice(1).every((row) => row.reprintOf === placements[0]!.node.id)).toBe(true);
  });

  it('refuses text or a file over 2 MiB with 413', async () => {
    const planId = await newPlan();
    const big = `番号\t施策名\n${'1\t'.padEnd(1000, 'あ')}\n`.repeat(800);
    const res = await preview(planId, { source: { kind: 'text', text: big } });
    expect(res.status).toBe(413);
    const file = await preview(planId, { source: { kind: 'xlsx', fileName: 'big.xlsx', contentBase64: Buffer.alloc(2 * 1024 * 1024 + 10).toString('base64') } });
    expect(file.status).toBe(413);
  });

  it('is for those who edit the plan: staff and observers are refused', async () => {
    const planId = await newPlan();
    expect((await preview(planId, { source: text(FOREIGN) }, staff)).status).toBe(403);
    expect((await preview(planId, { source: text(FOREIGN) }, observer)).status).toBe(403);
    expect((await apply(planId, { source: text(FOREIGN) }, staff)).status).toBe(403);
    expect((await tableOf(planId)).table.nodes).toEqual([]);
  });

  it('is limited per user: preview and apply share 60 requests a minute, then 429 with Retry-After', async () => {
    const planId = await newPlan();
    // The observer's budget (one spent above), so the member's tests keep theirs; each request
    // is refused anyway (400 for the empty body) until the limit answers first.
    let sent = 0;
    let status = 0;
    do {
      status = (await preview(planId, {}, observer)).status;
      sent++;
    } while (status === 400 && sent <= 61);
    expect(status).toBe(429);
    expect(sent).toBeGreaterThanOrEqual(59);
    const over = await apply(planId, { source: text(FOREIGN) }, observer);
    expect(over.status).toBe(429);
    expect(over.body.error.code).toBe('rate_limited');
    expect(Number(over.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await preview(planId, { source: text(FOREIGN) }, staff)).status).toBe(403);
  });
});

describe('applying an import', () => {
  it('applies the preview it was shown: previewHash is stable, and a changed table or plan is refused with 409 preview_stale', async () => {
    const planId = await newPlan();
    const first = await preview(planId, { source: text(FOREIGN) });
    expect((await preview(planId, { source: text(FOREIGN) })).body.previewHash).toBe(first.body.previewHash);
    const changed = FOREIGN.map((row, i) => (i === 3 ? row.map((cell) => (cell === '農業体験ツアー事業' ? '農業体験ツアー推進事業' : cell)) : row));
    const stale = await apply(planId, { source: text(changed), previewHash: first.body.previewHash });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('preview_stale');
    const remapped = await apply(planId, { source: text(FOREIGN), mapping: { 5: 'description' }, previewHash: first.body.previewHash });
    expect(remapped.status).toBe(409);
    expect((await tableOf(planId)).table.nodes).toEqual([]);
    const applied = await apply(planId, { source: text(FOREIGN), previewHash: first.body.previewHash });
    expect(applied.status).toBe(200);
    // The plan now holds these projects: a 再掲 of one places the plan's own project again.
    const again = [FOREIGN[0]!, ['①', '農業体験ツアー事業（再掲）', '', '', '', '']];
    const before = await preview(planId, { source: text(again) });
    expect(before.body.projects).toEqual([{ name: '農業体験ツアー事業', lines: [2], inPlan: true }]);
  });

  it('writes the rows as one change, remembers the mapping, and undoes exactly what it added', async () => {
    const planId = await newPlan();
    const mapping = { 5: 'description', 2: 'ignored' };
    const res = await apply(planId, { source: text(FOREIGN), mapping });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ rows: 6, projects: 3, problems: 0 });
    const { derived, table } = await tableOf(planId);
    expect(outline(derived)).toEqual([
      '1 観光と産業の連携',
      '1(1) 体験型観光の推進',
      '1(1)① 農業体験ツアー事業',
      '1(1)② DX推進による観光案内事業',
      '1(2) 販路の開拓',
      '1(2)① EC販路開拓支援事業',
    ]);
    // 備考 went into 内容 and 取組内容 was left out, as mapped.
    expect(derived.rows[0]!.node.description).toBe('重点');
    const tour = derived.rows.find((row) => row.title === '農業体験ツアー事業')!;
    expect(tour.node.description).toBe('令和8年度から');
    expect(tour.node.status).toBe('new');
    expect(JSON.stringify(tour.project?.contacts)).toContain('農林課');
    expect(table.projects).toHaveLength(3);

    // The next preview without a mapping uses the remembered one.
    const again = await preview(planId, { source: text(FOREIGN) });
    expect(again.body.mappingFrom).toBe('remembered');
    expect(again.body.columns[5].field).toBe('description');
    expect(again.body.columns[2].field).toBe('ignored');
    // Placed under a chosen row, after what is there: numbering continues.
    const under = derived.rows.find((row) => row.title === '観光と産業の連携')!.node.id;
    const second = await apply(planId, {
      source: text([FOREIGN[0]!, ['(3)', '人材の確保', '', '', '', ''], ['①', '観光人材育成事業', '', '観光課', '新規', '']]),
      parent: under,
    });
    expect(second.status).toBe(200);
    expect(outline((await tableOf(planId)).derived).slice(-3)).toEqual([
      '1(2)① EC販路開拓支援事業',
      '1(3) 人材の確保',
      '1(3)① 観光人材育成事業',
    ]);

    // Undo the second import: exactly its rows go, the first import's stay.
    const undo = await member.request('POST', `/api/plans/${planId}/import/${second.body.importId}/undo`);
    expect(undo.status).toBe(200);
    expect(undo.body).toEqual({ removedRows: 2, removedProjects: 1 });
    expect(outline((await tableOf(planId)).derived)).toHaveLength(6);
    const twice = await member.request('POST', `/api/plans/${planId}/import/${second.body.importId}/undo`);
    expect(twice.status).toBe(409);
    expect(twice.body.error.code).toBe('import_undone');
    expect((await member.request('POST', `/api/plans/${planId}/import/nosuchimport/undo`)).status).toBe(404);
    expect((await staff.request('POST', `/api/plans/${planId}/import/${res.body.importId}/undo`)).status).toBe(403);

    // Undo the first one: the plan is empty again.
    const first = await member.request('POST', `/api/plans/${planId}/import/${res.body.importId}/undo`);
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ removedRows: 6, removedProjects: 3 });
    const after = await tableOf(planId);
    expect(after.table.nodes).toEqual([]);
    expect(after.table.projects).toEqual([]);
  });

  it('does not undo rows someone has edited since, and says which', async () => {
    const planId = await newPlan();
    const res = await apply(planId, { source: text(FOREIGN) });
    expect(res.status).toBe(200);
    // Record a KPI actual would need a KPI; a 実施状況 or a KPI attached to a row also counts.
    // Here: another import under one of its rows builds on it.
    const { derived } = await tableOf(planId);
    const under = derived.rows.find((row) => row.title === '販路の開拓')!.node.id;
    const more = await apply(planId, { source: text([['番号', '施策名'], ['①', '越境EC支援事業']]), parent: under });
    expect(more.status).toBe(200);
    const refused = await member.request('POST', `/api/plans/${planId}/import/${res.body.importId}/undo`);
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('import_edited');
    expect(refused.body.error.message).toContain('販路の開拓');
    expect((await tableOf(planId)).derived.rows).toHaveLength(7);
  });

  it('refuses nothing to import with 400 and too many rows or columns with 413, changing nothing', async () => {
    const planId = await newPlan();
    const empty = await apply(planId, { source: { kind: 'text', text: '\n\n' } });
    expect(empty.status).toBe(400);
    expect(empty.body.error.code).toBe('nothing_to_import');
    const nameless = await apply(planId, { source: text([['番号', '施策名'], ['1', '']]) });
    expect(nameless.status).toBe(400);
    const tooMany = await apply(planId, { source: { kind: 'text', text: `番号\t施策名\n${'1\t施策\n'.repeat(2100)}` } });
    expect(tooMany.status).toBe(413);
    expect(tooMany.body.error.code).toBe('too_many_rows');
    // One line of a thousand cells: the preview reads 100 columns and names the filled ones left out.
    const wideRows = [...FOREIGN.slice(0, 2), [...FOREIGN[2]!, ...Array.from({ length: 1000 }, (_, i) => (i === 500 ? '迷子' : ''))]];
    const wide = await preview(planId, { source: text(wideRows) });
    expect(wide.status).toBe(200);
    expect(wide.body.columns.length).toBeLessThanOrEqual(100);
    expect(wide.body.problems).toContainEqual(expect.objectContaining({ line: 3, code: 'tooManyColumns' }));
    const wideApply = await apply(planId, { source: text(wideRows) });
    expect(wideApply.status).toBe(413);
    expect(wideApply.body.error.code).toBe('too_many_columns');
    expect((await preview(planId, { source: text(FOREIGN), mapping: { 100: 'ignored' } })).status).toBe(400);
    expect((await preview(planId, { source: text(FOREIGN), mapping: { 99: 'ignored' } })).status).toBe(200);
    expect((await tableOf(planId)).table.nodes).toEqual([]);
  });
});

describe('an XLSX file', () => {
  it('is read from its first sheet, with a caption above the header, and imported', async () => {
    const planId = await newPlan();
    const bytes = await writeSheet('施策一覧', [['第2章 施策の展開'], [], ...FOREIGN], 0);
    const source = { kind: 'xlsx', fileName: '施策一覧.xlsx', contentBase64: bytes.toString('base64') };
    const res = await preview(planId, { source });
    expect(res.status).toBe(200);
    expect(res.body.sheetName).toBe('施策一覧');
    expect(res.body.headerLine).toBe(3);
    expect(res.body.columns.map((c: { field: string }) => c.field)).toEqual(['number', 'name', 'description', 'contacts', 'status', 'ignored']);
    expect(res.body.rows).toHaveLength(6);
    const applied = await apply(planId, { source, mapping: { 5: 'description' } });
    expect(applied.status).toBe(200);
    const { derived } = await tableOf(planId);
    expect(derived.rows.map((row) => row.path)).toEqual(['1', '1(1)', '1(1)①', '1(1)②', '1(2)', '1(2)①']);
    expect(derived.rows.find((row) => row.title === 'EC販路開拓支援事業')?.node.status).toBe('continued');
  });

  it('may be as wide as a pasted table: a sheet of 80 columns previews (it was refused beyond 60)', async () => {
    const planId = await newPlan();
    const wide = FOREIGN.map((row, r) => [...row, ...Array.from({ length: 80 - row.length }, (_, c) => (r === 0 ? `備考${c + 1}` : ''))]);
    const bytes = await writeSheet('施策一覧', wide, 0);
    const res = await preview(planId, { source: { kind: 'xlsx', fileName: 'wide.xlsx', contentBase64: bytes.toString('base64') } });
    expect(res.status).toBe(200);
    expect(res.body.rows).toHaveLength(6);
  });
});

describe('an archived plan', () => {
  // Last: it archives the demo plan (a next edition starts from its approved revision).
  it('is read-only: apply and undo answer 409 and change nothing', async () => {
    const before = (await tableOf(demo.id)).table.nodes.length;
    const imported = await apply(demo.id, { source: text(FOREIGN) });
    expect(imported.status).toBe(200);
    const next = await staff.request('POST', '/api/plans', { workspaceId: demo.workspaceId, source: { kind: 'nextEdition', planId: demo.id } });
    expect(next.status).toBe(201);
    const archived = await apply(demo.id, { source: text(FOREIGN) });
    expect(archived.status).toBe(409);
    expect(archived.body.error.code).toBe('plan_archived');
    const undo = await member.request('POST', `/api/plans/${demo.id}/import/${imported.body.importId}/undo`);
    expect(undo.status).toBe(409);
    expect(undo.body.error.code).toBe('plan_archived');
    expect((await tableOf(demo.id)).table.nodes).toHaveLength(before + 6);
  });
});
