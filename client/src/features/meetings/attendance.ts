import type { AttendanceEntry, AttendanceValue, SetAttendanceRequest } from '@sakutei/shared';

export type AttendanceChange = { userId: string; attendance: AttendanceValue | null; proxyName: string | null };

/**
 * The entries of PUT …/attendance for one person's change. The server merges (people not named
 * keep what was recorded), so only that person is named: two staff recording different people
 * at once do not undo each other. A proxy's name goes only with a proxy (the server refuses it otherwise).
 */
export function attendanceEntries(change: AttendanceChange): SetAttendanceRequest['entries'] {
  return [{ userId: change.userId, attendance: change.attendance, ...(change.attendance === 'proxy' ? { proxyName: change.proxyName } : {}) }];
}

/** Voters (chair, vice chair, members) first as the server orders them, then the secretariat, whose attendance never counts. */
export function splitAttendance(entries: readonly AttendanceEntry[]): { voters: AttendanceEntry[]; staff: AttendanceEntry[] } {
  return { voters: entries.filter((e) => e.role !== 'staff'), staff: entries.filter((e) => e.role === 'staff') };
}
