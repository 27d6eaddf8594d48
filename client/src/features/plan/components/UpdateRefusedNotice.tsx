import { useEffect, useRef } from 'react';
import { useI18n } from '../../../i18n';
import './UpdateRefusedNotice.css';

interface Props {
  /** The server's reason (`suggest-only: …`, `read-only: …`); null once reopened. */
  reason: string | null;
  /** Opened afresh after a refusal: confirm it, and take the focus the button had. */
  reopened: boolean;
  onReopen: () => void;
}

/**
 * The server refused one of this page's changes (useCollabDoc's `updateRefused`). Said once,
 * assertively, above the document: nothing typed here is saved until the document is opened
 * afresh from the server, which drops the refused change and what depends on it.
 */
export function UpdateRefusedNotice({ reason, reopened, onReopen }: Props) {
  const { t } = useI18n();
  const done = useRef<HTMLParagraphElement>(null);
  const alert = useRef<HTMLDivElement>(null);
  const refused = reason !== null;
  // Whoever was typing far down the document would not see it at the top of the page. Only
  // scrolled to, never focused: an Enter still meant for the text must not discard it.
  useEffect(() => {
    if (refused) alert.current?.scrollIntoView?.({ block: 'nearest' });
  }, [refused]);
  // The button that had the focus is gone: the confirmation takes it, so the keyboard and a
  // screen reader land next to the document rather than at the top of the page.
  useEffect(() => {
    if (reopened) done.current?.focus();
  }, [reopened]);
  if (reason !== null) {
    const body = reason.startsWith('read-only:') ? 'updateRefused.bodyReadOnly' : 'updateRefused.body';
    return (
      <div ref={alert} className="banner banner--error update-refused" role="alert" data-testid="update-refused" data-reason={reason}>
        <p className="update-refused__title">{t('updateRefused.title')}</p>
        <p>{t(body)}</p>
        <p>{t('updateRefused.loss')}</p>
        <p>
          <button type="button" className="button button--primary" onClick={onReopen} data-testid="update-refused-reopen">
            {t('updateRefused.reopen')}
          </button>
        </p>
      </div>
    );
  }
  if (!reopened) return null;
  return (
    <p className="banner banner--info update-refused" role="status" tabIndex={-1} ref={done} data-testid="update-reopened">
      {t('updateRefused.reopened')}
    </p>
  );
}
