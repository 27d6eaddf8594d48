import { PLAN_SCOPE, fiscalYearText } from '@sakutei/shared/measures';
import { useId, useState } from 'react';
import { AnnualReportDownloads } from '../plan/components/AnnualReportDownloads';
import { useI18n } from '../../i18n';
import type { PlanViewProps } from '../plan/planView';
import { EvaluationField } from './EvaluationField';
import { ReportSectionView } from './ReportSectionView';
import { RollupTable } from './ReportTables';
import { useAnnualReport } from './useAnnualReport';
import './report.css';

/**
 * 年次報告: the annual progress report (進捗状況報告) of a chosen fiscal year, built live from
 * the draft, with each level's 評価・課題 typed in together, and the same report as a Word
 * file or a page to print.
 */
export function ReportView({ planId, session, editable }: PlanViewProps) {
  const { t, locale } = useI18n();
  const headingId = useId();
  const doc = session.ydoc;
  const [chosen, setChosen] = useState<number | null>(null);
  const { years, fiscalYear, report } = useAnnualReport(doc, chosen);

  return (
    <section className="views-sheet report" data-testid="report-view" aria-labelledby={headingId}>
      <div className="views-toolbar report__toolbar">
        <AnnualReportDownloads years={years} year={fiscalYear} onYear={setChosen} path={`/api/plans/${encodeURIComponent(planId)}/report`} />
      </div>
      <h2 id={headingId} className="views-title">
        {t('report.title', { year: fiscalYear === null ? '' : fiscalYearText(fiscalYear, 'era', locale) })}
      </h2>
      <p className="report__lead">{t('report.lead')}</p>
      {!editable && <p className="report__note">{t('report.evaluation.readOnly')}</p>}
      {fiscalYear === null || !report ? (
        <p className="empty-state">{t('report.noYears')}</p>
      ) : (
        <>
          <section className="report-section report-section--summary" data-testid="report-summary">
            <h3 className="report-section__title">{t('report.summary')}</h3>
            <RollupTable rollup={report.rollup} caption={`${t('report.summary')} ${t('report.rollup')}`} />
            <h4 className="report-section__sub">{t('report.evaluation')}</h4>
            <EvaluationField
              doc={doc}
              fiscalYear={fiscalYear}
              scope={PLAN_SCOPE}
              place={t('report.evaluation.plan')}
              editable={editable}
              text={report.planEvaluation}
            />
          </section>
          {report.sections.length === 0 && <p className="empty-state">{t('report.empty')}</p>}
          {report.sections.map((section) => (
            <ReportSectionView key={section.rowId || 'loose'} section={section} doc={doc} fiscalYear={fiscalYear} editable={editable} />
          ))}
        </>
      )}
    </section>
  );
}
