import { z } from 'zod';
import { CALENDARS } from '../format/dates';
import { Anchor, Disposition, MAX_COMMENT_CHARS, Person, Thread } from '../comments/model';

const body = z.string().trim().min(1, 'a comment needs some text').max(MAX_COMMENT_CHARS);

export const CreateThreadRequest = z.object({
  anchor: Anchor,
  body,
  /** A frozen revision under review to comment on; omitted for the live draft. */
  revisionId: z.string().min(1).max(64).nullable().optional(),
});
export type CreateThreadRequest = z.infer<typeof CreateThreadRequest>;

export const CommentBodyRequest = z.object({ body });
export type CommentBodyRequest = z.infer<typeof CommentBodyRequest>;

export const SetDispositionRequest = z.object({
  disposition: Disposition.nullable(),
  response: z.string().max(MAX_COMMENT_CHARS),
});
export type SetDispositionRequest = z.infer<typeof SetDispositionRequest>;

export const ThreadResponse = z.object({ thread: Thread });
export type ThreadResponse = z.infer<typeof ThreadResponse>;

export const ThreadsResponse = z.object({ threads: z.array(Thread) });
export type ThreadsResponse = z.infer<typeof ThreadsResponse>;

/**
 * What a notification tells: a mention or a reply in a thread; a review opened, a revision sent
 * back or approved; a 対応方針 recorded on one's opinion; of a meeting (issue 17), its agenda
 * sent, its minutes sent for correction, a correction filed on them.
 */
export const NOTIFICATION_KINDS = [
  'mention',
  'reply',
  'reviewOpened',
  'changesRequested',
  'approved',
  'responded',
  'meeting.agendaSent',
  'meeting.minutesSent',
  'meeting.minutesCorrection',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const Notification = z.object({
  id: z.string(),
  kind: z.enum(NOTIFICATION_KINDS),
  /** The plan it is about; null for a meeting's notification (see `meeting`). */
  planId: z.string().nullable(),
  /** The plan's title; empty for a meeting's notification. */
  planTitle: z.string(),
  /** The meeting a meeting's notification is about: its council, and its label as it was when notified (「令和8年度 第3回」). */
  meeting: z.object({ id: z.string(), workspaceId: z.string(), councilName: z.string(), label: z.string() }).nullable(),
  /** The thread (and comment) it is about; null for a review's notification. */
  threadId: z.string().nullable(),
  threadNumber: z.number().int().nullable(),
  commentId: z.string().nullable(),
  /** The revision a review's notification is about. */
  revision: z.object({ id: z.string(), number: z.number().int(), name: z.string() }).nullable(),
  actor: Person,
  /** The comment's text, the reason for sending back, or the 対応方針, shortened. */
  excerpt: z.string(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type Notification = z.infer<typeof Notification>;

export const NotificationsResponse = z.object({ notifications: z.array(Notification), unread: z.number().int() });
export type NotificationsResponse = z.infer<typeof NotificationsResponse>;

export const MarkNotificationsReadRequest = z.union([
  z.object({ ids: z.array(z.string().max(64)).min(1).max(200) }),
  z.object({ all: z.literal(true) }),
]);
export type MarkNotificationsReadRequest = z.infer<typeof MarkNotificationsReadRequest>;

export const OPINION_EXPORT_FORMATS = ['csv', 'xlsx'] as const;
/** `calendar`: the date in the printed header, 和暦 (the default) or 西暦. */
export const OpinionExportQuery = z.object({ format: z.enum(OPINION_EXPORT_FORMATS), calendar: z.enum(CALENDARS).default('wareki') });

/** What the plan's event stream (`GET /api/plans/:id/events`, SSE) sends. */
export const PlanEvent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('thread'), threadId: z.string(), deleted: z.boolean().optional() }),
  z.object({ type: z.literal('notifications'), unread: z.number().int() }),
]);
export type PlanEvent = z.infer<typeof PlanEvent>;
