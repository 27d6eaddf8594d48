import type { GradeRule, KpiDirection, KpiRecord, Measured } from './model';
import { DEFAULT_GRADE_RULES, UNGRADED } from './model';

/**
 * The figures a progress report shows for one KPI and one fiscal year. The rules are the
 * evaluation conventions of municipal plans (施策評価):
 *
 * - 達成率 (achievement): for a higher-is-better KPI actual ÷ target; for a lower-is-better
 *   one target ÷ actual, so that beating the target still reads as ≥ 1 (an actual of 0
 *   that meets the target counts as 1). A lower KPI whose target is 0 (待機児童数ゼロ) has
 *   no ratio: it is met or not (`binary`). A keep KPI (維持) is binary too.
 * - 進捗率 (progress): how far from the baseline towards the target the actual has come,
 *   (actual − baseline) ÷ (target − baseline). It is the same formula in every direction,
 *   because target − baseline carries the sign. None for a keep KPI, or when baseline and
 *   target coincide.
 * - met: actual ≥ target (higher), actual ≤ target (lower), actual ≥ target (keep:
 *   maintaining means holding at least the level).
 * - regressed: the actual is strictly worse than the baseline in the KPI's direction; a
 *   keep KPI regresses when it falls below the baseline.
 * - A KPI with components (複数 / 単身) is judged on the sum of its components.
 */

export type KpiFigures = {
  fiscalYear: number;
  actual: number | null;
  baseline: number | null;
  target: number | null;
  /** Ratio, 1 = target reached exactly. */
  achievement: number | null;
  /** Ratio, 0 = at the baseline, 1 = at the target. */
  progress: number | null;
  met: boolean | null;
  regressed: boolean | null;
  /** Judged only as met / not met: there is no meaningful ratio. */
  binary: boolean;
  grade: string;
  gradeLabel: string;
};

/** What grading needs: the figures plus the direction that says which way is better. */
export type GradeInput = Pick<KpiFigures, 'actual' | 'baseline' | 'met' | 'progress'> & {
  direction: KpiDirection;
};

const NOT_ASSESSABLE = '評価できません';
const NO_RULE_MATCHED = '該当する評価なし';

/** A single figure, or the sum of components when every component is a number. */
export function numericValue(m: Measured): number | null {
  switch (m.kind) {
    case 'number':
      return m.value;
    case 'parts': {
      const values = Object.values(m.parts);
      if (values.length === 0) return null;
      let sum = 0;
      for (const v of values) {
        if (v.kind !== 'number') return null;
        sum += v.value;
      }
      return sum;
    }
    default:
      return null;
  }
}

/** +1 when a larger actual is better, −1 when a smaller one is. */
function sense(direction: KpiDirection): 1 | -1 {
  return direction === 'lower' ? -1 : 1;
}

function compareToBaseline(direction: KpiDirection, actual: number, baseline: number): 'better' | 'same' | 'worse' {
  const delta = (actual - baseline) * sense(direction);
  return delta > 0 ? 'better' : delta < 0 ? 'worse' : 'same';
}

function isMet(direction: KpiDirection, actual: number, target: number): boolean {
  return direction === 'lower' ? actual <= target : actual >= target;
}

function achievementOf(direction: KpiDirection, actual: number, target: number, met: boolean): number | null {
  if (direction === 'higher') return target === 0 ? null : actual / target;
  if (actual === 0) return met ? 1 : null;
  return target / actual;
}

export function kpiFigures(kpi: KpiRecord, fiscalYear: number, rules: readonly GradeRule[] = DEFAULT_GRADE_RULES): KpiFigures {
  const { direction } = kpi;
  const actualValue = kpi.actuals[String(fiscalYear)];
  const actual = actualValue ? numericValue(actualValue) : null;
  const baseline = numericValue(kpi.baseline.value);
  const printedTarget = numericValue(kpi.target.value);
  // 現状維持 prints no target figure: the level to keep is the baseline.
  const target = direction === 'keep' ? (printedTarget ?? baseline) : printedTarget;

  const binary = direction === 'keep' || (direction === 'lower' && target === 0);
  const met = actual !== null && target !== null ? isMet(direction, actual, target) : null;
  const achievement =
    actual !== null && target !== null && met !== null && !binary ? achievementOf(direction, actual, target, met) : null;
  const progress =
    direction !== 'keep' && actual !== null && baseline !== null && target !== null && target !== baseline
      ? // + 0 turns the -0 of "no movement towards a lower target" into 0, which prints as 0%.
        (actual - baseline) / (target - baseline) + 0
      : null;
  const regressed =
    actual !== null && baseline !== null ? compareToBaseline(direction, actual, baseline) === 'worse' : null;

  const { grade, gradeLabel } = gradeFigures({ actual, baseline, met, progress, direction }, rules);
  return { fiscalYear, actual, baseline, target, achievement, progress, met, regressed, binary, grade, gradeLabel };
}

// Ratios are compared in percent; allow for 0.29 * 100 = 28.999999999999996.
const EPSILON = 1e-9;

function matches(rule: GradeRule, f: GradeInput, actual: number): boolean {
  const versusBaseline = f.baseline === null ? null : compareToBaseline(f.direction, actual, f.baseline);
  const when = rule.when;
  switch (when.kind) {
    case 'achieved':
      return f.met === true;
    case 'betterThanBaseline':
      return versusBaseline === 'better';
    case 'worseThanBaseline':
      return versusBaseline === 'worse';
    case 'withinOfBaseline': {
      if (f.baseline === null || versusBaseline === 'better') return false;
      // Relative to the baseline; a baseline of 0 leaves no room but equality.
      const allowed = (when.percent / 100) * Math.abs(f.baseline);
      return Math.abs(actual - f.baseline) <= allowed * (1 + EPSILON);
    }
    case 'progressAtLeast':
      return f.progress !== null && f.progress * 100 >= when.percent - EPSILON;
    case 'always':
      return true;
  }
}

/**
 * The first rule that holds, or UNGRADED. Nothing is graded without an actual figure.
 * Conditions: `achieved` ⇔ met; `betterThanBaseline` / `worseThanBaseline` need a numeric
 * baseline and a strict difference in the KPI's direction (keep counts upwards as better);
 * `withinOfBaseline` holds when the actual is not better but within `percent` % of the
 * baseline's size (a zero baseline only when equal); `progressAtLeast` compares 進捗率 in
 * percent; `always` is the catch-all a council may add as its last rule.
 */
export function gradeFigures(
  f: GradeInput,
  rules: readonly GradeRule[] = DEFAULT_GRADE_RULES,
): { grade: string; gradeLabel: string } {
  const { actual } = f;
  if (actual === null) return { grade: UNGRADED, gradeLabel: NOT_ASSESSABLE };
  const rule = rules.find((r) => matches(r, f, actual));
  return rule ? { grade: rule.grade, gradeLabel: rule.label } : { grade: UNGRADED, gradeLabel: NO_RULE_MATCHED };
}

/** The latest fiscal year with a numeric actual, or null when there is none yet. */
export function latestActualYear(kpi: KpiRecord): number | null {
  let latest: number | null = null;
  for (const [key, value] of Object.entries(kpi.actuals)) {
    if (!/^\d+$/.test(key) || numericValue(value) === null) continue;
    const year = Number(key);
    if (latest === null || year > latest) latest = year;
  }
  return latest;
}
