import { AgendaLinkTargets } from '@sakutei/shared';
import { request } from '../../lib/api';

/** What an agenda item may link to in one plan of the council: its headings, draft threads and KPIs. */
export const getLinkTargets = (workspaceId: string, meetingId: string, planId: string, signal?: AbortSignal) =>
  request(
    `/api/workspaces/${encodeURIComponent(workspaceId)}/meetings/${encodeURIComponent(meetingId)}/link-targets?${new URLSearchParams({ planId })}`,
    AgendaLinkTargets,
    { signal },
  );
