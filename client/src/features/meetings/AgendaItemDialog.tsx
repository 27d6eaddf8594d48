import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { FormActions, FormDialog } from '../../app/FormDialog';
import { useI18n } from '../../i18n';
import { linkGone, linkKindKey, linkText, sameLink } from './agenda';
import { AgendaLinkPicker } from './AgendaLinkPicker';
import type { AgendaItem, AgendaItemInput, AgendaLink } from '@sakutei/shared';
import { AgendaItemForm, MAX_ITEM_MINUTES, MAX_ITEM_TITLE, MAX_LINKS, MAX_PRESENTER } from './meetingForms';
import { meetingsErrorText } from './meetingText';

type Props = {
  workspaceId: string;
  meetingId: string;
  /** Editing this item; a new one when absent. */
  item?: AgendaItem;
  onSubmit: (item: AgendaItemInput) => Promise<void>;
  onClose: () => void;
};

/** One agenda item: its title, who presents it, its time and what it concerns. */
export function AgendaItemDialog({ workspaceId, meetingId, item, onSubmit, onClose }: Props) {
  const { t } = useI18n();
  const [failure, setFailure] = useState<string | null>(null);
  const [links, setLinks] = useState<AgendaLink[]>(item?.links ?? []);
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = useForm<AgendaItemForm>({
    resolver: zodResolver(AgendaItemForm),
    defaultValues: { title: item?.title ?? '', presenter: item?.presenter ?? '', minutes: item?.minutes == null ? '' : String(item.minutes) },
  });

  const submit = handleSubmit(async (values) => {
    setFailure(null);
    try {
      await onSubmit({
        ...(item ? { id: item.id } : {}),
        title: values.title.trim(),
        presenter: values.presenter.trim(),
        minutes: values.minutes === '' ? null : Number(values.minutes),
        links,
      });
    } catch (error) {
      setFailure(meetingsErrorText(error, t));
    }
  });

  return (
    <FormDialog title={t(item ? 'meetings.item.editTitle' : 'meetings.item.addTitle')} testId="agenda-item-dialog" className="meetings-dialog" onClose={onClose}>
      <form className="meetings-form" onSubmit={submit} noValidate aria-busy={isSubmitting}>
        <div className="form__field">
          <label htmlFor="agenda-title">{t('meetings.item.title')}</label>
          <input
            id="agenda-title"
            className="meetings-control"
            autoFocus
            aria-invalid={errors.title ? true : undefined}
            aria-describedby={errors.title ? 'agenda-title-error' : undefined}
            {...register('title')}
          />
          {errors.title && (
            <p className="meetings-field-error" id="agenda-title-error" role="alert">
              {t('meetings.item.error.title', { max: MAX_ITEM_TITLE })}
            </p>
          )}
        </div>
        <div className="meetings-form__row">
          <div className="form__field">
            <label htmlFor="agenda-presenter">{t('meetings.item.presenter')}</label>
            <input
              id="agenda-presenter"
              className="meetings-control"
              aria-invalid={errors.presenter ? true : undefined}
              aria-describedby={errors.presenter ? 'agenda-presenter-error' : undefined}
              {...register('presenter')}
            />
            {errors.presenter && (
              <p className="meetings-field-error" id="agenda-presenter-error" role="alert">
                {t('meetings.item.error.presenter', { max: MAX_PRESENTER })}
              </p>
            )}
          </div>
          <div className="form__field">
            <label htmlFor="agenda-minutes">{t('meetings.item.minutes')}</label>
            <input
              id="agenda-minutes"
              className="meetings-control meetings-control--narrow"
              inputMode="numeric"
              aria-invalid={errors.minutes ? true : undefined}
              aria-describedby={errors.minutes ? 'agenda-minutes-error' : undefined}
              {...register('minutes')}
            />
            {errors.minutes && (
              <p className="meetings-field-error" id="agenda-minutes-error" role="alert">
                {t('meetings.item.error.minutes', { max: MAX_ITEM_MINUTES })}
              </p>
            )}
          </div>
        </div>
        <div className="form__field">
          <span className="meetings-label" id="agenda-links-label">
            {t('meetings.item.links')}
          </span>
          {links.length === 0 ? (
            <p className="meetings-hint">{t('meetings.item.noLinks')}</p>
          ) : (
            <ul className="meetings-links meetings-links--editing" aria-labelledby="agenda-links-label" data-testid="agenda-item-links">
              {links.map((link, index) => (
                <li key={`${link.kind}-${index}`}>
                  <span className="meetings-link-kind">{t(linkKindKey(link.kind))}</span>
                  <span>{linkGone(link) ? t('agendaLinks.goneLabel', { label: linkText(link) }) : linkText(link)}</span>
                  <button
                    type="button"
                    className="button button--quiet"
                    aria-label={t('meetings.item.linkRemoveLabel', { label: linkText(link) })}
                    onClick={() => setLinks(links.filter((_, i) => i !== index))}
                  >
                    {t('meetings.item.linkRemove')}
                  </button>
                </li>
              ))}
            </ul>
          )}
          {links.length < MAX_LINKS ? (
            <AgendaLinkPicker
              workspaceId={workspaceId}
              meetingId={meetingId}
              onAdd={(link) => {
                if (!links.some((existing) => sameLink(existing, link))) setLinks([...links, link]);
              }}
            />
          ) : (
            <p className="meetings-hint">{t('meetings.item.tooManyLinks', { max: MAX_LINKS })}</p>
          )}
        </div>
        <FormActions
          failure={failure}
          failureTestId="agenda-item-failure"
          cancelLabel={t('meetings.form.cancel')}
          submitLabel={t('meetings.item.save')}
          submitTestId="agenda-item-save"
          busy={isSubmitting}
          onCancel={onClose}
        />
      </form>
    </FormDialog>
  );
}
