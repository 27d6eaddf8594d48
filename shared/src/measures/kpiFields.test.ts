import { describe, expect, it } from 'vitest';
import { targetKindWords } from './kpiFields';
import { num, type KpiRecord } from './model';
import { targetText } from './text/kpiText';

const kpi = (fields: Partial<KpiRecord>): KpiRecord => ({
  id: 'k',
  attachTo: '',
  key: '',
  name: '',
  formerNames: [],
  unit: '%',
  direction: 'higher',
  components: [],
  baseline: { value: num(10), fiscalYear: 2020, label: '' },
  target: { value: num(20), fiscalYear: 2025 },
  actuals: {},
  source: '',
  ...fields,
});

describe('target kind words', () => {
  it('word every kind for the 新旧対照表, a range low first however it was typed', () => {
    expect(targetKindWords(undefined)).toBe('目標値');
    expect(targetKindWords({ kind: 'value' })).toBe('目標値');
    expect(targetKindWords({ kind: 'range', low: 50, high: 25 })).toBe('範囲 25〜50');
    expect(targetKindWords({ kind: 'relative', mode: 'factor', amount: 2.5 })).toBe('基準値の2.5倍');
    expect(targetKindWords({ kind: 'relative', mode: 'points', amount: 10 })).toBe('基準値から+10ポイント');
    expect(targetKindWords({ kind: 'relative', mode: 'percent', amount: -5 })).toBe('基準値から-5%');
    expect(targetKindWords({ kind: 'cumulative', fromYear: null })).toBe('累計');
    expect(targetKindWords({ kind: 'cumulative', fromYear: 2022 })).toBe('累計（R4から）');
    expect(targetKindWords({ kind: 'aggregate', method: 'geometricMean', years: [2023, 2024] })).toBe('幾何平均（R5・R6）');
    expect(targetKindWords({ kind: 'qualitative', wording: '均衡' })).toBe('定性: 均衡');
  });

  it('print the target with the same words and the same range bounds', () => {
    expect(targetText(kpi({ targetKind: { kind: 'range', low: 50, high: 25 } }), 2025)).toBe('25〜50%');
    expect(targetText(kpi({ targetKind: { kind: 'relative', mode: 'points', amount: 10 } }), 2025)).toBe('+10ポイント');
    expect(targetText(kpi({ targetKind: { kind: 'relative', mode: 'factor', amount: 2.5 } }), 2025)).toBe('2.5倍');
    expect(targetText(kpi({ unit: '件', targetKind: { kind: 'aggregate', method: 'mean', years: [2023, 2024] } }), 2025)).toBe('年平均 20 件');
    expect(targetText(kpi({ unit: '件', targetKind: { kind: 'cumulative', fromYear: null } }), 2025)).toBe('累計 20 件');
  });
});
