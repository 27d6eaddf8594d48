import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { diffMeasures, diffProse } from '@sakutei/shared';
import { type MeasureTable, deriveTable, kpiListRows } from '@sakutei/shared/measures';
import { describe, expect, it } from 'vitest';
import { readFirstSheet, writeSheet } from '../spreadsheet';
import { compareDocx, compareHtml } from './compareDocument';
import { revisionDocx, revisionHtml } from './revisionDocument';
import { fixtureMeasures, fixtureRevision, fixtureSnapshot } from './testing/planFixture';
import { unzip } from './testing/unzip';

/*
 * Every export is parsed and its structure checked: page orientation, column widths, merged
 * cells, the running header. Set EXPORT_SAMPLES=<dir> to keep the files for a look in
 * LibreOffice.
 */

const keep = (name: string, bytes: Buffer | string) => {
  if (process.env['EXPORT_SAMPLES']) writeFileSync(join(process.env['EXPORT_SAMPLES'], name), bytes);
};

const PLAN = '第2期福島市中小企業振興プログラム';

/** The sections of a document.xml, each with its orientation and the grids of its tables. */
function sections(xml: string) {
  const out: Array<{ orient: string; grids: number[][] }> = [];
  // Each section's properties close it: everything before a sectPr belongs to that section.
  const parts = xml.split(/<w:sectPr\b/).slice(0, -1);
  const props = [...xml.matchAll(/<w:sectPr\b[\s\S]*?<\/w:sectPr>/g)].map((m) => m[0]);
  parts.forEach((part, i) => {
    const orient = /w:orient="(\w+)"/.exec(props[i] ?? '')?.[1] ?? 'portrait';
    const grids = [...part.matchAll(/<w:tblGrid>([\s\S]*?)<\/w:tblGrid>/g)].map((grid) =>
      [...grid[1]!.matchAll(/<w:gridCol w:w="(\d+)"/g)].map((col) => Number(col[1])),
    );
    out.push({ orient, grids });
  });
  return out;
}

function changedMeasures(): MeasureTable {
  const table = fixtureMeasures();
  // A project is inserted first under (1): the three after it move down a number.
  table.nodes.push({ id: 'dx', kind: 'placement', position: { parent: 'm11', key: 'Z' }, title: '', description: 'デジタル化を支援します。', projectId: 'p-dx', status: 'new' });
  table.projects.push({ id: 'p-dx', name: 'デジタル化支援事業', contacts: [] });
  table.nodes = table.nodes.map((node) =>
    node.id === 'm12' ? { ...node, title: '経営基盤の強化、販路開拓及び事業承継', description: '事業承継の相談体制を整えます。' } : node,
  );
  return table;
}

function comparison() {
  const before = fixtureSnapshot('old');
  const after = { ...fixtureSnapshot('new'), measures: changedMeasures() };
  // Keys sort 'Z' before 'a0', so the new project is ①.
  return {
    from: { label: '第1版 令和7年度版', revisionId: 'r1' },
    to: { label: '現在の案', revisionId: null },
    prose: diffProse(before.prose, after.prose),
    measures: diffMeasures(before.measures, after.measures),
  };
}

