import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FORMULA_TRIGGERS, hostileText, readCsvStrict, runnableCells } from '../../testing/hostileText';
import { cleanCell } from '../import/problems';
import { formulaSafeCell, neutraliseFormulas, toCsv, unneutralise } from './csv';

describe('the CSV neutraliser', () => {
  it('defuses every trigger in a text column, `-` before a digit included', () => {
    for (const trigger of FORMULA_TRIGGERS) expect(formulaSafeCell(`${trigger}施策`)).toBe(`'${trigger}施策`);
    for (const cell of ['-3', '-0.5', '-.5', '-1,234', '-3.5+A1', '-1 件']) expect(formulaSafeCell(cell)).toBe(`'${cell}`);
    for (const cell of ['△3', '110 店舗', '', '施策', '3', "'=x", ' =x']) expect(formulaSafeCell(cell)).toBe(cell);
  });

  it('keeps a plain negative number a number in a figure column, and nothing else', () => {
    for (const cell of ['-3', '-0.5', '-.5', '-1,234', '-1,234.5']) expect(formulaSafeCell(cell, true)).toBe(cell);
    for (const cell of ['-3.5+A1', '-1 件', '-1,23', '--1', '-', '-1e5', '=1', '＋3']) expect(formulaSafeCell(cell, true)).toBe(`'${cell}`);
    expect(neutraliseFormulas([['-3', '-3']], [1])).toEqual([["'-3", '-3']]);
  });

  it('is undone by the importer, a neutralised leading tab or line break trimmed like any other', () => {
    expect(cleanCell("'＝SUM(A1)")).toBe('＝SUM(A1)');
    expect(cleanCell("'-3")).toBe('-3');
    expect(cleanCell("'\t=x")).toBe('=x');
    expect(cleanCell(" '=x ")).toBe('=x');
    expect(cleanCell("'施策")).toBe("'施策");
  });

  it('writes hostile text so a strict RFC 4180 reader gets every cell back, none of them runnable, and the importer steps back to the text', () => {
    fc.assert(
      fc.property(fc.array(fc.array(hostileText, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 4 }), (rows) => {
        const read = readCsvStrict(toCsv(rows));
        expect(read.map((row) => row.length)).toEqual(rows.map((row) => row.length));
        expect(runnableCells(read)).toEqual([]);
        // Hostile text starts with a trigger, never with an apostrophe of its own: the importer's step back is exact.
        expect(read.map((row) => row.map(unneutralise))).toEqual(rows);
      }),
      { numRuns: 200 },
    );
  });
});
