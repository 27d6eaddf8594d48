import type { DerivedRow } from '@sakutei/shared/measures';
import { useId, useRef, useState } from 'react';
import { useI18n } from '../../i18n';
import { ConfirmDialog } from '../../app/ConfirmDialog';

type Props = {
  /** The placement whose project is listed again. */
  source: DerivedRow;
  rows: readonly DerivedRow[];
  onConfirm: (targetMeasureId: string) => void;
  onCancel: () => void;
};

/**
 * Lists a project again under another measure (再掲). The badge on the new row is generated
 * from the data, so all the user chooses is where.
 */
export function ReprintDialog({ source, rows, onConfirm, onCancel }: Props) {
  const { t } = useI18n();
  const selectId = useId();
  const selectRef = useRef<HTMLSelectElement>(null);
  const measures = rows.filter((row) => row.node.kind === 'measure');
  const [target, setTarget] = useState(
    () => (measures.find((row) => row.node.id !== source.parentId) ?? measures[0])?.node.id ?? '',
  );
  return (
    <ConfirmDialog
      title={t('measures.reprint.title')}
      confirmLabel={t('measures.reprint.confirm')}
      confirmDisabled={target === ''}
      initialFocus={selectRef}
      testId="reprint-dialog"
      onConfirm={() => onConfirm(target)}
      onCancel={onCancel}
    >
      <p>{t('measures.reprint.lead', { title: source.title || t('measures.row.untitled') })}</p>
      {measures.length === 0 ? (
        <p role="alert">{t('measures.reprint.noMeasures')}</p>
      ) : (
        <div className="measures-field">
          <label htmlFor={selectId}>{t('measures.reprint.target')}</label>
          <select
            id={selectId}
            ref={selectRef}
            value={target}
            data-testid="reprint-target"
            onChange={(event) => setTarget(event.target.value)}
          >
            {measures.map((row) => (
              <option key={row.node.id} value={row.node.id}>
                {'\u3000'.repeat(row.depth)}
                {[row.number, row.title || t('measures.row.untitled')].filter(Boolean).join(' ')}
                {row.node.id === source.parentId ? ` ${t('measures.reprint.current')}` : ''}
              </option>
            ))}
          </select>
        </div>
      )}
    </ConfirmDialog>
  );
}
