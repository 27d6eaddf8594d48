import { MAX_CORRECTION_TEXT_CHARS, type FileMinutesCorrectionRequest, type MinutesCorrection, type MinutesResponse } from '@sakutei/shared';
import { useId, useState, type FormEvent } from 'react';
import { useI18n } from '../../i18n';
import { minutesMomentText } from './minutesText';

interface Props {
  answer: MinutesResponse;
  file: (request: FileMinutesCorrectionRequest) => Promise<void>;
  resolve: (correction: MinutesCorrection, state: 'applied' | 'declined') => Promise<void>;
}

/**
 * 訂正の提案: while the draft is sent, whoever reads it may suggest a correction (the passage,
 * the wording proposed, why); staff apply it in the text themselves and mark it 反映した, or
 * 見送る. The list stays after confirmation as the record of how the text came about.
 */
/** Whether the corrections section shows: while corrections are taken, and afterwards when any were made. */
export const hasCorrections = (answer: MinutesResponse) => answer.minutes.state === 'sent' || answer.minutes.corrections.length > 0;

export function MinutesCorrections({ answer, file, resolve }: Props) {
  const { t } = useI18n();
  const { minutes, mayManage } = answer;
  const open = minutes.state === 'sent';
  if (!hasCorrections(answer)) return null;
  return (
    <section className="minutes-corrections" aria-labelledby="minutes-corrections-title" data-testid="minutes-corrections">
      <h2 id="minutes-corrections-title">{t('minutes.corrections.title')}</h2>
      {open && <CorrectionForm file={file} />}
      {minutes.corrections.length === 0 ? (
        <p className="meetings-hint">{t('minutes.corrections.empty')}</p>
      ) : (
        <ul className="minutes-corrections__list">
          {minutes.corrections.map((correction) => (
            <CorrectionItem key={correction.id} correction={correction} mayResolve={mayManage && open && correction.state === 'open'} resolve={resolve} />
          ))}
        </ul>
      )}
    </section>
  );
}

function CorrectionItem({
  correction,
  mayResolve,
  resolve,
}: {
  correction: MinutesCorrection;
  mayResolve: boolean;
  resolve: Props['resolve'];
}) {
  const { t, locale } = useI18n();
  const [busy, setBusy] = useState(false);
  async function mark(state: 'applied' | 'declined') {
    setBusy(true);
    try {
      await resolve(correction, state);
    } finally {
      setBusy(false);
    }
  }
  return (
    <li className="minutes-correction" data-state={correction.state} data-testid="minutes-correction">
      <p className="minutes-correction__head">
        <span>
          {correction.author ? t('minutes.corrections.by', { name: correction.author.name }) : t('minutes.corrections.unknownAuthor')}
          {' · '}
          {minutesMomentText(correction.createdAt, locale)}
        </span>
        <span className="meetings-status" data-testid="minutes-correction-state" data-state={correction.state}>
          {t(`minutes.corrections.state.${correction.state}`)}
        </span>
      </p>
      <dl>
        <dt>{t('minutes.corrections.quote')}</dt>
        <dd>{correction.quote}</dd>
        <dt>{t('minutes.corrections.proposal')}</dt>
        <dd>{correction.proposal}</dd>
        {correction.reason !== '' && (
          <>
            <dt>{t('minutes.corrections.reason')}</dt>
            <dd>{correction.reason}</dd>
          </>
        )}
      </dl>
      {mayResolve && (
        <div className="meetings-actions">
          <button type="button" className="button" disabled={busy} onClick={() => void mark('applied')} data-testid="minutes-correction-apply">
            {t('minutes.corrections.apply')}
          </button>
          <button type="button" className="button" disabled={busy} onClick={() => void mark('declined')} data-testid="minutes-correction-decline">
            {t('minutes.corrections.decline')}
          </button>
        </div>
      )}
    </li>
  );
}

const EMPTY: FileMinutesCorrectionRequest = { quote: '', proposal: '', reason: '' };

function CorrectionForm({ file }: { file: Props['file'] }) {
  const { t } = useI18n();
  const id = useId();
  const [draft, setDraft] = useState(EMPTY);
  const [missing, setMissing] = useState(false);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const request = { quote: draft.quote.trim(), proposal: draft.proposal.trim(), reason: draft.reason.trim() };
    if (request.quote === '' || request.proposal === '') {
      setMissing(true);
      return;
    }
    setMissing(false);
    setBusy(true);
    try {
      await file(request);
      setDraft(EMPTY);
    } catch {
      // The page says what went wrong; what was typed stays for another try.
    } finally {
      setBusy(false);
    }
  }

  const field = (name: keyof FileMinutesCorrectionRequest, required: boolean) => (
    <div>
      <label className="meetings-label" htmlFor={`${id}-${name}`}>
        {t(`minutes.corrections.${name}`)}
      </label>
      <textarea
        id={`${id}-${name}`}
        value={draft[name]}
        maxLength={MAX_CORRECTION_TEXT_CHARS}
        required={required}
        aria-invalid={missing && required && draft[name].trim() === '' ? true : undefined}
        onChange={(event) => setDraft((d) => ({ ...d, [name]: event.target.value }))}
        data-testid={`minutes-correction-${name}`}
      />
    </div>
  );

  return (
    <form className="minutes-correction-form" onSubmit={(event) => void submit(event)} noValidate data-testid="minutes-correction-form">
      <p className="meetings-hint">{t('minutes.corrections.lead')}</p>
      {field('quote', true)}
      {field('proposal', true)}
      {field('reason', false)}
      {missing && (
        <p className="meetings-field-error" role="alert">
          {t('minutes.corrections.required')}
        </p>
      )}
      <p>
        <button type="submit" className="button button--primary" disabled={busy} data-testid="minutes-correction-submit">
          {t('minutes.corrections.submit')}
        </button>
      </p>
    </form>
  );
}
