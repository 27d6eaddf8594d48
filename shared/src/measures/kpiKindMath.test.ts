import { describe, expect, it } from 'vitest';
import type { KpiTargetKind } from './kpiKinds';
import type { KpiRecord, KpiValue, Measured } from './model';
import { BLANK, num } from './model';
import { kpiFigures, ratioDisplay, type KpiFigures } from './kpiMath';

/**
 * Every target kind's 達成率 / 進捗率 / met / grade, worked out by hand (DEFAULT_GRADE_RULES:
 * S 達成, A 改善, B 基準値から10%以内, C 悪化). Each row: the KPI, the year, what the arithmetic
 * gives, with the arithmetic in the comment beside it.
 */

function kpi(over: Partial<KpiRecord> & { b?: Measured; t?: Measured; a?: Record<string, Measured> }): KpiRecord {
  const { b, t, a, ...rest } = over;
  return {
    id: 'k',
    attachTo: '',
    key: '',
    name: 'test',
    formerNames: [],
    unit: '%',
    direction: 'higher',
    components: [],
    baseline: { value: b ?? BLANK, fiscalYear: 2020, label: '' },
    target: { value: t ?? BLANK, fiscalYear: 2025 },
    actuals: a ?? {},
    source: '',
    ...rest,
  };
}

const parts = (multiple: number, single: number): Measured => {
  const p: Record<string, KpiValue> = { 複数: num(multiple), 単身: num(single) };
  return { kind: 'parts', parts: p };
};

type Row = {
  name: string;
  kpi: KpiRecord;
  year: number;
  expected: Partial<KpiFigures>;
};

const range = (low: number, high: number): KpiTargetKind => ({ kind: 'range', low, high });

