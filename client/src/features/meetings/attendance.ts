import type { AttendanceEntry, AttendanceValue, PutAttendanceRequest } from './contract';

export type AttendanceChange = { userId: string; attendance: AttendanceValue | null; proxyName: string | null };

/**
 * The body of PUT …/attendance for one person's change: everyone recorded so far as the page
 * last read them, with that person's new entry, so the request says the whole record either way
 * the server reads it (as a replacement or as a merge).
 */
export function attendanceEntries(current: readonly AttendanceEntry[], change: AttendanceChange): PutAttendanceRequest['entries'] {
  return current
    .map((entry) => (entry.userId === change.userId ? { ...entry, attendance: change.attendance, proxyName: change.proxyName } : entry))
    .filter((entry) => entry.attendance !== null || entry.userId === change.userId)
    .map((entry) => ({ userId: entry.userId, attendance: entry.attendance, proxyName: entry.attendance === 'proxy' ? entry.proxyName : null }));
}

/** Voters (chair, vice chair, members) first as the server orders them, then the secretariat, whose attendance never counts. */
export function splitAttendance(entries: readonly AttendanceEntry[]): { voters: AttendanceEntry[]; staff: AttendanceEntry[] } {
  return { voters: entries.filter((e) => e.role !== 'staff'), staff: entries.filter((e) => e.role === 'staff') };
}
