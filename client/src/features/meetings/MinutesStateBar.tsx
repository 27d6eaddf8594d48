import type { MinutesResponse, PublishNames } from '@sakutei/shared';
import { PUBLISH_NAMES } from '@sakutei/shared';
import { useId, useState } from 'react';
import { ConfirmDialog } from '../../app/ConfirmDialog';
import { useI18n } from '../../i18n';
import { minutesStateText } from './minutesText';

interface Props {
  answer: MinutesResponse;
  /** The meeting took place (開催済み or later): minutes are sent only after the sitting. */
  held: boolean;
  send: () => Promise<void>;
  confirm: () => Promise<void>;
  publish: (names: PublishNames) => Promise<void>;
}

/**
 * Where the minutes stand (下書き, 送付済み, 確定 with its hash) and the steps that move them:
 * staff send the draft to those present; the chair confirms, once every suggested correction
 * is resolved, after saying it cannot be undone; staff choose how names are published.
 */
export function MinutesStateBar({ answer, held, send, confirm, publish }: Props) {
  const { t, locale } = useI18n();
  const { minutes, mayManage, mayConfirm } = answer;
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const groupName = useId();
  const notHeldId = useId();
  const open = minutes.corrections.filter((c) => c.state === 'open').length;
  const confirmed = minutes.state === 'confirmed';

  async function run(work: () => Promise<void>) {
    setBusy(true);
    try {
      await work();
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="minutes-state" aria-label={t('minutes.state.label')} data-testid="minutes-state" data-state={minutes.state}>
      <p className="minutes-state__word" data-state={minutes.state} data-testid="minutes-state-text">
        {minutesStateText(minutes, t, locale)}
      </p>
      {confirmed && minutes.confirmedBy && <p className="meetings-hint">{t('minutes.confirmedBy', { name: minutes.confirmedBy.name })}</p>}
      {confirmed && minutes.hash && (
        // The whole hash, so that a printed or exported copy can be checked against it; the state says its first 12 digits.
        <p className="meetings-hint minutes-state__hash" data-testid="minutes-hash">
          SHA-256 {minutes.hash}
        </p>
      )}
      {!confirmed && (mayManage || mayConfirm) && (
        <div className="meetings-actions">
          {mayManage && (
            <button
              type="button"
              className="button"
              disabled={busy || !held}
              aria-describedby={held ? undefined : notHeldId}
              onClick={() => void run(send)}
              data-testid="minutes-send"
            >
              {minutes.state === 'sent' ? t('minutes.resend') : t('minutes.send')}
            </button>
          )}
          {mayConfirm && minutes.state === 'sent' && (
            <button type="button" className="button button--primary" disabled={busy || open > 0} onClick={() => setConfirming(true)} data-testid="minutes-confirm">
              {t('minutes.confirm')}
            </button>
          )}
        </div>
      )}
      {!confirmed && mayManage && !held && (
        <p className="meetings-hint" id={notHeldId} data-testid="minutes-not-held">
          {t('minutes.send.notHeld')}
        </p>
      )}
      {!confirmed && mayConfirm && minutes.state === 'sent' && open > 0 && (
        <p className="meetings-hint" data-testid="minutes-open-corrections">
          {t('minutes.confirm.openCorrections', { count: open })}
        </p>
      )}
      {mayManage && (
        <fieldset className="minutes-publish" disabled={busy} data-testid="minutes-publish">
          <legend>{t('minutes.publish.legend')}</legend>
          {PUBLISH_NAMES.map((names) => (
            <label key={names}>
              <input
                type="radio"
                name={groupName}
                value={names}
                checked={minutes.publishNames === names}
                onChange={() => void run(() => publish(names))}
                data-testid={`minutes-publish-${names}`}
              />
              {t(`minutes.publish.${names}`)}
            </label>
          ))}
        </fieldset>
      )}
      {confirming && (
        <ConfirmDialog
          title={t('minutes.confirm.title')}
          confirmLabel={t('minutes.confirm')}
          testId="minutes-confirm-dialog"
          onConfirm={() => {
            setConfirming(false);
            void run(confirm);
          }}
          onCancel={() => setConfirming(false)}
        >
          <p>{t('minutes.confirm.body')}</p>
        </ConfirmDialog>
      )}
    </section>
  );
}
