import { buildAnnualReport, num } from '@sakutei/shared/measures';
import { describe, expect, it } from 'vitest';
import { reportDocx, reportHtml } from './reportDocument';
import { fixtureMeasures } from './testing/planFixture';
import { unzip } from './testing/unzip';

/*
 * The annual report's files, parsed: every table's rows fill its grid exactly (Word and
 * LibreOffice disagree on rows that do not), the bar charts are shaded cells in proportion,
 * and the print page is A4 with a page break before each top-level measure.
 */

const META = { planTitle: '第2期福島市中小企業振興プログラム', source: '現在の案' };
const report = () =>
  buildAnnualReport(fixtureMeasures(), { '2023|plan': '総括の文。', '2023|m1': '施策体系1の評価。\n二行目。' }, 2023);

function tables(xml: string) {
  return [...xml.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)].map((table) => {
    const grid = [...(/<w:tblGrid>([\s\S]*?)<\/w:tblGrid>/.exec(table[1]!)?.[1] ?? '').matchAll(/<w:gridCol w:w="(\d+)"/g)].map((m) => Number(m[1]));
    const rows = [...table[1]!.matchAll(/<w:tr>([\s\S]*?)<\/w:tr>|<w:tr [^>]*>([\s\S]*?)<\/w:tr>/g)].map((row) =>
      [...(row[1] ?? row[2] ?? '').matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map((cell) => ({
        span: Number(/<w:gridSpan w:val="(\d+)"/.exec(cell[1]!)?.[1] ?? 1),
        fill: /<w:shd [^>]*w:fill="([0-9A-F]{6})"/.exec(cell[1]!)?.[1] ?? null,
      })),
    );
    return { grid, rows };
  });
}

describe('annual report documents', () => {
  it('DOCX: every row fills its table grid; bars are shaded cells in proportion to the figures', async () => {
    const xml = unzip(await reportDocx(report(), META)).get('word/document.xml')!;
    const all = tables(xml);
    expect(all.length).toBeGreaterThan(5);
    for (const { grid, rows } of all) {
      // A nested table (none here) would confuse this count; each row's spans add up to the grid.
      for (const row of rows) if (row.length > 0) expect(row.reduce((sum, cell) => sum + cell.span, 0)).toBe(grid.length);
    }
    const charts = all.filter(({ grid }) => grid.length === 22);
    // One chart per KPI (six in the fixture).
    expect(charts).toHaveLength(6);
    // 市内中小企業の経営相談件数: baseline 4,100, R4 4,232, R5 4,390 (the year), target 4,500 → 18, 19, 20 (of 20), 20.
    const consult = charts[0]!;
    const filled = consult.rows.map((row) => (row[2]?.fill ? row[2].span : 0));
    expect(filled).toEqual([18, 19, 20, 20]);
    expect(consult.rows[2]![2]!.fill).toBe('1D4ED8');
    expect(xml).toContain('施策体系1の評価。');
    expect(xml).toContain('二行目。');
    expect(xml).toContain('（未記入）');
  });

  it('prints a composite KPI part by part under its sum, in the Word file and the print page alike', async () => {
    const table = fixtureMeasures();
    const parts = (a: number, b: number) => ({ kind: 'parts' as const, parts: { 男性: num(a), 女性: num(b) } });
    table.kpis[4] = {
      ...table.kpis[4]!,
      components: ['男性', '女性'],
      baseline: { value: parts(50, 45), fiscalYear: 2020, label: '' },
      target: { value: parts(60, 60), fiscalYear: 2025 },
      actuals: { '2023': parts(52, 56) },
    };
    const withParts = buildAnnualReport(table, {}, 2023);
    const xml = unzip(await reportDocx(withParts, META)).get('word/document.xml')!;
    expect(xml).toContain('└ 男性');
    expect(xml).toContain('└ 女性');
    // Still every row fills its grid with the extra rows.
    for (const { grid, rows } of tables(xml)) for (const row of rows) if (row.length > 0) expect(row.reduce((sum, cell) => sum + cell.span, 0)).toBe(grid.length);
    const html = reportHtml(withParts, META);
    // 女性 56 ÷ 60 = 93.3 %, (56 − 45) ÷ (60 − 45) = 73.3 %.
    expect(html).toMatch(/└ 女性<\/td><td[^>]*>45 人\/年<\/td><td[^>]*>60 人\/年<\/td><td[^>]*>56 人<\/td><td[^>]*>93\.3%<\/td><td[^>]*>73\.3%/);
  });

  it('print page: A4 portrait, a page break before each top-level measure, an SVG chart per KPI', () => {
    const html = reportHtml(report(), META);
    expect(html).toContain('@page{size:A4 portrait');
    expect(html.match(/<div class="report-part">/g)).toHaveLength(2);
    expect(html.match(/<svg /g)).toHaveLength(6);
    expect(html).toContain('施策体系1の評価。\n二行目。');
    expect(html).toContain('<h1>第2期福島市中小企業振興プログラム<br>進捗状況報告（令和5年度）</h1>');
  });
});
