import { zodResolver } from '@hookform/resolvers/zod';
import { useState, type ReactNode } from 'react';
import { useForm, useWatch, type FieldError } from 'react-hook-form';
import { FormActions, FormDialog } from '../../app/FormDialog';
import { useI18n, type Translate } from '../../i18n';
import { MEETING_KINDS, type Meeting } from '@sakutei/shared';
import {
  MAX_MEETING_PLACE,
  MAX_MEETING_TITLE,
  MAX_SUBCOMMITTEE,
  MeetingForm,
  meetingFormValues,
  meetingRequest,
} from './meetingForms';
import { meetingsErrorText } from './meetingText';

type Props = {
  /** Editing this meeting; a new one when absent. */
  meeting?: Meeting;
  /** Sends the form's request; throws what the server answered. */
  onSubmit: (request: ReturnType<typeof meetingRequest>) => Promise<void>;
  onClose: () => void;
};

function errorText(error: FieldError | undefined, t: Translate): string | null {
  switch (error?.message) {
    case undefined:
      return null;
    case 'subcommittee':
      return t('meetings.form.error.subcommittee', { max: MAX_SUBCOMMITTEE });
    case 'title':
      return t('meetings.form.error.title', { max: MAX_MEETING_TITLE });
    case 'place':
      return t('meetings.form.error.place', { max: MAX_MEETING_PLACE });
    case 'time':
      return t('meetings.form.error.time');
    case 'timeOrder':
      return t('meetings.form.error.timeOrder');
    case 'onlineUrl':
      return t('meetings.form.error.onlineUrl');
    default:
      return t('meetings.form.error.date');
  }
}

/** A meeting's kind, date and time, place and online address: to add one, or to edit it. */
export function MeetingDialog({ meeting, onSubmit, onClose }: Props) {
  const { t } = useI18n();
  const [failure, setFailure] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    control,
    formState: { errors, isSubmitting },
  } = useForm<MeetingForm>({
    resolver: zodResolver(MeetingForm),
    defaultValues: meeting
      ? meetingFormValues(meeting)
      : { kind: 'regular', subcommittee: '', title: '', date: '', startTime: '', endTime: '', place: '', onlineUrl: '' },
  });
  const kind = useWatch({ control, name: 'kind' });

  const submit = handleSubmit(async (values) => {
    setFailure(null);
    try {
      await onSubmit(meetingRequest(values));
    } catch (error) {
      setFailure(meetingsErrorText(error, t));
    }
  });

  const field = (name: keyof MeetingForm, label: string, input: ReactNode, hint?: string) => {
    const message = errorText(errors[name], t);
    return (
      <div className="form__field">
        <label htmlFor={`meeting-${name}`}>{label}</label>
        {input}
        {hint && (
          <p className="meetings-hint" id={`meeting-${name}-hint`}>
            {hint}
          </p>
        )}
        {message && (
          <p className="meetings-field-error" id={`meeting-${name}-error`} role="alert">
            {message}
          </p>
        )}
      </div>
    );
  };
  const describedBy = (name: keyof MeetingForm, hint = false) =>
    [hint ? `meeting-${name}-hint` : null, errors[name] ? `meeting-${name}-error` : null].filter(Boolean).join(' ') || undefined;

  return (
    <FormDialog
      title={t(meeting ? 'meetings.form.editTitle' : 'meetings.form.addTitle')}
      testId="meeting-dialog"
      className="meetings-dialog"
      onClose={onClose}
    >
      <form className="meetings-form" onSubmit={submit} noValidate aria-busy={isSubmitting}>
        {field(
          'kind',
          t('meetings.form.kind'),
          <select id="meeting-kind" className="meetings-control" autoFocus {...register('kind')}>
            {MEETING_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`meetings.kind.${k}`)}
              </option>
            ))}
          </select>,
        )}
        {kind === 'subcommittee' &&
          field(
            'subcommittee',
            t('meetings.form.subcommittee'),
            <input
              id="meeting-subcommittee"
              className="meetings-control"
              aria-invalid={errors.subcommittee ? true : undefined}
              aria-describedby={describedBy('subcommittee')}
              {...register('subcommittee')}
            />,
          )}
        {field(
          'title',
          t('meetings.form.title'),
          <input
            id="meeting-title"
            className="meetings-control"
            aria-invalid={errors.title ? true : undefined}
            aria-describedby={describedBy('title', true)}
            {...register('title')}
          />,
          t('meetings.form.titleHint'),
        )}
        <div className="meetings-form__row">
          {field(
            'date',
            t('meetings.form.date'),
            <input
              id="meeting-date"
              type="date"
              className="meetings-control"
              required
              aria-invalid={errors.date ? true : undefined}
              aria-describedby={describedBy('date')}
              {...register('date')}
            />,
          )}
          {field(
            'startTime',
            t('meetings.form.startTime'),
            <input
              id="meeting-startTime"
              type="time"
              className="meetings-control"
              aria-invalid={errors.startTime ? true : undefined}
              aria-describedby={describedBy('startTime')}
              {...register('startTime')}
            />,
          )}
          {field(
            'endTime',
            t('meetings.form.endTime'),
            <input
              id="meeting-endTime"
              type="time"
              className="meetings-control"
              aria-invalid={errors.endTime ? true : undefined}
              aria-describedby={describedBy('endTime')}
              {...register('endTime')}
            />,
          )}
        </div>
        {field(
          'place',
          t('meetings.form.place'),
          <input
            id="meeting-place"
            className="meetings-control"
            aria-invalid={errors.place ? true : undefined}
            aria-describedby={describedBy('place')}
            {...register('place')}
          />,
        )}
        {field(
          'onlineUrl',
          t('meetings.form.onlineUrl'),
          <input
            id="meeting-onlineUrl"
            type="url"
            inputMode="url"
            className="meetings-control"
            aria-invalid={errors.onlineUrl ? true : undefined}
            aria-describedby={describedBy('onlineUrl', true)}
            {...register('onlineUrl')}
          />,
          t('meetings.form.onlineUrlHint'),
        )}
        <FormActions
          failure={failure}
          failureTestId="meeting-dialog-failure"
          cancelLabel={t('meetings.form.cancel')}
          submitLabel={t(meeting ? 'meetings.form.save' : 'meetings.form.create')}
          submitTestId="meeting-dialog-submit"
          busy={isSubmitting}
          onCancel={onClose}
        />
      </form>
    </FormDialog>
  );
}
