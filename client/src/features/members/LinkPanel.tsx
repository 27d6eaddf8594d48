import { useId, useRef, useState } from 'react';
import { useI18n } from '../../i18n';

/**
 * A one-time link to hand over: shown once, selectable, with a copy button. The link is built
 * from this page's origin, which is the address people reach the app at.
 */
export function LinkPanel({ linkPath, testId }: { linkPath: string; testId: string }) {
  const { t } = useI18n();
  const inputRef = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  const id = useId();
  const link = `${window.location.origin}${linkPath}`;

  async function copy() {
    try {
      await navigator.clipboard.writeText(link);
      setCopied('yes');
    } catch {
      inputRef.current?.select();
      setCopied('failed');
    }
  }

  return (
    <div className="members-link">
      <label htmlFor={id} className="visually-hidden">
        {t('invitations.link.label')}
      </label>
      <input
        id={id}
        ref={inputRef}
        className="members-link__input"
        readOnly
        value={link}
        data-testid={testId}
        onFocus={(event) => event.currentTarget.select()}
      />
      <button type="button" className="button button--primary" onClick={() => void copy()} data-testid={`${testId}-copy`}>
        {t('invitations.link.copy')}
      </button>
      <p className="members-link__status" role="status">
        {copied === 'yes' ? t('invitations.link.copied') : copied === 'failed' ? t('invitations.link.copyFailed') : ''}
      </p>
    </div>
  );
}