const ROWS: Row[] = [
  {
    name: 'value, baseline = target (4 → 4), actual 4',
    kpi: kpi({ unit: '件/年', b: num(4), t: num(4), a: { '2023': num(4) } }),
    year: 2023,
    // 4/4 = 1 → 100 %, not 「達成」; 進捗率: target − baseline = 0, no distance to cover
    expected: { achievement: 1, progress: null, met: true, binary: false, grade: 'S', notApplicable: { progress: 'targetEqualsBaseline' } },
  },
  {
    name: 'range 25〜50, baseline 20 below the band, actual 30 inside',
    kpi: kpi({ targetKind: range(25, 50), b: num(20), a: { '2023': num(30) } }),
    year: 2023,
    // inside → 100 %; 進捗率 1 − dist(30)/dist(20) = 1 − 0/5 = 1 (capped: inside is the goal)
    expected: { target: null, targetRange: { low: 25, high: 50 }, achievement: 1, progress: 1, met: true, grade: 'S' },
  },
  {
    name: 'range 25〜50, baseline 10, actual 60 overshoots the band',
    kpi: kpi({ targetKind: range(25, 50), b: num(10), a: { '2023': num(60) } }),
    year: 2023,
    // above: 50/60 = 0.83333; dist(60) = 10, dist(10) = 15: 進捗率 1 − 10/15 = 0.33333 (less
    // than 40 inside, which is 1); nearer the band than the baseline: better → A
    expected: { achievement: 50 / 60, progress: 1 / 3, met: false, regressed: false, grade: 'A' },
  },
  {
    name: 'range 25〜50, baseline 10, actual 40 inside',
    kpi: kpi({ targetKind: range(25, 50), b: num(10), a: { '2023': num(40) } }),
    year: 2023,
    // inside: 進捗率 1 − 0/15 = 1, 達成率 1
    expected: { achievement: 1, progress: 1, met: true, grade: 'S' },
  },
  {
    name: 'range 25〜50, baseline 20, actual 14 further below',
    kpi: kpi({ targetKind: range(25, 50), b: num(20), a: { '2023': num(14) } }),
    year: 2023,
    // 14/25 = 0.56; dist 11 vs 5: 進捗率 1 − 11/5 = −1.2; distance grew by 6 > 10% of 20 = 2 → C
    expected: { achievement: 0.56, progress: -1.2, met: false, regressed: true, grade: 'C' },
  },
  {
    name: 'range 25〜50, baseline 20, actual 22 still below',
    kpi: kpi({ targetKind: range(25, 50), b: num(20), a: { '2023': num(22) } }),
    year: 2023,
    // below: 22/25 = 0.88; progress (22 − 20)/(25 − 20) = 0.4; distance 3 < 5: better → A
    expected: { achievement: 0.88, progress: 0.4, met: false, regressed: false, grade: 'A' },
  },
  {
    name: 'range 50〜25 typed high first, baseline 60 above, actual 55',
    kpi: kpi({ targetKind: range(50, 25), b: num(60), a: { '2023': num(55) } }),
    year: 2023,
    // above: 50/55 = 0.90909; progress to 50: (55 − 60)/(50 − 60) = 0.5; distance 5 < 10 → A
    expected: { targetRange: { low: 25, high: 50 }, achievement: 50 / 55, progress: 0.5, met: false, grade: 'A' },
  },
  {
    name: 'range 25〜50, baseline 30 already inside, actual 51',
    kpi: kpi({ targetKind: range(25, 50), b: num(30), a: { '2023': num(51) } }),
    year: 2023,
    // above: 50/51 = 0.98039; no progress (baseline in range); distance 1 > 0: worse, but the
    // distance grew by 1 − 0 = 1 ≤ 10% of 30 = 3 → B (not |51 − 30| = 21)
    expected: { achievement: 50 / 51, progress: null, met: false, regressed: true, grade: 'B', notApplicable: { progress: 'baselineInRange' } },
  },
  {
    name: 'relative ×2.5 on baseline 10, actual 20',
    kpi: kpi({ unit: '社', targetKind: { kind: 'relative', mode: 'factor', amount: 2.5 }, b: num(10), a: { '2023': num(20) } }),
    year: 2023,
    // target 10 × 2.5 = 25; 20/25 = 0.8; (20 − 10)/(25 − 10) = 0.66667; better → A
    expected: { target: 25, achievement: 0.8, progress: 10 / 15, met: false, grade: 'A' },
  },
  {
    name: 'relative +10ポイント on 45.2%, actual 50.2%',
    kpi: kpi({ targetKind: { kind: 'relative', mode: 'points', amount: 10 }, b: num(45.2), a: { '2023': num(50.2) } }),
    year: 2023,
    // target 45.2 + 10 = 55.2; 50.2/55.2 = 0.90942; (50.2 − 45.2)/10 = 0.5
    expected: { target: 55.2, achievement: 50.2 / 55.2, progress: 0.5, met: false, grade: 'A' },
  },
  {
    name: 'relative +10% on 200, actual 231',
    kpi: kpi({ unit: '件', targetKind: { kind: 'relative', mode: 'percent', amount: 10 }, b: num(200), a: { '2023': num(231) } }),
    year: 2023,
    // target 200 × 1.1 = 220; 231/220 = 1.05; (231 − 200)/(220 − 200) = 1.55; met → S
    expected: { target: 220, achievement: 1.05, progress: 1.55, met: true, grade: 'S' },
  },
  {
    name: 'relative ×2.5 without a baseline',
    kpi: kpi({ targetKind: { kind: 'relative', mode: 'factor', amount: 2.5 }, a: { '2023': num(20) } }),
    year: 2023,
    // nothing to multiply: no target, nothing judged but the figure itself
    expected: { target: null, achievement: null, progress: null, met: null, grade: '—', notApplicable: { achievement: 'noBaseline', progress: 'noBaseline' } },
  },
  {
    name: 'cumulative 100 from R3 (baseline R2 = 0): 18 + 22 + 25 by R5',
    kpi: kpi({ unit: '件', targetKind: { kind: 'cumulative', fromYear: null }, b: num(0), t: num(100), a: { '2021': num(18), '2022': num(22), '2023': num(25) } }),
    year: 2023,
    // 18 + 22 + 25 = 65; 65/100 = 0.65; (65 − 0)/(100 − 0) = 0.65; the year's own figure is 25
    expected: { actual: 65, yearActual: 25, achievement: 0.65, progress: 0.65, met: false, grade: 'A', period: { years: [2021, 2022, 2023], counted: [2021, 2022, 2023], complete: true } },
  },
  {
    name: 'cumulative, baseline R2 累計 50 (a running total), target R7 累計 100: R3–R5 = 12 + 10 + 8',
    kpi: kpi({ unit: '社', targetKind: { kind: 'cumulative', fromYear: null }, b: num(50), t: num(100), a: { '2021': num(12), '2022': num(10), '2023': num(8) } }),
    year: 2023,
    // judged figure 50 + 12 + 10 + 8 = 80; 達成率 80/100 = 0.8; 進捗率 Σ/(target − baseline) =
    // 30/50 = 0.6; 80 > 50: better → A
    expected: { actual: 80, yearActual: 8, achievement: 0.8, progress: 0.6, met: false, regressed: false, grade: 'A' },
  },
  {
    name: 'cumulative, baseline 50, a year with nothing added (R3 = 0) before the target year',
    kpi: kpi({ unit: '社', targetKind: { kind: 'cumulative', fromYear: null }, b: num(50), t: num(100), a: { '2021': num(0) } }),
    year: 2021,
    // 50 + 0 = 50: same as the baseline, 0 % progress; |50 − 50| = 0 ≤ 5 → B
    expected: { actual: 50, achievement: 0.5, progress: 0, regressed: false, grade: 'B' },
  },
  {
    name: 'cumulative, a correction (R3 = −3) before the target year is not called worse',
    kpi: kpi({ unit: '件', targetKind: { kind: 'cumulative', fromYear: null }, b: num(50), t: num(100), a: { '2021': num(-3) } }),
    year: 2021,
    // 50 − 3 = 47 < 50, but the period runs to R7: versus / regressed null, so no C; nothing else
    // holds → 期間の途中
    expected: { actual: 47, progress: -0.06, regressed: null, grade: '—', gradeLabel: '期間の途中' },
  },
  {
    name: 'cumulative counted from R4 (fromYear 2022)',
    kpi: kpi({ unit: '件', targetKind: { kind: 'cumulative', fromYear: 2022 }, b: num(0), t: num(40), a: { '2021': num(18), '2022': num(22), '2023': num(25) } }),
    year: 2023,
    // 22 + 25 = 47 ≥ 40: met; 47/40 = 1.175
    expected: { actual: 47, achievement: 1.175, met: true, grade: 'S' },
  },
  {
    name: 'cumulative, the year not yet reported',
    kpi: kpi({ targetKind: { kind: 'cumulative', fromYear: null }, b: num(0), t: num(100), a: { '2021': num(18) } }),
    year: 2022,
    // a total is reported with its year: nothing yet for R4
    expected: { actual: null, assessed: false, grade: '—' },
  },
  {
    name: 'cumulative, a year before the count starts',
    kpi: kpi({ targetKind: { kind: 'cumulative', fromYear: 2022 }, b: num(0), t: num(100), a: { '2021': num(18) } }),
    year: 2021,
    // R3 lies before R4, where the count starts: nothing to judge, not a total of 0
    expected: { actual: null, yearActual: 18, assessed: false },
  },
  {
    name: '年平均 over R3–R7, three years in',
    kpi: kpi({ targetKind: { kind: 'aggregate', method: 'mean', years: [2021, 2022, 2023, 2024, 2025] }, b: num(2), t: num(3), a: { '2021': num(2.5), '2022': num(3.5), '2023': num(2.4) } }),
    year: 2023,
    // (2.5 + 3.5 + 2.4)/3 = 2.8; 2.8/3 = 0.93333; (2.8 − 2)/(3 − 2) = 0.8; R6, R7 still to come
    expected: { actual: 2.8, achievement: 2.8 / 3, progress: 0.8, met: false, grade: 'A', period: { years: [2021, 2022, 2023, 2024, 2025], counted: [2021, 2022, 2023], complete: false } },
  },
  {
    name: '幾何平均 of 4 and 9',
    kpi: kpi({ targetKind: { kind: 'aggregate', method: 'geometricMean', years: [2021, 2022] }, b: num(4), t: num(5), a: { '2021': num(4), '2022': num(9) } }),
    year: 2022,
    // √(4 × 9) = 6; 6/5 = 1.2; (6 − 4)/(5 − 4) = 2; met → S
    expected: { actual: 6, achievement: 1.2, progress: 2, met: true, grade: 'S' },
  },
  {
    name: '幾何平均 with a zero year',
    kpi: kpi({ targetKind: { kind: 'aggregate', method: 'geometricMean', years: [2021, 2022] }, b: num(4), t: num(5), a: { '2021': num(0), '2022': num(9) } }),
    year: 2022,
    // log 0 does not exist: not applicable
    expected: { actual: null, achievement: null, notApplicable: { achievement: 'nonPositive', progress: 'nonPositive' } },
  },
  {
    name: 'total over named years R3–R5',
    kpi: kpi({ unit: '人', targetKind: { kind: 'aggregate', method: 'total', years: [2021, 2022, 2023] }, b: num(40), t: num(50), a: { '2021': num(10), '2022': num(20), '2023': num(30) } }),
    year: 2023,
    // 10 + 20 + 30 = 60; 60/50 = 1.2; (60 − 40)/(50 − 40) = 2; met → S
    expected: { actual: 60, achievement: 1.2, progress: 2, met: true, grade: 'S' },
  },
  {
    name: 'total over R3–R5 (baseline 40, target 50), R3 = 10: the period is running',
    kpi: kpi({ unit: '人', targetKind: { kind: 'aggregate', method: 'total', years: [2021, 2022, 2023] }, b: num(40), t: num(50), a: { '2021': num(10), '2022': num(20), '2023': num(30) } }),
    year: 2021,
    // 10 so far of 50: 達成率 0.2; a part-period total is not compared with the whole-period
    // baseline: no 進捗率, versus / regressed null, not C but 期間の途中
    expected: { actual: 10, achievement: 0.2, progress: null, regressed: null, met: false, grade: '—', gradeLabel: '期間の途中', notApplicable: { progress: 'periodIncomplete' } },
  },
  {
    name: 'total over R3–R5, met before the period ends',
    kpi: kpi({ unit: '人', targetKind: { kind: 'aggregate', method: 'total', years: [2021, 2022, 2023] }, b: num(40), t: num(50), a: { '2021': num(30), '2022': num(25) } }),
    year: 2022,
    // 30 + 25 = 55 ≥ 50: met → S even mid-period; 55/50 = 1.1
    expected: { actual: 55, achievement: 1.1, met: true, grade: 'S' },
  },
  {
    name: 'total over R3–R5, period over, short of the baseline',
    kpi: kpi({ unit: '人', targetKind: { kind: 'aggregate', method: 'total', years: [2021, 2022, 2023] }, b: num(40), t: num(50), a: { '2021': num(10), '2022': num(10), '2023': num(10) } }),
    year: 2023,
    // 30 < 40 with the period complete: worse; (30 − 40)/(50 − 40) = −1; |30 − 40| = 10 > 4 → C
    expected: { actual: 30, progress: -1, regressed: true, grade: 'C' },
  },
  {
    name: 'qualitative 均衡, judged met',
    kpi: kpi({ targetKind: { kind: 'qualitative', wording: '均衡' }, a: { '2023': { kind: 'judgement', met: true, note: '収支均衡を確認' } } }),
    year: 2023,
    // staff said met: S; no ratio and no progress for a judgement
    expected: { met: true, binary: true, assessed: true, achievement: null, progress: null, grade: 'S', judgement: { met: true, note: '収支均衡を確認' }, notApplicable: { achievement: 'qualitative', progress: 'qualitative' } },
  },
  {
    name: 'qualitative 実施, judged not met',
    kpi: kpi({ targetKind: { kind: 'qualitative', wording: '実施' }, a: { '2023': { kind: 'judgement', met: false, note: '' } } }),
    year: 2023,
    // staff judged it not met: the 「基準値より悪化」 rule (C), not 評価できません
    expected: { met: false, assessed: true, grade: 'C', gradeLabel: '基準値より悪化' },
  },
  {
    name: 'qualitative, not judged yet',
    kpi: kpi({ targetKind: { kind: 'qualitative', wording: '実施' } }),
    year: 2023,
    expected: { met: null, assessed: false, grade: '—', gradeLabel: '評価できません' },
  },
  {
    name: 'sub-figure 7社（11人） against 10社',
    kpi: kpi({ unit: '社', subFigure: { label: '雇用者数', unit: '人' }, b: num(5), t: num(10), a: { '2023': { kind: 'number', value: 7, sub: 11 } } }),
    year: 2023,
    // judged on the first figure: 7/10 = 0.7; (7 − 5)/(10 − 5) = 0.4; the 11 is kept
    expected: { actual: 7, sub: 11, achievement: 0.7, progress: 0.4, grade: 'A' },
  },
  {
    name: '複数 / 単身 judged on the sum',
    kpi: kpi({ unit: '世帯', components: ['複数', '単身'], b: parts(4, 4), t: parts(6, 4), a: { '2023': parts(7, 3) } }),
    year: 2023,
    // sum 7 + 3 = 10 against 6 + 4 = 10: met, 100 %; (10 − 8)/(10 − 8) = 1
    expected: { actual: 10, target: 10, achievement: 1, progress: 1, met: true, grade: 'S' },
  },
  {
    name: '複数 / 単身 judged part by part',
    kpi: kpi({ unit: '世帯', components: ['複数', '単身'], partsJudged: 'each', b: parts(4, 4), t: parts(6, 4), a: { '2023': parts(7, 3) } }),
    year: 2023,
    // 複数 7/6 = 1.1667 met; 単身 3/4 = 0.75 not met → not met, 達成率 the weaker 0.75;
    // 単身's target = baseline: no progress, so none for the whole; 単身 fell 4 → 3: regressed,
    // graded part by part: 複数 met → S; 単身 3 < 4, |3 − 4| = 1 > 0.4 → C; the worst is C
    expected: { met: false, achievement: 0.75, progress: null, regressed: true, grade: 'C' },
  },
  {
    name: '複数 / 単身 judged each: 100 → 99 and 10 → 30, targets 110 and 20',
    kpi: kpi({ unit: '人', components: ['複数', '単身'], partsJudged: 'each', b: parts(100, 10), t: parts(110, 20), a: { '2023': parts(99, 30) } }),
    year: 2023,
    // 複数 99 < 100 by 1 ≤ 10 → B; 単身 30 ≥ 20 → S; worst in rule order: B (the sum's
    // |129 − 110| = 19 > 11 would have said C)
    expected: { met: false, regressed: true, grade: 'B', gradeLabel: '基準値から10%以内' },
  },
];

