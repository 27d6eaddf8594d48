import { kpiFigures, ratioDisplay, unitFor, type DerivedKpi, type KpiFigures, type MeasureSettings, type NotApplicableReason, type ParsedFigure, type RatioSource } from '@sakutei/shared/measures';
import { useI18n } from '../../i18n';
import { kpiTarget } from './commentTargets';
import type { KpiCardScope } from './kpiCardScope';
import { KpiCommentTools } from './KpiCommentTools';
import { notApplicableText, yearLong, yearShort } from './kpiFormat';
import { ratioWords } from '../plan/tables/kpiRatioText';
import { FigureInput } from './KpiInputs';
import { JudgementInput } from './KpiJudgementInput';
import { gradeClass, gradeText, judgedOnText } from './KpiSummary';
import { PresenceTags, presenceStyle } from './PresenceTags';
import { commentClasses } from './useCellComments';
import { cellKey } from './useCellPresence';

type Props = {
  scope: KpiCardScope;
  settings: MeasureSettings;
  years: readonly number[];
  /** Staff record actuals though they may not edit the definition. */
  actualsReadOnly: boolean;
  saveActual: (year: number, figure: ParsedFigure) => void | Promise<void>;
};

/** Actuals per fiscal year, and what they make of the KPI that year: 達成率, 進捗率, 評価. */
export function KpiYearsTable({ scope, settings, years, actualsReadOnly, saveActual }: Props) {
  const { t, locale } = useI18n();
  const { entry, presence, comments } = scope;
  const { kpi, mark } = entry;
  return (
    <div className="measures-kpi__years-scroll">
      <table className="measures-kpi__years" data-testid="kpi-years">
        <caption className="visually-hidden">{t('measures.kpi.yearsCaption', { mark })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('measures.kpi.fiscalYear')}</th>
            {years.map((year) => (
              <th key={year} scope="col" title={yearLong(year, locale)}>
                {yearShort(year)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">
              {t('measures.kpi.actual')}
              {/* The unit a year's actual is printed in (件, not 件/年): the shared formatter's rule. */}
              {kpi.unit !== '' && kpi.targetKind?.kind !== 'qualitative' && (
                <span className="measures-kpi__unit-inline">（{unitFor(kpi.unit, 'actual')}）</span>
              )}
            </th>
            {years.map((year) => {
              const name = `actual:${year}`;
              const users = presence.get(cellKey({ kind: 'kpi', id: kpi.id, field: name }));
              const classes = [users ? 'has-presence' : '', commentClasses(comments, kpiTarget(kpi.id, 'actual', year))];
              return (
                <td
                  key={year}
                  className={classes.filter(Boolean).join(' ') || undefined}
                  data-kpi-field={name}
                  data-comment-field="actual"
                  data-comment-year={year}
                  style={presenceStyle(users)}
                >
                  {kpi.targetKind?.kind === 'qualitative' ? (
                    <JudgementInput
                      value={kpi.actuals[String(year)]}
                      readOnly={actualsReadOnly}
                      year={year}
                      onCommit={(figure) => saveActual(year, figure)}
                    />
                  ) : (
                    <FigureInput
                      value={kpi.actuals[String(year)] ?? { kind: 'blank' }}
                      components={kpi.components}
                      subUnit={kpi.subFigure ? '' : undefined}
                      readOnly={actualsReadOnly}
                      label={t('measures.kpi.actualIn', { year: yearLong(year, locale) })}
                      testId="kpi-actual-input"
                      year={year}
                      onCommit={(figure) => saveActual(year, figure)}
                    />
                  )}
                  <KpiCommentTools entry={entry} field="actual" fiscalYear={year} comments={comments} />
                  <PresenceTags users={users} />
                </td>
              );
            })}
          </tr>
          <YearFigureRows years={years} entry={entry} settings={settings} />
        </tbody>
      </table>
    </div>
  );
}

/** 達成率 / 進捗率 / 評価 for every fiscal year column. */
function YearFigureRows({ years, entry, settings }: { years: readonly number[]; entry: DerivedKpi; settings: MeasureSettings }) {
  const { t } = useI18n();
  const figures = years.map((year) => kpiFigures(entry.kpi, year, settings.gradeRules));
  const kind = entry.kpi.targetKind?.kind ?? 'value';
  const partNames = entry.kpi.components;
  return (
    <>
      {(kind === 'cumulative' || kind === 'aggregate') && (
        <tr>
          <th scope="row">{t('kpiKinds.judgedOn')}</th>
          {figures.map((f) => (
            <td key={f.fiscalYear} data-testid="kpi-year-judged-on" data-year={f.fiscalYear}>
              {judgedOnText(entry.kpi, f, t) ?? '—'}
            </td>
          ))}
        </tr>
      )}
      <tr>
        <th scope="row">{t('measures.kpi.achievement')}</th>
        {figures.map((f) => (
          <td key={f.fiscalYear} data-testid="kpi-year-achievement" data-year={f.fiscalYear}>
            <RatioCell figures={f} which="achievement" />
          </td>
        ))}
      </tr>
      <tr>
        <th scope="row">{t('measures.kpi.progress')}</th>
        {figures.map((f) => (
          <td key={f.fiscalYear} data-testid="kpi-year-progress" data-year={f.fiscalYear}>
            <RatioCell figures={f} which="progress" />
          </td>
        ))}
      </tr>
      {partNames.map((name) => (
        <tr key={name}>
          <th scope="row">
            {t('kpiKinds.parts')} {name}
          </th>
          {figures.map((f) => {
            const part = f.parts.find((p) => p.name === name);
            return (
              <td key={f.fiscalYear} data-testid="kpi-year-part" data-part={name} data-year={f.fiscalYear}>
                {part ? <RatioCell figures={part} which="achievement" /> : '—'}
                {/* A binary part's 達成率 already reads 未達成. */}
                {part?.met === false && !part.binary && <span className="visually-hidden"> {t('measures.kpi.notMet')}</span>}
                {/* Judged part by part, each part has its own grade; the KPI's is the worst. */}
                {entry.kpi.partsJudged === 'each' && part?.assessed && (
                  <>
                    {' '}
                    <span className={`measures-grade measures-grade--${gradeClass(part.grade, settings.gradeRules)}`} data-testid="kpi-year-part-grade" title={part.gradeLabel}>
                      {part.grade}
                    </span>
                  </>
                )}
              </td>
            );
          })}
        </tr>
      ))}
      <tr>
        <th scope="row">{t('measures.kpi.grade')}</th>
        {figures.map((f) => (
          <td key={f.fiscalYear} data-testid="kpi-year-grade" data-year={f.fiscalYear} title={gradeText(f, t)}>
            <span className={`measures-grade measures-grade--${gradeClass(f.grade, settings.gradeRules)}`}>{f.grade}</span>
            {f.regressed && (
              <span className="measures-kpi__regressed" title={t('measures.kpi.regressedShort')}>
                {' '}▼<span className="visually-hidden">{t('measures.kpi.regressedShort')}</span>
              </span>
            )}
          </td>
        ))}
      </tr>
    </>
  );
}

/** A year's 達成率 / 進捗率 as shared `ratioDisplay` decides it; a reason in a narrow cell is a — with a title. */
/** A KPI's or one part's ratio for a year, by the shared `ratioDisplay` rule. */
function RatioCell({ figures, which }: { figures: RatioSource; which: 'achievement' | 'progress' }) {
  const { t } = useI18n();
  const display = ratioDisplay(figures, which);
  return display.kind === 'na' ? <NotApplicable reason={display.reason} /> : <>{ratioWords(display, t)}</>;
}

/** A year cell is narrow: a not-applicable ratio shows as —, its reason as the title and for screen readers. */
function NotApplicable({ reason }: { reason: NotApplicableReason }) {
  const { t } = useI18n();
  const text = notApplicableText(reason, t);
  return (
    <span title={text} data-not-applicable={reason}>
      <span aria-hidden="true">—</span>
      <span className="visually-hidden">{text}</span>
    </span>
  );
}
