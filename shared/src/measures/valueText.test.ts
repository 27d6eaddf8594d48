import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { KpiValue, Measured } from './model';
import { BLANK, NONE, WITHHELD, num } from './model';
import { formatMeasured, formatNumber, parseFigure, parseNumberText } from './valueText';
import type { ParsedFigure } from './valueText';

function read(text: string, options?: { components?: readonly string[] }): ParsedFigure {
  const result = parseFigure(text, options);
  if (!result.ok) throw new Error(`${text}: ${result.problem.code} ${result.problem.detail}`);
  return result.figure;
}

function problemOf(text: string, options?: { components?: readonly string[] }): string | null {
  const result = parseFigure(text, options);
  return result.ok ? null : result.problem.code;
}

const plain = { label: '', labelFiscalYear: null, direction: null };

describe('parseFigure', () => {
  it('reads a number and its unit', () => {
    expect(read('433 件/年')).toEqual({ value: num(433), unit: '件/年', ...plain });
    expect(read('433件')).toEqual({ value: num(433), unit: '件', ...plain });
    expect(read('1,200 商品')).toEqual({ value: num(1200), unit: '商品', ...plain });
    expect(read('71.2%')).toEqual({ value: num(71.2), unit: '%', ...plain });
    expect(read('0人')).toEqual({ value: num(0), unit: '人', ...plain });
    expect(read('18 企業・団体')).toEqual({ value: num(18), unit: '企業・団体', ...plain });
    expect(read('42')).toEqual({ value: num(42), unit: '', ...plain });
  });

  it('reads full-width digits, separators and percent signs', () => {
    expect(read('１，２００　商品')).toEqual({ value: num(1200), unit: '商品', ...plain });
    expect(read('６３．２％')).toEqual({ value: num(63.2), unit: '%', ...plain });
  });

  it('reads negative numbers, including the Japanese △', () => {
    expect(read('-3').value).toEqual(num(-3));
    expect(read('△3').value).toEqual(num(-3));
    expect(read('▲1,500 千円')).toEqual({ value: num(-1500), unit: '千円', ...plain });
  });

  it('keeps the year label and reads its fiscal year', () => {
    expect(read('30,926 t (R1)')).toEqual({ value: num(30926), unit: 't', label: '(R1)', labelFiscalYear: 2019, direction: null });
    expect(read('63.2%(R1)')).toMatchObject({ value: num(63.2), unit: '%', label: '(R1)', labelFiscalYear: 2019 });
    expect(read('313 事業所 (R3.8月現在)')).toMatchObject({ value: num(313), unit: '事業所', label: '(R3.8月現在)', labelFiscalYear: 2021 });
    expect(read('313 事業所 （R3.8 月現在）')).toMatchObject({ label: '(R3.8月現在)', labelFiscalYear: 2021 });
    expect(read('12 件 (見込み)')).toMatchObject({ value: num(12), label: '(見込み)', labelFiscalYear: null });
  });

  it('reads the direction word', () => {
    expect(read('24,200 t 以下')).toEqual({ value: num(24200), unit: 't', label: '', labelFiscalYear: null, direction: 'lower' });
    expect(read('80 以上')).toMatchObject({ value: num(80), unit: '', direction: 'higher' });
    expect(read('4 件/年 維持')).toMatchObject({ value: num(4), unit: '件/年', direction: 'keep' });
    expect(read('100 t 以下 (R7)')).toMatchObject({ value: num(100), unit: 't', direction: 'lower', labelFiscalYear: 2025 });
  });

  it('reads 現状維持 as keep with no figure of its own', () => {
    expect(read('現状維持')).toEqual({ value: NONE, unit: '', ...plain, direction: 'keep' });
  });

  it('tells missing apart from zero', () => {
    for (const dash of ['—', '―', '－', '-', 'ー', ' — ']) expect(read(dash).value, dash).toEqual(NONE);
    for (const x of ['X', 'Ｘ', 'x']) expect(read(x).value, x).toEqual(WITHHELD);
    for (const empty of ['', '   ', '　']) expect(read(empty).value).toEqual(BLANK);
    expect(read('— 件')).toMatchObject({ value: NONE, unit: '件' });
  });

  it('reads named components', () => {
    const parts = (a: KpiValue, b: KpiValue): Measured => ({ kind: 'parts', parts: { 複数: a, 単身: b } });
    expect(read('複数 1 世帯/年 単身 1 世帯/年')).toEqual({ value: parts(num(1), num(1)), unit: '世帯/年', ...plain });
    expect(read('複数 15 世帯 単身 10 世帯')).toEqual({ value: parts(num(15), num(10)), unit: '世帯', ...plain });
    expect(read('複数 — 単身 3 世帯')).toEqual({ value: parts(NONE, num(3)), unit: '世帯', ...plain });
    expect(read('複数 4 世帯/年 単身 4 世帯/年', { components: ['単身', '複数'] }).value).toEqual(parts(num(4), num(4)));
  });

  it('checks components against the expected names', () => {
    expect(problemOf('複数 1 世帯 独身 1 世帯', { components: ['複数', '単身'] })).toBe('componentMismatch');
    expect(problemOf('複数 1 世帯', { components: ['複数', '単身'] })).toBe('componentMismatch');
    expect(problemOf('複数 1 世帯 単身 1 世帯', { components: [] })).toBe('componentMismatch');
    expect(problemOf('5 世帯', { components: ['複数', '単身'] })).toBe('componentMismatch');
    expect(problemOf('複数 1 世帯 単身 1 人')).toBe('componentMismatch');
    expect(problemOf('複数 1 世帯 複数 2 世帯')).toBe('componentMismatch');
    // A component KPI may still have no figure at all.
    expect(read('—', { components: ['複数', '単身'] }).value).toEqual(NONE);
  });

  it('refuses text without a readable number', () => {
    for (const text of ['abc', '(R1)', '以上', '約 30 件', '1,20 t', '30 926 t', '未集計']) {
      expect(problemOf(text), text).toBe('unreadableNumber');
    }
  });

  it('refuses prose', () => {
    expect(problemOf('1 件 '.repeat(100))).toBe('tooLong');
  });

  it('never throws', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), (s) => {
        parseFigure(s);
      }),
    );
  });
});

