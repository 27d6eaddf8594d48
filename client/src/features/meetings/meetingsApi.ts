import {
  MeetingDetailResponse,
  MeetingListResponse,
  MeetingResponse,
  MeetingSettings,
  OkResponse,
  type CreateMeetingRequest,
  type QuorumRule,
  type ReplaceAgendaRequest,
  type SetAttendanceRequest,
  type UpdateMeetingRequest,
} from '@sakutei/shared';
import { request } from '../../lib/api';

const council = (workspaceId: string) => `/api/workspaces/${encodeURIComponent(workspaceId)}`;
const meetingPath = (workspaceId: string, meetingId: string) => `${council(workspaceId)}/meetings/${encodeURIComponent(meetingId)}`;

export const listMeetings = (workspaceId: string, signal?: AbortSignal) => request(`${council(workspaceId)}/meetings`, MeetingListResponse, { signal });

export const createMeeting = (workspaceId: string, body: CreateMeetingRequest) =>
  request(`${council(workspaceId)}/meetings`, MeetingResponse, { method: 'POST', body });

export const getMeeting = (workspaceId: string, meetingId: string, signal?: AbortSignal) =>
  request(meetingPath(workspaceId, meetingId), MeetingDetailResponse, { signal });

export const updateMeeting = (workspaceId: string, meetingId: string, body: UpdateMeetingRequest) =>
  request(meetingPath(workspaceId, meetingId), MeetingResponse, { method: 'PATCH', body });

export const deleteMeeting = (workspaceId: string, meetingId: string) => request(meetingPath(workspaceId, meetingId), OkResponse, { method: 'DELETE' });

export const putAgenda = (workspaceId: string, meetingId: string, body: ReplaceAgendaRequest) =>
  request(`${meetingPath(workspaceId, meetingId)}/agenda`, MeetingResponse, { method: 'PUT', body });

export const sendAgenda = (workspaceId: string, meetingId: string) =>
  request(`${meetingPath(workspaceId, meetingId)}/agenda/send`, MeetingResponse, { method: 'POST' });

export const putAttendance = (workspaceId: string, meetingId: string, body: SetAttendanceRequest) =>
  request(`${meetingPath(workspaceId, meetingId)}/attendance`, MeetingResponse, { method: 'PUT', body });

export const saveQuorumRule = (workspaceId: string, quorum: QuorumRule) =>
  request(`${council(workspaceId)}/meeting-settings`, MeetingSettings, { method: 'PUT', body: { quorum } });
