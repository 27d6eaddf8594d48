import { describe, expect, it } from 'vitest';
import { previewHierarchyImport } from './preview';
import { MAX_IMPORT_COLUMNS, checkImportSize } from './problems';
import { importKpiList } from './kpiList';
import { FUKUSHIMA_SCHEME } from '../model';

describe('checkImportSize: columns', () => {
  it('keeps the first MAX_IMPORT_COLUMNS cells and names the filled columns left out', () => {
    const wide = ['1', '施策', ...Array.from({ length: 150 }, () => '')];
    wide[119] = 'x';
    wide[129] = 'y';
    const { rows, problems } = checkImportSize([['番号', '名称'], wide]);
    expect(rows[1]).toHaveLength(MAX_IMPORT_COLUMNS);
    expect(problems).toEqual([
      { line: 2, column: null, code: 'tooManyColumns', detail: `"${MAX_IMPORT_COLUMNS + 1}–130": only the first ${MAX_IMPORT_COLUMNS} columns were read` },
    ]);
  });

  it('drops empty trailing cells beyond the limit without a word', () => {
    const { rows, problems } = checkImportSize([['1', '施策', ...Array.from({ length: 500 }, () => '')]]);
    expect(rows[0]).toHaveLength(MAX_IMPORT_COLUMNS);
    expect(problems).toEqual([]);
  });

  it('a line of a million tabs previews as at most MAX_IMPORT_COLUMNS columns', () => {
    const line = Array.from({ length: 1_000_000 }, (_, i) => (i % 1000 === 0 ? 'a' : ''));
    const preview = previewHierarchyImport([['番号', '名称'], ['1', '施策'], line], {
      scheme: FUKUSHIMA_SCHEME,
      newId: (() => {
        let n = 0;
        return () => `id${++n}`;
      })(),
    });
    expect(preview.columns.length).toBeLessThanOrEqual(MAX_IMPORT_COLUMNS);
    expect(preview.problems.find((problem) => problem.code === 'tooManyColumns')?.line).toBe(3);
    const kpis = importKpiList([['番号', '成果指標', '基準値', '目標値'], line]);
    expect(kpis.problems.some((problem) => problem.code === 'tooManyColumns')).toBe(true);
  });
});
