import { KPI_DIRECTIONS, type KpiDirection } from '@sakutei/shared/measures';
import { useI18n } from '../../i18n';
import type { KpiCardScope } from './kpiCardScope';
import { KpiField } from './KpiField';
import { parseList } from './kpiFormat';
import { CommitTextField } from './KpiInputs';
import { FigureSuggestion } from './FigureSuggestion';
import { mergeText } from './mergeText';

const LIST_SEPARATORS = /[,、，\n]+/;
const COMPONENT_SEPARATORS = /[,、，\s]+/;

/** What the KPI is: name, former names, unit, direction, components and source. */
export function KpiDefinitionFields({ scope }: { scope: KpiCardScope }) {
  const { t } = useI18n();
  const { entry, canEdit, update } = scope;
  const { kpi } = entry;
  // A text field merges this user's edit with a collaborator's change made meanwhile.
  const merged = (current: string, next: string, base: string) => mergeText(base, next, current);
  const { suggesting } = scope;
  const proposals = (field: 'name' | 'unit' | 'source', label: string) =>
    suggesting && (
      <FigureSuggestion
        kpi={kpi}
        field={field}
        where={t('cellSuggest.section', { where: t('cellSuggest.kpiPlace', { mark: entry.mark, name: kpi.name }), field: label })}
        suggesting={suggesting}
      />
    );

  return (
    <div className="measures-kpi__fields">
      <KpiField scope={scope} name="name" label={t('measures.kpi.name')} wide comment="name">
        {(id) => (
          <>
            <CommitTextField
              id={id}
              value={kpi.name}
              readOnly={!canEdit}
              testId="kpi-name-input"
              onCommit={(next, base) => update({ name: merged(kpi.name, next, base) })}
            />
            {proposals('name', t('measures.kpi.name'))}
          </>
        )}
      </KpiField>
      <KpiField scope={scope} name="formerNames" label={t('measures.kpi.formerNames')} wide>
        {(id) => (
          <CommitTextField
            id={id}
            value={kpi.formerNames.join('\n')}
            readOnly={!canEdit}
            multiline
            testId="kpi-former-names-input"
            onCommit={(next) => update({ formerNames: parseList(next, LIST_SEPARATORS, 400) })}
          />
        )}
      </KpiField>
      <KpiField scope={scope} name="unit" label={t('measures.kpi.unit')} comment="unit">
        {(id) => (
          <>
            <CommitTextField
              id={id}
              value={kpi.unit}
              readOnly={!canEdit}
              testId="kpi-unit-input"
              onCommit={(next, base) => update({ unit: merged(kpi.unit, next, base) })}
            />
            {proposals('unit', t('measures.kpi.unit'))}
          </>
        )}
      </KpiField>
      <KpiField scope={scope} name="direction" label={t('measures.kpi.direction')} comment="direction">
        {(id) => (
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
        )}
      </KpiField>
      {kpi.directionInferred && (
        <p className="measures-kpi__inferred measures-kpi-field--wide" data-testid="kpi-direction-inferred">
          {t('kpiKinds.directionInferred')}{' '}
          {canEdit && (
            <button
              type="button"
              className="button button--quiet"
              data-testid="kpi-direction-confirm"
              // Writes the shown direction too: a pre-kinds 維持 reads as higher until confirmed (kpiLegacy.ts).
              onClick={() => update({ direction: kpi.direction, directionInferred: false })}
            >
              {t('kpiKinds.directionConfirm')}
            </button>
          )}
        </p>
      )}
      <KpiField scope={scope} name="components" label={t('measures.kpi.components')}>
        {(id) => (
          <CommitTextField
            id={id}
            value={kpi.components.join(' ')}
            readOnly={!canEdit}
            testId="kpi-components-input"
            onCommit={(next) => update({ components: parseList(next, COMPONENT_SEPARATORS, 40) })}
          />
        )}
      </KpiField>
      <KpiField scope={scope} name="source" label={t('measures.kpi.source')} comment="source">
        {(id) => (
          <>
            <CommitTextField
              id={id}
              value={kpi.source}
              readOnly={!canEdit}
              testId="kpi-source-input"
              onCommit={(next, base) => update({ source: merged(kpi.source, next, base) })}
            />
            {proposals('source', t('measures.kpi.source'))}
          </>
        )}
      </KpiField>
    </div>
  );
}
