import {
  MembersResponse,
  NotificationsResponse,
  OkResponse,
  ThreadResponse,
  ThreadsResponse,
  type CreateThreadRequest,
  type MarkNotificationsReadRequest,
  type SetDispositionRequest,
} from '@sakutei/shared';
import { request } from './api';

const planPath = (planId: string) => `/api/plans/${encodeURIComponent(planId)}`;
const threadPath = (threadId: string) => `/api/threads/${encodeURIComponent(threadId)}`;
const commentPath = (commentId: string) => `/api/comments/${encodeURIComponent(commentId)}`;

export function listThreads(planId: string, signal?: AbortSignal): Promise<ThreadsResponse> {
  return request(`${planPath(planId)}/threads`, ThreadsResponse, { signal });
}

export function getThread(threadId: string, signal?: AbortSignal): Promise<ThreadResponse> {
  return request(threadPath(threadId), ThreadResponse, { signal });
}

export function createThread(planId: string, body: CreateThreadRequest): Promise<ThreadResponse> {
  return request(`${planPath(planId)}/threads`, ThreadResponse, { method: 'POST', body });
}

export function replyToThread(threadId: string, body: string): Promise<ThreadResponse> {
  return request(`${threadPath(threadId)}/comments`, ThreadResponse, { method: 'POST', body: { body } });
}

export function editComment(commentId: string, body: string): Promise<ThreadResponse> {
  return request(commentPath(commentId), ThreadResponse, { method: 'PATCH', body: { body } });
}

export function deleteComment(commentId: string): Promise<ThreadResponse> {
  return request(commentPath(commentId), ThreadResponse, { method: 'DELETE' });
}

export function resolveThread(threadId: string): Promise<ThreadResponse> {
  return request(`${threadPath(threadId)}/resolve`, ThreadResponse, { method: 'POST' });
}

export function reopenThread(threadId: string): Promise<ThreadResponse> {
  return request(`${threadPath(threadId)}/reopen`, ThreadResponse, { method: 'POST' });
}

export function setDisposition(threadId: string, body: SetDispositionRequest): Promise<ThreadResponse> {
  return request(`${threadPath(threadId)}/disposition`, ThreadResponse, { method: 'PUT', body });
}

export function listNotifications(signal?: AbortSignal): Promise<NotificationsResponse> {
  return request('/api/notifications', NotificationsResponse, { signal });
}

export function markNotificationsRead(body: MarkNotificationsReadRequest): Promise<OkResponse> {
  return request('/api/notifications/read', OkResponse, { method: 'POST', body });
}

/** Observers may not list members (`members.read`); callers fall back to the people in the threads. */
export function listMembers(workspaceId: string, signal?: AbortSignal): Promise<MembersResponse> {
  return request(`/api/workspaces/${encodeURIComponent(workspaceId)}/members`, MembersResponse, { signal });
}

/** Where the browser downloads the 委員意見と対応 table. */
export function opinionsExportUrl(planId: string, format: 'csv' | 'xlsx'): string {
  return `${planPath(planId)}/opinions/export?format=${format}`;
}

/** The plan's server-sent event stream (same origin, so the session cookie goes along). */
export function planEventsUrl(planId: string): string {
  return `${planPath(planId)}/events`;
}
