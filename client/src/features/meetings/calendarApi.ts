import { MeetingCalendarResponse } from '@sakutei/shared';
import { request } from '../../lib/api';

/** The calendar of the council's plan cycle for fiscal year `fy` (this year in Japan when null). */
export const getMeetingCalendar = (workspaceId: string, fy: number | null, signal?: AbortSignal) =>
  request(`/api/workspaces/${encodeURIComponent(workspaceId)}/meetings-calendar${fy === null ? '' : `?fy=${fy}`}`, MeetingCalendarResponse, { signal });