describe('kpiFigures for every target kind (hand-worked)', () => {
  it.each(ROWS.map((row) => [row.name, row] as const))('%s', (_name, { kpi: record, year, expected }) => {
    const figures = kpiFigures(record, year);
    for (const [field, value] of Object.entries(expected)) {
      const actual = figures[field as keyof KpiFigures];
      if (typeof value === 'number') expect(actual, field).toBeCloseTo(value, 9);
      else expect(actual, field).toEqual(value);
    }
  });

  it('shows each part of a composite KPI', () => {
    const record = ROWS.find((row) => row.name === '複数 / 単身 judged part by part')!.kpi;
    const { parts: shown } = kpiFigures(record, 2023);
    // 複数: 7/6, (7 − 4)/(6 − 4) = 1.5, met; 単身: 3/4 = 0.75, no progress, not met, regressed
    expect(shown.map((p) => [p.name, p.actual, p.target, p.met, p.regressed])).toEqual([
      ['複数', 7, 6, true, false],
      ['単身', 3, 4, false, true],
    ]);
    expect(shown[0]!.achievement).toBeCloseTo(7 / 6, 9);
    expect(shown[0]!.progress).toBeCloseTo(1.5, 9);
    expect(shown[1]!.progress).toBeNull();
    expect(shown.map((p) => p.grade)).toEqual(['S', 'C']);
  });

  it('reads a KPI without a kind exactly as before (value)', () => {
    const plain = kpi({ unit: '件', b: num(110), t: num(80), direction: 'lower', a: { '2023': num(102) } });
    const figures = kpiFigures(plain, 2023);
    // 空き店舗数 110 → 80, 102: (102 − 110)/(80 − 110) = 0.26667; 80/102 = 0.78431
    expect(figures.kind).toBe('value');
    expect(figures.progress).toBeCloseTo(8 / 30, 9);
    expect(figures.achievement).toBeCloseTo(80 / 102, 9);
    expect(figures.yearActual).toBe(102);
    expect(figures.parts).toEqual([]);
  });
});

