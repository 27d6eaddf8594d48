import { describe, expect, it } from 'vitest';
import { actualYearsOf, parseList, yearLong, yearShort } from './kpiFormat';
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
