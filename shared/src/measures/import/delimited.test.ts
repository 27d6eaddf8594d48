import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CSV_BOM, parseDelimited, toDelimited } from './delimited';

describe('parseDelimited', () => {
  it('reads an Excel clipboard paste with quoted line breaks and a trailing line end', () => {
    const text = 'No\t成果指標\r\n①\t"経営者の割合\n(旧名)"\t—\r\n';
    expect(parseDelimited(text)).toEqual([
      ['No', '成果指標'],
      ['①', '経営者の割合\n(旧名)', '—'],
    ]);
  });

  it('detects the delimiter from the first line', () => {
    expect(parseDelimited('a,b\nc,d')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    expect(parseDelimited('a\tb,c\nd')).toEqual([['a', 'b,c'], ['d']]);
    // The first line decides even when a later line has tabs.
    expect(parseDelimited('a,b\nc\td')).toEqual([['a', 'b'], ['c\td']]);
    // A caption copied along with the table has neither, and does not decide.
    expect(parseDelimited('成果指標一覧\nNo\t成果指標\n①\t割合, 全体')).toEqual([['成果指標一覧'], ['No', '成果指標'], ['①', '割合, 全体']]);
    // Nor do 25 lines of them above a header.
    const captions = Array.from({ length: 25 }, (_, i) => `説明 ${i}`);
    expect(parseDelimited([...captions, '番号\t名称, 略称'].join('\n')).at(-1)).toEqual(['番号', '名称, 略称']);
  });

  it('honours an explicit delimiter', () => {
    expect(parseDelimited('a,b\tc', '\t')).toEqual([['a,b', 'c']]);
    expect(parseDelimited('a,b\tc', ',')).toEqual([['a', 'b\tc']]);
  });

  it('handles CRLF, CR and LF line ends alike', () => {
    expect(parseDelimited('a\r\nb\rc\nd')).toEqual([['a'], ['b'], ['c'], ['d']]);
  });

  it('unescapes doubled quotes and keeps quotes inside unquoted cells', () => {
    expect(parseDelimited('"say ""hi""",x', ',')).toEqual([['say "hi"', 'x']]);
    expect(parseDelimited('12" pipe,x', ',')).toEqual([['12" pipe', 'x']]);
  });

  it('takes a quote that never closes as an ordinary character', () => {
    expect(parseDelimited('"abc\tdef\nghi', '\t')).toEqual([['"abc', 'def'], ['ghi']]);
  });

  it('strips a UTF-8 BOM', () => {
    expect(parseDelimited(`${CSV_BOM}a,b`)).toEqual([['a', 'b']]);
  });

  it('keeps interior empty rows and drops trailing ones', () => {
    expect(parseDelimited('a\n\nb\n\t\n\n', '\t')).toEqual([['a'], [''], ['b']]);
    expect(parseDelimited('')).toEqual([]);
    expect(parseDelimited('\n\n')).toEqual([]);
  });

  it('keeps empty cells, including a trailing one', () => {
    expect(parseDelimited('a\t\tb\t')).toEqual([['a', '', 'b', '']]);
  });
});

describe('toDelimited', () => {
  it('quotes only cells that need it', () => {
    expect(toDelimited([['a', 'b c', 'd"e', 'f,g'], ['x\ny']], ',')).toBe('a,b c,"d""e","f,g"\r\n"x\ny"');
    expect(toDelimited([['a', 'f,g', 'h\ti']], '\t')).toBe('a\tf,g\t"h\ti"');
  });

  it('round-trips arbitrary cells through parseDelimited', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', 'あ', ' ', '\t', ',', '"', '\n', '\r', '\uFEFF', '①') });
    const row = fc.array(cell, { minLength: 1, maxLength: 5 });
    // A final row of empty cells cannot survive: it is indistinguishable from a trailing line end.
    const rows = fc
      .array(row, { maxLength: 6 })
      .filter((rs) => rs.length === 0 || rs[rs.length - 1]!.some((c) => c !== ''));
    fc.assert(
      fc.property(rows, fc.constantFrom<'\t' | ','>('\t', ','), (rs, delimiter) => {
        expect(parseDelimited(toDelimited(rs, delimiter), delimiter)).toEqual(rs);
      }),
    );
  });
});
