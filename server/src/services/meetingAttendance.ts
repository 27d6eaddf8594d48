import type { Meeting, SetAttendanceRequest } from '@sakutei/shared';
import type { AppDeps } from '../env';
import { ATTENDING_ROLES } from '../policies/meetings';
import type { UserRecord } from '../storage';
import type { AttendanceChange } from '../storage/meetings';
import { invalid, meetingAccess } from './meetingAccess';

/** Attendance at a council's meeting: recorded for its voters and staff, the quorum read from it. */
export function meetingAttendanceService(deps: Pick<AppDeps, 'storage'>) {
  const { storage } = deps;
  const access = meetingAccess(deps);

  return {
    /** Records the attendance of the people named; the others keep what was recorded. */
    async set(user: UserRecord, workspaceId: string, meetingId: string, request: SetAttendanceRequest): Promise<Meeting> {
      await access.manager(workspaceId, user);
      const meeting = await access.meetingOf(workspaceId, meetingId);
      if (meeting.version !== request.version) return access.conflict(workspaceId, meetingId);
      const attending = new Set((await storage.workspaces.listMembers(workspaceId)).filter((m) => ATTENDING_ROLES.includes(m.role)).map((m) => m.userId));
      const seen = new Set<string>();
      const changes: AttendanceChange[] = [];
      for (const [i, entry] of request.entries.entries()) {
        if (seen.has(entry.userId)) throw invalid('invalid_request', `entries.${i}.userId: each person appears once.`);
        seen.add(entry.userId);
        if (!attending.has(entry.userId)) throw invalid('invalid_attendee', `entries.${i}.userId: not a voting member or staff of this council.`);
        const proxyName = entry.proxyName || null;
        if (entry.attendance === 'proxy' && !proxyName) throw invalid('invalid_request', `entries.${i}.proxyName: a proxy is named.`);
        if (entry.attendance !== 'proxy' && proxyName) throw invalid('invalid_request', `entries.${i}.proxyName: only a proxy is named.`);
        changes.push({ userId: entry.userId, attendance: entry.attendance, proxyName });
      }
      const at = Date.now();
      const label = await access.labelOf(meeting);
      const audit = access.audit(user, workspaceId, 'meeting.attendance', { meetingId, name: label, entries: changes.length }, at);
      if (!(await storage.meetings.setAttendance(meetingId, request.version, changes, at, audit))) return access.conflict(workspaceId, meetingId);
      return access.presentCurrent(meetingId);
    },
  };
}
