import {
  KPI_DIRECTIONS,
  kpiFigures,
  updateKpi,
  setActual,
  type DerivedKpi,
  type KpiDirection,
  type KpiFields,
  type MeasureSettings,
  type ParsedFigure,
} from '@sakutei/shared/measures';
import { useEffect, useId, useRef, type ReactNode } from 'react';
import type * as Y from 'yjs';
import { useI18n } from '../../i18n';
import { recordActual } from '../../lib/api';
import { KpiChart } from './KpiChart';
import { CommitTextField, FigureInput, FiscalYearInput } from './KpiInputs';
import { achievementText, gradeClass, gradeText, KpiSummary } from './KpiSummary';
import { kpiTarget, type KpiCommentField } from './commentTargets';
import { KpiCommentTools } from './KpiCommentTools';
import { actualYearsOf, parseList, yearLong, yearShort } from './kpiFormat';
import { formatPercent } from '@sakutei/shared/measures';
import { mergeText } from './mergeText';
import { PresenceTags, presenceStyle } from './PresenceTags';
import { commentClasses, type CellComments } from './useCellComments';
import { cellKey, type CellPresenceMap } from './useCellPresence';

/** What this user may change in the KPI panel. */
export type KpiPanelMode = 'edit' | 'actuals' | 'read';

/** A KPI, or one of its fields, to bring into view and focus (a KPI just added, a comment's target). */
export type KpiFocus = { kpiId: string; field: KpiCommentField | null; fiscalYear: number | null };

/** The element that stands for a KPI field: its first control, else the card's heading. */
function focusTargetIn(card: HTMLElement, focus: KpiFocus): HTMLElement | null {
  const heading = card.querySelector<HTMLElement>('[data-kpi-heading]');
  if (focus.field === null) return heading;
  const place = card.querySelector<HTMLElement>(
    focus.field === 'actual'
      ? `[data-kpi-field="actual:${focus.fiscalYear ?? ''}"]`
      : `[data-comment-field="${focus.field}"]`,
  );
  // A disabled select cannot take the focus; its comment controls can.
  return (
    place?.querySelector<HTMLElement>('input, textarea, select:not(:disabled)') ??
    place?.querySelector<HTMLElement>('button') ??
    heading
  );
}

type Props = {
  entry: DerivedKpi;
  settings: MeasureSettings;
  mode: KpiPanelMode;
  doc: Y.Doc;
  planId: string;
  presence: CellPresenceMap;
  comments: CellComments;
  /** Set when this card (or a field of it) should take the focus; cleared with onFocusDone. */
  focusRequest: KpiFocus | null;
  onFocusDone: () => void;
  /** Runs a document change as its own undo step. */
  onEdit: (change: () => void) => void;
  onRequestDelete: (entry: DerivedKpi) => void;
};

const LIST_SEPARATORS = /[,、，\n]+/;
const COMPONENT_SEPARATORS = /[,、，\s]+/;

