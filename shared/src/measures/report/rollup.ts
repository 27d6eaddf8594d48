import { gradeTone, UNGRADED, type GradeRule, type GradeTone } from '../model';
import type { ProgressCounts } from '../progressRollup';

/**
 * What the report counts under a level: its KPIs by grade (here), and its project
 * placements by the year's 実施状況 and by 新規 / 充実 / 継続 (`rollupProgress`, the same
 * counts the grid shows, 再掲 counted under each measure that lists it and said apart).
 */

export type GradeCount = { grade: string; label: string; tone: GradeTone; count: number };

export type ReportRollup = {
  kpis: number;
  /** In the order of the plan's grade rules, then 評価できません (—); grades nobody got are listed with 0. */
  grades: GradeCount[];
  /** Null where the placements are not under a measure (the report's その他の事業). */
  progress: ProgressCounts | null;
};

function emptyGrades(rules: readonly GradeRule[]): GradeCount[] {
  const grades: GradeCount[] = rules.map((rule) => ({ grade: rule.grade, label: rule.label, tone: gradeTone(rule.grade, rules), count: 0 }));
  grades.push({ grade: UNGRADED, label: '評価できません', tone: 'grey', count: 0 });
  return grades;
}

/** A level's grade counts: its own KPIs, its projects' KPIs, and everything under its child levels. */
export function reportRollup(
  kpis: ReadonlyArray<{ grade: string }>,
  children: ReadonlyArray<{ rollup: ReportRollup }>,
  rules: readonly GradeRule[],
  progress: ProgressCounts | null,
): ReportRollup {
  const grades = emptyGrades(rules);
  const slot = (grade: string) => grades.find((entry) => entry.grade === grade) ?? grades.at(-1)!;
  let count = 0;
  for (const kpi of kpis) {
    slot(kpi.grade).count++;
    count++;
  }
  for (const { rollup } of children) {
    for (const entry of rollup.grades) slot(entry.grade).count += entry.count;
    count += rollup.kpis;
  }
  return { kpis: count, grades, progress };
}
