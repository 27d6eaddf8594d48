import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ConfirmDialog } from '../../app/ConfirmDialog';
import { ResourceStatus } from '../../app/ResourceStatus';
import { Link, navigate } from '../../app/router';
import { useDocumentTitle } from '../../app/useDocumentTitle';
import { useI18n } from '../../i18n';
import { ApiError } from '../../lib/api';
import { AgendaEditor } from './AgendaEditor';
import { attendanceEntries } from './attendance';
import { AttendanceTable } from './AttendanceTable';
import type { Meeting } from '@sakutei/shared';
import { MeetingDialog } from './MeetingDialog';
import { MeetingFacts } from './MeetingFacts';
import { MeetingExports } from './MeetingExports';
import { MeetingMaterials } from './MeetingMaterials';
import { DetachedDecisions, ItemDecisions } from './MeetingDecisions';
import { ItemReview } from './ItemReview';
import { recordDecision, removeDecision } from './decisionsApi';
import { deleteMeeting, putAgenda, putAttendance, sendAgenda, updateMeeting } from './meetingsApi';
import { isVersionConflict, meetingHeading, meetingLabelText, meetingsErrorText } from './meetingText';
import { meetingsPagePath, minutesPagePath } from './paths';
import { meetingsKey, useMeeting } from './useMeetingData';
import './meetings.css';

