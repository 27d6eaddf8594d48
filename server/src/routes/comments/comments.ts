import type { OpenAPIHono } from '@hono/zod-openapi';
import { type PlanEvent, OPINION_TABLE_HEADER, canReadThreads, opinionTableRows } from '@sakutei/shared';
import { streamSSE } from 'hono/streaming';
import { isSessionLive } from '../../auth/sessions';
import { WindowCounter } from '../../auth/windowCounter';
import type { AppDeps, AppEnv } from '../../env';
import { notFound, tooManyRequests } from '../../errors';
import { KeyedSlots } from '../../limits/slots';
import { presentNotification } from '../../presenters/comments';
import { commentService } from '../../services/comments';
import { notificationAccess } from '../../services/notificationAccess';
import { loadVisiblePlan } from '../../services/visiblePlan';
import { tableDownload } from '../downloads';
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
/** What a person over their event streams is told to wait: a place frees only when a page closes. */
const STREAMS_RETRY_AFTER_S = 30;

export function commentRoutes(deps: AppDeps, app: OpenAPIHono<AppEnv>) {
  const service = commentService(deps);
  // Shown, counted and streamed by what each owner may read now (issue 15 item 6).
  const access = notificationAccess(deps.storage);
  const { comments, workspaces } = deps.storage;
  // A person writes a few comments a minute; a script that writes hundreds is stopped.
  const writes = new WindowCounter(60, 60_000);
  const writer = (c: Parameters<typeof requireUser>[0]) => {
    const user = requireUser(c);
    const wait = writes.hit(user.id);
    if (wait > 0) throw tooManyRequests(wait, `Too many comment changes. Try again in ${wait} seconds.`);
    return user;
  };
  // Each stream holds listeners on every event and a heartbeat timer for as long as it is open:
  // a person may hold only so many, across plans, whatever their sessions.
  const streams = new KeyedSlots(deps.config.maxEventStreamsPerUser);

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
      const file = { fileName: '委員意見と対応', asciiName: 'opinions', sheetName: '委員意見と対応', headerRows: 1 };
      const { format, calendar } = c.req.valid('query');
      const plan = await loadVisiblePlan(deps.storage.workspaces, user.id, c.req.valid('param').id);
      const { body, headers } = await tableDownload(rows, file, format, { planTitle: plan.title, calendar });
      return c.body(body, 200, headers);
    })
    .openapi(listNotificationsRoute, async (c) => {
      const user = requireUser(c);
      const [list, unread] = await Promise.all([comments.listNotifications(user.id, 100).then(access.visible), access.unreadCount(user.id)]);
      return c.json({ notifications: list.slice(0, 50).map(presentNotification), unread }, 200);
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
      const release = streams.tryAcquire(user.id);
      if (!release) {
        throw tooManyRequests(STREAMS_RETRY_AFTER_S, `${streams.count(user.id)} event streams are open already; close a page and try again.`);
      }
      return streamSSE(c, async (stream) => {
        let closed = false;
        let wake: () => void = () => {};
        const ended = new Promise<void>((resolve) => (wake = resolve));
        const close = () => {
          closed = true;
          wake();
        };
        const send = (event: PlanEvent) => {
          if (!closed) void stream.writeSSE({ data: JSON.stringify(event) }).catch(close);
        };
        // Listeners run outside the request: a failing lookup closes this stream (the browser
        // reconnects and is authorised afresh) instead of becoming an unhandled rejection.
        const guarded =
          <T>(handler: (event: T) => Promise<void> | void) =>
          (event: T) => {
            void (async () => handler(event))().catch((err: unknown) => {
              console.error('event stream handler failed', err);
              close();
            });
          };
        /** The role and session the stream was opened with must still hold, as for websockets. */
        const stillAllowed = async () =>
          (await workspaces.roleOf(plan.workspaceId, user.id)) === plan.role && (await isSessionLive(deps.storage.accounts, session.id));
        const onThread = guarded(async ({ planId, threadId }: { planId: string; threadId: string }) => {
          // Access changes end the stream (membership and session events, and the heartbeat's re-check).
          if (planId !== plan.id || closed) return;
          if (await service.mayHearOf(plan.role, user.id, threadId)) send({ type: 'thread', threadId });
        });
        const onNotified = guarded(async ({ userId }: { userId: string }) => {
          if (userId === user.id && !closed) send({ type: 'notifications', unread: await access.unreadCount(user.id) });
        });
        // Any change to this person's membership ends the stream; the reconnect is re-checked.
        const onMembership = guarded(({ workspaceId, userId }: { workspaceId: string; userId: string }) => {
          if (workspaceId === plan.workspaceId && userId === user.id) close();
        });
        const onSessions = guarded(({ userId, sessionId }: { userId: string; sessionId?: string }) => {
          if (userId === user.id && (sessionId === undefined || sessionId === session.id)) close();
        });
        deps.events.on('threadChanged', onThread);
        deps.events.on('notified', onNotified);
        deps.events.on('membershipChanged', onMembership);
        deps.events.on('sessionsEnded', onSessions);
        stream.onAbort(close);
        // Changes made with the CLI raise no event: re-check on every heartbeat.
        const heartbeat = setInterval(
          guarded(async () => {
            if (!(await stillAllowed())) return close();
            await stream.write(': keep-alive\n\n');
          }),
          Math.min(HEARTBEAT_MS, deps.config.revalidateMs),
        );
        try {
          send({ type: 'notifications', unread: await access.unreadCount(user.id) });
          await ended;
        } finally {
          clearInterval(heartbeat);
          deps.events.off('threadChanged', onThread);
          deps.events.off('notified', onNotified);
          deps.events.off('membershipChanged', onMembership);
          deps.events.off('sessionsEnded', onSessions);
          release();
        }
      });
    });
}
