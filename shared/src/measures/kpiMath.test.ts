import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { GradeRule, KpiDirection, KpiRecord, Measured } from './model';
import { BLANK, DEFAULT_GRADE_RULES, NONE, UNGRADED, WITHHELD, num } from './model';
import { gradeFigures, kpiFigures, latestActualYear, numericValue } from './kpiMath';
import { FUKUSHIMA_KPIS } from './fixtures/fukushimaKpis';

function makeKpi(
  direction: KpiDirection,
  baseline: Measured,
  target: Measured,
  actuals: Record<string, Measured>,
): KpiRecord {
  return {
    id: 'k',
    attachTo: '',
    key: '',
    name: 'test',
    formerNames: [],
    unit: '件',
    direction,
    components: [],
    baseline: { value: baseline, fiscalYear: 2020, label: '' },
    target: { value: target, fiscalYear: 2025 },
    actuals,
    source: '',
  };
}

const at2023 = (direction: KpiDirection, baseline: number, target: number, actual: number) =>
  kpiFigures(makeKpi(direction, num(baseline), num(target), { '2023': num(actual) }), 2023);

describe('numericValue', () => {
  it('sums components only when every one is a number', () => {
    expect(numericValue(num(3))).toBe(3);
    expect(numericValue({ kind: 'parts', parts: { 複数: num(15), 単身: num(10) } })).toBe(25);
    expect(numericValue({ kind: 'parts', parts: { 複数: num(15), 単身: NONE } })).toBeNull();
    expect(numericValue({ kind: 'parts', parts: {} })).toBeNull();
    for (const missing of [NONE, BLANK, WITHHELD]) expect(numericValue(missing)).toBeNull();
  });
});

describe('kpiFigures', () => {
  it('reproduces 中心市街地空き店舗数 110 → 80, 102 in R5', () => {
    const f = at2023('lower', 110, 80, 102);
    expect(f.progress).toBeCloseTo(0.2667, 4);
    expect(f.achievement).toBeCloseTo(0.7843, 4);
    expect(f.met).toBe(false);
    expect(f.regressed).toBe(false);
    expect(f.grade).toBe('A');
    expect(f.gradeLabel).toBe('基準値より改善');
  });

  it('scores a higher-is-better KPI by actual ÷ target', () => {
    const f = at2023('higher', 100, 200, 150);
    expect(f).toMatchObject({ actual: 150, baseline: 100, target: 200, achievement: 0.75, progress: 0.5, met: false, regressed: false, binary: false });
    expect(at2023('higher', 100, 200, 200).met).toBe(true);
  });

  it('counts an actual of zero that meets a lower target as fully achieved', () => {
    expect(at2023('lower', 10, 5, 0)).toMatchObject({ achievement: 1, met: true, grade: 'S' });
  });

  it('judges a zero target (待機児童数) as met or not', () => {
    expect(at2023('lower', 22, 0, 0)).toMatchObject({ binary: true, achievement: null, met: true, progress: 1, grade: 'S' });
    expect(at2023('lower', 22, 0, 3)).toMatchObject({ binary: true, achievement: null, met: false, grade: 'A' });
  });

  it('judges a keep KPI as held or not, with no ratio or progress', () => {
    expect(at2023('keep', 4, 4, 4)).toMatchObject({ binary: true, achievement: null, progress: null, met: true, regressed: false, grade: 'S' });
    expect(at2023('keep', 4, 4, 5)).toMatchObject({ met: true, regressed: false });
    expect(at2023('keep', 4, 4, 3)).toMatchObject({ met: false, regressed: true, grade: 'C' });
  });

  it('keeps the baseline as the level when 現状維持 prints no target figure', () => {
    const f = kpiFigures(makeKpi('keep', num(4), NONE, { '2023': num(4) }), 2023);
    expect(f).toMatchObject({ target: 4, met: true, grade: 'S' });
  });

  it('has no progress when baseline and target coincide', () => {
    expect(at2023('higher', 4, 4, 5).progress).toBeNull();
  });

  it('cannot grade a year without an actual figure', () => {
    for (const actual of [NONE, BLANK, WITHHELD]) {
      const f = kpiFigures(makeKpi('higher', num(1), num(2), { '2023': actual }), 2023);
      expect(f).toMatchObject({ actual: null, achievement: null, progress: null, met: null, regressed: null, grade: UNGRADED, gradeLabel: '評価できません' });
    }
    const missingYear = kpiFigures(makeKpi('higher', num(1), num(2), {}), 2024);
    expect(missingYear).toMatchObject({ fiscalYear: 2024, actual: null, grade: UNGRADED });
  });

  it('grades within 10% of the baseline as B, beyond as C', () => {
    expect(at2023('higher', 100, 120, 90).grade).toBe('B');
    expect(at2023('higher', 100, 120, 89.9).grade).toBe('C');
    expect(at2023('lower', 100, 80, 110).grade).toBe('B');
    expect(at2023('lower', 100, 80, 110.1).grade).toBe('C');
    expect(at2023('higher', 100, 120, 100).grade).toBe('B');
    // A zero baseline leaves room only for equality.
    expect(at2023('lower', 0, 0, 0).grade).toBe('S');
    expect(at2023('higher', 0, 5, 0).grade).toBe('B');
  });

  it('falls through to UNGRADED when no rule matches', () => {
    const f = kpiFigures(makeKpi('higher', NONE, num(80), { '2023': num(10) }), 2023);
    expect(f).toMatchObject({ achievement: 0.125, progress: null, regressed: null, grade: UNGRADED });
  });
});

