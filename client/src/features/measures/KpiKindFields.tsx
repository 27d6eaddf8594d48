import {
  AGGREGATE_METHODS,
  KPI_TARGET_KINDS,
  RELATIVE_MODES,
  kpiNumberText,
  kpiTargetKindSchema,
  numericValue,
  parseFiscalYear,
  parseNumberText,
  resolvedTarget,
  type KpiRecord,
  type KpiTargetKind,
  type KpiTargetKindName,
} from '@sakutei/shared/measures';
import { useState } from 'react';
import { useI18n } from '../../i18n';
import type { KpiCardScope } from './kpiCardScope';
import { KpiField } from './KpiField';
import { yearShort } from './kpiFormat';
import { CommitTextField, FiscalYearInput } from './KpiInputs';
import './kpiKinds.css';

/** The parameters a kind starts with when the user picks it, taken from what the KPI already says. */
export function defaultKind(name: KpiTargetKindName, kpi: KpiRecord, planYears: readonly number[]): KpiTargetKind {
  const target = numericValue(kpi.target.value);
  switch (name) {
    case 'value':
      return { kind: 'value' };
    case 'range':
      return { kind: 'range', low: 0, high: target ?? 0 };
    case 'relative':
      return { kind: 'relative', mode: 'factor', amount: 1 };
    case 'cumulative':
      return { kind: 'cumulative', fromYear: null };
    case 'aggregate':
      return { kind: 'aggregate', method: 'mean', years: planYears.length > 0 ? [...planYears] : [kpi.target.fiscalYear ?? 2025] };
    case 'qualitative':
      return { kind: 'qualitative', wording: '' };
  }
}


type NumberProps = { id: string; value: number; readOnly: boolean; testId: string; onCommit: (n: number) => void };

/** A number typed as text; anything else is refused inline and changes nothing. */
function NumberInput({ id, value, readOnly, testId, onCommit }: NumberProps) {
  const { t } = useI18n();
  const [problem, setProblem] = useState(false);
  return (
    <span className="measures-figure">
      <CommitTextField
        id={id}
        value={String(value)}
        readOnly={readOnly}
        testId={testId}
        onCommit={(next) => {
          const n = parseNumberText(next);
          setProblem(n === null);
          if (n !== null) onCommit(n);
        }}
      />
      {problem && (
        <span className="measures-figure__error" role="alert">
          {t('kpiKinds.invalidNumber')}
        </span>
      )}
    </span>
  );
}

/**
 * What the KPI's target means (its kind and the kind's parameters), how a composite KPI's parts
 * are judged, and the sub-figure it keeps. Every control is a native input or select: Tab
 * reaches each, arrow keys change a select, Enter commits a text field.
 */
