import { DISPOSITIONS, type Disposition, type Thread } from '@sakutei/shared';
import { useId, useState } from 'react';
import { useI18n } from '../../i18n';
import { useComments } from './commentsContext';
import { commentErrorMessage } from './errors';

interface Values {
  disposition: Disposition | null;
  response: string;
}

const same = (a: Values, b: Values) => a.disposition === b.disposition && a.response === b.response;

/** 対応方針 and 対応内容 as the secretariat records them (staff only). */
export function DispositionForm({ thread }: { thread: Thread }) {
  const { t } = useI18n();
  const { actions } = useComments();
  const id = useId();
  const saved: Values = { disposition: thread.disposition, response: thread.response };
  const [values, setValues] = useState<Values>(saved);
  const [base, setBase] = useState<Values>(saved);
  const [pending, setPending] = useState(false);
  const [status, setStatus] = useState<{ kind: 'saved' } | { kind: 'error'; message: string } | null>(null);

  // Another staff member saved meanwhile: take their answer unless we have unsaved changes.
  if (!same(saved, base)) {
    setBase(saved);
    if (same(values, base)) setValues(saved);
  }

  async function save() {
    if (pending) return;
    setPending(true);
    setStatus(null);
    try {
      await actions.respond(thread.id, values.disposition, values.response.trim());
      setStatus({ kind: 'saved' });
    } catch (failure) {
      setStatus({ kind: 'error', message: commentErrorMessage(failure, t) });
    } finally {
      setPending(false);
    }
  }

  return (
    <form
      className="disposition"
      data-testid="disposition-form"
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <fieldset>
        <legend>{t('comments.disposition.legend')}</legend>
        <label htmlFor={`${id}-select`}>{t('comments.disposition.label')}</label>
        <select
          id={`${id}-select`}
          data-testid="disposition-select"
          value={values.disposition ?? ''}
          onChange={(event) => {
            const value = event.target.value;
            setValues({ ...values, disposition: DISPOSITIONS.find((d) => d === value) ?? null });
            setStatus(null);
          }}
        >
          <option value="">{t('comments.disposition.none')}</option>
          {DISPOSITIONS.map((disposition) => (
            <option key={disposition} value={disposition}>
              {t(`comments.disposition.${disposition}`)}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-response`}>{t('comments.disposition.response')}</label>
        <textarea
          id={`${id}-response`}
          data-testid="disposition-response"
          rows={2}
          value={values.response}
          onChange={(event) => {
            setValues({ ...values, response: event.target.value });
            setStatus(null);
          }}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && !event.nativeEvent.isComposing) {
              event.preventDefault();
              void save();
            }
          }}
        />
      </fieldset>
      <div className="comments-actions">
        <button
          type="submit"
          className="button button--quiet"
          data-testid="disposition-save"
          aria-disabled={pending || undefined}
        >
          {t('comments.disposition.save')}
        </button>
        <span role="status" className="comments-saved">
          {status?.kind === 'saved' ? t('comments.disposition.saved') : ''}
        </span>
      </div>
      {status?.kind === 'error' && (
        <p className="comments-error" role="alert">
          {status.message}
        </p>
      )}
    </form>
  );
}

/** The recorded answer, for everyone who may not change it. */
export function DispositionView({ thread }: { thread: Thread }) {
  const { t } = useI18n();
  if (thread.disposition === null && thread.response === '') return null;
  return (
    <dl className="disposition disposition--read" data-testid="thread-disposition" data-disposition={thread.disposition ?? ''}>
      <div>
        <dt>{t('comments.disposition.label')}</dt>
        <dd>{thread.disposition ? t(`comments.disposition.${thread.disposition}`) : t('comments.disposition.none')}</dd>
      </div>
      {thread.response !== '' && (
        <div>
          <dt>{t('comments.disposition.response')}</dt>
          <dd className="disposition__response">{thread.response}</dd>
        </div>
      )}
    </dl>
  );
}
