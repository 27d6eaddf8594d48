import type { MinutesState, Role } from '@sakutei/shared';
import { canManageMeetings, canReadMeetings } from '../policies/meetings';

/**
 * What a council role may do on a meeting's live minutes: those who manage meetings (staff,
 * the chair) write them until they are confirmed; everyone else who reads meetings follows
 * them read-only, and confirmed minutes are read-only for all. Observers and outsiders: null,
 * refused like an unknown document.
 */
export function minutesDocAccess(role: Role | null, state: MinutesState): 'edit' | 'read' | null {
  if (!role || !canReadMeetings(role)) return null;
  return state !== 'confirmed' && canManageMeetings(role) ? 'edit' : 'read';
}

/** Only the chair confirms the minutes (議事録確定). */
export const mayConfirmMinutes = (role: Role | null): boolean => role === 'chair';
