import { describe, expect, it } from 'vitest';
import { DEFAULT_MEASURE_SETTINGS, type MeasureTable, num } from '../measures/model';
import {
  blankTable,
  fiscalYearInTitle,
  formatPeriod,
  nextEditionPeriod,
  nextEditionTable,
  nextEditionTitle,
  nextEditionYear,
  periodOf,
  templateTable,
  withYearColumn,
} from './editions';

const table: MeasureTable = {
  settings: { ...DEFAULT_MEASURE_SETTINGS, actualYears: [2022, 2023, 2024, 2025], baselineYear: 2020, targetYear: 2025 },
  nodes: [{ id: 'n1', kind: 'measure', position: { parent: null, key: 'a0' }, title: '創業支援', description: '', projectId: null, status: null }],
  projects: [],
  kpis: [
    {
      id: 'k1',
      attachTo: 'n1',
      key: 'a0',
      name: '創業件数',
      formerNames: [],
      unit: '件',
      direction: 'higher',
      components: [],
      baseline: { value: num(10), fiscalYear: 2020, label: '(R2)' },
      target: { value: num(40), fiscalYear: 2025 },
      actuals: { '2022': num(12), '2023': num(18), '2024': num(25) },
      source: '',
    },
  ],
  actors: [{ id: 'a1', name: '事業者', key: 'a0' }],
  roleCells: { 'n1|a1': '◎' },
};

describe('nextEditionTitle', () => {
  it('moves the era year on by one', () => {
    expect(nextEditionTitle('中小企業振興プログラム 令和7年度版', 2026)).toBe('中小企業振興プログラム 令和8年度版');
  });
  it('reads 元 and writes 元 across the change of era', () => {
    expect(nextEditionTitle('令和元年度版 計画', 2020)).toBe('令和2年度版 計画');
    expect(nextEditionTitle('平成30年度版', 2019)).toBe('令和元年度版');
  });
  it('keeps full-width digits full-width', () => {
    expect(nextEditionTitle('プログラム（令和７年度版）', 2026)).toBe('プログラム（令和８年度版）');
    expect(nextEditionTitle('２０２５年度版', 2026)).toBe('２０２６年度版');
  });
  it('moves a western year on', () => {
    expect(nextEditionTitle('産業振興計画 2025年度版', 2026)).toBe('産業振興計画 2026年度版');
  });
  it('appends the new year when the title names none', () => {
    expect(nextEditionTitle('産業振興ビジョン', 2026)).toBe('産業振興ビジョン（令和8年度版）');
  });
  it('finds the year a title names', () => {
    expect(fiscalYearInTitle('令和元年度')).toBe(2019);
    expect(fiscalYearInTitle('令和７年度版')).toBe(2025);
    expect(fiscalYearInTitle('ビジョン')).toBeNull();
  });
});

describe('the next edition', () => {
  it('adds the year after the last column and rolls the period on by a year', () => {
    const period = periodOf(null, table.settings);
    expect(period).toEqual({ from: 2022, to: 2025 });
    const year = nextEditionYear(period, table.settings);
    expect(year).toBe(2026);
    expect(nextEditionPeriod(period, year)).toEqual({ from: 2023, to: 2026 });
    expect(formatPeriod({ from: 2023, to: 2026 })).toBe('令和5年度〜令和8年度');
  });

  it('keeps every KPI with its actuals, and adds the column', () => {
    const next = nextEditionTable(table, 2026);
    expect(next.settings.actualYears).toEqual([2022, 2023, 2024, 2025, 2026]);
    expect(next.settings.targetYear).toBe(2025);
    expect(next.settings.baselineYear).toBe(2020);
    expect(next.kpis).toEqual(table.kpis);
    expect(next.nodes).toEqual(table.nodes);
    expect(next.roleCells).toEqual(table.roleCells);
  });

  it('drops the oldest column past twenty', () => {
    const years = Array.from({ length: 20 }, (_, i) => 2000 + i);
    expect(withYearColumn(years, 2020)).toEqual([...years.slice(1), 2020]);
    expect(withYearColumn([2024, 2025], 2025)).toEqual([2024, 2025]);
  });
});

describe('new tables', () => {
  it('a blank table takes its columns from the period', () => {
    const blank = blankTable({ from: 2026, to: 2029 });
    expect(blank.settings.actualYears).toEqual([2026, 2027, 2028, 2029]);
    expect(blank.settings.baselineYear).toBe(2025);
    expect(blank.settings.targetYear).toBe(2029);
    expect(blank.kpis).toEqual([]);
  });

  it('a template copies levels, columns, rules and actors, and no content', () => {
    const copy = templateTable(table);
    expect(copy.settings).toEqual(table.settings);
    expect(copy.settings).not.toBe(table.settings);
    expect(copy.actors).toEqual(table.actors);
    expect(copy.nodes).toEqual([]);
    expect(copy.kpis).toEqual([]);
    expect(copy.projects).toEqual([]);
    expect(copy.roleCells).toEqual({});
  });
});
