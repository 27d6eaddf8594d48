import { fiscalYearText, formatPercent, kpiFigures, latestActualYear, type GradeRule, type KpiRecord } from '@sakutei/shared/measures';
import { useI18n } from '../../../i18n';

/**
 * The computed columns after the programme's own: 達成率, 進捗率 and 評価 for the latest
 * year with an actual figure. They are read from the figures, never typed.
 */
export function KpiEvaluationCells({ kpi, rules }: { kpi: KpiRecord; rules: readonly GradeRule[] }) {
  const { t, locale } = useI18n();
  const year = latestActualYear(kpi);
  if (year === null) {
    return (
      <>
        <td className="kpi-list__computed kpi-list__computed--first">—</td>
        <td className="kpi-list__computed">—</td>
        <td className="kpi-list__computed kpi-list__muted">{t('views.kpiList.noActual')}</td>
      </>
    );
  }

  const figures = kpiFigures(kpi, year, rules);
  // Binary KPIs (維持, a target of 0) have no meaningful ratio: they are met or not.
  const achievement = figures.binary
    ? figures.met === null
      ? '—'
      : t(figures.met ? 'views.kpiList.met' : 'views.kpiList.notMet')
    : figures.achievement === null
      ? '—'
      : formatPercent(figures.achievement);

  // Where a ratio means nothing for the KPI's kind, the — says why (title and screen readers).
  const why = (reason: (typeof figures.notApplicable)['achievement']) => (reason ? t(`kpiKinds.na.${reason}`) : undefined);
  const achievementWhy = figures.achievement === null && !figures.binary ? why(figures.notApplicable.achievement) : undefined;
  const progressWhy = figures.progress === null ? why(figures.notApplicable.progress) : undefined;
  return (
    <>
      <td className="kpi-list__computed kpi-list__computed--first kpi-list__number" data-testid="kpi-achievement" title={achievementWhy}>
        {achievement}
        {achievementWhy && <span className="visually-hidden"> {achievementWhy}</span>}
      </td>
      <td className="kpi-list__computed kpi-list__number" data-testid="kpi-progress" title={progressWhy}>
        {figures.progress === null ? '—' : formatPercent(figures.progress)}
        {progressWhy && <span className="visually-hidden"> {progressWhy}</span>}
      </td>
      <td className="kpi-list__computed" data-testid="kpi-grade" data-grade={figures.grade}>
        <span className="kpi-list__grade">{figures.grade}</span> {figures.gradeLabel}
        <span className="kpi-list__as-of">{t('views.kpiList.asOf', { year: fiscalYearText(year, 'eraShort', locale) })}</span>
        {figures.regressed === true && (
          <span className="views-flag views-flag--warn" data-testid="kpi-regressed">
            {t('views.kpiList.regressed')}
          </span>
        )}
      </td>
    </>
  );
}
