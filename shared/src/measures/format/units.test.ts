import { describe, expect, it } from 'vitest';
import { kpiListRows } from '../export/rows';
import { importKpiList } from '../import/kpiList';
import type { KpiTargetKind } from '../kpiKinds';
import type { KpiRecord, MeasureTable, Measured } from '../model';
import { BLANK, DEFAULT_MEASURE_SETTINGS, num } from '../model';
import { actualText, baselineText, targetText } from '../text/kpiText';
import { deriveTable } from '../tree';
import { kpiFigureText, unitFor } from './units';

function kpi(id: string, over: Partial<KpiRecord>): KpiRecord {
  return {
    id,
    attachTo: 'm',
    key: `a${id}`,
    name: `指標${id}`,
    formerNames: [],
    unit: '件/年',
    direction: 'higher',
    components: [],
    baseline: { value: num(433), fiscalYear: 2020, label: '' },
    target: { value: num(480), fiscalYear: 2025 },
    actuals: { '2023': num(433) },
    source: '',
    ...over,
  };
}

describe('one unit formatter', () => {
  it('prints a year’s actual without /年 and the baseline and target with it, wherever it is called from', () => {
    const record = kpi('1', {});
    expect(unitFor('件/年', 'actual')).toBe('件');
    expect(unitFor('件/年', 'target')).toBe('件/年');
    expect(kpiFigureText(record, num(433), 'actual')).toBe('433 件');
    // The export's cells come from the same function as the screen's.
    expect(actualText(record, 2023)).toBe(kpiFigureText(record, record.actuals['2023']!, 'actual'));
    expect(baselineText(record, 2020)).toBe('433 件/年');
    expect(targetText(record, 2025)).toBe('480 件/年');
  });

  it('prints a sub-figure in its own unit', () => {
    const record = kpi('1', { unit: '社', subFigure: { label: '雇用者数', unit: '人' } });
    expect(kpiFigureText(record, { kind: 'number', value: 7, sub: 11 }, 'actual')).toBe('7 社 (11 人)');
  });
});

describe('target kinds survive an export and an import', () => {
  const kinds: Array<[KpiTargetKind, Measured, string]> = [
    [{ kind: 'range', low: 25, high: 50 }, BLANK, '25〜50%'],
    [{ kind: 'relative', mode: 'factor', amount: 2.5 }, BLANK, '2.5倍'],
    [{ kind: 'relative', mode: 'points', amount: 10 }, BLANK, '+10ポイント'],
    [{ kind: 'relative', mode: 'percent', amount: 10 }, BLANK, '+10%'],
    [{ kind: 'cumulative', fromYear: null }, num(100), '累計 100%'],
    [{ kind: 'aggregate', method: 'mean', years: [2022, 2023, 2024, 2025] }, num(30), '年平均 30%'],
    [{ kind: 'qualitative', wording: '均衡' }, BLANK, '均衡'],
  ];
  const records = kinds.map(([targetKind, target], i) =>
    kpi(String(i + 1), {
      unit: '%',
      targetKind,
      baseline: { value: num(20), fiscalYear: 2020, label: '' },
      target: { value: target, fiscalYear: 2025 },
      actuals: targetKind.kind === 'qualitative' ? { '2023': { kind: 'judgement', met: true, note: '' } } : { '2023': num(21) },
    }),
  );
  const table: MeasureTable = {
    settings: DEFAULT_MEASURE_SETTINGS,
    nodes: [{ id: 'm', kind: 'measure', position: { parent: null, key: 'V' }, title: '施策', description: '', projectId: null, status: null }],
    projects: [],
    kpis: records,
    actors: [],
    roleCells: {},
  };
  const rows = kpiListRows(deriveTable(table), DEFAULT_MEASURE_SETTINGS);

  it('prints each kind’s target as plans do', () => {
    expect(rows.slice(2).map((row) => row[3])).toEqual(kinds.map(([, , printed]) => printed));
    expect(rows.at(-1)![5]).toBe('達成');
  });

  it('reads every kind back', () => {
    const back = importKpiList(rows);
    expect(back.problems).toEqual([]);
    expect(back.value.map((row) => row.targetKind)).toEqual(kinds.map(([kind]) => kind));
    expect(back.value.at(-1)!.actuals['2023']).toEqual({ kind: 'judgement', met: true, note: '' });
  });
});