describe('formatNumber', () => {
  it('groups thousands and keeps up to two decimals', () => {
    expect(formatNumber(30926)).toBe('30,926');
    expect(formatNumber(63.2)).toBe('63.2');
    expect(formatNumber(1234567.891)).toBe('1,234,567.89');
    expect(formatNumber(0)).toBe('0');
    expect(formatNumber(-3)).toBe('-3');
    expect(formatNumber(-0.001)).toBe('0');
    expect(formatNumber(999.999)).toBe('1,000');
  });
});

describe('formatMeasured', () => {
  it('prints figures as the seeds do', () => {
    expect(formatMeasured(num(433), '件/年')).toBe('433 件/年');
    expect(formatMeasured(num(30926), 't')).toBe('30,926 t');
    expect(formatMeasured(num(63.2), '%')).toBe('63.2%');
    expect(formatMeasured(num(42), '')).toBe('42');
    expect(formatMeasured(NONE, '件')).toBe('—');
    expect(formatMeasured(BLANK, '件')).toBe('');
    expect(formatMeasured(WITHHELD, '件')).toBe('X');
  });

  it('prints components in the KPI order', () => {
    const value: Measured = { kind: 'parts', parts: { 単身: num(4), 複数: num(4) } };
    expect(formatMeasured(value, '世帯/年', { components: ['複数', '単身'] })).toBe('複数 4 世帯/年 単身 4 世帯/年');
    expect(formatMeasured({ kind: 'parts', parts: { 複数: NONE, 単身: num(3) } }, '世帯')).toBe('複数 — 単身 3 世帯');
  });
});

const units = ['件/年', '件', 't', '%', '人', '事業所', '企業・団体', '商品', '千円', ''];
// Two decimals at most, which is what formatNumber keeps.
const figure = fc.integer({ min: -1e11, max: 1e11 }).map((n) => n / 100);

describe('figure round trip', () => {
  it('reads back a single figure', () => {
    fc.assert(
      fc.property(figure, fc.constantFrom(...units), (value, unit) => {
        expect(read(formatMeasured(num(value), unit))).toEqual({ value: num(value), unit, ...plain });
      }),
    );
  });

  it('reads back missing figures', () => {
    for (const value of [NONE, WITHHELD, BLANK]) expect(read(formatMeasured(value, '件')).value).toEqual(value);
  });

  it('reads back components', () => {
    const part = fc.oneof(figure.map(num), fc.constant(NONE), fc.constant(WITHHELD));
    fc.assert(
      fc.property(part, part, fc.constantFrom(...units.filter((u) => u !== '')), (a, b, unit) => {
        // A component KPI with no figure in any part prints no unit to read back.
        fc.pre(a.kind === 'number' || b.kind === 'number');
        const value: Measured = { kind: 'parts', parts: { 複数: a, 単身: b } };
        const text = formatMeasured(value, unit, { components: ['複数', '単身'] });
        expect(read(text, { components: ['複数', '単身'] })).toEqual({ value, unit, ...plain });
      }),
    );
  });
});

describe('judgements and sub-figures', () => {
  it('reads and prints a staff judgement of a qualitative KPI', () => {
    const read = parseFigure('未達成（予算未計上）');
    expect(read.ok && read.figure.value).toEqual({ kind: 'judgement', met: false, note: '予算未計上' });
    expect(formatMeasured({ kind: 'judgement', met: false, note: '予算未計上' }, '件')).toBe('未達成 (予算未計上)');
    expect(formatMeasured({ kind: 'judgement', met: true, note: '' }, '件')).toBe('達成');
  });

  it('reads 7社（11人） as a figure with its sub-figure, and prints it back', () => {
    const read = parseFigure('7社（11人）');
    expect(read.ok && read.figure).toMatchObject({ value: { kind: 'number', value: 7, sub: 11 }, unit: '社', subUnit: '人', label: '' });
    expect(formatMeasured({ kind: 'number', value: 7, sub: 11 }, '社', { subUnit: '人' })).toBe('7 社 (11 人)');
    // A date in brackets is the figure's note, not a second figure.
    const dated = parseFigure('433 件 (3月末現在)');
    expect(dated.ok && dated.figure).toMatchObject({ value: { kind: 'number', value: 433 }, label: '(3月末現在)' });
    expect(dated.ok && dated.figure.value).not.toHaveProperty('sub');
    // A year in brackets is still the figure's note.
    const noted = parseFigure('30,926 t (R1)');
    expect(noted.ok && noted.figure).toMatchObject({ value: { kind: 'number', value: 30926 }, label: '(R1)' });
  });
});

describe('parseNumberText: one typed number', () => {
  it.each([
    ['25', 25],
    ['2.5', 2.5],
    ['1,234', 1234],
    ['−3', -3],
    ['△3', -3],
    ['▲0.5', -0.5],
    ['+5', 5],
    ['２５', 25],
    ['＋１０', 10],
    [' 7 ', 7],
    ['-0', 0],
  ] as const)('%s → %d', (text, expected) => {
    expect(parseNumberText(text)).toBe(expected);
  });

  it.each(['', 'abc', '1,2', '1.', '10件', '1 2', '--3'])('refuses %j', (text) => {
    expect(parseNumberText(text)).toBeNull();
  });
});