/** One KPI (成果指標): its definition, baseline and target, actuals per year, figures and chart. */
export function KpiCard(props: Props) {
  const { entry, settings, mode, doc, planId, presence, comments, focusRequest, onFocusDone, onEdit, onRequestDelete } = props;
  const { t, locale } = useI18n();
  const { kpi, mark } = entry;
  const idPrefix = useId();
  const cardRef = useRef<HTMLElement>(null);
  const canEdit = mode === 'edit';
  const years = actualYearsOf(kpi, settings.actualYears);

  useEffect(() => {
    if (!focusRequest) return;
    const card = cardRef.current;
    const place = card && focusTargetIn(card, focusRequest);
    // Centred: the reader came from elsewhere (the sidebar, the grid) and needs the context.
    place?.scrollIntoView({ block: 'center' });
    place?.focus({ preventScroll: true });
    onFocusDone();
  }, [focusRequest, onFocusDone]);

  const update = (fields: Partial<KpiFields>) => onEdit(() => updateKpi(doc, kpi.id, fields));
  const mergeInto = (current: string) => (next: string, base: string) => mergeText(base, next, current);

  const saveActual = (year: number, figure: ParsedFigure): void | Promise<void> => {
    if (mode === 'edit') return onEdit(() => setActual(doc, kpi.id, year, figure.value));
    // Staff may not write the document; the server records the actual and every copy sees it.
    return recordActual(planId, kpi.id, year, figure.value).then(() => undefined);
  };

  /** A labelled field that shows who else is on it, and its comments when it takes them. */
  const field = (
    name: string,
    label: string,
    control: (id: string) => ReactNode,
    { wide = false, comment }: { wide?: boolean; comment?: KpiCommentField } = {},
  ) => {
    const id = `${idPrefix}-${name}`;
    const users = presence.get(cellKey({ kind: 'kpi', id: kpi.id, field: name }));
    const classes = [
      'measures-kpi-field',
      wide ? 'measures-kpi-field--wide' : '',
      users ? 'has-presence' : '',
      comment ? commentClasses(comments, kpiTarget(kpi.id, comment)) : '',
    ];
    return (
      <div
        className={classes.filter(Boolean).join(' ')}
        data-kpi-field={name}
        data-comment-field={comment}
        style={presenceStyle(users)}
      >
        <div className="measures-kpi-field__head">
          <label htmlFor={id}>{label}</label>
          {comment && <KpiCommentTools entry={entry} field={comment} comments={comments} />}
        </div>
        {control(id)}
        <PresenceTags users={users} />
      </div>
    );
  };

  /**
   * 基準値 and 目標値 group several inputs; their comments are on the group, beside its
   * legend. The group is named by the legend's text alone, not by those buttons.
   */
  const basis = (name: 'baseline' | 'target', children: ReactNode) => {
    const legendId = `${idPrefix}-${name}-legend`;
    return (
      <fieldset
        className={`measures-kpi__basis ${commentClasses(comments, kpiTarget(kpi.id, name))}`}
        aria-labelledby={legendId}
        data-comment-field={name}
      >
        <legend>
          <span id={legendId}>{t(name === 'baseline' ? 'measures.kpi.baseline' : 'measures.kpi.target')}</span>
          <KpiCommentTools entry={entry} field={name} comments={comments} />
        </legend>
        {children}
      </fieldset>
    );
  };

  const headingId = `${idPrefix}-heading`;
  return (
    <article
      ref={cardRef}
      className="measures-kpi"
      data-testid="kpi-card"
      data-kpi-id={kpi.id}
      aria-labelledby={headingId}
    >
      <header className={`measures-kpi__header ${commentClasses(comments, kpiTarget(kpi.id, null))}`}>
        <h3 id={headingId} className="measures-kpi__heading" tabIndex={-1} data-kpi-heading="">
          <span className="measures-kpi__mark">{mark}</span> {kpi.name || t('measures.kpi.unnamed')}
        </h3>
        <div className="measures-kpi__header-tools">
          <KpiCommentTools entry={entry} field={null} comments={comments} />
          {canEdit && (
            <button type="button" className="button button--quiet" data-testid="kpi-delete" onClick={() => onRequestDelete(entry)}>
              {t('measures.kpi.delete')}
            </button>
          )}
        </div>
      </header>

      <div className="measures-kpi__fields">
        {field(
          'name',
          t('measures.kpi.name'),
          (id) => (
            <CommitTextField
              id={id}
              value={kpi.name}
              readOnly={!canEdit}
              testId="kpi-name-input"
              onCommit={(next, base) => update({ name: mergeInto(kpi.name)(next, base) })}
            />
          ),
          { wide: true, comment: 'name' },
        )}
        {field(
          'formerNames',
          t('measures.kpi.formerNames'),
          (id) => (
            <CommitTextField
              id={id}
              value={kpi.formerNames.join('\n')}
              readOnly={!canEdit}
              multiline
              testId="kpi-former-names-input"
              onCommit={(next) => update({ formerNames: parseList(next, LIST_SEPARATORS, 400) })}
            />
          ),
          { wide: true },
        )}
        {field(
          'unit',
          t('measures.kpi.unit'),
          (id) => (
            <CommitTextField
              id={id}
              value={kpi.unit}
              readOnly={!canEdit}
              testId="kpi-unit-input"
              onCommit={(next, base) => update({ unit: mergeInto(kpi.unit)(next, base) })}
            />
          ),
          { comment: 'unit' },
        )}
        {field(
          'direction',
          t('measures.kpi.direction'),
          (id) => (
            <select
              id={id}
              value={kpi.direction}
              disabled={!canEdit}
              data-testid="kpi-direction-select"
              onChange={(event) => update({ direction: event.target.value as KpiDirection })}
            >
              {KPI_DIRECTIONS.map((direction) => (
                <option key={direction} value={direction}>
                  {t(`measures.direction.${direction}`)}
                </option>
              ))}
            </select>
          ),
          { comment: 'direction' },
        )}
        {field('components', t('measures.kpi.components'), (id) => (
          <CommitTextField
            id={id}
            value={kpi.components.join(' ')}
            readOnly={!canEdit}
            testId="kpi-components-input"
            onCommit={(next) => update({ components: parseList(next, COMPONENT_SEPARATORS, 40) })}
          />
        ))}
        {field(
          'source',
          t('measures.kpi.source'),
          (id) => (
            <CommitTextField
              id={id}
              value={kpi.source}
              readOnly={!canEdit}
              testId="kpi-source-input"
              onCommit={(next, base) => update({ source: mergeInto(kpi.source)(next, base) })}
            />
          ),
          { comment: 'source' },
        )}
      </div>

      <div className="measures-kpi__bases">
        {basis(
          'baseline',
          <>
            {field('baselineValue', t('measures.kpi.value'), (id) => (
              <FigureInput
                id={id}
                value={kpi.baseline.value}
                components={kpi.components}
                readOnly={!canEdit}
                testId="kpi-baseline-input"
                onCommit={(figure) =>
                  update({
                    baselineValue: figure.value,
                    // `30,926 (R1)` carries its year label too.
                    ...(figure.label !== '' ? { baselineLabel: figure.label } : {}),
                    ...(figure.labelFiscalYear !== null ? { baselineYear: figure.labelFiscalYear } : {}),
                  })
                }
              />
            ))}
            {field('baselineYear', t('measures.kpi.fiscalYear'), (id) => (
              <FiscalYearInput
                id={id}
                value={kpi.baseline.fiscalYear}
                readOnly={!canEdit}
                testId="kpi-baseline-year-input"
                onCommit={(year) => update({ baselineYear: year })}
              />
            ))}
            {field('baselineLabel', t('measures.kpi.baselineLabel'), (id) => (
              <CommitTextField
                id={id}
                value={kpi.baseline.label}
                readOnly={!canEdit}
                testId="kpi-baseline-label-input"
                onCommit={(next) => update({ baselineLabel: next.trim().slice(0, 100) })}
              />
            ))}
          </>,
        )}
        {basis(
          'target',
          <>
            {field('targetValue', t('measures.kpi.value'), (id) => (
              <FigureInput
                id={id}
                value={kpi.target.value}
                components={kpi.components}
                readOnly={!canEdit}
                testId="kpi-target-input"
                onCommit={(figure) =>
                  update({
                    targetValue: figure.value,
                    // `24,200 t 以下` says which way is better.
                    ...(figure.direction !== null ? { direction: figure.direction } : {}),
                  })
                }
              />
            ))}
            {field('targetYear', t('measures.kpi.fiscalYear'), (id) => (
              <FiscalYearInput
                id={id}
                value={kpi.target.fiscalYear}
                readOnly={!canEdit}
                testId="kpi-target-year-input"
                onCommit={(year) => update({ targetYear: year })}
              />
            ))}
            {kpi.unit !== '' && <p className="measures-kpi__unit">{t('measures.kpi.unitNote', { unit: kpi.unit })}</p>}
          </>,
        )}
      </div>

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
                {kpi.unit !== '' && <span className="measures-kpi__unit-inline">（{kpi.unit}）</span>}
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
                    <FigureInput
                      value={kpi.actuals[String(year)] ?? { kind: 'blank' }}
                      components={kpi.components}
                      readOnly={mode === 'read'}
                      label={t('measures.kpi.actualIn', { year: yearLong(year, locale) })}
                      testId="kpi-actual-input"
                      year={year}
                      onCommit={(figure) => saveActual(year, figure)}
                    />
                    <KpiCommentTools entry={entry} field="actual" fiscalYear={year} comments={comments} />
                    <PresenceTags users={users} />
                  </td>
                );
              })}
            </tr>
            <YearFigureRows kpiYears={years} entry={entry} settings={settings} />
          </tbody>
        </table>
      </div>

      <div className="measures-kpi__outcome">
        <KpiSummary kpi={kpi} rules={settings.gradeRules} />
        <KpiChart kpi={kpi} mark={mark} years={years} />
      </div>
    </article>
  );
}

