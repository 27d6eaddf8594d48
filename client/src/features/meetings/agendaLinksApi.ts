import { AgendaLinkTargets } from '@sakutei/shared';
import { z } from 'zod';
import { request } from '../../lib/api';

/** What an agenda item may link to in one plan of the council: its headings, draft threads and KPIs. */
export const getLinkTargets = (workspaceId: string, meetingId: string, planId: string, signal?: AbortSignal) =>
  request(
    `/api/workspaces/${encodeURIComponent(workspaceId)}/meetings/${encodeURIComponent(meetingId)}/link-targets?${new URLSearchParams({ planId })}`,
    AgendaLinkTargets,
    { signal },
  );

/** The meeting's materials as a material link names them (資料n and title): only what it needs of the list. */
const MaterialNames = z.object({ materials: z.array(z.object({ id: z.string(), label: z.string(), title: z.string() })) });

export const listMaterialNames = (workspaceId: string, meetingId: string, signal?: AbortSignal) =>
  request(`/api/workspaces/${encodeURIComponent(workspaceId)}/meetings/${encodeURIComponent(meetingId)}/materials`, MaterialNames, { signal });
