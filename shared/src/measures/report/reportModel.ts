import { kpiFigures, numericValue, ratioDisplay, type KpiFigures } from '../kpiMath';
import { yearFigure } from '../kpiKindMath';
import { VALUE_KIND } from '../kpiKinds';
import { gradeTone, PROJECT_STATUS_LABELS, type GradeTone, type KpiRecord, type MeasureTable, type ProjectStatus } from '../model';
import { PROGRESS_STATUS_LABELS, progressOf, type ProgressEntry } from '../progress';
import { departmentOf } from '../progressFilter';
import { rollupProgress } from '../progressRollup';
import { formatProgressFigure } from '../progressText';
import { actualText, baselineText, fiscalYearText, targetText } from '../text/kpiText';
import { deriveTable, type DerivedRow, type DerivedTable } from '../tree';
import { reportChart, type ReportChart } from './chart';
import { reportKpiParts, type ReportKpiPart } from './kpiParts';
import { ratioText } from './ratioText';
import { PLAN_SCOPE, evaluationsOfYear } from './evaluations';
import { reportRollup, type ReportRollup } from './rollup';

/**
 * The annual progress report (進捗状況報告) of one fiscal year, as plain data: the plan's
 * structure, each KPI's figures for the year with its grade and chart, each project's
 * 実施状況, the roll-ups under every level and the council's 評価・課題. The Word file, the
 * print page and the screen are all drawn from this one model.
 */

export type ReportKpi = {
  id: string;
  /** ① or 21, as the 成果指標一覧 numbers it. */
  mark: string;
  name: string;
  baselineText: string;
  targetText: string;
  /** The year's actual as printed: `433 件`, `—`, `X`, or '' when not yet recorded. */
  actualText: string;
  achievementText: string;
  progressText: string;
  grade: string;
  gradeLabel: string;
  tone: GradeTone;
  figures: KpiFigures;
  chart: ReportChart;
  /** A composite KPI's parts, one line each, so the report shows more than the sum (empty for a single figure). */
  parts: ReportKpiPart[];
};

export type ReportProject = {
  rowId: string;
  number: string;
  title: string;
  /** Listed again under another measure (再掲). */
  reprint: boolean;
  status: ProjectStatus | null;
  /** 新規 / 充実 / 継続, or ''. */
  statusLabel: string;
  progress: ProgressEntry | null;
  /** 実施 / 一部実施 / … or '' when nothing is recorded for the year. */
  progressLabel: string;
  /** `120 人`, or ''. */
  figureText: string;
  /** 担当課 as the documents print it: the lead contact's section, `ほかn` when others share the project. */
  departments: string;
  /** The lead 担当課 ('' when none) and how many others share the project, for a screen to word in its language. */
  departmentLead: string;
  departmentOthers: number;
  kpis: ReportKpi[];
};

export type ReportSection = {
  rowId: string;
  depth: number;
  levelName: string;
  number: string;
  path: string;
  title: string;
  description: string;
  /** The council's 評価・課題 for this level and year ('' when none yet). */
  evaluation: string;
  kpis: ReportKpi[];
  /** Project placements directly under this measure (and anything placed under them). */
  projects: ReportProject[];
  children: ReportSection[];
  /** Counts over everything under this level. */
  rollup: ReportRollup;
};

export type AnnualReport = {
  fiscalYear: number;
  /** 令和7年度. */
  yearLabel: string;
  schemeName: string;
  /** The plan-wide 総括. */
  planEvaluation: string;
  rollup: ReportRollup;
  sections: ReportSection[];
};

function reportKpi(kpi: KpiRecord, mark: string, table: MeasureTable, fiscalYear: number): ReportKpi {
  const { settings } = table;
  const figures = kpiFigures(kpi, fiscalYear, settings.gradeRules);
  const chart = reportChart(
    fiscalYear,
    settings.actualYears,
    figures,
    kpi.baseline.fiscalYear ?? settings.baselineYear,
    kpi.target.fiscalYear ?? settings.targetYear,
    // The chart reads only each year's judged figure: no ratios or grades for earlier years.
    (year) => yearFigure(kpi, kpi.targetKind ?? VALUE_KIND, year, numericValue).value,
  );
  return {
    id: kpi.id,
    mark,
    name: kpi.name,
    baselineText: baselineText(kpi, settings.baselineYear),
    targetText: targetText(kpi, settings.targetYear),
    actualText: actualText(kpi, fiscalYear),
    achievementText: ratioText(ratioDisplay(figures, 'achievement')),
    progressText: ratioText(ratioDisplay(figures, 'progress')),
    grade: figures.grade,
    gradeLabel: figures.gradeLabel,
    tone: gradeTone(figures.grade, settings.gradeRules),
    figures,
    chart,
    parts: reportKpiParts(figures, kpi.unit, settings.gradeRules),
  };
}

