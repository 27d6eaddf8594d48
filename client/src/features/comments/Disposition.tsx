import { DISPOSITIONS, type Disposition, type Thread } from '@sakutei/shared';
import { useEffect, useId, useRef, useState } from 'react';
import { useI18n } from '../../i18n';
import { useComments } from './commentsContext';
import { commentErrorMessage } from './errors';

interface Values {
  disposition: Disposition | null;
  response: string;
}

const same = (a: Values, b: Values) => a.disposition === b.disposition && a.response === b.response;

interface FormProps {
  thread: Thread;
  /** Saved: the panel folds the form away and shows the answer as text. */
  onSaved(): void;
  onCancel(): void;
}

/** 対応方針 and 対応内容 as the secretariat records them (staff only). */
export function DispositionForm({ thread, onSaved, onCancel }: FormProps) {
  const { t } = useI18n();
  const { actions } = useComments();
  const id = useId();
  const selectRef = useRef<HTMLSelectElement>(null);
  const saved: Values = { disposition: thread.disposition, response: thread.response };
  const [values, setValues] = useState<Values>(saved);
  const [base, setBase] = useState<Values>(saved);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  // Opened on request: the first field is where the person means to go.
  useEffect(() => selectRef.current?.focus(), []);

  // Another staff member saved meanwhile: take their answer unless we have unsaved changes.
  if (!same(saved, base)) {
    setBase(saved);
    if (same(values, base)) setValues(saved);
  }

  async function save() {
    if (pending) return;
    setPending(true);
    setError(null);
    try {
      await actions.respond(thread.id, values.disposition, values.response.trim());
      setPending(false);
      onSaved();
    } catch (failure) {
      setError(commentErrorMessage(failure, t));
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
      onKeyDown={(event) => {
        if (event.key === 'Escape' && !event.nativeEvent.isComposing) {
          event.preventDefault();
          onCancel();
        }
      }}
    >
      <fieldset>
        <legend>{t('comments.disposition.legend')}</legend>
        <label htmlFor={`${id}-select`}>{t('comments.disposition.label')}</label>
        <select
          ref={selectRef}
          id={`${id}-select`}
          data-testid="disposition-select"
          value={values.disposition ?? ''}
          onChange={(event) => {
            const value = event.target.value;
            setValues({ ...values, disposition: DISPOSITIONS.find((d) => d === value) ?? null });
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
        <button type="button" className="button button--quiet" data-testid="disposition-cancel" onClick={onCancel}>
          {t('comments.disposition.cancel')}
        </button>
      </div>
      {error !== null && (
        <p className="comments-error" role="alert">
          {error}
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

/**
 * The answer as text, and for staff a button that opens the form on request (「対応方針を記入」,
 * or 「対応方針を編集」 once there is one), so a sidebar of many threads stays short.
 */
export function DispositionPanel({ thread, canRespond }: { thread: Thread; canRespond: boolean }) {
  const { t } = useI18n();
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const [returnFocus, setReturnFocus] = useState(false);
  const toggleRef = useRef<HTMLButtonElement>(null);
  // Back to the button that opened the form, once React has rendered it again: after the
  // commit, not a frame later (a frame may come before the commit, or not at all in a
  // background tab).
  useEffect(() => {
    if (!returnFocus || editing) return;
    toggleRef.current?.focus();
    setReturnFocus(false);
  }, [returnFocus, editing]);
  if (!canRespond) return <DispositionView thread={thread} />;
  const recorded = thread.disposition !== null || thread.response !== '';

  const close = (didSave: boolean) => {
    setEditing(false);
    setSaved(didSave);
    setReturnFocus(true);
  };

  return (
    <div className="disposition-panel" data-testid="disposition-panel">
      {editing ? (
        <DispositionForm thread={thread} onSaved={() => close(true)} onCancel={() => close(false)} />
      ) : (
        <>
          <DispositionView thread={thread} />
          <div className="comments-actions">
            <button
              ref={toggleRef}
              type="button"
              className="button button--quiet disposition-panel__open"
              data-testid="disposition-open"
              onClick={() => {
                setSaved(false);
                setEditing(true);
              }}
            >
              {recorded ? t('comments.disposition.edit') : t('comments.disposition.write')}
            </button>
            <span role="status" className="comments-saved">
              {saved ? t('comments.disposition.saved') : ''}
            </span>
          </div>
        </>
      )}
    </div>
  );
}
