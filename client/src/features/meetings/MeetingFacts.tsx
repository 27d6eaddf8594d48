import { formatCommentTime } from '@sakutei/shared';
import { useI18n } from '../../i18n';
import type { Meeting } from '@sakutei/shared';
import { meetingWhenText } from './meetingText';

/** The head of a meeting's page: kind, when, where, status and whether the agenda went out. */
export function MeetingFacts({ meeting }: { meeting: Meeting }) {
  const { t, locale } = useI18n();
  const kind = meeting.kind === 'subcommittee' && meeting.subcommittee ? `${t('meetings.kind.subcommittee')}（${meeting.subcommittee}）` : t(`meetings.kind.${meeting.kind}`);
  return (
    <dl className="meetings-facts" aria-label={t('meetings.facts')} data-testid="meeting-facts">
      <div>
        <dt>{t('meetings.fact.kind')}</dt>
        <dd>{kind}</dd>
      </div>
      <div>
        <dt>{t('meetings.fact.when')}</dt>
        <dd data-testid="meeting-when">{meetingWhenText(meeting, t, locale)}</dd>
      </div>
      <div>
        <dt>{t('meetings.fact.place')}</dt>
        <dd>{meeting.place === '' ? t('meetings.noPlace') : meeting.place}</dd>
      </div>
      {meeting.onlineUrl && (
        <div>
          <dt>{t('meetings.fact.online')}</dt>
          <dd className="meetings-facts__url">
            <a href={meeting.onlineUrl} target="_blank" rel="noopener noreferrer">
              {meeting.onlineUrl}
            </a>
          </dd>
        </div>
      )}
      <div>
        <dt>{t('meetings.fact.status')}</dt>
        <dd>
          <span className={`meetings-status meetings-status--${meeting.status}`} data-testid="meeting-status" data-status={meeting.status}>
            {t(`meetings.status.${meeting.status}`)}
          </span>
        </dd>
      </div>
      <div>
        <dt>{t('meetings.fact.agenda')}</dt>
        <dd data-testid="meeting-agenda-sent">{meeting.agendaSentAt ? t('meetings.agendaSent', { date: formatCommentTime(meeting.agendaSentAt, locale, new Date(), 'record') }) : t('meetings.agendaNotSent')}</dd>
      </div>
    </dl>
  );
}
