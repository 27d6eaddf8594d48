import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { CLOSE_CODES } from '@sakutei/shared';
import { parse as parseCookies } from 'hono/utils/cookie';
import type { WebSocket, WebSocketServer } from 'ws';
import type { AppDeps } from '../env';
import { KeyedSlots } from '../limits/slots';
import { SESSION_COOKIE } from '../middleware/session';
import { allowedOriginsFor, isOriginAllowed } from '../middleware/originCheck';
import { type CollabAuth, authenticateCollab, recheckPeer } from './access';
import { draftAccessStamp } from './accessWatcher';
import { framedSender } from './framedSend';
import { RegistryClosedError } from './room/registry';
import type { Connection, RoomSocket } from './room/room';

const HEARTBEAT_MS = 30_000;
/** Frames held while a document loads; a client has no reason to send more before its first reply. */
const MAX_EARLY_FRAMES = 32;
/** How long a closed socket may take to answer our close frame before it is cut. */
const CLOSE_GRACE_MS = 2_000;
const COLLAB_PATH = /^\/collab\/([^/?#]+)$/;

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
 *
 * Upgrades are taken straight from Node's HTTP server rather than through Hono's adapter,
 * which keeps each request's Hono context, Fetch `Request` and Node request alive for as long
 * as the socket lives: a few kilobytes per idle connection, for nothing.
 */
export function collabUpgrades(deps: AppDeps, wss: WebSocketServer) {
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
  /** Open sockets per person, across documents: each holds a room's attention and a budget's share. */
  const socketsOf = new KeyedSlots(deps.config.maxSocketsPerUser);
  /**
   * Takes one of a person's socket places until the connection's TCP socket closes (however it
   * ends, even before the upgrade completes); false when they already hold as many as allowed.
   */
  function claimPlace(userId: string, socket: Duplex): boolean {
    const release = socketsOf.tryAcquire(userId);
    if (!release) return false;
    socket.once('close', release);
    return true;
  }

  async function authenticate(req: IncomingMessage, docName: string): Promise<CollabAuth> {
    const url = new URL(req.url ?? '/', 'http://placeholder');
    const allowed = allowedOriginsFor(`http://${req.headers.host ?? 'localhost'}${url.pathname}`, req.headers.host, deps.config.allowedOrigins);
    if (!isOriginAllowed({ origin: req.headers.origin }, allowed)) {
      return { ok: false, code: CLOSE_CODES.originRejected, reason: 'origin not allowed' };
    }
    return authenticateCollab(deps, {
      docName,
      token: url.searchParams.get('token'),
      sessionToken: parseCookies(req.headers.cookie ?? '', SESSION_COOKIE)[SESSION_COOKIE] ?? null,
    });
  }

  /** Serves one open socket: refusals are told with a close code, the rest join their room. */
  function serve(raw: WebSocket, auth: CollabAuth, docName: string, accessStampBefore: number): void {
    if (!auth.ok) {
      raw.close(auth.code, auth.reason);
      return;
    }
    let conn: Connection | null = null;
    let early: Uint8Array[] | null = [];
    sockets.add(raw);
    alive.set(raw, true);
    raw.on('pong', () => alive.set(raw, true));
    // The stock client sends its sync request the moment the socket opens; a socket that
    // stays silent for as long as a request may take to arrive is not one.
    const silence = setTimeout(() => hangUp(raw, 1008, 'nothing sent'), deps.config.handshakeTimeoutMs);
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
    raw.on('message', (data: Buffer, isBinary: boolean) => {
      clearTimeout(silence);
      if (!isBinary) {
        // The protocol is binary only: a text frame counts against the sender like any junk.
        if (conn) conn.room.refuse(conn);
        return;
      }
      if (conn) conn.room.receive(conn, data);
      else if (early && early.length < MAX_EARLY_FRAMES) early.push(data);
      else if (early) hangUp(raw, 1008, 'too many messages before the document loaded');
    });
    raw.on('close', () => {
      clearTimeout(silence);
      sockets.delete(raw);
      early = null;
      if (conn) deps.rooms.leave(conn);
      conn = null;
    });
    // Socket errors end in 'close'; without a listener `ws` would throw them.
    raw.on('error', () => undefined);
    deps.rooms.join(docName, socket, auth.peer).then(
      (joined) => {
        if (raw.readyState !== raw.OPEN) return deps.rooms.leave(joined);
        const admit = () => {
          conn = joined;
          const queued = early ?? [];
          early = null;
          for (const data of queued) joined.room.receive(joined, data);
        };
        if (draftAccessStamp(docName) === accessStampBefore) return admit();
        // A review locked the draft (or ended an invitation) while this socket was being let in:
        // the event's re-check did not see it. What it sends waits (queued, as before it joined)
        // until it is re-checked, so nothing is applied with the access of before.
        recheckPeer(deps, joined.peer, docName).then(
          (verdict) => {
            if (raw.readyState !== raw.OPEN || !verdict.keep) {
              deps.rooms.leave(joined);
              if (!verdict.keep) joined.socket.close(verdict.code, verdict.reason);
              return;
            }
            admit();
          },
          (err) => {
            console.error(`re-checking a socket for ${docName} failed`, err);
            deps.rooms.leave(joined);
            joined.socket.close(1011, 'access could not be checked');
          },
        );
      },
      (err) => {
        if (err instanceof RegistryClosedError) return raw.close(CLOSE_CODES.serverShutdown, err.message);
        console.error(`could not open ${docName}`, err);
        raw.close(1011, 'document unavailable');
      },
    );
  }

  /** The HTTP server's 'upgrade' listener: every websocket request comes through here. */
  function handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const match = COLLAB_PATH.exec((req.url ?? '').split('?')[0] ?? '');
    if (!match || req.headers.upgrade?.toLowerCase() !== 'websocket') {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    let docName: string;
    try {
      docName = decodeURIComponent(match[1]!);
    } catch {
      socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    // A peer that goes away while we look it up must not crash the process.
    const ignore = () => undefined;
    socket.on('error', ignore);
    const accessStampBefore = draftAccessStamp(docName);
    authenticate(req, docName).then(
      (auth) => {
        if (socket.destroyed) return;
        // Refused after the upgrade, with a close code, as other refusals are: a browser sees
        // the code (4429: do not retry) where a refused upgrade would only show a failed socket
        // that it retries for ever.
        if (auth.ok && !claimPlace(auth.peer.id, socket)) {
          console.warn(`collab ${docName}: refused ${auth.peer.id} a socket, ${deps.config.maxSocketsPerUser} already open`);
          auth = { ok: false, code: CLOSE_CODES.rateLimited, reason: 'too many open connections' };
        }
        wss.handleUpgrade(req, socket, head, (raw) => {
          socket.off('error', ignore);
          serve(raw, auth, docName, accessStampBefore);
        });
      },
      (err) => {
        console.error(`authenticating a socket for ${docName} failed`, err);
        socket.end('HTTP/1.1 500 Internal Server Error\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      },
    );
  }

  return { handleUpgrade, stop: () => clearInterval(heartbeat) };
}
