import type { OpenAPIHono } from '@hono/zod-openapi';
import { type PlanEvent, OPINION_TABLE_HEADER, canReadThreads, opinionTableRows } from '@sakutei/shared';
import { CSV_BOM, toDelimited } from '@sakutei/shared/measures';
import { streamSSE } from 'hono/streaming';
import { WindowCounter } from '../../auth/windowCounter';
import type { AppDeps, AppEnv } from '../../env';
import { AppError, notFound } from '../../errors';
import { presentNotification } from '../../presenters/comments';
import { commentService } from '../../services/comments';
import { writeSheet } from '../../services/spreadsheet';
import { loadVisiblePlan } from '../../services/visiblePlan';
import { requireSession, requireUser } from '../guards';
import {
  createThreadRoute,
  deleteCommentRoute,
  editCommentRoute,
  exportOpinionsRoute,
  getThreadRoute,
  listNotificationsRoute,
  listThreadsRoute,
  markNotificationsReadRoute,
  planEventsRoute,
  reopenThreadRoute,
  replyRoute,
  resolveThreadRoute,
  setDispositionRoute,
} from './schema';

const HEARTBEAT_MS = 25_000;

export function commentRoutes(deps: AppDeps, app: OpenAPIHono<AppEnv>) {
  const service = commentService(deps);
  const { comments, workspaces } = deps.storage;
  // A person writes a few comments a minute; a script that writes hundreds is stopped.
  const writes = new WindowCounter(60, 60_000);
  const writer = (c: Parameters<typeof requireUser>[0]) => {
    const user = requireUser(c);
    const wait = writes.hit(user.id);
    if (wait > 0) {
      c.header('Retry-After', String(wait));
      throw new AppError(429, 'rate_limited', `Too many comment changes. Try again in ${wait} seconds.`);
    }
    return user;
  };

  return app
    .openapi(listThreadsRoute, async (c) => {
      const threads = await service.list(requireUser(c), c.req.valid('param').id);
      return c.json({ threads }, 200);
    })
    .openapi(createThreadRoute, async (c) => {
      const thread = await service.create(writer(c), c.req.valid('param').id, c.req.valid('json'));
      return c.json({ thread }, 201);
    })
    .openapi(getThreadRoute, async (c) => {
      return c.json({ thread: await service.get(requireUser(c), c.req.valid('param').threadId) }, 200);
    })
    .openapi(replyRoute, async (c) => {
      const thread = await service.reply(writer(c), c.req.valid('param').threadId, c.req.valid('json').body);
      return c.json({ thread }, 201);
    })
    .openapi(editCommentRoute, async (c) => {
      const thread = await service.edit(writer(c), c.req.valid('param').commentId, c.req.valid('json').body);
      return c.json({ thread }, 200);
    })
    .openapi(deleteCommentRoute, async (c) => {
      return c.json({ thread: await service.remove(writer(c), c.req.valid('param').commentId) }, 200);
    })
    .openapi(resolveThreadRoute, async (c) => {
      return c.json({ thread: await service.setStatus(writer(c), c.req.valid('param').threadId, 'resolved') }, 200);
    })
    .openapi(reopenThreadRoute, async (c) => {
      return c.json({ thread: await service.setStatus(writer(c), c.req.valid('param').threadId, 'open') }, 200);
    })
    .openapi(setDispositionRoute, async (c) => {
      const { disposition, response } = c.req.valid('json');
      const thread = await service.respond(writer(c), c.req.valid('param').threadId, disposition, response);
      return c.json({ thread }, 200);
    })
    .openapi(exportOpinionsRoute, async (c) => {
      const user = requireUser(c);
      const threads = await service.list(user, c.req.valid('param').id);
      const rows = [[...OPINION_TABLE_HEADER], ...opinionTableRows(threads)];
      const name = encodeURIComponent('委員意見と対応');
      if (c.req.valid('query').format === 'csv') {
        return c.body(CSV_BOM + toDelimited(rows, ','), 200, {
          'content-type': 'text/csv; charset=utf-8',
          'content-disposition': `attachment; filename="opinions.csv"; filename*=UTF-8''${name}.csv`,
        });
      }
      const bytes = await writeSheet('委員意見と対応', rows, 1);
      return c.body(new Uint8Array(bytes), 200, {
        'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'content-disposition': `attachment; filename="opinions.xlsx"; filename*=UTF-8''${name}.xlsx`,
      });
    })
    .openapi(listNotificationsRoute, async (c) => {
      const user = requireUser(c);
      const [list, unread] = await Promise.all([comments.listNotifications(user.id, 50), comments.countUnread(user.id)]);
      return c.json({ notifications: list.map(presentNotification), unread }, 200);
    })
    .openapi(markNotificationsReadRoute, async (c) => {
      const user = requireUser(c);
      const request = c.req.valid('json');
      await comments.markRead(user.id, 'all' in request ? 'all' : request.ids, Date.now());
      deps.events.emit('notified', { userId: user.id });
      return c.json({ ok: true as const }, 200);
    })
    .openapi(planEventsRoute, async (c) => {
      const { user, session } = requireSession(c);
      const plan = await loadVisiblePlan(workspaces, user.id, c.req.valid('param').id);
      if (!canReadThreads(plan.role)) throw notFound('plan');
      return streamSSE(c, async (stream) => {
        const send = (event: PlanEvent) => void stream.writeSSE({ data: JSON.stringify(event) });
        let closed = false;
        let wake: () => void = () => {};
        const ended = new Promise<void>((resolve) => (wake = resolve));
        const close = () => {
          closed = true;
          wake();
        };
        const onThread = async ({ planId, threadId }: { planId: string; threadId: string }) => {
          if (planId === plan.id && !closed && (await service.mayHearOf(plan.role, user.id, threadId))) send({ type: 'thread', threadId });
        };
        const onNotified = async ({ userId }: { userId: string }) => {
          if (userId === user.id && !closed) send({ type: 'notifications', unread: await comments.countUnread(user.id) });
        };
        // Losing access to the council, or signing out, ends the stream like it ends the websocket.
        const onMembership = async ({ workspaceId, userId }: { workspaceId: string; userId: string }) => {
          if (workspaceId === plan.workspaceId && userId === user.id && !canReadThreads(await workspaces.roleOf(workspaceId, userId))) close();
        };
        const onSessions = ({ userId, sessionId }: { userId: string; sessionId?: string }) => {
          if (userId === user.id && (sessionId === undefined || sessionId === session.id)) close();
        };
        deps.events.on('threadChanged', onThread);
        deps.events.on('notified', onNotified);
        deps.events.on('membershipChanged', onMembership);
        deps.events.on('sessionsEnded', onSessions);
        stream.onAbort(close);
        const heartbeat = setInterval(() => void stream.write(': keep-alive\n\n'), HEARTBEAT_MS);
        send({ type: 'notifications', unread: await comments.countUnread(user.id) });
        await ended;
        clearInterval(heartbeat);
        deps.events.off('threadChanged', onThread);
        deps.events.off('notified', onNotified);
        deps.events.off('membershipChanged', onMembership);
        deps.events.off('sessionsEnded', onSessions);
      });
    });
}
