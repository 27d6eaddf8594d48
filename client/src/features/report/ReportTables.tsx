import {
  PROGRESS_STATUSES,
  PROJECT_STATUSES,
  UNGRADED,
  fiscalYearText,
  formatNumber,
  ratioDisplay,
  reportChartSvg,
  type ReportKpi,
  type ReportProject,
  type ReportRollup,
} from '@sakutei/shared/measures';
import { Fragment, type ReactNode } from 'react';
import { useI18n } from '../../i18n';
import { ratioWords } from '../plan/tables/kpiRatioText';

/** A table that scrolls sideways on a narrow screen: focusable, so the keyboard can scroll it, and named. */
function ScrollRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="views-scroll" tabIndex={0} role="region" aria-label={label}>
      {children}
    </div>
  );
}

/** One row of counts: what is counted, how many in all, then each kind, and those without one if any. */
function CountsRow({ heading, total, entries, rest }: { heading: string; total: string; entries: Array<{ key: string; label: string; count: number }>; rest: { label: string; count: number } }) {
  return (
    <tr>
      <th scope="row">{heading}</th>
      <td className="report-rollup__count">{total}</td>
      <td>
        <ul className="report-counts">
          {entries.map((entry) => (
            <li key={entry.key}>
              {entry.label} {entry.count}
            </li>
          ))}
          {rest.count > 0 && (
            <li className="report-muted">
              {rest.label} {rest.count}
            </li>
          )}
        </ul>
      </td>
    </tr>
  );
}

