import { CLOSE_CODES, DOC_NAME_PATTERN, type DocAccess, meetingIdOfMinutesDoc, userColor, weakerDocAccess } from '@sakutei/shared';
import { verifyCollabToken } from '../auth/collabToken';
import { isSessionLive, validateSessionToken } from '../auth/sessions';
import type { AppDeps } from '../env';
import { councilArchived } from '../services/admin/archivedCouncil';
import { draftAccess } from '../policies/suggestions';
import { minutesDocAccess } from '../services/minutesAccess';
import type { OpenReview } from '../storage';
import type { Peer } from './room/room';

export type CollabAuth = { ok: true; peer: Peer } | { ok: false; code: number; reason: string };

const refuse = (code: number, reason: string): CollabAuth => ({ ok: false, code, reason });

/**
 * Decides, before a socket reaches any room, who is connecting and with what access:
 * a collab token (`?token=`, for non-browser clients) or the session cookie (the browser).
 * An unknown document and a document of another council get the same answer.
 */
export async function authenticateCollab(
  deps: Pick<AppDeps, 'storage' | 'secret' | 'config'>,
  request: { docName: string; token: string | null; sessionToken: string | null },
): Promise<CollabAuth> {
  let userId: string;
  let sessionId: string | null = null;
  let ceiling: DocAccess = 'edit';
  if (request.token !== null) {
    const grant = verifyCollabToken(deps.secret, request.token);
    if (!grant) return refuse(CLOSE_CODES.unauthenticated, 'invalid or expired token');
    if (grant.docName !== request.docName) return refuse(CLOSE_CODES.forbidden, 'token is for another document');
    if (!(await isSessionLive(deps.storage.accounts, grant.sessionId))) {
      return refuse(CLOSE_CODES.unauthenticated, 'the session behind this token has ended');
    }
    userId = grant.userId;
    sessionId = grant.sessionId;
    ceiling = grant.access;
  } else if (request.sessionToken) {
    const valid = await validateSessionToken(deps.storage.accounts, request.sessionToken, { demoMode: deps.config.demo });
    if (!valid) return refuse(CLOSE_CODES.unauthenticated, 'session expired; sign in again');
    userId = valid.user.id;
    sessionId = valid.session.id;
  } else {
    return refuse(CLOSE_CODES.unauthenticated, 'sign in or pass a collab token');
  }
  const user = await deps.storage.accounts.findUserById(userId);
  if (!user || (user.isDemo && !deps.config.demo)) return refuse(CLOSE_CODES.unauthenticated, 'unknown user');
  if (DOC_NAME_PATTERN.test(request.docName) && meetingIdOfMinutesDoc(request.docName) !== null) {
    const minutes = await minutesAccessOf(deps, request.docName, user.id);
    if (!minutes) return refuse(CLOSE_CODES.forbidden, 'no access to this document');
    if (await councilArchived(deps.storage, minutes.workspaceId)) ceiling = 'read';
    const peer = { id: user.id, name: user.name, color: userColor(user.id), workspaceId: minutes.workspaceId, sessionId };
    return { ok: true, peer: { ...peer, access: weakerDocAccess(ceiling, minutes.access), ceiling } };
  }
  const plan = DOC_NAME_PATTERN.test(request.docName) ? await deps.storage.workspaces.findPlanByDocName(request.docName) : null;
  const role = plan ? await deps.storage.workspaces.roleOf(plan.workspaceId, user.id) : null;
  if (!plan || !role) return refuse(CLOSE_CODES.forbidden, 'no access to this document');
  // The role's access, or `suggest` for an observer an open review invited to suggest, capped at
  // `suggest` while a review locks the draft. Neither is part of the peer's ceiling: both end
  // with the review (accessWatcher rechecks on draftAccessChanged), the ceiling with the socket.
  const access = draftAccess(role, user.id, await deps.storage.revisions.openReviews(plan.id));
  if (!access) return refuse(CLOSE_CODES.forbidden, 'observers read approved revisions, not the draft');
  // An archived edition (a next edition was made from it) is read-only for everyone.
  if ((await deps.storage.plans.find(plan.id))?.archivedAt != null) ceiling = 'read';
  // So are the plans of an archived council.
  if (await councilArchived(deps.storage, plan.workspaceId)) ceiling = 'read';
  return {
    ok: true,
    peer: {
      id: user.id,
      name: user.name,
      color: userColor(user.id),
      access: weakerDocAccess(ceiling, access),
      ceiling,
      workspaceId: plan.workspaceId,
      sessionId,
    },
  };
}

export type AccessVerdict = { keep: true } | { keep: false; code: number; reason: string };

/**
 * Re-checks an open connection against the current membership, session and open reviews (the
 * lock, an invitation to suggest) of the document it is on.
 */
export async function recheckPeer(
  deps: Pick<AppDeps, 'storage'>,
  peer: Peer,
  docName: string,
  /** The open reviews per document, shared by the connections of one sweep so a document is read once. */
  reviews: Map<string, Promise<OpenReview[]>> = new Map(),
  now = Date.now(),
): Promise<AccessVerdict> {
  if (peer.sessionId && !(await isSessionLive(deps.storage.accounts, peer.sessionId, now))) {
    return { keep: false, code: CLOSE_CODES.unauthenticated, reason: 'session ended' };
  }
  if (meetingIdOfMinutesDoc(docName) !== null) {
    const minutes = await minutesAccessOf(deps, docName, peer.id);
    if (!minutes || minutes.workspaceId !== peer.workspaceId) return { keep: false, code: CLOSE_CODES.forbidden, reason: 'no access to the minutes' };
    if (weakerDocAccess(peer.ceiling, minutes.access) !== peer.access) {
      return { keep: false, code: CLOSE_CODES.accessChanged, reason: 'access changed; reconnect' };
    }
    return { keep: true };
  }
  const role = await deps.storage.workspaces.roleOf(peer.workspaceId, peer.id);
  if (!reviews.has(docName)) reviews.set(docName, openReviewsOf(deps, docName));
  const access = role ? draftAccess(role, peer.id, await reviews.get(docName)!) : null;
  if (!access) return { keep: false, code: CLOSE_CODES.forbidden, reason: 'no access to the draft' };
  if (weakerDocAccess(peer.ceiling, access) !== peer.access) {
    return { keep: false, code: CLOSE_CODES.accessChanged, reason: 'access changed; reconnect' };
  }
  return { keep: true };
}

async function openReviewsOf(deps: Pick<AppDeps, 'storage'>, docName: string): Promise<OpenReview[]> {
  const plan = await deps.storage.workspaces.findPlanByDocName(docName);
  return plan ? deps.storage.revisions.openReviews(plan.id) : [];
}

/**
 * A meeting's minutes document (minutes-<meetingId>): its council and the user's access by their
 * role and the minutes' state (minutesAccess.ts); null when the meeting is unknown or the user
 * may not read its minutes.
 */
async function minutesAccessOf(deps: Pick<AppDeps, 'storage'>, docName: string, userId: string): Promise<{ workspaceId: string; access: DocAccess } | null> {
  const meetingId = meetingIdOfMinutesDoc(docName);
  const meeting = meetingId ? await deps.storage.meetings.find(meetingId) : null;
  if (!meeting) return null;
  const [role, minutes] = await Promise.all([deps.storage.workspaces.roleOf(meeting.workspaceId, userId), deps.storage.minutes.find(meeting.id)]);
  const access = minutesDocAccess(role, minutes?.state ?? 'draft');
  return access ? { workspaceId: meeting.workspaceId, access } : null;
}