describe('a revision as DOCX', () => {
  it('puts the prose on portrait pages and the wide tables on landscape ones, columns sized', async () => {
    const bytes = await revisionDocx(PLAN, fixtureRevision(), fixtureSnapshot(), { calendar: 'wareki' });
    keep('revision.docx', bytes);
    const files = unzip(bytes);
    const xml = files.get('word/document.xml')!;
    const parts = sections(xml);
    expect(parts.map((part) => part.orient)).toEqual(['portrait', 'landscape']);
    // The landscape section holds the 施策・事業・担当 table (7 columns) and the 成果指標一覧 (8).
    const [measureGrid, kpiGrid] = parts[1]!.grids;
    expect(measureGrid).toHaveLength(7);
    expect(kpiGrid).toHaveLength(8);
    // No column collapses: every column is at least 1 cm (567 twips), and the tables fill the page.
    for (const grid of [measureGrid!, kpiGrid!]) {
      expect(Math.min(...grid)).toBeGreaterThanOrEqual(567);
      expect(grid.reduce((a, b) => a + b, 0)).toBe(16838 - 2 * 1134);
    }
    expect(xml).toContain('よろず支援拠点');
    expect(xml).toContain('福島県よろず支援拠点 TEL 024-525-4064');
  });

  it('merges the KPI header (実績値 over its years, No down two rows) and keeps prose tables with their spans', async () => {
    const xml = unzip(await revisionDocx(PLAN, fixtureRevision(), fixtureSnapshot(), { calendar: 'wareki' })).get('word/document.xml')!;
    expect(xml).toMatch(/<w:gridSpan w:val="4"\/>[\s\S]*?実績値/);
    expect(xml).toMatch(/<w:vMerge w:val="restart"\/>[\s\S]*?No/);
    // The prose table: 出典 spans three columns, 相談件数 two rows.
    expect(xml).toMatch(/<w:gridSpan w:val="3"\/>[\s\S]*?出典：市産業雇用政策課調べ/);
    expect(xml).toMatch(/<w:vMerge w:val="restart"\/>[\s\S]*?相談件数/);
    // Its column widths keep the editor's 160 : 90 : 90.
    const proseGrid = sections(xml)[0]!.grids[0]!;
    expect(proseGrid).toHaveLength(3);
    expect(proseGrid[0]! / proseGrid[1]!).toBeCloseTo(160 / 90, 1);
    // Headings keep their levels.
    for (const level of [1, 2, 3, 4]) expect(xml).toContain(`<w:pStyle w:val="Heading${level}"/>`);
  });

  it('has the plan name and a PAGE field in every page header, and dates in 和暦 unless asked', async () => {
    const files = unzip(await revisionDocx(PLAN, fixtureRevision(), fixtureSnapshot(), { calendar: 'wareki' }));
    const headers = [...files].filter(([name]) => /^word\/header\d+\.xml$/.test(name)).map(([, xml]) => xml);
    expect(headers.length).toBeGreaterThanOrEqual(2);
    for (const header of headers) {
      expect(header).toContain(PLAN);
      expect(header).toMatch(/<w:instrText[^>]*>\s*PAGE\s*<\/w:instrText>/);
      expect(header).toMatch(/<w:instrText[^>]*>\s*NUMPAGES\s*<\/w:instrText>/);
    }
    const xml = files.get('word/document.xml')!;
    expect(xml).toContain('作成 令和7年12月5日');
    expect(xml).toContain('承認 令和7年12月6日');
    expect(xml).toContain('令和2年度');
    const western = unzip(await revisionDocx(PLAN, fixtureRevision(), fixtureSnapshot(), { calendar: 'seireki' })).get('word/document.xml')!;
    expect(western).toContain('承認 2025年12月6日');
    expect(western).toContain('2020年度');
    expect(western).not.toMatch(/令和\d+年\d+月|令和\d+年度<\/w:t>/);
  });
});

