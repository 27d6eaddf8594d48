import { unitFor } from '../format/units';
import { formatWithUnit } from '../valueText';
import { ratioDisplay, type KpiFigures } from '../kpiMath';
import { gradeTone, type GradeRule, type GradeTone } from '../model';
import { ratioText } from './ratioText';

/**
 * A composite KPI's parts (構成要素: 男性 / 女性, 小学校 / 中学校 …) as the report prints
 * them under the KPI, part by part: each part's figures for the year, its ratios and, when
 * the plan judges parts each on their own, its grade. Numbers, units and percentages only,
 * so the screen and the Japanese documents show the same texts.
 */
export type ReportKpiPart = {
  name: string;
  baselineText: string;
  targetText: string;
  /** The year's figure for the part, `—` when none was recorded. */
  actualText: string;
  achievementText: string;
  progressText: string;
  /** The part's own grade (UNGRADED when there was nothing to judge). */
  grade: string;
  gradeLabel: string;
  tone: GradeTone;
};

const figure = (value: number | null, unit: string): string => (value === null ? '—' : formatWithUnit(value, unit));

/** The parts of one KPI's figures for the report; empty for a single-figure KPI. */
export function reportKpiParts(figures: Pick<KpiFigures, 'parts'>, unit: string, rules: readonly GradeRule[]): ReportKpiPart[] {
  return figures.parts.map((part) => ({
    name: part.name,
    baselineText: figure(part.baseline, unit),
    targetText: figure(part.target, unit),
    actualText: figure(part.actual, unitFor(unit, 'actual')),
    achievementText: ratioText(ratioDisplay(part, 'achievement')),
    progressText: ratioText(ratioDisplay(part, 'progress')),
    grade: part.grade,
    gradeLabel: part.gradeLabel,
    tone: gradeTone(part.grade, rules),
  }));
}
