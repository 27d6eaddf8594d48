import {
  PROGRESS_NOTE_MAX,
  PROGRESS_STATUSES,
  PROGRESS_UNIT_MAX,
  formatNumber,
  parseProgressFigureValue,
  progressStatusSchema,
  type ProgressEntry,
} from '@sakutei/shared/measures';
import { useId, useState, type FormEvent } from 'react';
import { FormActions, FormDialog } from '../../app/FormDialog';
import { useI18n } from '../../i18n';

type Props = {
  rowLabel: string;
  yearLabel: string;
  entry: ProgressEntry | null;
  /** Writes the entry (null clears it); rejects with a sentence to show when it failed. */
  onSave: (entry: ProgressEntry | null) => Promise<void>;
  onClose: () => void;
};

/**
 * Records one placement's 実施状況 for one year: the status, a note and an optional figure.
 * Opened from the grid cell (Enter, F2, double-click) or a phone card; 「未記録」 clears it.
 */
export function ProgressDialog({ rowLabel, yearLabel, entry, onSave, onClose }: Props) {
  const { t } = useI18n();
  const id = useId();
  const [status, setStatus] = useState<string>(entry?.status ?? '');
  const [note, setNote] = useState(entry?.note ?? '');
  const [value, setValue] = useState(entry?.figure ? formatNumber(entry.figure.value) : '');
  const [unit, setUnit] = useState(entry?.figure?.unit ?? '');
  const [problem, setProblem] = useState<{ field: 'value' | 'note' | null; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const figureValue = parseProgressFigureValue(value);
    if (figureValue === undefined) return setProblem({ field: 'value', text: t('progress.dialog.figureInvalid') });
    if (note.length > PROGRESS_NOTE_MAX) return setProblem({ field: 'note', text: t('progress.dialog.noteTooLong', { max: PROGRESS_NOTE_MAX }) });
    const parsed = progressStatusSchema.safeParse(status);
    const next: ProgressEntry | null = parsed.success
      ? { status: parsed.data, note, figure: figureValue === null ? null : { value: figureValue, unit: unit.trim() } }
      : null;
    setBusy(true);
    setProblem(null);
    try {
      await onSave(next);
      onClose();
    } catch (error) {
      setProblem({ field: null, text: error instanceof Error ? error.message : String(error) });
      setBusy(false);
    }
  };

  const errorId = `${id}-error`;
  const invalid = (field: 'value' | 'note') => (problem?.field === field ? { 'aria-invalid': true, 'aria-describedby': errorId } : {});

  return (
    <FormDialog title={t('progress.dialog.title', { row: rowLabel, year: yearLabel })} testId="progress-dialog" onClose={onClose}>
      <form className="progress-form" onSubmit={submit} noValidate aria-busy={busy}>
        <div className="form__field">
          <label htmlFor={`${id}-status`}>{t('progress.dialog.status')}</label>
          <select
            id={`${id}-status`}
            className="progress-select"
            value={status}
            autoFocus
            data-testid="progress-status"
            onChange={(event) => setStatus(event.target.value)}
          >
            <option value="">{t('progress.dialog.statusNone')}</option>
            {PROGRESS_STATUSES.map((option) => (
              <option key={option} value={option}>
                {t(`progress.status.${option}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="form__field">
          <label htmlFor={`${id}-note`}>{t('progress.dialog.note')}</label>
          <textarea
            id={`${id}-note`}
            className="progress-textarea"
            rows={3}
            value={note}
            maxLength={PROGRESS_NOTE_MAX}
            data-testid="progress-note"
            onChange={(event) => setNote(event.target.value)}
            {...invalid('note')}
          />
        </div>
        <div className="progress-form__figure">
          <div className="form__field">
            <label htmlFor={`${id}-value`}>{t('progress.dialog.figureValue')}</label>
            <input
              id={`${id}-value`}
              type="text"
              inputMode="decimal"
              value={value}
              data-testid="progress-figure-value"
              aria-describedby={problem?.field === 'value' ? errorId : `${id}-hint`}
              aria-invalid={problem?.field === 'value' ? true : undefined}
              onChange={(event) => setValue(event.target.value)}
            />
          </div>
          <div className="form__field">
            <label htmlFor={`${id}-unit`}>{t('progress.dialog.figureUnit')}</label>
            <input
              id={`${id}-unit`}
              type="text"
              value={unit}
              maxLength={PROGRESS_UNIT_MAX}
              data-testid="progress-figure-unit"
              onChange={(event) => setUnit(event.target.value)}
            />
          </div>
        </div>
        <p id={`${id}-hint`} className="progress-hint">
          {t('progress.dialog.figureHint')}
        </p>
        {problem?.field && (
          <p id={errorId} className="form__error" role="alert" data-testid="progress-error">
            {problem.text}
          </p>
        )}
        <FormActions
          failure={problem && problem.field === null ? t('progress.dialog.failed', { reason: problem.text }) : null}
          failureTestId="progress-error"
          cancelLabel={t('progress.dialog.cancel')}
          submitLabel={t('progress.dialog.save')}
          submitTestId="progress-save"
          busy={busy}
          onCancel={onClose}
        />
      </form>
    </FormDialog>
  );
}
