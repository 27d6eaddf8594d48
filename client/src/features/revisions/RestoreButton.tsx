import type { Revision } from '@sakutei/shared';
import { useRef, useState } from 'react';
import { useI18n } from '../../i18n';
import { restoreRevision } from '../../lib/revisionsApi';
import { ConfirmDialog } from '../../app/ConfirmDialog';
import { revisionErrorMessage } from './errors';
import { revisionNumberText } from './revisionText';

interface Props {
  revision: Revision;
  announce(text: string): void;
}

/**
 * 現在の案に戻す: the draft starts again from this revision's content. It asks first, since
 * everyone editing sees their text replaced, and says that nothing is lost.
 */
export function RestoreButton({ revision, announce }: Props) {
  const { t } = useI18n();
  const [confirming, setConfirming] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const number = revisionNumberText(revision, t);

  const close = () => {
    setConfirming(false);
    requestAnimationFrame(() => buttonRef.current?.focus());
  };

  async function restore() {
    if (pending) return;
    setPending(true);
    setError(null);
    try {
      await restoreRevision(revision.id);
      announce(t('revisions.done.restored', { revision: number }));
      close();
    } catch (failure) {
      setError(revisionErrorMessage(failure, t));
      close();
    } finally {
      setPending(false);
    }
  }

  return (
    <>
      <button
        ref={buttonRef}
        type="button"
        className="button button--quiet"
        data-testid="revision-restore"
        aria-haspopup="dialog"
        onClick={() => setConfirming(true)}
      >
        {t('revisions.action.restore')}
      </button>
      {confirming && (
        <ConfirmDialog
          title={t('revisions.restore.title', { revision: number })}
          confirmLabel={t('revisions.restore.confirm', { revision: number })}
          confirmDisabled={pending}
          testId="revision-restore-dialog"
          onConfirm={() => void restore()}
          onCancel={close}
        >
          <p>{t('revisions.restore.body', { revision: number })}</p>
          <p>{t('revisions.restore.history')}</p>
        </ConfirmDialog>
      )}
      {error && (
        <p className="revisions-error" role="alert">
          {error}
        </p>
      )}
    </>
  );
}
