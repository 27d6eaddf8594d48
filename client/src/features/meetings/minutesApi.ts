import {
  MinutesResponse,
  type FileMinutesCorrectionRequest,
  type PublishNames,
  type ResolveMinutesCorrectionRequest,
} from '@sakutei/shared';
import { request } from '../../lib/api';

const minutesPath = (workspaceId: string, meetingId: string) =>
  `/api/workspaces/${encodeURIComponent(workspaceId)}/meetings/${encodeURIComponent(meetingId)}/minutes`;

export const getMinutes = (workspaceId: string, meetingId: string, signal?: AbortSignal) =>
  request(minutesPath(workspaceId, meetingId), MinutesResponse, { signal });

/** Sends the draft to those present (again, after changes); names the version it was made on. */
export const sendMinutes = (workspaceId: string, meetingId: string, version: number) =>
  request(`${minutesPath(workspaceId, meetingId)}/send`, MinutesResponse, { method: 'POST', body: { version } });

/** The chair confirms: the text is frozen with its hash. */
export const confirmMinutes = (workspaceId: string, meetingId: string, version: number) =>
  request(`${minutesPath(workspaceId, meetingId)}/confirm`, MinutesResponse, { method: 'POST', body: { version } });

export const setPublication = (workspaceId: string, meetingId: string, version: number, names: PublishNames) =>
  request(`${minutesPath(workspaceId, meetingId)}/publication`, MinutesResponse, { method: 'PUT', body: { version, names } });

export const fileCorrection = (workspaceId: string, meetingId: string, body: FileMinutesCorrectionRequest) =>
  request(`${minutesPath(workspaceId, meetingId)}/corrections`, MinutesResponse, { method: 'POST', body });

export const resolveCorrection = (workspaceId: string, meetingId: string, correctionId: string, body: ResolveMinutesCorrectionRequest) =>
  request(`${minutesPath(workspaceId, meetingId)}/corrections/${encodeURIComponent(correctionId)}/resolve`, MinutesResponse, { method: 'POST', body });
