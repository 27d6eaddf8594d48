import type { GradeRule, KpiDirection, KpiRecord, Measured } from './model';
import { DEFAULT_GRADE_RULES, UNGRADED } from './model';
import { VALUE_KIND, type KpiTargetKind, type KpiTargetKindName } from './kpiKinds';
import {
  distanceToRange,
  rangeOf,
  resolvedTarget,
  yearFigure,
  type NotApplicableReason,
  type Period,
  type Picker,
} from './kpiKindMath';

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
 * - A KPI with components (複数 / 単身) is judged on the sum of its components, or, when the
 *   plan says so (`partsJudged: 'each'`), part by part: met only when every part is met, its
 *   達成率 / 進捗率 those of the weakest part, regressed when any part is. Every part's own
 *   figures are in `parts` either way.
 *
 * Target kinds (`targetKind`, see kpiKinds.ts and kpiKindMath.ts):
 * - value: as above. A baseline equal to the target is no special case: 4 → 4, actual 4 is
 *   100 %, its 進捗率 not applicable (no distance to cover).
 * - range [low, high]: met inside the band. 達成率 is 100 % inside, actual ÷ low below it,
 *   high ÷ actual above it (the higher / lower conventions towards the nearer bound). 進捗率
 *   is 1 − dist(actual) ÷ dist(baseline), dist being the distance to the band: 100 % inside,
 *   and overshooting the band counts as distance, not progress. Not applicable when the
 *   baseline is inside. Better / worse than the baseline means nearer to / further from the
 *   band, and 「基準値から p% 以内」 compares those distances: dist(actual) − dist(baseline).
 * - relative: the target is worked out from the baseline, then judged as a value target.
 * - cumulative: the year is judged on baseline + the sum of the actuals so far (the baseline
 *   is itself a running total, kpiKindMath `yearFigure`) against the period's target; 進捗率 =
 *   Σ ÷ (target − baseline). Before the target year nothing is called worse than the
 *   baseline (versus / regressed null): a running total is not a level.
 * - aggregate: the year is judged on the mean / geometric mean / total of the named years so
 *   far (`period` says which were counted). A total is not compared with the baseline (a
 *   whole period's figure) before the last named year: versus / regressed null, 進捗率 not
 *   applicable (`periodIncomplete`), and the grade is 「期間の途中」 unless the target is met.
 * - qualitative: staff record a judgement (met / not met, a note); no ratio, no progress. A
 *   judgement of not met matches the plan's 「基準値より悪化」 rule (`worseThanBaseline`),
 *   met matches 「目標達成」.
 * - parts judged each: every part is graded on its own (`parts[].grade`); the KPI gets the
 *   worst of them in the order of the plan's rules (an ungraded part makes it ungraded).
 */

export type KpiPartFigures = {
  name: string;
  actual: number | null;
  baseline: number | null;
  target: number | null;
  achievement: number | null;
  progress: number | null;
  met: boolean | null;
  regressed: boolean | null;
  /** Judged only as met / not met (a target of 0, 維持): the part's 達成率 shows 達成 / 未達成. */
  binary: boolean;
  /** Why the part's 達成率 or 進捗率 is not given, as for the whole. */
  notApplicable: { achievement?: NotApplicableReason; progress?: NotApplicableReason };
  /** Whether the part had a figure to judge. */
  assessed: boolean;
  /** The part's own grade (parts judged each grade the whole by the worst of these). */
  grade: string;
  gradeLabel: string;
};

export type KpiFigures = {
  fiscalYear: number;
  /** The figure the year is judged on: the year's actual, or the cumulative / aggregate figure. */
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
  /** The target's kind (`value` for a KPI that names none). */
  kind: KpiTargetKindName;
  /** The year's own recorded figure (differs from `actual` for cumulative and aggregate KPIs). */
  yearActual: number | null;
  /** A range target's band; `target` is null then. */
  targetRange: { low: number; high: number } | null;
  /** A qualitative KPI's staff judgement for the year. */
  judgement: { met: boolean; note: string } | null;
  /** The second figure of `7社（11人）` recorded with the year's actual. */
  sub: number | null;
  /** Each component's figures (empty for a single-figure KPI). */
  parts: KpiPartFigures[];
  /** Whether there was anything to judge: a figure, or a judgement. */
  assessed: boolean;
  /** Why 達成率 or 進捗率 is not given, when it is not. */
  notApplicable: { achievement?: NotApplicableReason; progress?: NotApplicableReason };
  /** The years a cumulative or aggregate figure is made of, and those that had a figure. */
  period: Period | null;
};

/** What grading needs: the figures plus the direction that says which way is better. */
export type GradeInput = Pick<KpiFigures, 'actual' | 'baseline' | 'met' | 'progress'> & {
  direction: KpiDirection;
  /** Set when "better than the baseline" is not a plain comparison (ranges, parts judged each). */
  versusBaseline?: Versus | null;
  /** A qualitative KPI has a judgement but no figure; it is graded on `met` alone. */
  judged?: boolean;
  /**
   * How far the actual fell behind the baseline, for 「基準値から p% 以内」, when that is not
   * |actual − baseline| (a range: the growth of the distance to the band).
   */
  shortfall?: number | null;
};

type Versus = 'better' | 'same' | 'worse';

const NOT_ASSESSABLE = '評価できません';
const NO_RULE_MATCHED = '該当する評価なし';
const PERIOD_PENDING = '期間の途中';

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

/** One named component's number, or null when the figure has no such numeric part. */
export function partValue(m: Measured, name: string): number | null {
  if (m.kind !== 'parts') return null;
  const part = m.parts[name];
  return part?.kind === 'number' ? part.value : null;
}

/** +1 when a larger actual is better, −1 when a smaller one is. */
function sense(direction: KpiDirection): 1 | -1 {
  return direction === 'lower' ? -1 : 1;
}

function compareToBaseline(direction: KpiDirection, actual: number, baseline: number): Versus {
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

type Judged = Omit<KpiPartFigures, 'name' | 'grade' | 'gradeLabel' | 'assessed'> & {
  versus: Versus | null;
  /** For 「基準値から p% 以内」 when not |actual − baseline| (GradeInput `shortfall`). */
  shortfall?: number | null;
  /** A cumulative or total figure whose period is still running: not compared with the baseline. */
  pending: boolean;
  targetRange: { low: number; high: number } | null;
  period: Period | null;
};

/** The figures of one number picked from the KPI's values (the whole, or one part). */
function judge(kpi: KpiRecord, kind: KpiTargetKind, fiscalYear: number, pick: Picker): Judged {
  const { direction } = kpi;
  const figure = yearFigure(kpi, kind, fiscalYear, pick);
  const actual = figure.value;
  const baseline = pick(kpi.baseline.value);
  const resolved = resolvedTarget(kind, direction, pick(kpi.target.value), baseline);
  const target = resolved.value;
  const range = rangeOf(kind);
  const base = { actual, baseline, target, targetRange: range, period: figure.period, pending: false };

  if (range) {
    const met = actual === null ? null : distanceToRange(actual, range) === 0;
    const achievement =
      actual === null ? null : met ? 1 : actual < range.low ? (range.low === 0 ? null : actual / range.low) : actual === 0 ? null : range.high / actual;
    const progressReason: NotApplicableReason | undefined =
      baseline === null ? 'noBaseline' : distanceToRange(baseline, range) === 0 ? 'baselineInRange' : undefined;
    // The share of the baseline's distance to the band that is gone: 1 inside the band, and
    // never more (overshooting the far bound is distance again). + 0: no -0.
    const progress =
      progressReason || actual === null || baseline === null ? null : 1 - distanceToRange(actual, range) / distanceToRange(baseline, range) + 0;
    const distances = actual === null || baseline === null ? null : { actual: distanceToRange(actual, range), baseline: distanceToRange(baseline, range) };
    const versus = distances === null ? null : compareDistances(distances.actual, distances.baseline);
    const shortfall = distances === null ? null : distances.actual - distances.baseline;
    const notApplicable = reasons(undefined, progressReason);
    return { ...base, achievement, progress, met, regressed: versus === null ? null : versus === 'worse', binary: false, versus, shortfall, notApplicable };
  }

  const binary = direction === 'keep' || (direction === 'lower' && target === 0);
  const pending = periodPending(kpi, kind, fiscalYear);
  // Why a ratio is not given, the reason that wins first. Each ratio is given exactly when its
  // chain yields no reason, so a new reason is added here and nowhere else.
  const achievementReason: NotApplicableReason | undefined =
    direction === 'keep' ? 'keep' : binary ? 'targetZero' : (resolved.notApplicable ?? figure.notApplicable);
  const progressReason: NotApplicableReason | undefined =
    pending && kind.kind === 'aggregate'
      ? 'periodIncomplete'
      : direction === 'keep'
        ? 'keep'
        : baseline !== null && target === baseline
          ? 'targetEqualsBaseline'
          : (resolved.notApplicable ?? figure.notApplicable ?? (baseline === null ? 'noBaseline' : undefined));
  const met = actual !== null && target !== null ? isMet(direction, actual, target) : null;
  const achievement = achievementReason || actual === null || target === null || met === null ? null : achievementOf(direction, actual, target, met);
  const progress =
    progressReason || actual === null || baseline === null || target === null
      ? null
      : // + 0 turns the -0 of "no movement towards a lower target" into 0, which prints as 0%.
        (actual - baseline) / (target - baseline) + 0;
  const notApplicable = reasons(achievementReason, progressReason);
  const compared = actual !== null && baseline !== null ? compareToBaseline(direction, actual, baseline) : null;
  // A running total is not a level: before its period ends it is never called worse than the
  // baseline; a period total is not compared with it at all until then.
  const versus = pending && (kind.kind === 'aggregate' || compared === 'worse') ? null : compared;
  return { ...base, pending, achievement, progress, met, regressed: versus === null ? null : versus === 'worse', binary, versus, notApplicable };
}

/** The reasons as `KpiFigures` keeps them: a ratio that is given has no key. */
function reasons(achievement: NotApplicableReason | undefined, progress: NotApplicableReason | undefined): KpiFigures['notApplicable'] {
  return { ...(achievement ? { achievement } : {}), ...(progress ? { progress } : {}) };
}

/**
 * Whether a cumulative or total figure's period is still running in this year: a cumulative
 * KPI until its target year, an aggregate total until its last named year.
 */
function periodPending(kpi: KpiRecord, kind: KpiTargetKind, fiscalYear: number): boolean {
  if (kind.kind === 'cumulative') return kpi.target.fiscalYear !== null && fiscalYear < kpi.target.fiscalYear;
  if (kind.kind === 'aggregate' && kind.method === 'total') return fiscalYear < Math.max(...kind.years);
  return false;
}

function compareDistances(actual: number, baseline: number): Versus {
  return actual < baseline ? 'better' : actual > baseline ? 'worse' : 'same';
}

/** Every part must hold: met when all are, the weakest part's ratios, worse when any part is. */
function combineEach(parts: readonly Judged[]): Pick<Judged, 'met' | 'achievement' | 'progress' | 'regressed' | 'versus'> {
  const all = <T,>(values: Array<T | null>): T[] | null => (values.some((v) => v === null) ? null : (values as T[]));
  const mets = all(parts.map((p) => p.met));
  const achievements = all(parts.map((p) => p.achievement));
  const progresses = all(parts.map((p) => p.progress));
  const versuses = all(parts.map((p) => p.versus));
  const versus = versuses === null ? null : versuses.includes('worse') ? 'worse' : versuses.every((v) => v === 'better') ? 'better' : 'same';
  return {
    met: mets === null ? null : mets.every(Boolean),
    achievement: achievements === null ? null : Math.min(...achievements),
    progress: progresses === null ? null : Math.min(...progresses),
    versus,
    regressed: versus === null ? null : versus === 'worse',
  };
}

function subOf(m: Measured | undefined): number | null {
  return m?.kind === 'number' && m.sub !== undefined ? m.sub : null;
}

export function kpiFigures(kpi: KpiRecord, fiscalYear: number, rules: readonly GradeRule[] = DEFAULT_GRADE_RULES): KpiFigures {
  const kind = kpi.targetKind ?? VALUE_KIND;
  const recorded = kpi.actuals[String(fiscalYear)];
  const common = { fiscalYear, kind: kind.kind, sub: subOf(recorded), yearActual: recorded ? numericValue(recorded) : null };

  if (kind.kind === 'qualitative') {
    const judgement = recorded?.kind === 'judgement' ? { met: recorded.met, note: recorded.note } : null;
    const met = judgement?.met ?? null;
    const graded = gradeFigures({ actual: null, baseline: null, met, progress: null, direction: kpi.direction, judged: judgement !== null }, rules);
    return {
      ...common,
      yearActual: null,
      actual: null,
      baseline: null,
      target: null,
      achievement: null,
      progress: null,
      met,
      regressed: null,
      binary: true,
      ...graded,
      targetRange: null,
      judgement,
      parts: [],
      assessed: judgement !== null,
      notApplicable: { achievement: 'qualitative', progress: 'qualitative' },
      period: null,
    };
  }

  const whole = judge(kpi, kind, fiscalYear, numericValue);
  const partJudged = kpi.components.map((name) => ({ name, ...judge(kpi, kind, fiscalYear, (m) => partValue(m, name)) }));
  const each = kpi.partsJudged === 'each' && partJudged.length > 0;
  const combined = each ? { ...whole, ...combineEach(partJudged), binary: whole.binary || partJudged.some((p) => p.binary) } : whole;
  const parts = partJudged.map(({ name, actual, baseline, target, achievement, progress, met, regressed, binary, notApplicable, ...rest }) => ({
    name,
    actual,
    baseline,
    target,
    achievement,
    progress,
    met,
    regressed,
    binary,
    notApplicable,
    assessed: actual !== null,
    ...gradeJudged({ actual, baseline, met, progress, ...rest }, kpi.direction, rules),
  }));
  // Parts judged each: one basis per part, then the worst grade in the plan's rule order.
  const { grade, gradeLabel } = each ? worstGrade(parts, rules) : gradeJudged(combined, kpi.direction, rules);
  return {
    ...common,
    actual: combined.actual,
    baseline: combined.baseline,
    target: combined.target,
    achievement: combined.achievement,
    progress: combined.progress,
    met: combined.met,
    regressed: combined.regressed,
    binary: combined.binary,
    grade,
    gradeLabel,
    targetRange: combined.targetRange,
    judgement: null,
    parts,
    assessed: combined.actual !== null,
    notApplicable: combined.notApplicable,
    period: combined.period,
  };
}

function gradeJudged(
  j: Pick<Judged, 'actual' | 'baseline' | 'met' | 'progress' | 'versus' | 'shortfall' | 'pending'>,
  direction: KpiDirection,
  rules: readonly GradeRule[],
): { grade: string; gradeLabel: string } {
  const graded = gradeFigures(
    { actual: j.actual, baseline: j.baseline, met: j.met, progress: j.progress, direction, versusBaseline: j.versus, shortfall: j.shortfall },
    rules,
  );
  // A running period that meets no rule yet is not "no rule fits": it is waiting for its end.
  return graded.grade === UNGRADED && j.pending && j.actual !== null ? { grade: UNGRADED, gradeLabel: PERIOD_PENDING } : graded;
}

/** The latest grade in the plan's rule order; an ungraded part (or one no rule fits) makes the whole ungraded. */
function worstGrade(parts: ReadonlyArray<{ grade: string; gradeLabel: string }>, rules: readonly GradeRule[]): { grade: string; gradeLabel: string } {
  const rank = (grade: string) => {
    const index = rules.findIndex((rule) => rule.grade === grade);
    return index === -1 ? rules.length : index;
  };
  return parts.reduce((worst, part) => (rank(part.grade) > rank(worst.grade) ? part : worst), parts[0]!);
}

// Ratios are compared in percent; allow for 0.29 * 100 = 28.999999999999996.
const EPSILON = 1e-9;

function matches(rule: GradeRule, f: GradeInput, actual: number | null): boolean {
  const when = rule.when;
  // A staff judgement has no figure: "achieved" when met, "worse than the baseline" when not
  // (staff judged it short of the target), and the catch-all.
  if (actual === null) {
    return when.kind === 'always' || (when.kind === 'achieved' && f.met === true) || (when.kind === 'worseThanBaseline' && f.met === false);
  }
  const versusBaseline =
    f.versusBaseline !== undefined ? f.versusBaseline : f.baseline === null ? null : compareToBaseline(f.direction, actual, f.baseline);
  switch (when.kind) {
    case 'achieved':
      return f.met === true;
    case 'betterThanBaseline':
      return versusBaseline === 'better';
    case 'worseThanBaseline':
      return versusBaseline === 'worse';
    case 'withinOfBaseline': {
      if (f.baseline === null || versusBaseline === null || versusBaseline === 'better') return false;
      // Relative to the baseline; a baseline of 0 leaves no room but equality.
      const allowed = (when.percent / 100) * Math.abs(f.baseline);
      const shortfall = f.shortfall ?? Math.abs(actual - f.baseline);
      return shortfall <= allowed * (1 + EPSILON);
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
  if (actual === null && !f.judged) return { grade: UNGRADED, gradeLabel: NOT_ASSESSABLE };
  const rule = rules.find((r) => matches(r, f, actual));
  return rule ? { grade: rule.grade, gradeLabel: rule.label } : { grade: UNGRADED, gradeLabel: NO_RULE_MATCHED };
}

/** The latest fiscal year with a numeric actual (or a staff judgement), or null when there is none yet. */
export function latestActualYear(kpi: KpiRecord): number | null {
  let latest: number | null = null;
  for (const [key, value] of Object.entries(kpi.actuals)) {
    if (!/^\d+$/.test(key) || (numericValue(value) === null && value.kind !== 'judgement')) continue;
    const year = Number(key);
    if (latest === null || year > latest) latest = year;
  }
  return latest;
}

/**
 * How 達成率 or 進捗率 is shown, decided once for every view (panel, 成果指標一覧, the annual
 * report on screen and in DOCX/HTML); each view only chooses the words.
 * - `percent`: the ratio.
 * - `met`: a KPI judged only as met or not (維持, a target of 0, qualitative) shows 達成 /
 *   未達成 as its 達成率.
 * - `na`: there is a figure to judge, but this ratio means nothing for the KPI; `reason` says why.
 * - `none`: nothing to show yet (no actual, no judgement).
 */
export type RatioDisplay =
  | { kind: 'percent'; value: number }
  | { kind: 'met'; met: boolean }
  | { kind: 'na'; reason: NotApplicableReason }
  | { kind: 'none' };

/** What deciding a ratio's display needs: the whole KPI's figures, or one part's. */
export type RatioSource = Pick<KpiFigures, 'assessed' | 'binary' | 'met' | 'achievement' | 'progress' | 'notApplicable'>;

export function ratioDisplay(figures: RatioSource, which: 'achievement' | 'progress'): RatioDisplay {
  if (!figures.assessed) return { kind: 'none' };
  if (which === 'achievement' && figures.binary) return figures.met === null ? { kind: 'none' } : { kind: 'met', met: figures.met };
  const value = figures[which];
  if (value !== null) return { kind: 'percent', value };
  const reason = figures.notApplicable[which];
  return reason ? { kind: 'na', reason } : { kind: 'none' };
}

export { NOT_APPLICABLE_LABELS, NOT_APPLICABLE_REASONS, rangeOf, resolvedTarget, type NotApplicableReason, type Period } from './kpiKindMath';