describe('ratioDisplay: one rule for showing 達成率 / 進捗率', () => {
  const show = (record: KpiRecord, year: number) => {
    const figures = kpiFigures(record, year);
    return [ratioDisplay(figures, 'achievement'), ratioDisplay(figures, 'progress')];
  };

  it('a plain figure: both percentages', () => {
    // 7/10 = 0.7; (7 − 5)/(10 − 5) = 0.4
    const [a, p] = show(kpi({ b: num(5), t: num(10), a: { '2023': num(7) } }), 2023);
    expect(a).toEqual({ kind: 'percent', value: 0.7 });
    expect(p!.kind).toBe('percent');
    expect((p as { value: number }).value).toBeCloseTo(0.4, 9);
  });

  it('a 維持 KPI: 達成 / 未達成 as its 達成率, and why there is no 進捗率', () => {
    expect(show(kpi({ direction: 'keep', b: num(5), t: num(5), a: { '2023': num(4) } }), 2023)).toEqual([
      { kind: 'met', met: false },
      { kind: 'na', reason: 'keep' },
    ]);
  });

  it('a qualitative KPI judged met', () => {
    const record = kpi({ targetKind: { kind: 'qualitative', wording: '実施' }, a: { '2023': { kind: 'judgement', met: true, note: '' } } });
    expect(show(record, 2023)).toEqual([
      { kind: 'met', met: true },
      { kind: 'na', reason: 'qualitative' },
    ]);
  });

  it('a figure with no baseline: a 達成率, and 進捗率 not applicable with the reason', () => {
    expect(show(kpi({ t: num(10), a: { '2023': num(5) } }), 2023)).toEqual([
      { kind: 'percent', value: 0.5 },
      { kind: 'na', reason: 'noBaseline' },
    ]);
  });

  it('nothing recorded yet: nothing to show, whatever the reason would be', () => {
    expect(show(kpi({ t: num(10) }), 2023)).toEqual([{ kind: 'none' }, { kind: 'none' }]);
  });
});
