import { gradeTone, kpiFigures, latestActualYear, UNGRADED, type GradeRule, type KpiFigures, type KpiRecord } from '@sakutei/shared/measures';
import { useI18n, type Translate } from '../../i18n';
import { describeValue, yearLong, yearShort } from './kpiFormat';
import { formatPercent } from '@sakutei/shared/measures';

/** 達成率, or 達成 / 未達成 when the KPI is judged only as met or not. */
export function achievementText(figures: KpiFigures, t: Translate): string {
  if (figures.binary) {
    if (figures.met === null) return '—';
    return figures.met ? t('measures.kpi.met') : t('measures.kpi.notMet');
  }
  return formatPercent(figures.achievement);
}

export function gradeText(figures: KpiFigures, t: Translate): string {
  // With no actual the shared math says so in Japanese; say it in the reader's language.
  if (figures.actual === null) return t('measures.kpi.notAssessable');
  return figures.gradeLabel;
}

type Props = { kpi: KpiRecord; rules: readonly GradeRule[] };

/** The headline figures of a KPI, for its latest fiscal year with a numeric actual. */
export function KpiSummary({ kpi, rules }: Props) {
  const { t, locale } = useI18n();
  const year = latestActualYear(kpi);
  const figures = year !== null ? kpiFigures(kpi, year, rules) : null;
  const regressedText = kpi.direction === 'lower' ? t('measures.kpi.regressedLower') : t('measures.kpi.regressed');

  return (
    <div className="measures-kpi-summary" data-testid="kpi-summary" data-year={year ?? undefined}>
      <dl className="measures-kpi-summary__list">
        <div>
          <dt>{year !== null ? t('measures.kpi.latestActualIn', { year: yearShort(year) }) : t('measures.kpi.latestActual')}</dt>
          <dd title={year !== null ? yearLong(year, locale) : undefined}>
            {year !== null ? describeValue(kpi.actuals[String(year)], kpi.unit, kpi.components, t) : t('measures.kpi.noActual')}
          </dd>
        </div>
        <div>
          <dt>{t('measures.kpi.achievement')}</dt>
          <dd data-testid="kpi-figure-achievement" data-binary={figures?.binary ? 'true' : undefined}>
            {figures ? achievementText(figures, t) : '—'}
          </dd>
        </div>
        <div>
          <dt>{t('measures.kpi.progress')}</dt>
          <dd data-testid="kpi-figure-progress">{formatPercent(figures?.progress ?? null)}</dd>
        </div>
        <div>
          <dt>{t('measures.kpi.grade')}</dt>
          <dd data-testid="kpi-grade" data-grade={figures?.grade ?? '—'}>
            <span className={`measures-grade measures-grade--${gradeClass(figures?.grade, rules)}`}>{figures?.grade ?? '—'}</span>{' '}
            <span className="measures-grade__label">{figures ? gradeText(figures, t) : t('measures.kpi.notAssessable')}</span>
          </dd>
        </div>
      </dl>
      {figures?.regressed && (
        <p className="measures-kpi-summary__flag" data-testid="kpi-regressed">
          <span aria-hidden="true">▼ </span>
          {regressedText}
        </p>
      )}
    </div>
  );
}

/** The grade's colour as the plan's settings give it (計画の設定), from a fixed, legible palette. */
export function gradeClass(grade: string | undefined, rules: readonly GradeRule[]): string {
  return grade === undefined || grade === UNGRADED ? 'none' : `tone-${gradeTone(grade, rules)}`;
}
