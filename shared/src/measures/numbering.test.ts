import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FUKUSHIMA_SCHEME, KORIYAMA_SCHEME } from './model';
import { circled, formatNumberLabel, fromCircled, parseNumberLabel, upperRoman } from './numbering';

describe('numbering', () => {
  it('prints each level style', () => {
    expect(formatNumberLabel('{arabic}', 1, '')).toBe('1');
    expect(formatNumberLabel('({arabic})', 2, '')).toBe('(2)');
    expect(formatNumberLabel('{circled}', 15, '')).toBe('⑮');
    expect(formatNumberLabel('{ROMAN}', 4, '')).toBe('Ⅳ');
    expect(formatNumberLabel('{parent}-{arabic}', 3, upperRoman(2))).toBe('Ⅱ-3');
    expect(formatNumberLabel('', 3, 'Ⅱ')).toBe('');
  });

  it('round-trips circled numbers up to 50 and falls back beyond', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 50 }), (n) => fromCircled(circled(n)) === n));
    expect(circled(20)).toBe('⑳');
    expect(circled(21)).toBe('㉑');
    expect(circled(51)).toBe('(51)');
  });

  it('reads the depth of a Fukushima table-of-contents line', () => {
    expect(parseNumberLabel('1 経営の革新・向上・改善', FUKUSHIMA_SCHEME)).toEqual({ depth: 0, rest: '経営の革新・向上・改善' });
    expect(parseNumberLabel('(2) 経営基盤の強化及び販路開拓', FUKUSHIMA_SCHEME)).toEqual({ depth: 1, rest: '経営基盤の強化及び販路開拓' });
    expect(parseNumberLabel('（２）経営基盤の強化', FUKUSHIMA_SCHEME)?.depth).toBe(1);
    expect(parseNumberLabel('①相談支援事業', FUKUSHIMA_SCHEME)).toEqual({ depth: 2, rest: '相談支援事業' });
    expect(parseNumberLabel('相談支援事業', FUKUSHIMA_SCHEME)).toBeNull();
  });

  it('reads Koriyama numbers, trying the longer template first', () => {
    expect(parseNumberLabel('Ⅱ-3 産学官連携と技術革新', KORIYAMA_SCHEME)).toEqual({ depth: 1, rest: '産学官連携と技術革新' });
    expect(parseNumberLabel('Ⅲ. 経営基盤の強化', KORIYAMA_SCHEME)).toEqual({ depth: 0, rest: '経営基盤の強化' });
    expect(parseNumberLabel('II. 新しい産業の創出', KORIYAMA_SCHEME)?.depth).toBe(0);
    expect(parseNumberLabel('・産業クラスターの形成', KORIYAMA_SCHEME)).toEqual({ depth: 2, rest: '産業クラスターの形成' });
  });
});

describe('numbering: katakana and latin styles', () => {
  it('prints ア…ン, a…z and A…Z, then falls back to digits', () => {
    expect(formatNumberLabel('{katakana}', 1, '')).toBe('ア');
    expect(formatNumberLabel('({katakana})', 6, '')).toBe('(カ)');
    expect(formatNumberLabel('{katakana}', 46, '')).toBe('ン');
    expect(formatNumberLabel('{katakana}', 47, '')).toBe('47');
    expect(formatNumberLabel('{latin}', 1, '')).toBe('a');
    expect(formatNumberLabel('({latin})', 26, '')).toBe('(z)');
    expect(formatNumberLabel('{LATIN}', 3, '')).toBe('C');
    expect(formatNumberLabel('{latin}', 27, '')).toBe('27');
  });

  it('reads back every style it prints, at the level that prints it', () => {
    const styles = ['{arabic}', '({arabic})', '{circled}', '{ROMAN}', '{katakana}', '({latin})'];
    fc.assert(
      fc.property(fc.constantFrom(...styles), fc.integer({ min: 1, max: 26 }), (numbering, n) => {
        const scheme = { id: 'x', name: 'x', levels: [{ name: 'L', numbering }] };
        const label = formatNumberLabel(numbering, n, '');
        expect(parseNumberLabel(`${label} 施策の名称`, scheme)).toEqual({ depth: 0, rest: '施策の名称' });
      }),
    );
  });

  it('reads a parent-prefixed number whose parent counts in katakana', () => {
    const scheme = {
      id: 'x',
      name: 'x',
      levels: [
        { name: '基本目標', numbering: '{katakana}' },
        { name: '施策', numbering: '{parent}-{arabic}' },
      ],
    };
    expect(parseNumberLabel('ウ-2 創業の支援', scheme)).toEqual({ depth: 1, rest: '創業の支援' });
  });
});
