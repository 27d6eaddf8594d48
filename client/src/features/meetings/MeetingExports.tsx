import { useId, useState } from 'react';
import { useI18n } from '../../i18n';
import './meetingExports.css';

export type ExportDocument = 'agenda' | 'attendance' | 'minutes';
export type ExportNames = 'asSpoken' | 'anonymised';

/** Where a meeting document is downloaded (the server's route; `names` only for the minutes). */
export function meetingExportUrl(workspaceId: string, meetingId: string, document: ExportDocument, format: 'docx' | 'html', names?: ExportNames): string {
  const path = `/api/workspaces/${encodeURIComponent(workspaceId)}/meetings/${encodeURIComponent(meetingId)}/exports/${document}.${format}`;
  return names ? `${path}?names=${names}` : path;
}

/**
 * The meeting's documents for paper: 次第 and 出席者名簿 for every reader, the 議事録 when it can
 * be had (`minutes`: confirmed for everyone, a draft marked 案 for staff and the chair, else
 * `none` and a line saying when), with a choice of how it names people that starts at the
 * minutes' publication setting. Plain download links: the server sends attachments.
 */
export function MeetingExports({
  workspaceId,
  meetingId,
  minutes,
  publishNames = 'anonymised',
}: {
  workspaceId: string;
  meetingId: string;
  minutes: 'none' | 'draft' | 'confirmed';
  publishNames?: ExportNames;
}) {
  const { t } = useI18n();
  const [names, setNames] = useState<ExportNames>(publishNames);
  const namesId = useId();
  const row = (document: ExportDocument, label: string) => (
    <li className="meeting-exports__row" data-testid={`meeting-export-${document}`}>
      <span className="meeting-exports__name">{label}</span>
      {(['docx', 'html'] as const).map((format) => {
        const formatLabel = t(`meetingExports.${format}`);
        return (
          <a
            key={format}
            className="button"
            href={meetingExportUrl(workspaceId, meetingId, document, format, document === 'minutes' ? names : undefined)}
            download
            aria-label={t('meetingExports.linkLabel', { document: label, format: formatLabel })}
            data-testid={`meeting-export-${document}-${format}`}
          >
            {formatLabel}
          </a>
        );
      })}
    </li>
  );
  return (
    <section className="meeting-exports" aria-labelledby={`${namesId}-title`} data-testid="meeting-exports">
      <h2 id={`${namesId}-title`}>{t('meetingExports.title')}</h2>
      <p className="meetings-hint">{t('meetingExports.lead')}</p>
      <ul className="meeting-exports__list">
        {row('agenda', t('meetingExports.agenda'))}
        {row('attendance', t('meetingExports.attendance'))}
        {minutes !== 'none' && row('minutes', t(minutes === 'draft' ? 'meetingExports.minutesDraft' : 'meetingExports.minutes'))}
      </ul>
      {minutes === 'none' ? (
        <p className="meetings-hint" data-testid="meeting-export-minutes-later">
          {t('meetingExports.minutesLater')}
        </p>
      ) : (
        <fieldset className="meeting-exports__names">
          <legend>{t('meetingExports.names')}</legend>
          {(['asSpoken', 'anonymised'] as const).map((value) => (
            <label key={value}>
              <input type="radio" name={`${namesId}-names`} value={value} checked={names === value} onChange={() => setNames(value)} data-testid={`meeting-export-names-${value}`} />{' '}
              {t(`meetingExports.names.${value}`)}
            </label>
          ))}
          {minutes === 'draft' && <p className="meetings-hint">{t('meetingExports.draftHint')}</p>}
        </fieldset>
      )}
    </section>
  );
}
