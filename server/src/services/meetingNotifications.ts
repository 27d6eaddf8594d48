import type { AppDeps } from '../env';
import { canManageMeetings, canReadMeetings } from '../policies/meetings';
import type { MemberRecord, NotificationView, Storage, UserRecord } from '../storage';
import type { MeetingRecord } from '../storage/meetings';
import { meetingAccess } from './meetingAccess';
import { type NewNotification, publishNotifications } from './notifications';

export type MeetingNotificationDeps = Pick<AppDeps, 'storage' | 'mail' | 'events' | 'config'>;

/** Attendance that means someone was at the sitting (in person, online, or by a proxy), so the minutes are theirs to check. */
const AT_THE_SITTING = new Set(['present', 'online', 'proxy']);

/**
 * Who hears of a step of a meeting (issue 17), in the app and by mail as each chose:
 * an agenda sent reaches everyone who reads the council's meetings; minutes sent, those recorded
 * at the sitting; a correction filed on them, the secretariat and the chair. Never the person
 * who did it, and only current members whose role reads meetings (observers and those gone
 * from the council hear nothing; the list and the mail ask again when shown).
 */
export function meetingNotifier(deps: MeetingNotificationDeps) {
  async function notify(
    kind: 'meeting.agendaSent' | 'meeting.minutesSent' | 'meeting.minutesCorrection',
    meeting: MeetingRecord,
    label: string,
    actor: UserRecord,
    chosen: (member: MemberRecord) => boolean,
    detail = '',
  ): Promise<void> {
    const members = await deps.storage.workspaces.listMembers(meeting.workspaceId);
    const items: NewNotification[] = [];
    for (const member of members) {
      if (member.userId === actor.id || !canReadMeetings(member.role) || !chosen(member)) continue;
      items.push({
        userId: member.userId,
        kind,
        planId: null,
        workspaceId: meeting.workspaceId,
        meetingId: meeting.id,
        label,
        threadId: null,
        commentId: null,
        revisionId: null,
        actorId: actor.id,
        detail,
      });
    }
    try {
      await publishNotifications(deps, items);
    } catch (err) {
      // The step is stored and audited; a notification that could not be stored is not worth failing it.
      console.error('storing meeting notifications failed', err);
    }
  }

  return {
    agendaSent: (meeting: MeetingRecord, label: string, actor: UserRecord) => notify('meeting.agendaSent', meeting, label, actor, () => true),

    async minutesSent(meeting: MeetingRecord, label: string, actor: UserRecord) {
      const present = new Set((await deps.storage.meetings.attendance(meeting.id)).filter((a) => AT_THE_SITTING.has(a.attendance)).map((a) => a.userId));
      await notify('meeting.minutesSent', meeting, label, actor, (m) => present.has(m.userId));
    },

    /** The correction's proposed wording goes with it, so the secretariat sees what is asked without opening the page. */
    minutesCorrection: (meeting: MeetingRecord, label: string, actor: UserRecord, proposal: string) =>
      notify('meeting.minutesCorrection', meeting, label, actor, (m) => canManageMeetings(m.role), proposal),
  };
}

/**
 * A meeting's label as it is now: 第n回 follows the date order of the council's meetings, so a
 * meeting added before one already notified renumbers it, and the label stored with the
 * notification is kept only if the meeting cannot be read. Each council's meetings are read once.
 */
export function currentMeetingLabels(storage: Storage) {
  const access = meetingAccess({ storage });
  return async (views: NotificationView[]): Promise<NotificationView[]> => {
    const councils = new Map<string, ReturnType<typeof storage.meetings.list>>();
    const out: NotificationView[] = [];
    for (const view of views) {
      if (view.meetingId === null || view.workspaceId === null) {
        out.push(view);
        continue;
      }
      const workspaceId = view.workspaceId;
      let all = councils.get(workspaceId);
      if (!all) councils.set(workspaceId, (all = storage.meetings.list(workspaceId)));
      const meeting = (await all).find((m) => m.id === view.meetingId);
      out.push(meeting ? { ...view, label: await access.labelOf(meeting, await all) } : view);
    }
    return out;
  };
}
