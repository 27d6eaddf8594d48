import {
  actualOf,
  actualText,
  baselineText,
  fiscalYearText,
  targetText,
  type DerivedKpi,
  type MeasureSettings,
} from '@sakutei/shared/measures';
import { useI18n } from '../../../i18n';
import { useDirectionWords } from '../../../i18n/useDirectionWords';
import { KpiEvaluationCells } from './KpiEvaluationCells';
import './kpiList.css';

type Props = { kpis: readonly DerivedKpi[]; settings: MeasureSettings; labelledBy: string };

/** The programme's 成果指標一覧, column for column, followed by the computed evaluation. */
export function KpiListTable({ kpis, settings, labelledBy }: Props) {
  const { t, locale } = useI18n();
  const words = useDirectionWords();
  const years = settings.actualYears;
  const yearHeading = (label: string, fy: number | null) =>
    fy === null ? label : `${label} ${fiscalYearText(fy, 'era', locale)}`;

  return (
    <div className="views-scroll kpi-list-frame" tabIndex={0} role="region" aria-labelledby={labelledBy}>
      <table className="views-table kpi-list" aria-labelledby={labelledBy}>
        <thead>
          <tr>
            <th scope="col" rowSpan={2}>
              {t('views.kpiList.no')}
            </th>
            <th scope="col" rowSpan={2}>
              {t('views.kpiList.name')}
              <br />
              <span className="kpi-list__former">{t('views.kpiList.formerName')}</span>
            </th>
            <th scope="col" rowSpan={2}>
              {yearHeading(t('views.kpiList.baseline'), settings.baselineYear)}
            </th>
            <th scope="col" rowSpan={2}>
              {yearHeading(t('views.kpiList.target'), settings.targetYear)}
            </th>
            {years.length > 0 && (
              <th scope="colgroup" colSpan={years.length}>
                {t('views.kpiList.actual')}
              </th>
            )}
            <th scope="colgroup" colSpan={3} className="kpi-list__computed kpi-list__computed--first">
              {t('views.kpiList.evaluation')}
            </th>
          </tr>
          <tr>
            {years.map((year) => (
              <th scope="col" key={year} data-testid="kpi-list-year">
                {fiscalYearText(year, 'eraYearOnly', locale)}
              </th>
            ))}
            <th scope="col" className="kpi-list__computed kpi-list__computed--first">
              {t('views.kpiList.achievement')}
            </th>
            <th scope="col" className="kpi-list__computed">
              {t('views.kpiList.progress')}
            </th>
            <th scope="col" className="kpi-list__computed">
              {t('views.kpiList.grade')}
            </th>
          </tr>
        </thead>
        <tbody>
          {kpis.map(({ kpi, mark }) => (
            <tr key={kpi.id} data-testid="kpi-list-row" data-kpi-id={kpi.id} data-mark={mark}>
              <td className="kpi-list__mark">{mark}</td>
              <th scope="row" className="kpi-list__name">
                {kpi.name}
                {kpi.formerNames.map((former, index) => (
                  <span key={`${index}:${former}`} className="kpi-list__former">
                    ({former})
                  </span>
                ))}
              </th>
              <td className="kpi-list__figure" data-testid="kpi-baseline">
                {baselineText(kpi, settings.baselineYear)}
              </td>
              <td className="kpi-list__figure" data-testid="kpi-target">
                {targetText(kpi, settings.targetYear, words)}
              </td>
              {years.map((year) => (
                <td
                  key={year}
                  className="kpi-list__figure"
                  data-testid="kpi-actual"
                  data-year={year}
                  data-state={actualOf(kpi, year).kind}
                >
                  {actualText(kpi, year)}
                </td>
              ))}
              <KpiEvaluationCells kpi={kpi} rules={settings.gradeRules} />
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