/** 達成率 / 進捗率 / 評価 for every fiscal year column. */
function YearFigureRows({ kpiYears, entry, settings }: { kpiYears: number[]; entry: DerivedKpi; settings: MeasureSettings }) {
  const { t } = useI18n();
  const figures = kpiYears.map((year) => kpiFigures(entry.kpi, year, settings.gradeRules));
  return (
    <>
      <tr>
        <th scope="row">{t('measures.kpi.achievement')}</th>
        {figures.map((f) => (
          <td key={f.fiscalYear} data-testid="kpi-year-achievement" data-year={f.fiscalYear}>
            {f.actual === null ? '—' : achievementText(f, t)}
          </td>
        ))}
      </tr>
      <tr>
        <th scope="row">{t('measures.kpi.progress')}</th>
        {figures.map((f) => (
          <td key={f.fiscalYear} data-testid="kpi-year-progress" data-year={f.fiscalYear}>
            {formatPercent(f.progress)}
          </td>
        ))}
      </tr>
      <tr>
        <th scope="row">{t('measures.kpi.grade')}</th>
        {figures.map((f) => (
          <td key={f.fiscalYear} data-testid="kpi-year-grade" data-year={f.fiscalYear} title={gradeText(f, t)}>
            <span className={`measures-grade measures-grade--${gradeClass(f.grade)}`}>{f.grade}</span>
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
