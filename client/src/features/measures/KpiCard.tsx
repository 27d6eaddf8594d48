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
import { actualYearsOf, formatPercent, parseList, yearLong, yearShort } from './kpiFormat';
import { mergeText } from './mergeText';
import { PresenceTags, presenceStyle } from './PresenceTags';
import { cellKey, type CellPresenceMap } from './useCellPresence';

/** What this user may change in the KPI panel. */
export type KpiPanelMode = 'edit' | 'actuals' | 'read';

type Props = {
  entry: DerivedKpi;
  settings: MeasureSettings;
  mode: KpiPanelMode;
  doc: Y.Doc;
  planId: string;
  presence: CellPresenceMap;
  autoFocus: boolean;
  onAutoFocused: () => void;
  /** Runs a document change as its own undo step. */
  onEdit: (change: () => void) => void;
  onRequestDelete: (entry: DerivedKpi) => void;
};

const LIST_SEPARATORS = /[,、，\n]+/;
const COMPONENT_SEPARATORS = /[,、，\s]+/;

/** One KPI (成果指標): its definition, baseline and target, actuals per year, figures and chart. */
export function KpiCard({ entry, settings, mode, doc, planId, presence, autoFocus, onAutoFocused, onEdit, onRequestDelete }: Props) {
  const { t, locale } = useI18n();
  const { kpi, mark } = entry;
  const idPrefix = useId();
  const nameRef = useRef<HTMLDivElement>(null);
  const canEdit = mode === 'edit';
  const years = actualYearsOf(kpi, settings.actualYears);

  useEffect(() => {
    if (!autoFocus) return;
    nameRef.current?.querySelector('input')?.focus();
    onAutoFocused();
  }, [autoFocus, onAutoFocused]);

  const update = (fields: Partial<KpiFields>) => onEdit(() => updateKpi(doc, kpi.id, fields));
  const mergeInto = (current: string) => (next: string, base: string) => mergeText(base, next, current);

  const saveActual = (year: number, figure: ParsedFigure): void | Promise<void> => {
    if (mode === 'edit') return onEdit(() => setActual(doc, kpi.id, year, figure.value));
    // Staff may not write the document; the server records the actual and every copy sees it.
    return recordActual(planId, kpi.id, year, figure.value).then(() => undefined);
  };

  /** A labelled field that shows who else is on it. */
  const field = (name: string, label: string, control: (id: string) => ReactNode, wide = false) => {
    const id = `${idPrefix}-${name}`;
    const users = presence.get(cellKey({ kind: 'kpi', id: kpi.id, field: name }));
    return (
      <div
        className={`measures-kpi-field${wide ? ' measures-kpi-field--wide' : ''}${users ? ' has-presence' : ''}`}
        data-kpi-field={name}
        style={presenceStyle(users)}
        ref={name === 'name' ? nameRef : undefined}
      >
        <label htmlFor={id}>{label}</label>
        {control(id)}
        <PresenceTags users={users} />
      </div>
    );
  };

  const headingId = `${idPrefix}-heading`;
  return (
    <article className="measures-kpi" data-testid="kpi-card" data-kpi-id={kpi.id} aria-labelledby={headingId}>
      <header className="measures-kpi__header">
        <h3 id={headingId} className="measures-kpi__heading">
          <span className="measures-kpi__mark">{mark}</span> {kpi.name || t('measures.kpi.unnamed')}
        </h3>
        {canEdit && (
          <button type="button" className="button button--quiet" data-testid="kpi-delete" onClick={() => onRequestDelete(entry)}>
            {t('measures.kpi.delete')}
          </button>
        )}
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
          true,
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
          true,
        )}
        {field('unit', t('measures.kpi.unit'), (id) => (
          <CommitTextField
            id={id}
            value={kpi.unit}
            readOnly={!canEdit}
            testId="kpi-unit-input"
            onCommit={(next, base) => update({ unit: mergeInto(kpi.unit)(next, base) })}
          />
        ))}
        {field('direction', t('measures.kpi.direction'), (id) => (
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
        ))}
        {field('components', t('measures.kpi.components'), (id) => (
          <CommitTextField
            id={id}
            value={kpi.components.join(' ')}
            readOnly={!canEdit}
            testId="kpi-components-input"
            onCommit={(next) => update({ components: parseList(next, COMPONENT_SEPARATORS, 40) })}
          />
        ))}
        {field('source', t('measures.kpi.source'), (id) => (
          <CommitTextField
            id={id}
            value={kpi.source}
            readOnly={!canEdit}
            testId="kpi-source-input"
            onCommit={(next, base) => update({ source: mergeInto(kpi.source)(next, base) })}
          />
        ))}
      </div>

      <div className="measures-kpi__bases">
        <fieldset className="measures-kpi__basis">
          <legend>{t('measures.kpi.baseline')}</legend>
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
        </fieldset>
        <fieldset className="measures-kpi__basis">
          <legend>{t('measures.kpi.target')}</legend>
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
        </fieldset>
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
                return (
                  <td key={year} className={users ? 'has-presence' : undefined} data-kpi-field={name} style={presenceStyle(users)}>
                    <FigureInput
                      value={kpi.actuals[String(year)] ?? { kind: 'blank' }}
                      components={kpi.components}
                      readOnly={mode === 'read'}
                      label={t('measures.kpi.actualIn', { year: yearLong(year, locale) })}
                      testId="kpi-actual-input"
                      year={year}
                      onCommit={(figure) => saveActual(year, figure)}
                    />
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
