import { MeetingResponse, type RecordDecisionRequest } from '@sakutei/shared';
import { request } from '../../lib/api';

const decisionsPath = (workspaceId: string, meetingId: string) =>
  `/api/workspaces/${encodeURIComponent(workspaceId)}/meetings/${encodeURIComponent(meetingId)}/decisions`;

export const recordDecision = (workspaceId: string, meetingId: string, body: RecordDecisionRequest) =>
  request(decisionsPath(workspaceId, meetingId), MeetingResponse, { method: 'POST', body });

export const removeDecision = (workspaceId: string, meetingId: string, decisionId: string) =>
  request(`${decisionsPath(workspaceId, meetingId)}/${encodeURIComponent(decisionId)}`, MeetingResponse, { method: 'DELETE' });
