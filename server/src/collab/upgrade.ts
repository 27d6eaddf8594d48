import { upgradeWebSocket } from '@hono/node-server';
import { CLOSE_CODES } from '@sakutei/shared';
import { Hono } from 'hono';
import { getCookie } from 'hono/cookie';
import type { WebSocket } from 'ws';
import type { AppDeps, AppEnv } from '../env';
import { SESSION_COOKIE } from '../middleware/session';
import { allowedOriginsFor, isOriginAllowed } from '../middleware/originCheck';
import { type CollabAuth, authenticateCollab } from './access';
import { framedSender } from './framedSend';
import { RegistryClosedError } from './room/registry';
import type { Connection, RoomSocket } from './room/room';

const HEARTBEAT_MS = 30_000;
/** Frames held while a document loads; a client has no reason to send more before its first reply. */
const MAX_EARLY_FRAMES = 32;
/** How long a closed socket may take to answer our close frame before it is cut. */
const CLOSE_GRACE_MS = 2_000;

/**
 * Closes with a code, and cuts the connection if the peer has not answered the close frame
 * soon: `ws` would otherwise wait 30 s, reading (and throwing away) whatever a flooding peer
 * keeps sending, or holding what a peer that stopped reading never took.
 */
function hangUp(raw: WebSocket, code: number, reason: string): void {
  if (raw.readyState === raw.CLOSED) return;
  raw.close(code, reason);
  setTimeout(() => raw.terminate(), CLOSE_GRACE_MS).unref();
}

/**
 * The websocket route `/collab/:docName`: authenticate, then hand the socket to its room.
 * Only adaptation happens here; the protocol lives in the room.
 */
export function collabRoutes(deps: AppDeps) {
  const alive = new WeakMap<WebSocket, boolean>();
  const sockets = new Set<WebSocket>();
  // One timer for all sockets: a peer that missed a ping since the last tick is gone.
  const heartbeat = setInterval(() => {
    for (const ws of sockets) {
      if (!alive.get(ws)) ws.terminate();
      else {
        alive.set(ws, false);
        ws.ping();
      }
    }
  }, HEARTBEAT_MS);
  heartbeat.unref();

  const app = new Hono<AppEnv>().get(
    '/:docName',
    upgradeWebSocket(async (c) => {
      const docName = c.req.param('docName') ?? '';
      const allowed = allowedOriginsFor(c.req.url, c.req.header('host'), deps.config.allowedOrigins);
      const auth: CollabAuth = !isOriginAllowed({ origin: c.req.header('origin') }, allowed)
        ? { ok: false, code: CLOSE_CODES.originRejected, reason: 'origin not allowed' }
        : await authenticateCollab(deps, {
            docName,
            token: c.req.query('token') ?? null,
            sessionToken: getCookie(c, SESSION_COOKIE) ?? null,
          });
      let conn: Connection | null = null;
      let early: Uint8Array[] | null = [];
      let silence: NodeJS.Timeout | undefined;
      return {
        onOpen(_event, ws) {
          const raw = ws.raw as WebSocket;
          if (!auth.ok) {
            ws.close(auth.code, auth.reason);
            return;
          }
          sockets.add(raw);
          alive.set(raw, true);
          raw.on('pong', () => alive.set(raw, true));
          // The stock client sends its sync request the moment the socket opens; a socket that
          // stays silent for as long as a request may take to arrive is not one.
          silence = setTimeout(() => hangUp(raw, 1008, 'nothing sent'), deps.config.handshakeTimeoutMs);
          silence.unref();
          const sendFramed = framedSender(raw);
          const socket: RoomSocket = {
            send: (data) => {
              if (raw.readyState !== raw.OPEN) return;
              // What the peer has not read yet stays in our memory. Past the limit it is not
              // keeping up (or not reading at all): cut it off rather than queue without end.
              if (raw.bufferedAmount > deps.config.maxBufferedBytes) {
                console.warn(`collab ${docName}: closed ${auth.peer.id} with ${CLOSE_CODES.tooSlow}, ${raw.bufferedAmount} bytes unread`);
                hangUp(raw, CLOSE_CODES.tooSlow, 'not reading fast enough');
                return;
              }
              sendFramed(data);
            },
            close: (code, reason) => hangUp(raw, code, reason),
          };
          deps.rooms.join(docName, socket, auth.peer).then(
            (joined) => {
              if (raw.readyState !== raw.OPEN) return deps.rooms.leave(joined);
              conn = joined;
              const queued = early ?? [];
              early = null;
              for (const data of queued) joined.room.receive(joined, data);
            },
            (err) => {
              if (err instanceof RegistryClosedError) return raw.close(CLOSE_CODES.serverShutdown, err.message);
              console.error(`could not open ${docName}`, err);
              raw.close(1011, 'document unavailable');
            },
          );
        },
        onMessage(event, ws) {
          clearTimeout(silence);
          if (!(event.data instanceof ArrayBuffer)) {
            // The protocol is binary only: a text frame counts against the sender like any junk.
            if (conn) conn.room.refuse(conn);
            return;
          }
          const data = new Uint8Array(event.data);
          if (conn) conn.room.receive(conn, data);
          else if (early && early.length < MAX_EARLY_FRAMES) early.push(data);
          else if (early) hangUp(ws.raw as WebSocket, 1008, 'too many messages before the document loaded');
        },
        onClose(_event, ws) {
          clearTimeout(silence);
          sockets.delete(ws.raw as WebSocket);
          early = null;
          if (conn) deps.rooms.leave(conn);
          conn = null;
        },
      };
    }),
  );
  return { app, stop: () => clearInterval(heartbeat) };
}
