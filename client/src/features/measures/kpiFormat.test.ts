import { describe, expect, it } from 'vitest';
import { kpiFigures, num, type KpiRecord } from '@sakutei/shared/measures';
import type { MessageKey } from '../../i18n';
import { en } from '../../i18n/en';
import { ja } from '../../i18n/ja';
import { achievementText, actualYearsOf, describeValue, parseList, progressText, yearLong, yearShort } from './kpiFormat';
import { smallTable } from './testTable';

describe('kpiFormat', () => {
  it('prints fiscal years as the programme does', () => {
    expect(yearShort(2022)).toBe('R4');
    expect(yearLong(2025, 'ja')).toBe('令和7年度');
  });

  it('adds the years on record to the plan’s year columns, in order', () => {
    const { derived, ids } = smallTable();
    const kpi = derived.kpiById.get(ids.kpi)!.kpi;
    const withActual = { ...kpi, actuals: { ...kpi.actuals, '2019': { kind: 'blank' as const } } };
    expect(actualYearsOf(withActual, [2023, 2024])).toEqual([2019, 2023, 2024]);
    expect(actualYearsOf(kpi, [2024, 2023])).toEqual([2023, 2024]);
  });

  it('splits a typed list, trims it, drops blanks and repeats, and cuts long items', () => {
    expect(parseList('空き店舗数、 空き店舗数,\n中心市街地', /[,、，\n]+/, 400)).toEqual(['空き店舗数', '中心市街地']);
    expect(parseList('あいうえお', /,/, 3)).toEqual(['あいう']);
  });
});

describe('figures per KPI kind, in words', () => {
  const tJa = (key: MessageKey) => ja[key];
  const tEn = (key: MessageKey) => en[key];
  const base: KpiRecord = {
    id: 'k',
    attachTo: '',
    key: '',
    name: '',
    formerNames: [],
    unit: '件/年',
    direction: 'higher',
    components: [],
    baseline: { value: num(4), fiscalYear: 2020, label: '' },
    target: { value: num(4), fiscalYear: 2025 },
    actuals: { '2023': num(4) },
    source: '',
  };

  it('shows 100 % for a target equal to its baseline, and says why there is no 進捗率', () => {
    const figures = kpiFigures(base, 2023);
    expect(achievementText(figures, tJa)).toBe('100.0%');
    expect(progressText(figures, tJa)).toBe('対象外（目標値が基準値と同じ）');
    expect(progressText(figures, tEn)).toBe('n/a (target equals the baseline)');
  });

  it('words a staff judgement and a qualitative KPI’s missing ratios', () => {
    const kpi: KpiRecord = { ...base, targetKind: { kind: 'qualitative', wording: '均衡' }, actuals: { '2023': { kind: 'judgement', met: false, note: '' } } };
    const figures = kpiFigures(kpi, 2023);
    expect(achievementText(figures, tJa)).toBe('未達成');
    expect(progressText(figures, tJa)).toBe('対象外（定性目標）');
    expect(describeValue(kpi.actuals['2023'], kpi, 'actual', tEn)).toBe('Not met');
  });

  it('prints a year’s actual in the unit the export uses', () => {
    expect(describeValue(num(433), base, 'actual', tJa)).toBe('433 件');
    expect(describeValue(num(480), base, 'target', tJa)).toBe('480 件/年');
  });
});
