import { describe, expect, it } from 'vitest';
import { matchesSearch, searchKey } from './search';

describe('search', () => {
  const tanaka = ['傍聴 田中健', 'Observer@example.jp'];

  it('finds a name without its space, and by part of the address in any case', () => {
    expect(matchesSearch('田中健', tanaka)).toBe(true);
    expect(matchesSearch('田中', tanaka)).toBe(true);
    expect(matchesSearch('ＯＢＳＥＲＶＥＲ', tanaka)).toBe(true);
    expect(matchesSearch('木村', tanaka)).toBe(false);
  });

  it('needs every word of the query, each within one field, and an empty query matches everything', () => {
    expect(matchesSearch('傍聴　田中', tanaka)).toBe(true);
    expect(matchesSearch('傍聴 木村', tanaka)).toBe(false);
    expect(matchesSearch('健observer', tanaka)).toBe(false);
    expect(matchesSearch('   ', tanaka)).toBe(true);
  });

  it('reads katakana (full or half width) as hiragana and full-width letters as half-width', () => {
    expect(searchKey('イトウ ジロウ')).toBe('いとうじろう');
    expect(searchKey('ｲﾄｳ')).toBe('いとう');
    expect(matchesSearch('いとう', 'イトウ ジロウ')).toBe(true);
    expect(searchKey('ＡＢＣ１２')).toBe('abc12');
  });

  it('finds a plan by its title or council, whatever widths and case the title was typed in', () => {
    const fields = ['中小企業振興プログラム 令和７年度版', '福島市ＳＭＥ振興会議'];
    expect(matchesSearch('令和7', fields)).toBe(true);
    expect(matchesSearch('sme　振興', fields)).toBe(true);
    expect(matchesSearch('ﾌﾟﾛｸﾞﾗﾑ', fields)).toBe(true);
    expect(matchesSearch('観光', fields)).toBe(false);
  });
});
