import type { DerivedRow } from '@sakutei/shared/measures';
import { useId, useRef, useState } from 'react';
import { useI18n } from '../../i18n';
import { ConfirmDialog } from '../../app/ConfirmDialog';
import { cellValue, editKindOf, STATUS_OPTIONS, type GridField } from './gridModel';

type Props = {
  row: DerivedRow;
  /** Writes one field, merged with what others changed since `base` was read. */
  onSave: (field: GridField, base: string, draft: string) => void;
  onClose: () => void;
};

const FIELDS = ['title', 'status', 'description', 'contacts'] as const satisfies readonly GridField[];

/**
 * A row's fields as a form, for phones where the grid's in-cell editing is not at hand.
 * Each field is written as a cell edit would be: merged with a collaborator's change to it.
 */
export function RowEditDialog({ row, onSave, onClose }: Props) {
  const { t } = useI18n();
  const idPrefix = useId();
  const titleRef = useRef<HTMLInputElement>(null);
  const fields = FIELDS.filter((field) => editKindOf(row, field) !== null);
  // What each field read when the form opened: the base of the merge.
  const [base] = useState(() => Object.fromEntries(fields.map((field) => [field, cellValue(row, field)])) as Record<GridField, string>);
  const [draft, setDraft] = useState(base);
  const label = [row.number, row.title].filter(Boolean).join(' ') || t('measures.row.untitled');

  const control = (field: (typeof FIELDS)[number]) => {
    const id = `${idPrefix}-${field}`;
    const value = draft[field] ?? '';
    const set = (next: string) => setDraft((current) => ({ ...current, [field]: next }));
    const input =
      field === 'status' ? (
        <select id={id} value={value} onChange={(event) => set(event.target.value)} data-testid="row-edit-status">
          <option value="">{t('measures.status.none')}</option>
          {STATUS_OPTIONS.map((option) => (
            <option key={option} value={option}>
              {t(`measures.status.${option}`)}
            </option>
          ))}
        </select>
      ) : field === 'title' ? (
        <input ref={titleRef} id={id} value={value} onChange={(event) => set(event.target.value)} data-testid="row-edit-title" />
      ) : (
        <textarea id={id} rows={3} value={value} onChange={(event) => set(event.target.value)} data-testid={`row-edit-${field}`} />
      );
    return (
      <div key={field} className="measures-row-edit__field">
        <label htmlFor={id}>{t(`measures.column.${field}`)}</label>
        {input}
      </div>
    );
  };

  return (
    <ConfirmDialog
      title={t('measures.rowEdit.title', { row: label })}
      confirmLabel={t('measures.rowEdit.save')}
      initialFocus={titleRef}
      testId="row-edit-dialog"
      onCancel={onClose}
      onConfirm={() => {
        for (const field of fields) if (draft[field] !== base[field]) onSave(field, base[field], draft[field]);
        onClose();
      }}
    >
      <div className="measures-row-edit">{fields.map(control)}</div>
    </ConfirmDialog>
  );
}