export function KpiKindFields({ scope, planYears }: { scope: KpiCardScope; planYears: readonly number[] }) {
  const { t } = useI18n();
  const { entry, canEdit, update } = scope;
  const { kpi } = entry;
  const kind = kpi.targetKind ?? { kind: 'value' as const };
  const [yearsProblem, setYearsProblem] = useState(false);
  const [kindProblem, setKindProblem] = useState(false);
  // The document reads a kind it would refuse as a plain figure: refuse it here and say so
  // (an aggregate over more than 20 years, a year outside 1868–2200).
  const set = (next: KpiTargetKind) => {
    const ok = kpiTargetKindSchema.safeParse(next).success;
    setKindProblem(!ok);
    if (ok) update({ targetKind: next });
  };

  return (
    <div className="measures-kpi__fields measures-kpi__kind" data-testid="kpi-kind-fields">
      <KpiField scope={scope} name="targetKind" label={t('kpiKinds.kind')} wide>
        {(id) => (
          <select
            id={id}
            value={kind.kind}
            disabled={!canEdit}
            data-testid="kpi-kind-select"
            onChange={(event) => set(defaultKind(event.target.value as KpiTargetKindName, kpi, planYears))}
          >
            {KPI_TARGET_KINDS.map((name) => (
              <option key={name} value={name}>
                {t(`kpiKinds.kind.${name}`)}
              </option>
            ))}
          </select>
        )}
      </KpiField>
      {kindProblem && (
        <p className="measures-figure__error measures-kpi-field--wide" role="alert" data-testid="kpi-kind-refused">
          {t('kpiKinds.kindRefused')}
        </p>
      )}

      {kind.kind === 'range' && (
        <>
          <KpiField scope={scope} name="rangeLow" label={t('kpiKinds.range.low')}>
            {(id) => <NumberInput id={id} value={kind.low} readOnly={!canEdit} testId="kpi-range-low" onCommit={(low) => set({ ...kind, low })} />}
          </KpiField>
          <KpiField scope={scope} name="rangeHigh" label={t('kpiKinds.range.high')}>
            {(id) => <NumberInput id={id} value={kind.high} readOnly={!canEdit} testId="kpi-range-high" onCommit={(high) => set({ ...kind, high })} />}
          </KpiField>
        </>
      )}

      {kind.kind === 'relative' && (
        <>
          <KpiField scope={scope} name="relativeMode" label={t('kpiKinds.relative.mode')}>
            {(id) => (
              <select
                id={id}
                value={kind.mode}
                disabled={!canEdit}
                data-testid="kpi-relative-mode"
                onChange={(event) => set({ ...kind, mode: event.target.value as typeof kind.mode })}
              >
                {RELATIVE_MODES.map((mode) => (
                  <option key={mode} value={mode}>
                    {t(`kpiKinds.relative.${mode}`)}
                  </option>
                ))}
              </select>
            )}
          </KpiField>
          <KpiField scope={scope} name="relativeAmount" label={t('kpiKinds.relative.amount')}>
            {(id) => (
              <NumberInput id={id} value={kind.amount} readOnly={!canEdit} testId="kpi-relative-amount" onCommit={(amount) => set({ ...kind, amount })} />
            )}
          </KpiField>
          <p className="measures-kpi__unit" data-testid="kpi-relative-worked">
            {(() => {
              const worked = resolvedTarget(kind, kpi.direction, null, numericValue(kpi.baseline.value)).value;
              return worked === null
                ? t('kpiKinds.relative.noBaseline')
                : t('kpiKinds.relative.worked', { value: kpiNumberText(kpi, worked, 'target') });
            })()}
          </p>
        </>
      )}

      {kind.kind === 'cumulative' && (
        <KpiField scope={scope} name="cumulativeFrom" label={t('kpiKinds.cumulative.fromYear')}>
          {(id) => (
            <FiscalYearInput id={id} value={kind.fromYear} readOnly={!canEdit} testId="kpi-cumulative-from" onCommit={(fromYear) => set({ ...kind, fromYear })} />
          )}
        </KpiField>
      )}

      {kind.kind === 'aggregate' && (
        <>
          <KpiField scope={scope} name="aggregateMethod" label={t('kpiKinds.aggregate.method')}>
            {(id) => (
              <select
                id={id}
                value={kind.method}
                disabled={!canEdit}
                data-testid="kpi-aggregate-method"
                onChange={(event) => set({ ...kind, method: event.target.value as typeof kind.method })}
              >
                {AGGREGATE_METHODS.map((method) => (
                  <option key={method} value={method}>
                    {t(`kpiKinds.aggregate.${method}`)}
                  </option>
                ))}
              </select>
            )}
          </KpiField>
          <KpiField scope={scope} name="aggregateYears" label={t('kpiKinds.aggregate.years')} wide>
            {(id) => (
              <span className="measures-figure">
                <CommitTextField
                  id={id}
                  value={kind.years.map(yearShort).join(' ')}
                  readOnly={!canEdit}
                  testId="kpi-aggregate-years"
                  onCommit={(next) => {
                    const words = next.split(/[\s,、，]+/).filter((word) => word !== '');
                    const years = words.map((word) => parseFiscalYear(word, { defaultEra: '令和' }));
                    const ok = years.length > 0 && years.length <= 20 && years.every((year) => year !== null && year >= 1868 && year <= 2200);
                    setYearsProblem(!ok);
                    if (ok) set({ ...kind, years: [...new Set(years as number[])].sort((a, b) => a - b) });
                  }}
                />
                {yearsProblem && (
                  <span className="measures-figure__error" role="alert">
                    {t('kpiKinds.aggregate.yearsUnreadable')}
                  </span>
                )}
              </span>
            )}
          </KpiField>
        </>
      )}

      {kind.kind === 'qualitative' && (
        <KpiField scope={scope} name="qualitativeWording" label={t('kpiKinds.qualitative.wording')} wide>
          {(id) => (
            <CommitTextField
              id={id}
              value={kind.wording}
              readOnly={!canEdit}
              testId="kpi-qualitative-wording"
              onCommit={(next) => set({ ...kind, wording: next.trim().slice(0, 100) })}
            />
          )}
        </KpiField>
      )}

      {kpi.components.length > 0 && (
        <KpiField scope={scope} name="partsJudged" label={t('kpiKinds.partsJudged')}>
          {(id) => (
            <select
              id={id}
              value={kpi.partsJudged ?? 'sum'}
              disabled={!canEdit}
              data-testid="kpi-parts-judged"
              onChange={(event) => update({ partsJudged: event.target.value === 'each' ? 'each' : 'sum' })}
            >
              <option value="sum">{t('kpiKinds.partsJudged.sum')}</option>
              <option value="each">{t('kpiKinds.partsJudged.each')}</option>
            </select>
          )}
        </KpiField>
      )}

      {kind.kind !== 'qualitative' && (
        <>
          <KpiField scope={scope} name="subFigureLabel" label={t('kpiKinds.subFigure.label')}>
            {(id) => (
              <CommitTextField
                id={id}
                value={kpi.subFigure?.label ?? ''}
                readOnly={!canEdit}
                testId="kpi-sub-label"
                onCommit={(next) => update({ subFigure: subFigureOf(next, kpi.subFigure?.unit ?? '') })}
              />
            )}
          </KpiField>
          <KpiField scope={scope} name="subFigureUnit" label={t('kpiKinds.subFigure.unit')}>
            {(id) => (
              <CommitTextField
                id={id}
                value={kpi.subFigure?.unit ?? ''}
                readOnly={!canEdit}
                testId="kpi-sub-unit"
                onCommit={(next) => update({ subFigure: subFigureOf(kpi.subFigure?.label ?? '', next) })}
              />
            )}
          </KpiField>
        </>
      )}
    </div>
  );
}

/** Both fields empty removes the sub-figure. */
function subFigureOf(label: string, unit: string) {
  const l = label.trim().slice(0, 40);
  const u = unit.trim().slice(0, 20);
  return l === '' && u === '' ? null : { label: l, unit: u };
}