/** One meeting: its facts, its agenda and its attendance with the quorum. */
export function MeetingPage({ workspaceId, meetingId }: { workspaceId: string; meetingId: string }) {
  const { t, locale } = useI18n();
  const { resource, reload, show } = useMeeting(workspaceId, meetingId);
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const meeting = resource.status === 'loaded' ? resource.data.meeting : null;
  const mayManage = resource.status === 'loaded' && resource.data.mayManage;
  useDocumentTitle(meeting ? meetingHeading(meeting, locale) : t('meetings.title'));

  /** Every save names the version it was made on; what it returns is shown at once. */
  async function saving(work: (m: Meeting) => Promise<{ meeting: Meeting }>): Promise<void> {
    if (!meeting) return;
    setFailure(null);
    try {
      show((await work(meeting)).meeting);
    } catch (error) {
      // Someone else changed the meeting: read it again so the next try starts from theirs.
      if (isVersionConflict(error)) reload();
      throw error;
    }
  }

  const fail = (error: unknown) => setFailure(meetingsErrorText(error, t));

  async function setStatus(status: 'held' | 'scheduled') {
    try {
      await saving((m) => updateMeeting(workspaceId, meetingId, { status, version: m.version }));
      setAnnouncement(t('meetings.statusChanged', { status: t(`meetings.status.${status}`) }));
    } catch (error) {
      fail(error);
    }
  }

  async function remove() {
    setDeleting(false);
    setFailure(null);
    try {
      await deleteMeeting(workspaceId, meetingId);
      await queryClient.invalidateQueries({ queryKey: meetingsKey(workspaceId), exact: true });
      navigate(meetingsPagePath(workspaceId));
    } catch (error) {
      fail(error);
      reload();
    }
  }

  const notVisible = resource.status === 'failed' && resource.error instanceof ApiError && resource.error.status === 404;
  return (
    <article className="page meetings-page meeting-page" data-testid="meeting-page">
      <p className="meetings-back">
        <Link to={meetingsPagePath(workspaceId)} data-testid="meetings-back">
          {t('meetings.back')}
        </Link>
      </p>
      {notVisible ? (
        <p className="empty-state">{t('meetings.notVisible')}</p>
      ) : (
        <ResourceStatus resource={resource} failedMessage={t('meetings.loadFailed')} onRetry={reload} />
      )}
      <p className="visually-hidden" role="status" data-testid="meeting-announcement">
        {announcement}
      </p>
      {meeting && (
        <>
          <h1 data-testid="meeting-heading">
            <span className="meeting-page__label">{meetingLabelText(meeting, locale)}</span>
            {meeting.title !== '' && <span className="meeting-page__title">{meeting.title}</span>}
          </h1>
          {failure && (
            <p className="form__error" role="alert" data-testid="meeting-failure">
              {failure}
            </p>
          )}
          <MeetingFacts meeting={meeting} />
          <p className="meeting-page__minutes">
            <Link to={minutesPagePath(workspaceId, meetingId)} className="button" data-testid="meeting-minutes-link">
              {t('minutes.link')}
            </Link>
          </p>
          {mayManage && (
            <div className="meetings-actions meeting-page__actions">
              <button type="button" className="button" onClick={() => setEditing(true)} data-testid="meeting-edit">
                {t('meetings.edit')}
              </button>
              {meeting.status === 'scheduled' && (
                <button type="button" className="button" onClick={() => void setStatus('held')} data-testid="meeting-mark-held">
                  {t('meetings.markHeld')}
                </button>
              )}
              {meeting.status === 'held' && (
                <button type="button" className="button" onClick={() => void setStatus('scheduled')} data-testid="meeting-mark-scheduled">
                  {t('meetings.markScheduled')}
                </button>
              )}
              {meeting.status === 'scheduled' ? (
                <button type="button" className="button button--danger" onClick={() => setDeleting(true)} data-testid="meeting-delete">
                  {t('meetings.delete')}
                </button>
              ) : (
                <span className="meetings-hint">{t('meetings.deleteOnlyScheduled')}</span>
              )}
            </div>
          )}
          <AgendaEditor
            workspaceId={workspaceId}
            meeting={meeting}
            mayManage={mayManage}
            saveAgenda={(items) => saving((m) => putAgenda(workspaceId, meetingId, { version: m.version, items }))}
            sendAgenda={() => saving(() => sendAgenda(workspaceId, meetingId))}
            announce={setAnnouncement}
            onFailure={fail}
            renderItemExtra={(item) => (
              <>
                <ItemDecisions
                  meeting={meeting}
                  item={item}
                  mayManage={mayManage}
                  record={(request) => saving(() => recordDecision(workspaceId, meetingId, request))}
                  remove={(decision) => saving(() => removeDecision(workspaceId, meetingId, decision.id))}
                  announce={setAnnouncement}
                  onFailure={setFailure}
                />
                <ItemReview meeting={meeting} item={item} onDecided={reload} announce={setAnnouncement} />
              </>
            )}
          />
          <DetachedDecisions meeting={meeting} />
          <MeetingMaterials workspaceId={workspaceId} meetingId={meetingId} announce={setAnnouncement} />
          <AttendanceTable
            meeting={meeting}
            mayManage={mayManage}
            save={(change) => saving((m) => putAttendance(workspaceId, meetingId, { version: m.version, entries: attendanceEntries(change) }))}
            announce={setAnnouncement}
            onFailure={fail}
          />
          <MeetingExports
            workspaceId={workspaceId}
            meetingId={meetingId}
            minutes={meeting.status === 'minutesConfirmed' || meeting.status === 'published' ? 'confirmed' : mayManage ? 'draft' : 'none'}
          />
          {editing && (
            <MeetingDialog
              meeting={meeting}
              onClose={() => setEditing(false)}
              onSubmit={async (request) => {
                await saving((m) => updateMeeting(workspaceId, meetingId, { ...request, version: m.version }));
                setEditing(false);
                setAnnouncement(t('meetings.saved'));
              }}
            />
          )}
          {deleting && (
            <ConfirmDialog
              title={t('meetings.delete.title', { label: meetingLabelText(meeting, locale) })}
              confirmLabel={t('meetings.delete.confirm')}
              danger
              testId="meeting-delete-dialog"
              onConfirm={() => void remove()}
              onCancel={() => setDeleting(false)}
            >
              <p>{t('meetings.delete.body')}</p>
            </ConfirmDialog>
          )}
        </>
      )}
    </article>
  );
}
