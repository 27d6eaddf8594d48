import { fiscalYearText, kpiFigures, latestActualYear, ratioDisplay, type GradeRule, type KpiRecord } from '@sakutei/shared/measures';
import { ratioWords } from './kpiRatioText';
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
  // One rule for every view (shared ratioDisplay). In this narrow column a ratio that means
  // nothing for the KPI's kind is a — whose reason is its title and is read to screen readers.
  const cell = (which: 'achievement' | 'progress') => {
    const display = ratioDisplay(figures, which);
    return display.kind === 'na' ? { text: '—', why: ratioWords(display, t) } : { text: ratioWords(display, t), why: undefined };
  };
  const achievement = cell('achievement');
  const progress = cell('progress');
  return (
    <>
      <td className="kpi-list__computed kpi-list__computed--first kpi-list__number" data-testid="kpi-achievement" title={achievement.why}>
        {achievement.text}
        {achievement.why && <span className="visually-hidden"> {achievement.why}</span>}
      </td>
      <td className="kpi-list__computed kpi-list__number" data-testid="kpi-progress" title={progress.why}>
        {progress.text}
        {progress.why && <span className="visually-hidden"> {progress.why}</span>}
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
