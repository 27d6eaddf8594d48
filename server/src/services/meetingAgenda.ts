import type { AgendaLinkTargets, Meeting, ReplaceAgendaRequest } from '@sakutei/shared';
import { newId } from '../auth/ids';
import { notFound } from '../errors';
import type { AppDeps } from '../env';
import type { UserRecord } from '../storage';
import type { AgendaItemRecord } from '../storage/meetings';
import { agendaLinkReader, linkIdentity, linkKey, loadingOutlines } from './agendaLinks';
import { invalid, meetingAccess } from './meetingAccess';
import { type MeetingNotificationDeps, meetingNotifier } from './meetingNotifications';

/** What decides whether an item changed since the agenda was sent: everything a reader of the sent agenda saw. */
const itemKey = (item: Pick<AgendaItemRecord, 'position' | 'title' | 'presenter' | 'minutes' | 'links'>) =>
  JSON.stringify([
    item.position,
    item.title,
    item.presenter,
    item.minutes,
    // Links by what they point at: a label the server wrote again (a plan renamed) is no change of the item.
    item.links.map(linkIdentity),
  ]);

/** The council's agenda (次第): replaced whole, in order, and sent to its members. */
export function meetingAgendaService(deps: Pick<AppDeps, 'storage' | 'rooms'> & MeetingNotificationDeps) {
  const { storage } = deps;
  const access = meetingAccess(deps);
  const notifier = meetingNotifier(deps);

  return {
    /** What the agenda editor may link to in one plan of the council (its headings, draft threads and KPIs). */
    async linkTargets(user: UserRecord, workspaceId: string, meetingId: string, planId: string): Promise<AgendaLinkTargets> {
      await access.manager(workspaceId, user);
      await access.meetingOf(workspaceId, meetingId);
      const targets = await agendaLinkReader(storage, workspaceId, meetingId, loadingOutlines(deps.rooms)).targets(planId);
      if (!targets) throw notFound('plan');
      return targets;
    },

    async replace(user: UserRecord, workspaceId: string, meetingId: string, request: ReplaceAgendaRequest): Promise<Meeting> {
      await access.manager(workspaceId, user);
      const meeting = await access.meetingOf(workspaceId, meetingId);
      if (meeting.version !== request.version) return access.conflict(workspaceId, meetingId);
      const ids = request.items.flatMap((i) => (i.id ? [i.id] : []));
      if (new Set(ids).size !== ids.length) throw invalid('invalid_request', 'items: each agenda item appears once.');
      const before = new Map((await storage.meetings.agenda(meetingId)).map((i) => [i.id, i]));
      // Each link is checked and named by the server (agendaLinks.ts); one reader serves the whole agenda.
      const reader = agendaLinkReader(storage, workspaceId, meetingId, loadingOutlines(deps.rooms));
      const kept = new Map([...before.values()].flatMap((i) => i.links).map((link) => [linkKey(link), link]));
      const items: AgendaItemRecord[] = [];
      for (const [index, input] of request.items.entries()) {
        const old = input.id ? before.get(input.id) : undefined;
        const item = {
          // An id this meeting does not hold is a new item: the server gives it an id of its own.
          id: old?.id ?? newId(),
          position: index + 1,
          title: input.title,
          presenter: input.presenter ?? '',
          minutes: input.minutes ?? null,
          links: await reader.resolve(input.links ?? [], kept),
        };
        // After sending, what is new or differs from what was sent is marked until it is sent again.
        const changedAfterSent = meeting.agendaSentAt !== null && (!old || old.changedAfterSent || itemKey(old) !== itemKey(item));
        items.push({ ...item, changedAfterSent });
      }
      const at = Date.now();
      const label = await access.labelOf(meeting);
      const entry = access.audit(user, workspaceId, 'meeting.agenda', { meetingId, name: label, items: items.length }, at);
      if (!(await storage.meetings.replaceAgenda(meetingId, request.version, items, at, entry))) return access.conflict(workspaceId, meetingId);
      return access.presentCurrent(meetingId);
    },

    /**
     * Marks the agenda sent now (again allowed: it clears every 送付後に変更 mark) and tells the
     * council's members, each time it is sent.
     */
    async send(user: UserRecord, workspaceId: string, meetingId: string): Promise<Meeting> {
      await access.manager(workspaceId, user);
      // Sending names no version: another change meanwhile is sent with it, so read and try again.
      for (let attempt = 0; attempt < 3; attempt++) {
        const meeting = await access.meetingOf(workspaceId, meetingId);
        const at = Date.now();
        const label = await access.labelOf(meeting);
        const entry = access.audit(user, workspaceId, 'meeting.agendaSent', { meetingId, name: label }, at);
        if (await storage.meetings.markAgendaSent(meetingId, meeting.version, at, entry)) {
          await notifier.agendaSent(meeting, label, user);
          return access.presentCurrent(meetingId);
        }
      }
      return access.conflict(workspaceId, meetingId);
    },
  };
}
