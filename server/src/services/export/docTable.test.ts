import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type DocTable, fitWidths, isWide, lineWidth, naturalWidths } from './docTable';

const text = fc.string({ unit: fc.constantFrom(...'施策事業担当内容ABC123 ・（）\n'), maxLength: 80 });

describe('column widths', () => {
  it('add up to the width asked for, every column wider than nothing, equal columns equal', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 8 }), fc.array(fc.array(text, { minLength: 8, maxLength: 8 }), { minLength: 1, maxLength: 6 }), (columns, rows) => {
        const table: DocTable = {
          head: [Array.from({ length: columns }, (_, c) => ({ text: `見出し${c}` }))],
          body: rows.map((row) => row.slice(0, columns)),
          equal: columns >= 4 ? [2, 3] : undefined,
        };
        const widths = fitWidths(table, 14570, 100);
        expect(widths.reduce((a, b) => a + b, 0)).toBe(14570);
        expect(Math.min(...widths)).toBeGreaterThan(0);
        // The rounding leftover may land on one of them; never more than a few twips.
        if (columns >= 4) expect(Math.abs(widths[2]! - widths[3]!)).toBeLessThanOrEqual(columns);
      }),
    );
  });

  it('does not break a header word or a one-word cell when the page has room', () => {
    const table: DocTable = {
      head: [['区分', '箇所', '項目', '改正後（新）', '改正前（旧）'].map((t) => ({ text: t }))],
      body: [['番号変更', '1(1)② 相談支援事業', '番号', 'あ'.repeat(200), 'い'.repeat(200)]],
      equal: [3, 4],
    };
    const widths = fitWidths(table, 14570, 100);
    // 番号変更 is 8 half-width characters: with its padding it needs 1,100 twips.
    expect(widths[0]).toBeGreaterThanOrEqual(1100);
    expect(widths[3]).toBe(widths[4]);
  });

  it('counts full-width characters twice and calls a seven-column table wide', () => {
    expect(lineWidth('施策A')).toBe(5);
    const wide: DocTable = { head: [['番号', '名称', '区分', '状況', '内容', '担当・連絡先', '成果指標'].map((t) => ({ text: t }))], body: [['1', '経営の革新・向上・改善、経営基盤の強化及び販路開拓', '施策', '', 'あ'.repeat(60), '福島市 産業雇用政策課 TEL 024-515-7746', '①']] };
    expect(isWide(wide)).toBe(true);
    expect(isWide({ head: [[{ text: '指標' }, { text: '値' }]], body: [['相談件数', '400件']] })).toBe(false);
    expect(naturalWidths(wide)).toHaveLength(7);
  });
});