/** 成果指標の評価 / 事業の実施状況 / 事業の区分 under one level. */
export function RollupTable({ rollup, caption }: { rollup: ReportRollup; caption: string }) {
  const { t } = useI18n();
  const counts = rollup.progress;
  const reprints = counts && counts.reprints > 0 ? t('report.rollup.reprints', { count: String(counts.reprints) }) : '';
  return (
    <ScrollRegion label={caption}>
      <table className="views-table report-rollup" data-testid="report-rollup">
        <caption className="visually-hidden">{caption}</caption>
        <tbody>
          <tr>
            <th scope="row">{t('report.rollup.kpis')}</th>
            <td className="report-rollup__count">{t('report.rollup.count', { count: String(rollup.kpis) })}</td>
            <td>
              <ul className="report-counts">
                {rollup.grades
                  .filter((entry) => entry.count > 0 || entry.grade !== '—')
                  .map((entry) => (
                    <li key={entry.grade}>
                      <span className={`report-grade report-grade--${entry.tone}`} title={entry.grade === UNGRADED ? t('report.kpi.ungraded') : entry.label}>
                        {entry.grade}
                      </span>{' '}
                      {entry.count}
                    </li>
                  ))}
              </ul>
            </td>
          </tr>
          {counts && (
            <>
              <CountsRow
                heading={t('report.rollup.progress')}
                total={t('report.rollup.count', { count: String(counts.placements) }) + reprints}
                entries={PROGRESS_STATUSES.map((status) => ({ key: status, label: t(`progress.status.${status}`), count: counts.progress[status] }))}
                rest={{ label: t('report.rollup.unrecorded'), count: counts.progress.unrecorded }}
              />
              <CountsRow
                heading={t('report.rollup.statuses')}
                total={t('report.rollup.count', { count: String(counts.placements) }) + reprints}
                entries={PROJECT_STATUSES.map((status) => ({ key: status, label: t(`measures.status.${status}`), count: counts.projectStatus[status] }))}
                rest={{ label: t('report.rollup.unmarked'), count: counts.projectStatus.unmarked }}
              />
            </>
          )}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

function ChartFigure({ kpi }: { kpi: ReportKpi }) {
  const { t, locale } = useI18n();
  const bars = kpi.chart.bars
    .map((bar) => {
      const year = bar.fiscalYear === null ? '' : fiscalYearText(bar.fiscalYear, 'eraShort', locale);
      const name = bar.kind === 'baseline' ? t('report.chart.baseline', { year }) : bar.kind === 'target' ? t('report.chart.target', { year }) : year;
      return `${name} ${bar.value === null ? '—' : formatNumber(bar.value)}`;
    })
    .join(', ');
  const label = t('report.chart.label', { mark: kpi.mark, name: kpi.name, bars });
  // The SVG is written by shared/ (the print page draws the same one), every text in it escaped.
  return <span className="report-chart" dangerouslySetInnerHTML={{ __html: reportChartSvg(kpi.chart, label) }} />;
}

/** Each KPI's figures for the year, its grade and its small chart. */
export function KpiTable({ kpis, fiscalYear, caption }: { kpis: readonly ReportKpi[]; fiscalYear: number; caption: string }) {
  const { t, locale } = useI18n();
  return (
    <ScrollRegion label={caption}>
      <table className="views-table report-kpis" data-testid="report-kpis">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('report.kpi.no')}</th>
            <th scope="col">{t('report.kpi.name')}</th>
            <th scope="col">{t('report.kpi.baseline')}</th>
            <th scope="col">{t('report.kpi.target')}</th>
            <th scope="col">{t('report.kpi.actual', { year: fiscalYearText(fiscalYear, 'eraShort', locale) })}</th>
            <th scope="col">{t('report.kpi.achievement')}</th>
            <th scope="col">{t('report.kpi.progress')}</th>
            <th scope="col">{t('report.kpi.grade')}</th>
            <th scope="col">{t('report.kpi.chart')}</th>
          </tr>
        </thead>
        <tbody>
          {kpis.map((kpi) => (
            <Fragment key={kpi.id}>
              <tr data-testid="report-kpi">
                <td>{kpi.mark}</td>
                <th scope="row">{kpi.name}</th>
                <td>{kpi.baselineText}</td>
                <td>{kpi.targetText}</td>
                <td>{kpi.actualText || <span className="report-muted">{t('report.kpi.notRecorded')}</span>}</td>
                {/* Worded in the reader's language from the shared rule, not the DOCX's Japanese text. */}
                <td className="report-number">{ratioWords(ratioDisplay(kpi.figures, 'achievement'), t)}</td>
                <td className="report-number">{ratioWords(ratioDisplay(kpi.figures, 'progress'), t)}</td>
                <td data-testid="report-kpi-grade" data-grade={kpi.grade}>
                  <span className={`report-grade report-grade--${kpi.tone}`}>{kpi.grade}</span>
                  <span className="report-grade__label">{kpi.grade === UNGRADED ? t('report.kpi.ungraded') : kpi.gradeLabel}</span>
                </td>
                <td className="report-kpis__chart">
                  <ChartFigure kpi={kpi} />
                </td>
              </tr>
              {/* A composite KPI part by part, under its sum (the figures are numbers and units only). */}
              {kpi.parts.map((part) => (
                <tr key={part.name} className="report-kpis__part" data-testid="report-kpi-part">
                  <td />
                  <th scope="row">
                    <span aria-hidden="true">└ </span>
                    {part.name}
                  </th>
                  <td>{part.baselineText}</td>
                  <td>{part.targetText}</td>
                  <td>{part.actualText}</td>
                  <td className="report-number">{part.achievementText}</td>
                  <td className="report-number">{part.progressText}</td>
                  <td data-grade={part.grade}>
                    <span className={`report-grade report-grade--${part.tone}`}>{part.grade}</span>
                    <span className="report-grade__label">{part.grade === UNGRADED ? t('report.kpi.ungraded') : part.gradeLabel}</span>
                  </td>
                  <td />
                </tr>
              ))}
            </Fragment>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

/** Each project placed under a level: its 区分 and the year's 実施状況 with note and figure. */
export function ProjectTable({ projects, caption }: { projects: readonly ReportProject[]; caption: string }) {
  const { t } = useI18n();
  return (
    <ScrollRegion label={caption}>
      <table className="views-table report-projects" data-testid="report-projects">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('report.project.number')}</th>
            <th scope="col">{t('report.project.name')}</th>
            <th scope="col">{t('report.project.status')}</th>
            <th scope="col">{t('report.project.progress')}</th>
            <th scope="col">{t('report.project.note')}</th>
            <th scope="col">{t('report.project.department')}</th>
          </tr>
        </thead>
        <tbody>
          {projects.map((project) => (
            <tr key={project.rowId} data-testid="report-project">
              <td>{project.number}</td>
              <th scope="row">
                {project.title}
                {project.reprint && <span className="report-muted">{t('report.project.reprint')}</span>}
              </th>
              <td>{project.status ? t(`measures.status.${project.status}`) : ''}</td>
              <td data-testid="report-project-progress">
                {project.progress ? t(`progress.status.${project.progress.status}`) : <span className="report-muted">{t('progress.status.unrecorded')}</span>}
              </td>
              <td className="report-projects__note">
                {project.progress?.note}
                {project.figureText && <span className="report-projects__figure">{t('report.project.figure', { figure: project.figureText })}</span>}
              </td>
              <td>
                {project.departmentOthers === 0
                  ? project.departmentLead
                  : t('report.project.departments', { lead: project.departmentLead, count: String(project.departmentOthers) })}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
