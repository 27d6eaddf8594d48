import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ResourceStatus } from '../../app/ResourceStatus';
import { Link, navigate } from '../../app/router';
import { useMe } from '../../app/session';
import { useDocumentTitle } from '../../app/useDocumentTitle';
import { useI18n } from '../../i18n';
import { ApiError } from '../../lib/api';
import { MeetingDialog } from './MeetingDialog';
import { createMeeting } from './meetingsApi';
import { meetingLabelText, meetingWhenText, sentDayText } from './meetingText';
import { meetingCalendarPath, meetingPagePath } from './paths';
import { QuorumSetting } from './QuorumSetting';
import { meetingsKey, useMeetingsList } from './useMeetingData';
import './meetings.css';

/** A council's meetings, newest first; staff and the chair add them and set the quorum rule. */
export function MeetingsPage({ workspaceId }: { workspaceId: string }) {
  const { t, locale } = useI18n();
  const me = useMe();
  const membership = me.memberships.find((m) => m.workspaceId === workspaceId);
  const queryClient = useQueryClient();
  const { resource, reload } = useMeetingsList(workspaceId);
  const [adding, setAdding] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  useDocumentTitle(`${t('meetings.title')} — ${membership?.workspaceName ?? ''}`);

  const notVisible = resource.status === 'failed' && resource.error instanceof ApiError && resource.error.status === 404;
  const data = resource.status === 'loaded' ? resource.data : null;

  return (
    <section className="page meetings-page" data-testid="meetings-page">
      <div className="meetings-head">
        <h1>{t('meetings.title')}</h1>
        <div className="meetings-actions">
          <Link to={meetingCalendarPath(workspaceId)} className="button meetings-calendar-link" data-testid="meetings-calendar-link">
            {t('meetingCalendar.link')}
          </Link>
          {data?.mayManage && (
            <button type="button" className="button button--primary" onClick={() => setAdding(true)} data-testid="meeting-add">
              {t('meetings.add')}
            </button>
          )}
        </div>
      </div>
      {membership && <p className="page__lead">{t('meetings.lead', { council: membership.workspaceName })}</p>}
      <p className="visually-hidden" role="status" data-testid="meetings-announcement">
        {announcement}
      </p>
      {notVisible ? (
        <p className="empty-state">{t('meetings.notVisible')}</p>
      ) : (
        <ResourceStatus resource={resource} failedMessage={t('meetings.loadFailed')} onRetry={reload} />
      )}
      {data &&
        (data.meetings.length === 0 ? (
          <p className="empty-state" data-testid="meetings-empty">
            {t('meetings.empty')}
          </p>
        ) : (
          <table className="meetings-table" data-testid="meetings-table" aria-label={t('meetings.listLabel')}>
            <thead>
              <tr>
                <th scope="col">{t('meetings.col.label')}</th>
                <th scope="col">{t('meetings.col.kind')}</th>
                <th scope="col">{t('meetings.col.when')}</th>
                <th scope="col">{t('meetings.col.place')}</th>
                <th scope="col">{t('meetings.col.status')}</th>
                <th scope="col">{t('meetings.col.agenda')}</th>
              </tr>
            </thead>
            <tbody>
              {data.meetings.map((m) => (
                <tr key={m.id} data-testid="meeting-row" data-meeting-id={m.id} data-status={m.status}>
                  <th scope="row">
                    <Link to={meetingPagePath(workspaceId, m.id)} className="meetings-table__label" data-testid="meeting-link">
                      {meetingLabelText(m, locale)}
                    </Link>
                    {m.title !== '' && <span className="meetings-table__title">{m.title}</span>}
                  </th>
                  <td data-label={t('meetings.col.kind')}>{t(`meetings.kind.${m.kind}`)}</td>
                  <td data-label={t('meetings.col.when')} className="meetings-table__nowrap">{meetingWhenText(m, t, locale)}</td>
                  <td data-label={t('meetings.col.place')} className="meetings-table__place">
                    {[m.place, m.onlineUrl ? t('meetings.online') : ''].filter(Boolean).join(' / ') || t('meetings.noPlace')}
                  </td>
                  <td data-label={t('meetings.col.status')}>
                    <span className={`meetings-status meetings-status--${m.status}`}>{t(`meetings.status.${m.status}`)}</span>
                  </td>
                  <td data-label={t('meetings.col.agenda')} className="meetings-table__nowrap">
                    {m.agendaSentAt ? t('meetings.agendaSent', { date: sentDayText(m.agendaSentAt, locale) }) : t('meetings.agendaNotSent')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
      {data && <QuorumSetting workspaceId={workspaceId} rule={data.quorum} mayManage={data.mayManage} onSaved={(text) => {
            setAnnouncement(text);
            // Every meeting's quorum follows the rule: the list and each meeting read it again.
            void queryClient.invalidateQueries({ queryKey: meetingsKey(workspaceId) });
          }} />}
      {adding && (
        <MeetingDialog
          onClose={() => setAdding(false)}
          onSubmit={async (request) => {
            const { subcommittee, ...rest } = request;
            const { meeting } = await createMeeting(workspaceId, subcommittee === null ? rest : { ...rest, subcommittee });
            setAdding(false);
            setAnnouncement(t('meetings.created', { label: meetingLabelText(meeting, locale) }));
            void queryClient.invalidateQueries({ queryKey: meetingsKey(workspaceId) });
            navigate(meetingPagePath(workspaceId, meeting.id));
          }}
        />
      )}
    </section>
  );
}

