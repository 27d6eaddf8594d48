import { CLOSE_CODES, type PlanSuggestions, type Role } from '@sakutei/shared';
import type { RoomRegistry } from '../collab/room/registry';
import { canDecideSuggestions, draftLockedBy } from '../policies/suggestions';
import type { Storage } from '../storage';

/**
 * Where a caller stands on a plan's suggestions: whether they decide them (the council's
 * setting, their role, a delegation on an open review), and whether an open review locks the
 * draft to suggesting. Read from storage each time: a review opening elsewhere counts at once.
 */
export async function suggestionStanding(
  storage: Pick<Storage, 'revisions' | 'suggestions'>,
  plan: { id: string; workspaceId: string },
  role: Role,
  userId: string,
): Promise<PlanSuggestions> {
  const [revisions, deciders] = await Promise.all([storage.revisions.list(plan.id), storage.suggestions.decidersOf(plan.workspaceId)]);
  return { mayDecide: canDecideSuggestions(role, userId, deciders, revisions), mustSuggest: draftLockedBy(revisions), deciders };
}

/** Whether an open review of the plan takes only suggestions on its live draft. */
export async function draftLocked(storage: Pick<Storage, 'revisions'>, planId: string): Promise<boolean> {
  return draftLockedBy(await storage.revisions.list(planId));
}

/**
 * Ends the live connections to one plan's draft, so they come back with the access it gives
 * now (a review lock began or ended). Connections of other processes follow on their sweep.
 */
export function reconnectPlan(rooms: RoomRegistry, docName: string, reason: string): void {
  for (const conn of [...rooms.connections()]) {
    if (conn.room.name !== docName) continue;
    rooms.leave(conn);
    conn.socket.close(CLOSE_CODES.accessChanged, reason);
  }
}
