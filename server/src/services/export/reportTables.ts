import { PROGRESS_STATUSES, PROGRESS_STATUS_LABELS, PROJECT_STATUSES, PROJECT_STATUS_LABELS, type ReportKpi, type ReportProject, type ReportRollup } from '@sakutei/shared/measures';
import type { DocTable } from './docTable';

/**
 * The tables of the annual progress report, in the one table model the Word file and the
 * print page both draw (docTable.ts): a level's roll-up, its KPIs for the year and its
 * projects' 実施状況.
 */

/** 成果指標の評価 / 事業の実施状況 / 事業の区分 as labelled lines of counts. */
export function rollupDocTable(rollup: ReportRollup): DocTable {
  const grades = rollup.grades.filter((entry) => entry.count > 0 || entry.grade !== '—').map((entry) => `${entry.grade} ${entry.count}`);
  const body: DocTable['body'] = [[{ text: '成果指標の評価', header: true }, String(rollup.kpis), grades.join('　')]];
  const counts = rollup.progress;
  if (counts) {
    const progress = [
      ...PROGRESS_STATUSES.map((status) => `${PROGRESS_STATUS_LABELS[status]} ${counts.progress[status]}`),
      ...(counts.progress.unrecorded > 0 ? [`未記録 ${counts.progress.unrecorded}`] : []),
    ];
    const statuses = [
      ...PROJECT_STATUSES.map((status) => `${PROJECT_STATUS_LABELS[status]} ${counts.projectStatus[status]}`),
      ...(counts.projectStatus.unmarked > 0 ? [`区分なし ${counts.projectStatus.unmarked}`] : []),
    ];
    const reprints = counts.reprints > 0 ? `（うち再掲 ${counts.reprints}）` : '';
    body.push(
      [{ text: '事業の実施状況', header: true }, `${counts.placements}${reprints}`, progress.join('　')],
      [{ text: '事業の区分', header: true }, `${counts.placements}${reprints}`, statuses.join('　')],
    );
  }
  return { head: [[{ text: '集計' }, { text: '件数' }, { text: '内訳' }]], body, limits: [{ min: 14, max: 16 }, { min: 4, max: 14 }, { min: 30 }] };
}

/**
 * The year's figures of each KPI: 基準値, 目標値, the year's 実績値, 達成率, 進捗率 and the
 * grade; a composite KPI's parts follow it, one row each (「└ 男性」), so the sum is never
 * the only figure printed.
 */
export function reportKpiDocTable(kpis: readonly ReportKpi[], yearLabel: string): DocTable {
  return {
    head: [['No', '成果指標', '基準値', '目標値', `実績値（${yearLabel}）`, '達成率', '進捗率', '評価'].map((text) => ({ text }))],
    body: kpis.flatMap((kpi) => [
      [
        kpi.mark,
        kpi.name,
        kpi.baselineText,
        kpi.targetText,
        kpi.actualText || '未記録',
        kpi.achievementText,
        kpi.progressText,
        `${kpi.grade}\n${kpi.gradeLabel}`,
      ],
      ...kpi.parts.map((part) => [
        '',
        `└ ${part.name}`,
        part.baselineText,
        part.targetText,
        part.actualText,
        part.achievementText,
        part.progressText,
        `${part.grade}\n${part.gradeLabel}`,
      ]),
    ]),
    limits: [{ max: 4 }, { min: 16, max: 30 }, { min: 8, max: 14 }, { min: 8, max: 14 }, { min: 8, max: 14 }, { min: 6, max: 8 }, { min: 6, max: 8 }, { min: 8, max: 12 }],
  };
}

/** Each project placed here: its 区分, the year's 実施状況 with the note and figure, and its 担当課. */
export function reportProjectDocTable(projects: readonly ReportProject[]): DocTable {
  return {
    head: [['番号', '事業名', '区分', '実施状況', '実施内容・備考', '担当課'].map((text) => ({ text }))],
    body: projects.map((project) => [
      project.number,
      project.reprint ? `${project.title}（再掲）` : project.title,
      project.statusLabel,
      project.progressLabel || { text: '未記録', muted: true },
      [project.progress?.note ?? '', project.figureText ? `実績 ${project.figureText}` : ''].filter((line) => line !== '').join('\n'),
      project.departments,
    ]),
    limits: [{ max: 4 }, { min: 14, max: 26 }, { max: 6 }, { min: 8, max: 10 }, { min: 24, max: 44 }, { min: 10, max: 18 }],
  };
}
