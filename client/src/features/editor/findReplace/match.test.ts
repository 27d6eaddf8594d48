import { describe, expect, it } from 'vitest';
import { findInText, matchIndexFrom } from './match';

const text = (s: string, query: string, options?: Parameters<typeof findInText>[2]) =>
  findInText(s, query, options).map((m) => s.slice(m.start, m.end));

describe('findInText', () => {
  it('finds every occurrence of a Japanese phrase, left to right, without overlaps', () => {
    const s = '中小企業の振興。中小企業振興プログラム。中小企業';
    expect(findInText(s, '中小企業')).toEqual([
      { start: 0, end: 4 },
      { start: 8, end: 12 },
      { start: 20, end: 24 },
    ]);
    expect(findInText('ああああ', 'ああ')).toEqual([
      { start: 0, end: 2 },
      { start: 2, end: 4 },
    ]);
  });

  it('finds nothing for an empty query or an empty text', () => {
    expect(findInText('計画', '')).toEqual([]);
    expect(findInText('', '計画')).toEqual([]);
  });

  it('ignores case unless asked not to', () => {
    expect(text('KPI と kpi と Kpi', 'kpi')).toEqual(['KPI', 'kpi', 'Kpi']);
    expect(text('KPI と kpi と Kpi', 'kpi', { caseSensitive: true, widthSensitive: false })).toEqual(['kpi']);
  });

  it('treats full-width and half-width letters, digits and katakana alike unless asked not to', () => {
    expect(text('ＫＰＩ、令和７年度、ｶﾞｲﾄﾞﾌﾞｯｸ', 'kpi')).toEqual(['ＫＰＩ']);
    expect(text('ＫＰＩ、令和７年度、ｶﾞｲﾄﾞﾌﾞｯｸ', '令和7年度')).toEqual(['令和７年度']);
    expect(text('ＫＰＩ、令和７年度、ｶﾞｲﾄﾞﾌﾞｯｸ', 'ガイドブック')).toEqual(['ｶﾞｲﾄﾞﾌﾞｯｸ']);
    expect(text('ガイドブックとｶﾞｲﾄﾞ', 'ｶﾞｲﾄﾞ')).toEqual(['ガイド', 'ｶﾞｲﾄﾞ']);
    expect(text('令和７年度と令和7年度', '令和7年度', { caseSensitive: false, widthSensitive: true })).toEqual(['令和7年度']);
  });

  it('does not fold what is more than a width variant: ① is not 1, ㈱ is not (株)', () => {
    expect(text('①事業 1事業', '1')).toEqual(['1']);
    expect(text('㈱福島 (株)福島', '(株)')).toEqual(['(株)']);
  });

  it('never matches part of a character: か is not found in が, nor カ in ｶﾞ', () => {
    expect(findInText('がんばる', 'か')).toEqual([]);
    expect(findInText('ｶﾞｲﾄﾞ', 'カ')).toEqual([]);
    expect(text('かがか', 'か')).toEqual(['か', 'か']);
  });

  it('maps matches back to offsets in the original text when folding changes lengths', () => {
    // ｶﾞ is two characters in the text and one (ガ) in the query.
    const s = '新ｶﾞｲﾄﾞ版';
    expect(findInText(s, 'ガイド')).toEqual([{ start: 1, end: 6 }]);
  });

  it('handles characters outside the BMP as whole characters', () => {
    expect(text('𠮷野家と吉野家', '𠮷野家')).toEqual(['𠮷野家']);
  });
});

describe('matchIndexFrom', () => {
  const matches = [{ from: 5 }, { from: 10 }, { from: 20 }];
  it('picks the first match at or after the position, wrapping to the first', () => {
    expect(matchIndexFrom(matches, 0)).toBe(0);
    expect(matchIndexFrom(matches, 10)).toBe(1);
    expect(matchIndexFrom(matches, 11)).toBe(2);
    expect(matchIndexFrom(matches, 21)).toBe(0);
    expect(matchIndexFrom([], 3)).toBe(-1);
  });
});
