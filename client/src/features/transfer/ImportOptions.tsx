import type { DerivedTable, HierarchyScheme } from '@sakutei/shared/measures';
import { useId } from 'react';
import { useI18n } from '../../i18n';
import type { ImportKind } from './detectKind';
import { rowLabel } from './useImportDraft';

/** Long titles would stretch the select beyond the dialog. */
function short(text: string): string {
  return [...text].length > 48 ? `${[...text].slice(0, 47).join('')}…` : text;
}

export function KindChooser({
  kind,
  detected,
  onChange,
}: {
  kind: ImportKind;
  detected: ImportKind;
  onChange: (kind: ImportKind) => void;
}) {
  const { t } = useI18n();
  const name = useId();
  const option = (value: ImportKind, label: string) => (
    <label className="import-options__radio">
      <input
        type="radio"
        name={name}
        value={value}
        checked={kind === value}
        data-testid={`import-kind-${value}`}
        onChange={() => onChange(value)}
      />
      {label}
      {detected === value && <span className="import-options__hint">{t('views.import.detected')}</span>}
    </label>
  );
  return (
    <fieldset className="import-options">
      <legend>{t('views.import.kindLegend')}</legend>
      {option('hierarchy', t('views.import.kind.hierarchy'))}
      {option('kpis', t('views.import.kind.kpis'))}
    </fieldset>
  );
}

/** Hierarchy: which row the imported rows go under (at the end). */
export function ParentChooser({
  derived,
  scheme,
  value,
  onChange,
}: {
  derived: DerivedTable;
  scheme: HierarchyScheme;
  value: string | null;
  onChange: (parent: string | null) => void;
}) {
  const { t } = useI18n();
  const id = useId();
  // The deepest level holds projects; nothing goes under them.
  const parents = derived.rows.filter((row) => row.depth < scheme.levels.length - 1);
  return (
    <div className="views-field">
      <label htmlFor={id}>{t('views.import.parentLabel')}</label>
      <select
        id={id}
        className="views-input"
        value={value ?? ''}
        data-testid="import-parent"
        onChange={(event) => onChange(event.target.value === '' ? null : event.target.value)}
      >
        <option value="">{t('views.import.parentTop')}</option>
        {parents.map((row) => (
          <option key={row.node.id} value={row.node.id}>
            {t('views.import.parentUnder', { row: short(rowLabel(row)) })}
          </option>
        ))}
      </select>
    </div>
  );
}

/** KPIs: the row new KPIs are shown under, or none (only update existing ones). */
export function AttachChooser({
  derived,
  value,
  linkedCount,
  onChange,
}: {
  derived: DerivedTable;
  value: string | null;
  linkedCount: number;
  onChange: (nodeId: string | null) => void;
}) {
  const { t } = useI18n();
  const id = useId();
  const noteId = useId();
  return (
    <div className="views-field">
      <label htmlFor={id}>{t('views.import.attachLabel')}</label>
      <select
        id={id}
        className="views-input"
        value={value ?? ''}
        data-testid="import-attach"
        aria-describedby={linkedCount > 0 ? noteId : undefined}
        onChange={(event) => onChange(event.target.value === '' ? null : event.target.value)}
      >
        <option value="">{t('views.import.attachNone')}</option>
        {derived.rows.map((row) => (
          <option key={row.node.id} value={row.node.id}>
            {short(rowLabel(row))}
          </option>
        ))}
      </select>
      {linkedCount > 0 && (
        <p id={noteId} className="views-field__note">
          {t('views.import.linkedNote', { count: linkedCount })}
        </p>
      )}
    </div>
  );
}
