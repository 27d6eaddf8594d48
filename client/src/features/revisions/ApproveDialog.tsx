import type { Revision, Role } from '@sakutei/shared';
import { ConfirmDialog } from '../../app/ConfirmDialog';
import { useI18n } from '../../i18n';
import { revisionNumberText, shortHash, stageText } from './revisionText';

interface Props {
  revision: Revision;
  role: Role;
  pending: boolean;
  onConfirm(): void;
  onCancel(): void;
}

/**
 * 承認 asks once more, naming exactly what is approved: the revision, its stage and the
 * start of the hash the approval will record (the server refuses it if the content is not
 * that one), and what approving does, since an approval cannot be undone.
 */
export function ApproveDialog({ revision, role, pending, onConfirm, onCancel }: Props) {
  const { t } = useI18n();
  const number = revisionNumberText(revision, t);
  return (
    <ConfirmDialog
      title={t('revisions.approve.title', { revision: number })}
      confirmLabel={t('revisions.approve.confirm', { revision: number })}
      confirmDisabled={pending}
      testId="review-approve-dialog"
      onConfirm={onConfirm}
      onCancel={onCancel}
    >
      <dl className="approve-summary">
        <div>
          <dt>{t('revisions.approve.name')}</dt>
          <dd data-testid="approve-name">
            {number}「{revision.name}」
          </dd>
        </div>
        <div>
          <dt>{t('revisions.meta.stage')}</dt>
          <dd data-testid="approve-stage">{stageText(revision.stage, t)}</dd>
        </div>
        <div>
          <dt>{t('revisions.meta.hash')}</dt>
          <dd>
            <code data-testid="approve-hash" title={revision.hash}>
              {shortHash(revision.hash)}
            </code>
          </dd>
        </div>
      </dl>
      {role === 'vice_chair' && <p>{t('revisions.approve.onBehalf')}</p>}
      <p>{t('revisions.approve.effect')}</p>
      <p>{t('revisions.approve.final')}</p>
    </ConfirmDialog>
  );
}