describe('a revision as a page to print', () => {
  it('turns the wide tables onto landscape pages and groups the KPI header', () => {
    const html = revisionHtml(PLAN, fixtureRevision(), fixtureSnapshot(), { calendar: 'wareki' });
    keep('revision.html', html);
    expect(html).toMatch(/@page\{size:A4 portrait/);
    expect(html).toMatch(/@page wide\{size:A4 landscape/);
    expect(html).toContain('section.wide{page:wide}');
    expect(html).toMatch(/counter\(page\)/);
    expect(html).toContain(`@top-left{content:"${PLAN}`);
    // Both tables sit in wide sections, each with a sized <colgroup>.
    expect(html.match(/<section class="wide"><h2>/g)).toHaveLength(2);
    const kpiTable = html.slice(html.indexOf('成果指標一覧</h2>'));
    expect(kpiTable).toMatch(/<thead><tr><th rowspan="2" scope="col">No<\/th>/);
    expect(kpiTable).toContain('<th colspan="4" scope="colgroup">実績値</th>');
    expect(kpiTable).toMatch(/<\/tr><tr><th scope="col">令和2年度<\/th><th scope="col">令和7年度<\/th><th scope="col">令和4年度<\/th><th scope="col">5年度<\/th>/);
    expect(kpiTable).toMatch(/<colgroup>(<col style="width:[\d.]+%">){8}<\/colgroup>/);
    // The prose keeps its table and heading levels (a level-1 heading under the page's <h1>).
    expect(html).toContain('<td rowspan="2"><p>相談件数</p></td>');
    expect(html).toContain('<td colspan="3"><p>出典：市産業雇用政策課調べ</p></td>');
    expect(html).toContain('<h2>第3章 施策の展開</h2>');
    expect(html).toContain('<h5>① 相談窓口</h5>');
    expect(html).toContain('<strong>経営相談</strong>');
  });
});

describe('the 新旧対照表', () => {
  it('is landscape, 改正後 on the left by default, and says a renumbering once', async () => {
    const bytes = await compareDocx(PLAN, comparison(), { calendar: 'wareki', order: 'new-old', now: new Date('2025-12-06T03:00:00Z') });
    keep('compare.docx', bytes);
    const xml = unzip(bytes).get('word/document.xml')!;
    const [part] = sections(xml);
    expect(part!.orient).toBe('landscape');
    const [proseGrid, measureGrid] = part!.grids;
    // The two sides share the width equally; no column of the change table is narrower than 1 cm.
    expect(proseGrid![0]).toBeCloseTo(proseGrid![1]!, -1);
    expect(Math.min(...measureGrid!)).toBeGreaterThanOrEqual(567);
    expect(xml.indexOf('改正後（新）')).toBeLessThan(xml.indexOf('改正前（旧）'));
    expect(xml.match(/番号を繰り下げ/g)).toHaveLength(1);
    expect(xml).toContain('以下、番号を繰り下げ（1(1)① → 1(1)② ほか2件）');
    // 項目 in Japanese, never the field's key.
    expect(xml).toContain('<w:t xml:space="preserve">名称</w:t>');
    expect(xml).not.toMatch(/<w:t[^>]*>title<\/w:t>/);
    expect(xml).toContain('作成 令和7年12月6日');
    // The 箇所 of a group spans its lines.
    expect(xml).toMatch(/<w:vMerge w:val="restart"\/>/);
  });

  it('puts 改正前 on the left when asked, in HTML as in Word', async () => {
    const old = unzip(await compareDocx(PLAN, comparison(), { calendar: 'wareki', order: 'old-new' })).get('word/document.xml')!;
    expect(old.indexOf('改正前（旧）')).toBeLessThan(old.indexOf('改正後（新）'));
    const html = compareHtml(PLAN, comparison(), { calendar: 'seireki', order: 'new-old', now: new Date('2025-12-06T03:00:00Z') });
    keep('compare.html', html);
    expect(html).toMatch(/@page\{size:A4 landscape/);
    expect(html).toContain('作成 2025年12月6日');
    expect(html).toMatch(/<thead><tr><th scope="col">改正後（新）<\/th><th scope="col">改正前（旧）<\/th><\/tr><tr><th scope="col">現在の案<\/th>/);
    expect(html).toContain('<td colspan="2">以下、番号を繰り下げ');
    const reversed = compareHtml(PLAN, comparison(), { calendar: 'wareki', order: 'old-new' });
    expect(reversed).toMatch(/<thead><tr><th scope="col">改正前（旧）<\/th><th scope="col">改正後（新）<\/th>/);
  });
});

describe('XLSX', () => {
  it('fits columns to their text, merges the grouped header, prints the plan name and page numbers', async () => {
    const rows = kpiListRows(deriveTable(fixtureMeasures()), fixtureMeasures().settings);
    const bytes = await writeSheet('成果指標一覧', rows, 2, { planTitle: PLAN, now: new Date('2025-12-06T03:00:00Z') });
    keep('kpis.xlsx', bytes);
    const ExcelJS = (await import('exceljs')).default;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    const widths = sheet.columns.map((column) => column.width ?? 9);
    expect(new Set(widths).size).toBeGreaterThan(2);
    // The name column is wider than the No column, and neither is the default 9.
    expect(widths[1]!).toBeGreaterThan(widths[0]!);
    expect(widths[1]!).toBeGreaterThanOrEqual(28);
    const merges = (sheet.model as unknown as { merges: string[] }).merges;
    expect(merges).toEqual(expect.arrayContaining(['A1:A2', 'B1:B2', 'C1:C2', 'D1:D2', 'E1:H1']));
    expect(sheet.headerFooter.oddHeader).toContain(PLAN);
    expect(sheet.headerFooter.oddHeader).toContain('令和7年12月6日');
    expect(sheet.headerFooter.oddFooter).toContain('&P');
    expect(sheet.pageSetup.orientation).toBe('landscape');
    expect(sheet.pageSetup.printTitlesRow).toBe('1:2');
    // Merging does not change what the sheet reads back as.
    expect((await readFirstSheet(bytes)).rows).toEqual(rows.map((row) => {
      const copy = [...row];
      while (copy.length > 0 && copy.at(-1) === '') copy.pop();
      return copy;
    }));
  });
});
