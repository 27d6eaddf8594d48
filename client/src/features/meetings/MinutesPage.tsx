import type { MinutesResponse } from '@sakutei/shared';
import { useState } from 'react';
import { ResourceStatus } from '../../app/ResourceStatus';
import { Link } from '../../app/router';
import { useDocumentTitle } from '../../app/useDocumentTitle';
import { useI18n, type MessageKey } from '../../i18n';
import { ApiError } from '../../lib/api';
import { MeetingExports } from './MeetingExports';
import { MinutesCorrections } from './MinutesCorrections';
import { MinutesEditor } from './MinutesEditor';
import { MinutesStateBar } from './MinutesStateBar';
import { confirmMinutes, fileCorrection, resolveCorrection, sendMinutes, setPublication } from './minutesApi';
import { minutesErrorText } from './minutesText';
import { hasCorrections } from './MinutesCorrections';
import { meetingHeading, meetingLabelText } from './meetingText';
import { meetingPagePath } from './paths';
import { useMeeting } from './useMeetingData';
import { useMinutes } from './useMinutes';
import './meetings.css';
import './minutes.css';

/**
 * A meeting's minutes (議事録): written live by staff during the sitting, followed by members,
 * sent to those present, corrected, and confirmed by the chair with a hash.
 */
export function MinutesPage({ workspaceId, meetingId }: { workspaceId: string; meetingId: string }) {
  const { t, locale } = useI18n();
  const meetingData = useMeeting(workspaceId, meetingId);
  const minutesData = useMinutes(workspaceId, meetingId);
  const [announcement, setAnnouncement] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const meeting = meetingData.resource.status === 'loaded' ? meetingData.resource.data.meeting : null;
  const answer = minutesData.resource.status === 'loaded' ? minutesData.resource.data : null;
  useDocumentTitle(meeting ? `${t('minutes.title')} — ${meetingHeading(meeting, locale)}` : t('minutes.title'));

  /** Every write shows what it returned and says so; a stale copy is read again. */
  async function writing(work: (a: MinutesResponse) => Promise<MinutesResponse>, done: MessageKey | ((a: MinutesResponse) => string)): Promise<void> {
    if (!answer) return;
    setFailure(null);
    try {
      const next = await work(answer);
      minutesData.show(next);
      setAnnouncement(typeof done === 'function' ? done(next) : t(done));
      // Confirming changes the meeting's status too.
      if (next.minutes.state !== answer.minutes.state) meetingData.reload();
    } catch (error) {
      setFailure(minutesErrorText(error, t));
      if (error instanceof ApiError && error.status === 409) minutesData.reload();
      throw error;
    }
  }
  const quietly = (promise: Promise<void>) => promise.catch(() => undefined);

  const failed = [meetingData.resource, minutesData.resource].find((r) => r.status === 'failed');
  const notVisible = failed?.status === 'failed' && failed.error instanceof ApiError && (failed.error.status === 404 || failed.error.status === 403);
  const editable = answer !== null && answer.access === 'edit' && answer.minutes.state !== 'confirmed';

  return (
    <article className="page minutes-page" data-testid="minutes-page">
      <p className="meetings-back">
        <Link to={meetingPagePath(workspaceId, meetingId)} data-testid="minutes-back">
          {t('minutes.back')}
        </Link>
      </p>
      {notVisible ? (
        <p className="empty-state">{t('minutes.notVisible')}</p>
      ) : (
        <ResourceStatus
          resource={meeting ? minutesData.resource : meetingData.resource}
          failedMessage={t('minutes.loadFailed')}
          onRetry={() => {
            meetingData.reload();
            minutesData.reload();
          }}
        />
      )}
      <p className="visually-hidden" role="status" data-testid="minutes-announcement">
        {announcement}
      </p>
      {meeting && answer && (
        <>
          <h1 data-testid="minutes-heading">
            <span>{t('minutes.title')}</span>
            <span className="minutes-page__meeting">
              {meetingLabelText(meeting, locale)}
              {meeting.title !== '' && ` ${meeting.title}`}
            </span>
          </h1>
          {failure && (
            <p className="form__error" role="alert" data-testid="minutes-failure">
              {failure}
            </p>
          )}
          <MinutesStateBar
            answer={answer}
            held={meeting.status !== 'scheduled'}
            send={() => quietly(writing((a) => sendMinutes(workspaceId, meetingId, a.minutes.version), 'minutes.sent'))}
            confirm={() => quietly(writing((a) => confirmMinutes(workspaceId, meetingId, a.minutes.version), 'minutes.confirmed'))}
            publish={(names) => quietly(writing((a) => setPublication(workspaceId, meetingId, a.minutes.version, names), 'minutes.publish.saved'))}
          />
          {/* The corrections sit beside the text on a wide screen once there are any to show. */}
          <div className={hasCorrections(answer) ? 'minutes-layout minutes-layout--aside' : 'minutes-layout'}>
            <div>
              {!editable && (
                <p className="meetings-hint" data-testid="minutes-read-only">
                  {t(answer.minutes.state === 'confirmed' ? 'minutes.readOnlyConfirmed' : 'minutes.readOnly')}
                </p>
              )}
              <MinutesEditor docName={answer.minutes.docName} meeting={meeting} editable={editable} onAccessChanged={minutesData.reload} />
            </div>
            <MinutesCorrections
              answer={answer}
              file={(request) => writing(() => fileCorrection(workspaceId, meetingId, request), 'minutes.corrections.submitted')}
              resolve={(correction, state) =>
                quietly(
                  writing(
                    () => resolveCorrection(workspaceId, meetingId, correction.id, { state }),
                    () => t('minutes.corrections.resolved', { state: t(`minutes.corrections.state.${state}`) }),
                  ),
                )
              }
            />
          </div>
          <MeetingExports
            workspaceId={workspaceId}
            meetingId={meetingId}
            minutes={answer.minutes.state === 'confirmed' ? 'confirmed' : answer.mayManage ? 'draft' : 'none'}
            publishNames={answer.minutes.publishNames}
          />
        </>
      )}
    </article>
  );
}
