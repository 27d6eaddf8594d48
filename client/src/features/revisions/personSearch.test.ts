import { describe, expect, it } from 'vitest';
import { foldForSearch, matchesSearch, personSearchText } from './personSearch';

describe('person search', () => {
  const tanaka = personSearchText({ name: '傍聴 田中健', email: 'Observer@example.jp' });

  it('finds a name without its space, and by part of the address in any case', () => {
    expect(matchesSearch(tanaka, '田中健')).toBe(true);
    expect(matchesSearch(tanaka, '田中')).toBe(true);
    expect(matchesSearch(tanaka, 'ＯＢＳＥＲＶＥＲ')).toBe(true);
    expect(matchesSearch(tanaka, '木村')).toBe(false);
  });

  it('needs every word of the query, and an empty query matches everyone', () => {
    expect(matchesSearch(tanaka, '傍聴　田中')).toBe(true);
    expect(matchesSearch(tanaka, '傍聴 木村')).toBe(false);
    expect(matchesSearch(tanaka, '   ')).toBe(true);
  });

  it('reads katakana as hiragana and full-width as half-width', () => {
    expect(foldForSearch('イトウ ジロウ')).toBe('いとうじろう');
    expect(matchesSearch('イトウ ジロウ', 'いとう')).toBe(true);
    expect(foldForSearch('ＡＢＣ１２')).toBe('abc12');
  });
});
