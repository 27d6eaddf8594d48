/** Where a council's meetings and one meeting live in the app. */
export const meetingsPagePath = (workspaceId: string) => `/councils/${encodeURIComponent(workspaceId)}/meetings`;
export const meetingPagePath = (workspaceId: string, meetingId: string) => `${meetingsPagePath(workspaceId)}/${encodeURIComponent(meetingId)}`;
export const minutesPagePath = (workspaceId: string, meetingId: string) => `${meetingPagePath(workspaceId, meetingId)}/minutes`;
/** The calendar of the council's plan cycle; `fy` picks the fiscal year (this year when absent). */
export const meetingCalendarPath = (workspaceId: string, fy?: number) => `${meetingsPagePath(workspaceId)}/calendar${fy === undefined ? '' : `?fy=${fy}`}`;
