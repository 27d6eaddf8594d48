import { gradeTone, PROJECT_STATUSES, UNGRADED, type GradeRule, type GradeTone, type ProjectStatus } from '../model';
import { PROGRESS_STATUSES, type ProgressStatus } from '../progress';

/**
 * What the report counts under a level: its KPIs by grade, its projects by the year's
 * 実施状況 and by 新規 / 充実 / 継続. A project listed again elsewhere (再掲) is counted
 * once, where it is first placed, so the plan's totals add up to its projects.
 */

export type GradeCount = { grade: string; label: string; tone: GradeTone; count: number };

export type ReportRollup = {
  kpis: number;
  /** In the order of the plan's grade rules, then 評価できません (—); grades nobody got are listed with 0. */
  grades: GradeCount[];
  projects: number;
  progress: Record<ProgressStatus | 'unrecorded', number>;
  statuses: Record<ProjectStatus | 'none', number>;
};

type Counted = {
  kpis: ReadonlyArray<{ grade: string }>;
  projects: ReadonlyArray<{ reprint: boolean; progress: { status: ProgressStatus } | null; status: ProjectStatus | null; kpis: ReadonlyArray<{ grade: string }> }>;
};

function emptyRollup(rules: readonly GradeRule[]): ReportRollup {
  const grades: GradeCount[] = rules.map((rule) => ({ grade: rule.grade, label: rule.label, tone: gradeTone(rule.grade, rules), count: 0 }));
  grades.push({ grade: UNGRADED, label: '評価できません', tone: 'grey', count: 0 });
  return {
    kpis: 0,
    grades,
    projects: 0,
    progress: Object.fromEntries([...PROGRESS_STATUSES, 'unrecorded'].map((s) => [s, 0])) as ReportRollup['progress'],
    statuses: Object.fromEntries([...PROJECT_STATUSES, 'none'].map((s) => [s, 0])) as ReportRollup['statuses'],
  };
}

function addGrade(rollup: ReportRollup, grade: string): void {
  rollup.kpis++;
  const slot = rollup.grades.find((entry) => entry.grade === grade) ?? rollup.grades.at(-1)!;
  slot.count++;
}

/** The counts of a level: its own KPIs and projects, plus everything under its child levels. */
export function reportRollup(
  kpis: Counted['kpis'],
  projects: Counted['projects'],
  children: ReadonlyArray<{ rollup: ReportRollup }>,
  rules: readonly GradeRule[],
): ReportRollup {
  const rollup = emptyRollup(rules);
  for (const kpi of kpis) addGrade(rollup, kpi.grade);
  for (const project of projects) {
    for (const kpi of project.kpis) addGrade(rollup, kpi.grade);
    if (project.reprint) continue;
    rollup.projects++;
    rollup.progress[project.progress?.status ?? 'unrecorded']++;
    rollup.statuses[project.status ?? 'none']++;
  }
  for (const { rollup: child } of children) {
    rollup.kpis += child.kpis;
    for (const entry of child.grades) {
      const slot = rollup.grades.find((candidate) => candidate.grade === entry.grade) ?? rollup.grades.at(-1)!;
      slot.count += entry.count;
    }
    rollup.projects += child.projects;
    for (const key of Object.keys(rollup.progress) as Array<keyof ReportRollup['progress']>) rollup.progress[key] += child.progress[key];
    for (const key of Object.keys(rollup.statuses) as Array<keyof ReportRollup['statuses']>) rollup.statuses[key] += child.statuses[key];
  }
  return rollup;
}
