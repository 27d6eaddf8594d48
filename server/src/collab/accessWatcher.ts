import { CLOSE_CODES, meetingIdOfMinutesDoc } from '@sakutei/shared';
import type { AppDeps } from '../env';
import { type AccessVerdict, recheckPeer } from './access';
import type { OpenReview } from '../storage';
import type { Connection } from './room/room';

/**
 * When access to each draft last changed (draftAccessChanged) in this process, as a stamp from
 * one counter for all drafts. A socket authenticated before a change and joined after it has
 * the access of before: upgrade.ts compares the stamp from before authenticating with the one
 * after joining, and has the connection re-checked when they differ.
 *
 * Entries are dropped once older than DRAFT_ACCESS_KEEP_MS, so the map holds only the drafts
 * changed lately, not every plan that ever had a review. Dropping one is always safe: a stamp
 * is never issued twice, so a socket that read it before sees 0 after and is re-checked once
 * more than needed, and one that read 0 sees a fresh stamp if the draft changes again.
 */
const draftAccessChanges = new Map<string, { stamp: number; at: number }>(); // oldest first
let lastStamp = 0;

/** Longer than any socket takes from authenticating to joining its room, so dropping costs no re-check in practice. */
export const DRAFT_ACCESS_KEEP_MS = 10 * 60_000;

export const draftAccessStamp = (docName: string): number => draftAccessChanges.get(docName)?.stamp ?? 0;

/** How many drafts the watcher remembers a change of (for tests). */
export const rememberedDraftAccessChanges = (): number => draftAccessChanges.size;

export function noteDraftAccessChange(docName: string, now = Date.now()): void {
  // Oldest first (each change moves its draft to the end), so the sweep stops at the first recent one.
  for (const [name, { at }] of draftAccessChanges) {
    if (now - at < DRAFT_ACCESS_KEEP_MS) break;
    draftAccessChanges.delete(name);
  }
  draftAccessChanges.delete(docName);
  draftAccessChanges.set(docName, { stamp: ++lastStamp, at: now });
}

/**
 * Keeps open connections honest: a role change or removal made through the API takes effect
 * at once (events); one made by another process (the CLI) within `revalidateMs` (a sweep).
 */
export function startAccessWatcher(deps: AppDeps): () => void {
  const { rooms, events } = deps;

  async function recheck(conns: Connection[]): Promise<void> {
    const reviews = new Map<string, Promise<OpenReview[]>>();
    for (const conn of conns) {
      try {
        let verdict = await recheckPeer(deps, conn.peer, conn.room.name, reviews);
        if (verdict.keep) verdict = await recheckArchived(conn);
        if (!verdict.keep) {
          rooms.leave(conn);
          conn.socket.close(verdict.code, verdict.reason);
        }
      } catch (err) {
        console.error('re-checking a connection failed', err);
      }
    }
  }
  const matching = (pred: (c: Connection) => boolean) => [...rooms.connections()].filter(pred);

  /** A connection that may write to an edition archived since it opened (one that raced the event). */
  async function recheckArchived(conn: Connection): Promise<AccessVerdict> {
    if (conn.peer.access === 'read') return { keep: true };
    const plan = await deps.storage.workspaces.findPlanByDocName(conn.room.name);
    const archived = plan ? (await deps.storage.plans.find(plan.id))?.archivedAt != null : false;
    return archived ? { keep: false, code: CLOSE_CODES.accessChanged, reason: 'this edition is archived; reconnect read-only' } : { keep: true };
  }

  const onMembership = ({ workspaceId, userId }: { workspaceId: string; userId: string }) =>
    void recheck(matching((c) => c.peer.workspaceId === workspaceId && c.peer.id === userId));
  const onSessionsEnded = ({ userId, sessionId }: { userId: string; sessionId?: string }) =>
    void recheck(matching((c) => c.peer.id === userId && (sessionId === undefined || c.peer.sessionId === sessionId)));
  // An archived edition is read-only for everyone: its sockets close, and reopen with read access.
  const onPlanArchived = ({ docName }: { docName: string }) => {
    for (const conn of matching((c) => c.room.name === docName)) {
      rooms.leave(conn);
      conn.socket.close(CLOSE_CODES.accessChanged, 'this edition is archived; reconnect read-only');
    }
  };
  // A review lock, or an invitation to suggest, began or ended: connections whose access it changes
  // reconnect with the new one (editors under a lock), or close (an invited observer once the review
  // closes); others stay.
  const onDraftAccess = ({ docName, locked }: { docName: string; locked?: boolean }) => {
    noteDraftAccessChange(docName);
    const conns = matching((c) => c.room.name === docName);
    // Editors are suggest-only from the moment a lock begins, not once storage has been read
    // for each in turn (an edit arriving meanwhile would be applied): they reconnect in 提案.
    const editors = locked ? conns.filter((c) => c.peer.access === 'edit') : [];
    // Minutes are locked by their confirmation, for good: their editors become readers.
    const lockedAccess = meetingIdOfMinutesDoc(docName) !== null ? 'read' : 'suggest';
    for (const conn of editors) {
      conn.peer.access = lockedAccess;
      rooms.leave(conn);
      conn.socket.close(CLOSE_CODES.accessChanged, lockedAccess === 'read' ? 'the minutes are confirmed; reconnect read-only' : 'the draft is locked to suggestions; reconnect');
    }
    void recheck(conns.filter((c) => !editors.includes(c)));
  };
  events.on('membershipChanged', onMembership);
  events.on('draftAccessChanged', onDraftAccess);
  events.on('sessionsEnded', onSessionsEnded);
  events.on('planArchived', onPlanArchived);

  let sweeping = false;
  const timer = setInterval(() => {
    if (sweeping) return;
    sweeping = true;
    void recheck(matching(() => true)).finally(() => (sweeping = false));
  }, deps.config.revalidateMs);
  timer.unref();

  return () => {
    clearInterval(timer);
    events.off('membershipChanged', onMembership);
    events.off('draftAccessChanged', onDraftAccess);
    events.off('sessionsEnded', onSessionsEnded);
    events.off('planArchived', onPlanArchived);
  };
}
