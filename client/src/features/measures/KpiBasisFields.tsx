import { useI18n } from '../../i18n';
import type { KpiCardScope } from './kpiCardScope';
import { KpiBasis, KpiField } from './KpiField';
import { FigureInput, FiscalYearInput, CommitTextField } from './KpiInputs';
import { FigureSuggestion } from './FigureSuggestion';

/** 基準値 (value, year, label) and 目標値 (value, year): where the KPI starts and where it aims. */
export function KpiBasisFields({ scope }: { scope: KpiCardScope }) {
  const { t } = useI18n();
  const { entry, canEdit, update } = scope;
  const { kpi } = entry;
  const kind = kpi.targetKind?.kind;
  const ownTargetFields = kind === 'range' || kind === 'relative' || kind === 'qualitative';
  const { suggesting } = scope;
  const figureSuggestion = (field: 'baselineValue' | 'targetValue') =>
    suggesting && (
      <FigureSuggestion
        kpi={kpi}
        field={field}
        where={t('cellSuggest.section', {
          where: t('cellSuggest.kpiPlace', { mark: entry.mark, name: kpi.name }),
          field: t(field === 'baselineValue' ? 'measures.kpi.baseline' : 'measures.kpi.target'),
        })}
        suggesting={suggesting}
      />
    );
  return (
    <div className="measures-kpi__bases">
      <KpiBasis scope={scope} name="baseline">
        <KpiField scope={scope} name="baselineValue" label={t('measures.kpi.value')}>
          {(id) => (
            <FigureInput
              id={id}
              value={kpi.baseline.value}
              components={kpi.components}
              subUnit={kpi.subFigure ? '' : undefined}
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
          )}
        </KpiField>
        {figureSuggestion('baselineValue')}
        <KpiField scope={scope} name="baselineYear" label={t('measures.kpi.fiscalYear')}>
          {(id) => (
            <FiscalYearInput
              id={id}
              value={kpi.baseline.fiscalYear}
              readOnly={!canEdit}
              testId="kpi-baseline-year-input"
              onCommit={(year) => update({ baselineYear: year })}
            />
          )}
        </KpiField>
        <KpiField scope={scope} name="baselineLabel" label={t('measures.kpi.baselineLabel')}>
          {(id) => (
            <CommitTextField
              id={id}
              value={kpi.baseline.label}
              readOnly={!canEdit}
              testId="kpi-baseline-label-input"
              onCommit={(next) => update({ baselineLabel: next.trim().slice(0, 100) })}
            />
          )}
        </KpiField>
      </KpiBasis>
      <KpiBasis scope={scope} name="target">
        {/* A range, a relative or a qualitative target has its own fields (目標の種類), not a figure. */}
        {!ownTargetFields && (
        <KpiField scope={scope} name="targetValue" label={t('measures.kpi.value')}>
          {(id) => (
            <FigureInput
              id={id}
              value={kpi.target.value}
              components={kpi.components}
              subUnit={kpi.subFigure ? '' : undefined}
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
          )}
        </KpiField>
        )}
        {!ownTargetFields && figureSuggestion('targetValue')}
        <KpiField scope={scope} name="targetYear" label={t('measures.kpi.fiscalYear')}>
          {(id) => (
            <FiscalYearInput
              id={id}
              value={kpi.target.fiscalYear}
              readOnly={!canEdit}
              testId="kpi-target-year-input"
              onCommit={(year) => update({ targetYear: year })}
            />
          )}
        </KpiField>
        {kpi.unit !== '' && <p className="measures-kpi__unit">{t('measures.kpi.unitNote', { unit: kpi.unit })}</p>}
      </KpiBasis>
    </div>
  );
}