/**
 * The 担当課: the project's first contact, which the programmes mark ○ as the lead, and how
 * many others share the work; the whole list is in the measure table, not the report.
 */

/** The project's departments, lead first, once each, named as the grid's 担当課 filter names them. */
function departmentsOf(row: DerivedRow): Pick<ReportProject, 'departments' | 'departmentLead' | 'departmentOthers'> {
  const names = [...new Set((row.project?.contacts ?? []).map(departmentOf).filter((name) => name !== ''))];
  const lead = names[0] ?? '';
  const others = Math.max(0, names.length - 1);
  return { departments: others === 0 ? lead : `${lead} ほか${others}`, departmentLead: lead, departmentOthers: others };
}

/** Builds the report of `fiscalYear` from a measure table and the document's evaluations. */
export function buildAnnualReport(
  table: MeasureTable,
  evaluations: Readonly<Record<string, string>>,
  fiscalYear: number,
  derived: DerivedTable = deriveTable(table),
): AnnualReport {
  const texts = evaluationsOfYear(evaluations, fiscalYear);
  const counts = rollupProgress(derived, table.progress, fiscalYear);
  const kpisOf = (row: DerivedRow) =>
    row.kpiIds.flatMap((id) => {
      const entry = derived.kpiById.get(id);
      return entry ? [reportKpi(entry.kpi, entry.mark, table, fiscalYear)] : [];
    });
  const childrenOf = new Map<string | null, DerivedRow[]>();
  for (const row of derived.rows) {
    const list = childrenOf.get(row.parentId) ?? [];
    list.push(row);
    childrenOf.set(row.parentId, list);
  }

  const projectsUnder = (row: DerivedRow): ReportProject[] => {
    const entry = progressOf(table.progress, row.node.id, fiscalYear);
    const project: ReportProject = {
      rowId: row.node.id,
      number: row.number,
      title: row.title,
      reprint: row.reprintOf !== null,
      status: row.node.status,
      statusLabel: row.node.status === null ? '' : PROJECT_STATUS_LABELS[row.node.status],
      progress: entry,
      progressLabel: entry ? PROGRESS_STATUS_LABELS[entry.status] : '',
      figureText: entry?.figure ? formatProgressFigure(entry.figure) : '',
      ...departmentsOf(row),
      kpis: kpisOf(row),
    };
    return [project, ...(childrenOf.get(row.node.id) ?? []).flatMap(projectsUnder)];
  };

  const section = (row: DerivedRow): ReportSection => {
    const below = childrenOf.get(row.node.id) ?? [];
    const children = below.filter((child) => child.node.kind === 'measure').map(section);
    const projects = below.filter((child) => child.node.kind === 'placement').flatMap(projectsUnder);
    const kpis = kpisOf(row);
    const projectKpis = projects.flatMap((project) => project.kpis);
    return {
      rowId: row.node.id,
      depth: row.depth,
      levelName: row.levelName,
      number: row.number,
      path: row.path,
      title: row.title,
      description: row.node.description,
      evaluation: texts.get(row.node.id) ?? '',
      kpis,
      projects,
      children,
      rollup: reportRollup([...kpis, ...projectKpis], children, table.settings.gradeRules, counts.byRow.get(row.node.id) ?? null),
    };
  };

  const top = childrenOf.get(null) ?? [];
  const sections = top.filter((row) => row.node.kind === 'measure').map(section);
  // Projects placed at the top level, outside any measure, still belong in the report.
  const loose = top.filter((row) => row.node.kind === 'placement').flatMap(projectsUnder);
  if (loose.length > 0) {
    sections.push({
      rowId: '',
      depth: 0,
      levelName: '',
      number: '',
      path: '',
      title: 'その他の事業',
      description: '',
      evaluation: '',
      kpis: [],
      projects: loose,
      children: [],
      rollup: reportRollup(loose.flatMap((project) => project.kpis), [], table.settings.gradeRules, null),
    });
  }
  return {
    fiscalYear,
    yearLabel: fiscalYearText(fiscalYear, 'era'),
    schemeName: table.settings.scheme.name,
    planEvaluation: texts.get(PLAN_SCOPE) ?? '',
    rollup: reportRollup([], sections, table.settings.gradeRules, counts.total),
    sections,
  };
}


