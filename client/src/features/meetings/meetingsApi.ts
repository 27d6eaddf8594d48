import { OkResponse } from '@sakutei/shared';
import { request } from '../../lib/api';
import {
  MeetingDetailResponse,
  MeetingResponse,
  MeetingsResponse,
  QuorumResponse,
  type CreateMeetingRequest,
  type PutAgendaRequest,
  type PutAttendanceRequest,
  type QuorumRule,
  type UpdateMeetingRequest,
} from './contract';

const council = (workspaceId: string) => `/api/workspaces/${encodeURIComponent(workspaceId)}`;
const meetingPath = (workspaceId: string, meetingId: string) => `${council(workspaceId)}/meetings/${encodeURIComponent(meetingId)}`;

export const listMeetings = (workspaceId: string, signal?: AbortSignal) => request(`${council(workspaceId)}/meetings`, MeetingsResponse, { signal });

export const createMeeting = (workspaceId: string, body: CreateMeetingRequest) =>
  request(`${council(workspaceId)}/meetings`, MeetingResponse, { method: 'POST', body });

export const getMeeting = (workspaceId: string, meetingId: string, signal?: AbortSignal) =>
  request(meetingPath(workspaceId, meetingId), MeetingDetailResponse, { signal });

export const updateMeeting = (workspaceId: string, meetingId: string, body: UpdateMeetingRequest) =>
  request(meetingPath(workspaceId, meetingId), MeetingResponse, { method: 'PATCH', body });

export const deleteMeeting = (workspaceId: string, meetingId: string) => request(meetingPath(workspaceId, meetingId), OkResponse, { method: 'DELETE' });

export const putAgenda = (workspaceId: string, meetingId: string, body: PutAgendaRequest) =>
  request(`${meetingPath(workspaceId, meetingId)}/agenda`, MeetingResponse, { method: 'PUT', body });

export const sendAgenda = (workspaceId: string, meetingId: string) =>
  request(`${meetingPath(workspaceId, meetingId)}/agenda/send`, MeetingResponse, { method: 'POST' });

export const putAttendance = (workspaceId: string, meetingId: string, body: PutAttendanceRequest) =>
  request(`${meetingPath(workspaceId, meetingId)}/attendance`, MeetingResponse, { method: 'PUT', body });

export const saveQuorumRule = (workspaceId: string, quorum: QuorumRule) =>
  request(`${council(workspaceId)}/meeting-settings`, QuorumResponse, { method: 'PUT', body: { quorum } });
