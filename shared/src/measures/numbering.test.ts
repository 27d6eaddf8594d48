import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FUKUSHIMA_SCHEME, KORIYAMA_SCHEME } from './model';
import { circled, formatNumberLabel, fromCircled, isBareNumber, parseLevelWord, parseNumberLabel, upperRoman } from './numbering';

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

describe('numbering: what people type', () => {
  it('takes a self-closing number straight into any script, a bare one only before a non-letter', () => {
    expect(parseNumberLabel('③DX推進', FUKUSHIMA_SCHEME)).toEqual({ depth: 2, rest: 'DX推進' });
    expect(parseNumberLabel('(2)ICT活用', FUKUSHIMA_SCHEME)).toEqual({ depth: 1, rest: 'ICT活用' });
    expect(parseNumberLabel('（２）ＩＣＴ活用', FUKUSHIMA_SCHEME)).toEqual({ depth: 1, rest: 'ＩＣＴ活用' });
    expect(parseNumberLabel('⑦EC販路', FUKUSHIMA_SCHEME)).toEqual({ depth: 2, rest: 'EC販路' });
    expect(parseNumberLabel('ⅣDX人材', KORIYAMA_SCHEME)).toEqual({ depth: 0, rest: 'DX人材' });
    // `3D` and `IVR` are words, not numbers.
    expect(parseNumberLabel('3Dプリンタ', FUKUSHIMA_SCHEME)).toBeNull();
    expect(parseNumberLabel('IVR導入', KORIYAMA_SCHEME)?.depth).not.toBe(0);
  });

  it('reads a level printed without its parent prefix', () => {
    expect(parseNumberLabel('3. 産学官連携と技術革新', KORIYAMA_SCHEME)).toEqual({ depth: 1, rest: '産学官連携と技術革新' });
    expect(parseNumberLabel('Ⅱ-3 産学官連携', KORIYAMA_SCHEME)?.depth).toBe(1);
  });

  it('reads level words, with their number in the same cell or without', () => {
    expect(parseLevelWord('基本目標 3.', KORIYAMA_SCHEME)).toEqual({ word: '基本目標', depth: null, number: '3.', rest: '' });
    expect(parseLevelWord('目標Ⅰ 2. 地域資源を活かした産業の振興', KORIYAMA_SCHEME)).toEqual({
      word: '目標',
      depth: 1,
      number: 'Ⅰ 2.',
      rest: '地域資源を活かした産業の振興',
    });
    expect(parseLevelWord('目標 III', KORIYAMA_SCHEME)).toMatchObject({ depth: 1, number: 'III', rest: '' });
    expect(parseLevelWord('第１章　総論', FUKUSHIMA_SCHEME)).toMatchObject({ word: '章', number: '1', rest: '総論' });
    expect(parseLevelWord('施策体系', FUKUSHIMA_SCHEME)).toMatchObject({ depth: 0, rest: '' });
    expect(parseLevelWord('【基本目標１】産業の振興', KORIYAMA_SCHEME)).toMatchObject({ word: '基本目標', number: '1', rest: '産業の振興' });
    expect(parseLevelWord('基本目標２：人材の育成', KORIYAMA_SCHEME)).toMatchObject({ word: '基本目標', rest: '人材の育成' });
    // A name that starts with a level's name is a name.
    expect(parseLevelWord('施策の推進', FUKUSHIMA_SCHEME)).toBeNull();
  });

  it('knows a cell that is only a number', () => {
    for (const text of ['3.', '(2)', '（２）', 'Ⅱ-3', '①', 'III', 'ア.']) expect(isBareNumber(text)).toBe(true);
    for (const text of ['1 経営', 'e-commerce', '2025年', '']) expect(isBareNumber(text)).toBe(false);
  });
});
