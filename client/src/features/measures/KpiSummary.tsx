import {
  gradeTone,
  kpiFigures,
  kpiNumberText,
  latestActualYear,
  UNGRADED,
  type GradeRule,
  type KpiFigures,
  type KpiRecord,
} from '@sakutei/shared/measures';
import { useI18n, type Translate } from '../../i18n';
import { achievementText, describeValue, progressText, yearLong, yearShort } from './kpiFormat';

export { achievementText } from './kpiFormat';

export function gradeText(figures: KpiFigures, t: Translate): string {
  // With nothing to judge the shared math says so in Japanese; say it in the reader's language.
  if (!figures.assessed) return t('measures.kpi.notAssessable');
  return figures.gradeLabel;
}

/** `65 件（累計）`, `2.8%（年平均、3/5 年度）`: the figure a cumulative or aggregate KPI is judged on. */
export function judgedOnText(kpi: KpiRecord, figures: KpiFigures, t: Translate): string | null {
  const kind = kpi.targetKind;
  if (figures.actual === null || !kind || (kind.kind !== 'cumulative' && kind.kind !== 'aggregate')) return null;
  // A sum or a mean of years is no longer "per year": printed as an actual is, without /年.
  const figure = kpiNumberText(kpi, figures.actual, 'actual');
  const what =
    kind.kind === 'cumulative'
      ? t('kpiKinds.figure.cumulative')
      : t('kpiKinds.figure.aggregate', {
          method: t(`kpiKinds.aggregate.${kind.method}`),
          counted: figures.period?.counted.length ?? 0,
          total: figures.period?.years.length ?? 0,
        });
  return t('kpiKinds.figureOfYear', { figure, what });
}

type Props = { kpi: KpiRecord; rules: readonly GradeRule[] };

/** The headline figures of a KPI, for its latest fiscal year with an actual (or a judgement). */
export function KpiSummary({ kpi, rules }: Props) {
  const { t, locale } = useI18n();
  const year = latestActualYear(kpi);
  const figures = year !== null ? kpiFigures(kpi, year, rules) : null;
  const regressedText = kpi.direction === 'lower' ? t('measures.kpi.regressedLower') : t('measures.kpi.regressed');
  const judgedOn = figures ? judgedOnText(kpi, figures, t) : null;

  return (
    <div className="measures-kpi-summary" data-testid="kpi-summary" data-year={year ?? undefined} data-kind={kpi.targetKind?.kind ?? 'value'}>
      <dl className="measures-kpi-summary__list">
        <div>
          <dt>{year !== null ? t('measures.kpi.latestActualIn', { year: yearShort(year) }) : t('measures.kpi.latestActual')}</dt>
          <dd title={year !== null ? yearLong(year, locale) : undefined} data-testid="kpi-latest-actual">
            {year !== null ? describeValue(kpi.actuals[String(year)], kpi, 'actual', t) : t('measures.kpi.noActual')}
            {figures?.judgement && figures.judgement.note !== '' && <span className="measures-kpi-summary__note">（{figures.judgement.note}）</span>}
          </dd>
        </div>
        {judgedOn !== null && (
          <div>
            <dt>{t('kpiKinds.judgedOn')}</dt>
            <dd data-testid="kpi-judged-on">{judgedOn}</dd>
          </div>
        )}
        <div>
          <dt>{t('measures.kpi.achievement')}</dt>
          <dd data-testid="kpi-figure-achievement" data-binary={figures?.binary ? 'true' : undefined}>
            {figures ? achievementText(figures, t) : '—'}
          </dd>
        </div>
        <div>
          <dt>{t('measures.kpi.progress')}</dt>
          <dd data-testid="kpi-figure-progress">{figures ? progressText(figures, t) : '—'}</dd>
        </div>
        <div>
          <dt>{t('measures.kpi.grade')}</dt>
          <dd data-testid="kpi-grade" data-grade={figures?.grade ?? '—'}>
            <span className={`measures-grade measures-grade--${gradeClass(figures?.grade, rules)}`}>{figures?.grade ?? '—'}</span>{' '}
            <span className="measures-grade__label">{figures ? gradeText(figures, t) : t('measures.kpi.notAssessable')}</span>
          </dd>
        </div>
      </dl>
      {figures && figures.parts.length > 0 && <PartsList figures={figures} each={kpi.partsJudged === 'each'} />}
      {figures?.regressed && (
        <p className="measures-kpi-summary__flag" data-testid="kpi-regressed">
          <span aria-hidden="true">▼ </span>
          {regressedText}
        </p>
      )}
    </div>
  );
}

/** 複数 / 単身 part by part: each part's 達成率 and whether it is met, as the plan judges them. */
function PartsList({ figures, each }: { figures: KpiFigures; each: boolean }) {
  const { t } = useI18n();
  return (
    <div className="measures-kpi-summary__parts" data-testid="kpi-parts">
      <p className="measures-kpi-summary__parts-title">
        {t('kpiKinds.parts')}（{each ? t('kpiKinds.partsJudged.each') : t('kpiKinds.partsJudged.sum')}）
      </p>
      <ul>
        {figures.parts.map((part) => (
          <li key={part.name} data-testid="kpi-part" data-part={part.name}>
            <span className="measures-kpi-summary__part-name">{part.name}</span> {t('measures.kpi.achievement')} {achievementText(part, t)}
            {/* A binary part's 達成率 already says 達成 / 未達成. */}
            {part.met !== null && !part.binary && <> · {part.met ? t('measures.kpi.met') : t('measures.kpi.notMet')}</>}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The grade's colour as the plan's settings give it (計画の設定), from a fixed, legible palette. */
export function gradeClass(grade: string | undefined, rules: readonly GradeRule[]): string {
  return grade === undefined || grade === UNGRADED ? 'none' : `tone-${gradeTone(grade, rules)}`;
}
