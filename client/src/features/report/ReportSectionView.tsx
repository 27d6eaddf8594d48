import type { ReportSection } from '@sakutei/shared/measures';
import type * as Y from 'yjs';
import { useI18n } from '../../i18n';
import { EvaluationField } from './EvaluationField';
import { KpiTable, ProjectTable, RollupTable } from './ReportTables';

type Props = { section: ReportSection; doc: Y.Doc; fiscalYear: number; editable: boolean };

/** One level of the plan in the report, then the levels under it. */
export function ReportSectionView({ section, doc, fiscalYear, editable }: Props) {
  const { t } = useI18n();
  const Heading = (['h3', 'h4', 'h5', 'h6'] as const)[Math.min(section.depth, 3)]!;
  const Sub = (['h4', 'h5', 'h6', 'h6'] as const)[Math.min(section.depth, 3)]!;
  const name = section.rowId === '' ? t('report.otherProjects') : [section.number, section.title].filter(Boolean).join(' ');
  const kpis = [...section.kpis, ...section.projects.flatMap((project) => project.kpis)];
  return (
    <section className={`report-section report-section--depth-${Math.min(section.depth, 3)}`} data-testid="report-section" data-row-id={section.rowId}>
      <Heading className="report-section__title">
        {name}
        {section.levelName && <span className="report-section__level">{section.levelName}</span>}
      </Heading>
      {section.description && <p className="report-section__description">{section.description}</p>}
      <RollupTable rollup={section.rollup} caption={`${name} ${t('report.rollup')}`} />
      {section.rowId !== '' && (
        <>
          <Sub className="report-section__sub">{t('report.evaluation')}</Sub>
          <EvaluationField doc={doc} fiscalYear={fiscalYear} scope={section.rowId} place={name} editable={editable} text={section.evaluation} />
        </>
      )}
      {kpis.length > 0 && (
        <>
          <Sub className="report-section__sub">{t('report.kpis')}</Sub>
          <KpiTable kpis={kpis} fiscalYear={fiscalYear} caption={`${name} ${t('report.kpis')}`} />
          <p className="report-legend">{t('report.chart.legend')}</p>
        </>
      )}
      {section.projects.length > 0 && (
        <>
          <Sub className="report-section__sub">{t('report.projects')}</Sub>
          <ProjectTable projects={section.projects} caption={`${name} ${t('report.projects')}`} />
        </>
      )}
      {section.children.map((child) => (
        <ReportSectionView key={child.rowId} section={child} doc={doc} fiscalYear={fiscalYear} editable={editable} />
      ))}
    </section>
  );
}
