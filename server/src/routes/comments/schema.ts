import { createRoute } from '@hono/zod-openapi';
import {
  CommentBodyRequest,
  CreateThreadRequest,
  MarkNotificationsReadRequest,
  NotificationsResponse,
  OkResponse,
  OpinionExportQuery,
  SetDispositionRequest,
  ThreadResponse,
  ThreadsResponse,
} from '@sakutei/shared';
import { z } from 'zod';
import { busyResponses, cookieAuth, errorResponses, json } from '../openapi';
import { PlanParams } from '../plans/schema';

const ThreadParams = z.object({ threadId: z.string().min(1).max(64) });
const CommentParams = z.object({ commentId: z.string().min(1).max(64) });
const body = <T>(schema: T) => ({ content: { 'application/json': { schema } }, required: true });
const errors = {
  400: errorResponses[400],
  401: errorResponses[401],
  403: errorResponses[403],
  404: errorResponses[404],
  429: errorResponses[429],
};

export const listThreadsRoute = createRoute({
  method: 'get',
  path: '/api/plans/{id}/threads',
  tags: ['comments'],
  summary: "The plan's review threads with their comments, in number order.",
  security: cookieAuth,
  request: { params: PlanParams },
  responses: { 200: json(ThreadsResponse, 'Threads.'), 401: errorResponses[401], 404: errorResponses[404] },
});

export const createThreadRoute = createRoute({
  method: 'post',
  path: '/api/plans/{id}/threads',
  tags: ['comments'],
  summary: 'Starts a thread on a text range (relative positions) or a measure-table target, with its first comment.',
  description:
    'Text anchors are two encoded Yjs relative positions kept outside the document, so staff and observers with comment access can anchor without write access. Mentions are `@[name](userId)` tokens naming council members.',
  security: cookieAuth,
  request: { params: PlanParams, body: body(CreateThreadRequest) },
  responses: { 201: json(ThreadResponse, 'The new thread.'), ...errors },
});

export const getThreadRoute = createRoute({
  method: 'get',
  path: '/api/threads/{threadId}',
  tags: ['comments'],
  summary: 'One thread.',
  security: cookieAuth,
  request: { params: ThreadParams },
  responses: { 200: json(ThreadResponse, 'The thread.'), 401: errorResponses[401], 404: errorResponses[404] },
});

export const replyRoute = createRoute({
  method: 'post',
  path: '/api/threads/{threadId}/comments',
  tags: ['comments'],
  summary: 'Replies to a thread.',
  security: cookieAuth,
  request: { params: ThreadParams, body: body(CommentBodyRequest) },
  responses: { 201: json(ThreadResponse, 'The thread with the reply.'), ...errors },
});

export const editCommentRoute = createRoute({
  method: 'patch',
  path: '/api/comments/{commentId}',
  tags: ['comments'],
  summary: "Edits one's own comment.",
  security: cookieAuth,
  request: { params: CommentParams, body: body(CommentBodyRequest) },
  responses: { 200: json(ThreadResponse, 'The thread.'), ...errors },
});

export const deleteCommentRoute = createRoute({
  method: 'delete',
  path: '/api/comments/{commentId}',
  tags: ['comments'],
  summary: "Deletes one's own comment; the thread keeps a trace of it.",
  security: cookieAuth,
  request: { params: CommentParams },
  responses: { 200: json(ThreadResponse, 'The thread.'), ...errors },
});

export const resolveThreadRoute = createRoute({
  method: 'post',
  path: '/api/threads/{threadId}/resolve',
  tags: ['comments'],
  summary: "Resolves a thread (staff, the chair, or the thread's author).",
  security: cookieAuth,
  request: { params: ThreadParams },
  responses: { 200: json(ThreadResponse, 'The thread.'), ...errors },
});

export const reopenThreadRoute = createRoute({
  method: 'post',
  path: '/api/threads/{threadId}/reopen',
  tags: ['comments'],
  summary: "Reopens a resolved thread (staff, the chair, or the thread's author).",
  security: cookieAuth,
  request: { params: ThreadParams },
  responses: { 200: json(ThreadResponse, 'The thread.'), ...errors },
});

export const setDispositionRoute = createRoute({
  method: 'put',
  path: '/api/threads/{threadId}/disposition',
  tags: ['comments'],
  summary: '対応方針 (reflect / partial / notReflect / considering) and 対応内容 for a thread (staff).',
  security: cookieAuth,
  request: { params: ThreadParams, body: body(SetDispositionRequest) },
  responses: { 200: json(ThreadResponse, 'The thread.'), ...errors },
});

export const exportOpinionsRoute = createRoute({
  method: 'get',
  path: '/api/plans/{id}/opinions/export',
  tags: ['comments'],
  summary: 'The 委員意見と対応 table (No, 箇所, 委員, 意見, 対応方針, 対応内容) as CSV or XLSX.',
  security: cookieAuth,
  request: { params: PlanParams, query: OpinionExportQuery },
  responses: {
    200: {
      description: 'The file, as an attachment.',
      content: {
        'text/csv': { schema: z.string() },
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: z.string().openapi({ format: 'binary' }) },
      },
    },
    400: errorResponses[400],
    401: errorResponses[401],
    404: errorResponses[404],
    ...busyResponses,
  },
});

export const listNotificationsRoute = createRoute({
  method: 'get',
  path: '/api/notifications',
  tags: ['comments'],
  summary: "The caller's notifications, newest first, with the unread count.",
  description:
    "Mentions and replies; a review opened, sent back or approved; a 対応方針 recorded; and of a meeting (planId null, `meeting` set): its agenda sent (`meeting.agendaSent`), its minutes sent to those at the sitting (`meeting.minutesSent`), a correction filed on them (`meeting.minutesCorrection`, to staff and the chair). Only those the caller may still see: leaving a council, or a role that no longer reads what one is about, hides them.",
  security: cookieAuth,
  responses: { 200: json(NotificationsResponse, 'Notifications.'), 401: errorResponses[401] },
});

export const markNotificationsReadRoute = createRoute({
  method: 'post',
  path: '/api/notifications/read',
  tags: ['comments'],
  summary: 'Marks some or all notifications read.',
  security: cookieAuth,
  request: { body: body(MarkNotificationsReadRequest) },
  responses: { 200: json(OkResponse, 'Done.'), 400: errorResponses[400], 401: errorResponses[401] },
});

export const planEventsRoute = createRoute({
  method: 'get',
  path: '/api/plans/{id}/events',
  tags: ['comments'],
  summary: 'Server-sent events for a plan: `thread` when a thread changes, `notifications` with the unread count.',
  description:
    'An EventSource stream. Each `data:` line is a JSON PlanEvent. Closed when the caller loses access. A person may hold SAKUTEI_SSE_MAX_STREAMS_PER_USER streams at once; more are answered 429 with Retry-After.',
  security: cookieAuth,
  request: { params: PlanParams },
  responses: {
    200: { description: 'The event stream.', content: { 'text/event-stream': { schema: z.string() } } },
    401: errorResponses[401],
    404: errorResponses[404],
    429: errorResponses[429],
  },
});
