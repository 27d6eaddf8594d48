import type { AgendaLink, AgendaLinkInput, Meeting, ReplaceAgendaRequest } from '@sakutei/shared';
import { newId } from '../auth/ids';
import type { AppDeps } from '../env';
import type { UserRecord } from '../storage';
import type { AgendaItemRecord } from '../storage/meetings';
import { invalid, meetingAccess } from './meetingAccess';

/** What decides whether an item changed since the agenda was sent: everything a reader of the sent agenda saw. */
const itemKey = (item: Pick<AgendaItemRecord, 'position' | 'title' | 'presenter' | 'minutes' | 'links'>) =>
  JSON.stringify([
    item.position,
    item.title,
    item.presenter,
    item.minutes,
    // Links by what they point at: a label the server wrote again (a plan renamed) is no change of the item.
    item.links.map((l) => (l.kind === 'revision' ? ['r', l.revisionId] : l.kind === 'plan' ? ['p', l.planId] : ['t', l.text])),
  ]);

/** The council's agenda (次第): replaced whole, in order, and sent to its members. */
export function meetingAgendaService(deps: Pick<AppDeps, 'storage'>) {
  const { storage } = deps;
  const access = meetingAccess(deps);

  /**
   * The links as stored, each named by the server: a revision must be of a plan of this council,
   * a plan must be this council's. Anything else is refused (400), never linked. One resolver
   * serves a whole agenda, so 500 links to one revision read it once, not 500 times.
   */
  function linkResolver(workspaceId: string) {
    const memo = <T>(find: (id: string) => Promise<T>) => {
      const found = new Map<string, Promise<T>>();
      return (id: string) => found.get(id) ?? found.set(id, find(id)).get(id)!;
    };
    const planOf = memo((id) => storage.plans.find(id));
    const revisionOf = memo((id) => storage.revisions.find(id));
    return async (inputs: AgendaLinkInput[]): Promise<AgendaLink[]> => {
      const links: AgendaLink[] = [];
      for (const input of inputs) {
        if (input.kind === 'text') {
          links.push({ kind: 'text', text: input.text });
        } else if (input.kind === 'plan') {
          const plan = await planOf(input.planId);
          if (!plan || plan.workspaceId !== workspaceId) throw invalid('invalid_link', 'links: a plan link names a plan of this council.');
          links.push({ kind: 'plan', planId: plan.id, label: plan.title });
        } else {
          const revision = await revisionOf(input.revisionId);
          const plan = revision ? await planOf(revision.planId) : null;
          if (!revision || !plan || plan.workspaceId !== workspaceId) throw invalid('invalid_link', 'links: a revision link names a revision of a plan of this council.');
          links.push({ kind: 'revision', revisionId: revision.id, planId: plan.id, label: `${plan.title} 第${revision.number}版「${revision.name}」` });
        }
      }
      return links;
    };
  }

  return {
    async replace(user: UserRecord, workspaceId: string, meetingId: string, request: ReplaceAgendaRequest): Promise<Meeting> {
      await access.manager(workspaceId, user);
      const meeting = await access.meetingOf(workspaceId, meetingId);
      if (meeting.version !== request.version) return access.conflict(workspaceId, meetingId);
      const ids = request.items.flatMap((i) => (i.id ? [i.id] : []));
      if (new Set(ids).size !== ids.length) throw invalid('invalid_request', 'items: each agenda item appears once.');
      const before = new Map((await storage.meetings.agenda(meetingId)).map((i) => [i.id, i]));
      const resolveLinks = linkResolver(workspaceId);
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
          links: await resolveLinks(input.links ?? []),
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
     * Marks the agenda sent now (again allowed: it clears every 送付後に変更 mark). No
     * notification: the notifications of this version all belong to a plan.
     */
    async send(user: UserRecord, workspaceId: string, meetingId: string): Promise<Meeting> {
      await access.manager(workspaceId, user);
      // Sending names no version: another change meanwhile is sent with it, so read and try again.
      for (let attempt = 0; attempt < 3; attempt++) {
        const meeting = await access.meetingOf(workspaceId, meetingId);
        const at = Date.now();
        const label = await access.labelOf(meeting);
        const entry = access.audit(user, workspaceId, 'meeting.agendaSent', { meetingId, name: label }, at);
        if (await storage.meetings.markAgendaSent(meetingId, meeting.version, at, entry)) return access.presentCurrent(meetingId);
      }
      return access.conflict(workspaceId, meetingId);
    },
  };
}
