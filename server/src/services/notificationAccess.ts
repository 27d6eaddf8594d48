import type { Role } from '@sakutei/shared';
import { canReadMeetings } from '../policies/meetings';
import { canReadThreadOn } from '../policies/threads';
import { canSeeRevision } from '../policies/revisions';
import type { NotificationView, RevisionRecord, Storage } from '../storage';
import { currentMeetingLabels } from './meetingNotifications';

/** Unread notifications looked at to correct the stored count; older unread ones count as stored. */
const UNREAD_WINDOW = 200;

/**
 * Notifications are filtered when they are shown or mailed, by the access their owner has *now*,
 * not the access they had when the notification was made: a member demoted to observer stops
 * hearing about threads they can no longer open, and cannot read, through an old notification,
 * comment text edited since. (The storage query already hides councils left and draft threads
 * from observers; this asks the full policy, revision by revision.)
 */
export function notificationAccess(storage: Storage) {
  const labelled = currentMeetingLabels(storage);

  async function readable(views: NotificationView[]): Promise<NotificationView[]> {
    const plans = new Map<string, Promise<string | null>>();
    const roles = new Map<string, Promise<Role | null>>();
    const threads = new Map<string, Promise<string | null>>();
    const revisions = new Map<string, Promise<RevisionRecord | null>>();
    const once = <T>(cache: Map<string, Promise<T>>, key: string, load: () => Promise<T>): Promise<T> => {
      let found = cache.get(key);
      if (!found) cache.set(key, (found = load()));
      return found;
    };
    const kept: NotificationView[] = [];
    for (const view of views) {
      const planId = view.planId;
      const workspaceId = planId === null ? view.workspaceId : await once(plans, planId, async () => (await storage.workspaces.findPlan(planId))?.workspaceId ?? null);
      const role = workspaceId ? await once(roles, `${workspaceId}\0${view.userId}`, () => storage.workspaces.roleOf(workspaceId, view.userId)) : null;
      if (!role) continue;
      // A meeting's: whoever reads the council's meetings now (its agenda and minutes are theirs to read).
      if (view.meetingId !== null) {
        if (canReadMeetings(role)) kept.push(view);
        continue;
      }
      const revisionOf = (id: string | null) => (id === null ? Promise.resolve(null) : once(revisions, id, () => storage.revisions.find(id)));
      if (view.threadId !== null) {
        const threadId = view.threadId;
        const revisionId = await once(threads, threadId, async () => (await storage.comments.findThread(threadId))?.revisionId ?? null);
        if (canReadThreadOn(role, view.userId, revisionId, await revisionOf(revisionId))) kept.push(view);
      } else if (view.revisionId !== null) {
        const revision = await revisionOf(view.revisionId);
        if (revision && canSeeRevision(role, view.userId, revision)) kept.push(view);
      } else {
        kept.push(view);
      }
    }
    return kept;
  }

  /** Those the owner may see now, as they are now (a meeting's label follows its council's numbering). */
  async function visible(views: NotificationView[]): Promise<NotificationView[]> {
    return labelled(await readable(views));
  }

  /** The unread count the bell shows: the stored count, less the unread ones the owner may no longer see. */
  async function unreadCount(userId: string): Promise<number> {
    const stored = await storage.comments.countUnread(userId);
    if (stored === 0) return 0;
    const unread = (await storage.comments.listNotifications(userId, UNREAD_WINDOW)).filter((n) => n.readAt === null);
    return stored - unread.length + (await readable(unread)).length;
  }

  return { visible, unreadCount };
}