describe('gradeFigures', () => {
  const rules: GradeRule[] = [
    { grade: 'a', label: '達成', when: { kind: 'achieved' } },
    { grade: 'b', label: '半分以上', when: { kind: 'progressAtLeast', percent: 50 } },
    { grade: 'c', label: '3割以上', when: { kind: 'progressAtLeast', percent: 29 } },
    { grade: 'd', label: 'その他', when: { kind: 'always' } },
  ];
  const input = (progress: number | null, met: boolean) => ({ actual: 1, baseline: 0, met, progress, direction: 'higher' as const });

  it('takes the first rule that holds', () => {
    expect(gradeFigures(input(1, true), rules)).toEqual({ grade: 'a', gradeLabel: '達成' });
    expect(gradeFigures(input(0.5, false), rules)).toEqual({ grade: 'b', gradeLabel: '半分以上' });
    // 0.29 * 100 is 28.999999999999996 in floating point.
    expect(gradeFigures(input(0.29, false), rules).grade).toBe('c');
    expect(gradeFigures(input(null, false), rules).grade).toBe('d');
  });

  it('defaults to DEFAULT_GRADE_RULES', () => {
    expect(gradeFigures(input(1, true))).toEqual({ grade: 'S', gradeLabel: DEFAULT_GRADE_RULES[0]!.label });
  });

  it('grades nothing without an actual, whatever the rules', () => {
    expect(gradeFigures({ ...input(1, true), actual: null }, rules)).toEqual({ grade: UNGRADED, gradeLabel: '評価できません' });
  });
});

describe('latestActualYear', () => {
  it('finds the latest fiscal year with a numeric actual', () => {
    expect(latestActualYear(makeKpi('higher', num(1), num(2), { '2022': num(1), '2023': num(2), '2024': BLANK }))).toBe(2023);
    expect(latestActualYear(makeKpi('higher', num(1), num(2), { '2024': NONE, '2022': num(1) }))).toBe(2022);
    expect(latestActualYear(makeKpi('higher', num(1), num(2), { '2022': NONE }))).toBeNull();
  });
});

// Values with at most two decimals, as plans print them.
const value = fc.integer({ min: -1_000_000, max: 1_000_000 }).map((n) => n / 100);

describe('properties', () => {
  it('progress grows as the actual moves towards the target', () => {
    fc.assert(
      fc.property(value, value, value, value, fc.constantFrom<KpiDirection>('higher', 'lower'), (b, t, a1, a2, direction) => {
        fc.pre(b !== t);
        const [lo, hi] = a1 <= a2 ? [a1, a2] : [a2, a1];
        const pLo = at2023(direction, b, t, lo).progress!;
        const pHi = at2023(direction, b, t, hi).progress!;
        // Towards the target means upwards when the target lies above the baseline.
        if (t > b) expect(pLo).toBeLessThanOrEqual(pHi);
        else expect(pLo).toBeGreaterThanOrEqual(pHi);
      }),
    );
  });

  it('mirroring a higher KPI gives the lower KPI the same progress, verdicts and grade', () => {
    fc.assert(
      fc.property(value, value, value, (b, t, a) => {
        const higher = at2023('higher', b, t, a);
        const lower = at2023('lower', -b, -t, -a);
        expect(lower.progress).toBe(higher.progress);
        expect(lower.met).toBe(higher.met);
        expect(lower.regressed).toBe(higher.regressed);
        expect(lower.grade).toBe(higher.grade);
      }),
    );
  });

  it('met means achievement of at least 1 when there is a ratio', () => {
    const positive = fc.integer({ min: 1, max: 1_000_000 }).map((n) => n / 100);
    fc.assert(
      fc.property(positive, positive, positive, fc.constantFrom<KpiDirection>('higher', 'lower'), (b, t, a, direction) => {
        const f = at2023(direction, b, t, a);
        expect(f.achievement).not.toBeNull();
        expect(f.met).toBe(f.achievement! >= 1);
      }),
    );
  });

  it('grades S exactly when met, and regressed KPIs never better than C under the default rules', () => {
    fc.assert(
      fc.property(value, value, value, fc.constantFrom<KpiDirection>('higher', 'lower', 'keep'), (b, t, a, direction) => {
        const f = at2023(direction, b, t, a);
        expect(f.grade === 'S').toBe(f.met === true);
        if (f.regressed && !f.met) expect(['B', 'C']).toContain(f.grade);
      }),
    );
  });
});

describe('福島市 成果指標一覧, FY2023 (R5)', () => {
  it('has the 20 KPIs', () => {
    expect(FUKUSHIMA_KPIS.map((row) => row.kpi.id)).toEqual(Array.from({ length: 20 }, (_, i) => `kpi-${String(i + 1).padStart(2, '0')}`));
  });

  it.each(FUKUSHIMA_KPIS.map((row) => [row.kpi.id, row.kpi.name, row] as const))('%s %s', (_id, _name, row) => {
    const f = kpiFigures(row.kpi, 2023);
    const expected = row.r5;
    expect(f.fiscalYear).toBe(2023);
    expect(f.binary).toBe(expected.binary);
    expect(f.met).toBe(expected.met);
    expect(f.regressed).toBe(expected.regressed);
    expect(f.grade).toBe(expected.grade);
    for (const key of ['actual', 'baseline', 'target', 'achievement', 'progress'] as const) {
      const want = expected[key];
      if (want === null) expect(f[key], key).toBeNull();
      else expect(f[key], key).toBeCloseTo(want, 4);
    }
  });

  it('has R5 as the latest actual year wherever R5 has a figure', () => {
    for (const { kpi, r5 } of FUKUSHIMA_KPIS) {
      expect(latestActualYear(kpi), kpi.id).toBe(r5.actual === null ? null : 2023);
    }
  });
});
