import type { DerivedRow } from '@sakutei/shared/measures';
import { useI18n } from '../../i18n';
import { ConfirmDialog } from '../../app/ConfirmDialog';

type Props = {
  /** The row and everything under it, as deleting it would remove them. */
  subtree: readonly DerivedRow[];
  onConfirm: () => void;
  onCancel: () => void;
};

/** Asks before a row goes, saying how much goes with it: its sub-rows and their KPIs. */
export function DeleteRowDialog({ subtree, onConfirm, onCancel }: Props) {
  const { t } = useI18n();
  const [root, ...below] = subtree;
  if (!root) return null;
  const kpiCount = subtree.reduce((sum, row) => sum + row.kpiIds.length, 0);
  const label = [root.number, root.title].filter((part) => part !== '').join(' ') || t('measures.row.untitled');
  return (
    <ConfirmDialog
      title={t('measures.delete.title')}
      confirmLabel={t('measures.delete.confirm')}
      danger
      testId="delete-row-dialog"
      onConfirm={onConfirm}
      onCancel={onCancel}
    >
      <p>{t('measures.delete.question', { row: label })}</p>
      {(below.length > 0 || kpiCount > 0) && (
        <p data-testid="delete-row-consequence">
          {t('measures.delete.consequence', { rows: below.length, kpis: kpiCount })}
        </p>
      )}
      <p className="measures-note">{t('measures.delete.undoHint')}</p>
    </ConfirmDialog>
  );
}
