import { type Role, can } from '@sakutei/shared';

/**
 * Who sees and runs a council's meetings (issue 17). Members, the vice chair, the chair and
 * staff read them; observers do not yet (they are answered "not found", like outsiders).
 * Staff and the chair create and change meetings, their agenda and attendance, send the
 * agenda and set the quorum rule.
 */
export const canReadMeetings = (role: Role | null): boolean => can(role, 'meetings.read');
export const canManageMeetings = (role: Role | null): boolean => can(role, 'meetings.manage');

/** The roles whose members count towards a quorum (委員: chair, vice chair, members). */
export const VOTING_ROLES: readonly Role[] = ['chair', 'vice_chair', 'member'];
/** Those listed on the attendance sheet: the voters and the secretariat (recorded, never counted). */
export const ATTENDING_ROLES: readonly Role[] = [...VOTING_ROLES, 'staff'];
