import { CLOSE_CODES, type DocAccess } from '@sakutei/shared';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { DocStore } from '../../storage';
import { type AwarenessLimits, DEFAULT_AWARENESS_LIMITS, decodeAwarenessUpdate } from './awarenessGuard';
import { type PresenceIdentity, stampAwarenessUpdate } from './awarenessIdentity';
import { BoundedReader, MalformedUpdate } from './boundedReader';
import { DocWriter } from './docWriter';
import { misplacedOrigin } from './originGuard';
import {
  MESSAGE,
  SYNC,
  encodeAwareness,
  encodePermissionDenied,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeUpdate,
  isEmptyUpdate,
} from './protocol';
import { DEFAULT_RATE_LIMITS, FrameBudget, type FrameKind, type RateLimits } from './rateLimit';
import { DEFAULT_UPDATE_LIMITS, type UpdateLimits, unmetDependency, validateStateVector, validateUpdate } from './updateGuard';

/** The transport, reduced to what a room needs. Any websocket (or a test fake) fits. */
export interface RoomSocket {
  send(data: Uint8Array): void;
  close(code: number, reason: string): void;
}

/** Who is on the other end of a socket and what they may do; decided before the room, by auth. */
export interface Peer extends PresenceIdentity {
  access: DocAccess;
  workspaceId: string;
  /** Set when the socket was opened with a session cookie, so sign-out can close it. */
  sessionId: string | null;
  /** The most this connection may ever get (a token's grant); the role may lower it. */
  ceiling: DocAccess;
}

export class Connection {
  readonly clientIds = new Set<number>();
  /** Messages refused (updates without edit access, malformed or inapplicable frames). */
  refused = 0;
  /** Messages dropped unread for exceeding the connection's rate. */
  dropped = 0;
  constructor(
    readonly room: Room,
    readonly socket: RoomSocket,
    public peer: Peer,
    readonly budget: FrameBudget,
  ) {}
}

/** What one connection may send before it is refused, dropped or disconnected. */
export type RoomLimits = {
  update: UpdateLimits;
  awareness: AwarenessLimits;
  rate: RateLimits;
  /** Refused messages after which the connection is closed as abusive. */
  maxRefusals: number;
};

export const DEFAULT_ROOM_LIMITS: RoomLimits = {
  update: DEFAULT_UPDATE_LIMITS,
  awareness: DEFAULT_AWARENESS_LIMITS,
  rate: DEFAULT_RATE_LIMITS,
  maxRefusals: 20,
};

export type RoomOptions = { flushMs: number; compactEvery?: number; limits?: RoomLimits };

/** Presence ids one connection may speak for: a client's own, and a few more as its doc renews its id. */
const MAX_CLIENT_IDS = 8;

/**
 * One live document: its Y.Doc, awareness, and the connections editing it. It knows nothing
 * of HTTP, websockets or SQL: bytes come in through `receive`, go out through `RoomSocket`,
 * and persistence goes through the `DocStore` interface.
 */
export class Room {
  readonly doc = new Y.Doc();
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  private readonly connections = new Set<Connection>();
  private readonly writer: DocWriter;
  private readonly compactEvery: number;
  private readonly limits: RoomLimits;
  private compacting = false;

  private constructor(
    readonly name: string,
    private readonly store: DocStore,
    options: RoomOptions,
    lastStoredId: number,
  ) {
    this.writer = new DocWriter(name, store, options.flushMs, lastStoredId);
    this.compactEvery = options.compactEvery ?? 200;
    this.limits = options.limits ?? DEFAULT_ROOM_LIMITS;
    // The server is no participant: it holds no presence of its own.
    this.awareness.setLocalState(null);
    this.doc.on('update', this.onDocUpdate);
    this.awareness.on('update', this.onAwarenessUpdate);
  }

  /** Loads a document's stored state into a new room. */
  static async load(name: string, store: DocStore, options: RoomOptions): Promise<Room> {
    const stored = await store.load(name);
    const room = new Room(name, store, options, stored.lastId);
    // Replayed history is not news: applied before the listeners could persist it again.
    room.doc.off('update', room.onDocUpdate);
    Y.transact(room.doc, () => {
      for (const update of stored.updates) Y.applyUpdate(room.doc, update);
    });
    room.doc.on('update', room.onDocUpdate);
    return room;
  }

  get size(): number {
    return this.connections.size;
  }

  get peers(): Iterable<Connection> {
    return this.connections;
  }

  /** Adds a socket and starts the sync handshake: our state vector, then everyone's presence. */
  join(socket: RoomSocket, peer: Peer): Connection {
    const conn = new Connection(this, socket, peer, new FrameBudget(this.limits.rate));
    this.connections.add(conn);
    socket.send(encodeSyncStep1(this.doc));
    const present = [...this.awareness.getStates().keys()];
    if (present.length > 0) socket.send(encodeAwareness(this.awareness, present));
    return conn;
  }

  /** Removes a connection and the presence it spoke for. */
  leave(conn: Connection): void {
    if (!this.connections.delete(conn)) return;
    if (conn.clientIds.size > 0) {
      awarenessProtocol.removeAwarenessStates(this.awareness, [...conn.clientIds], null);
    }
  }

  /**
   * Handles one binary frame from a connection. Nothing a peer sends can throw out of here,
   * half-apply, or park in the document: malformed or inapplicable frames are refused and
   * counted, frames over the connection's rate are dropped, and a connection that keeps at
   * either is closed.
   */
  receive(conn: Connection, data: Uint8Array): void {
    // A connection that was removed (access revoked, sign-out) may still deliver frames until
    // its socket finishes closing; it no longer speaks for anyone.
    if (!this.connections.has(conn)) return;
    if (!this.admit(conn, data)) return;
    try {
      const reader = new BoundedReader(data);
      switch (reader.readVarUint()) {
        case MESSAGE.sync:
          this.receiveSync(conn, reader);
          break;
        case MESSAGE.awareness:
          this.receiveAwareness(conn, reader.readVarBytes());
          break;
        case MESSAGE.queryAwareness:
          conn.socket.send(encodeAwareness(this.awareness, [...this.awareness.getStates().keys()]));
          break;
        default:
          this.refuse(conn);
      }
    } catch (err) {
      // Anything but a MalformedUpdate got past the guards: worth a line in the log.
      if (!(err instanceof MalformedUpdate)) console.warn(`${this.name}: refused a frame that failed unexpectedly`, err);
      this.refuse(conn);
    }
  }

  /**
   * Counts a refused frame; a connection that piles them up is closed as abusive. Public for
   * frames the transport refuses before the room could read them (text frames).
   */
  refuse(conn: Connection): void {
    if (!this.connections.has(conn)) return;
    conn.refused++;
    if (conn.refused >= this.limits.maxRefusals) this.expel(conn, CLOSE_CODES.abuse, 'too many malformed or refused messages');
  }

  /** Spends the connection's budget for a frame, judged by its first bytes only. */
  private admit(conn: Connection, data: Uint8Array): boolean {
    const kind: FrameKind =
      data[0] === MESSAGE.awareness || data[0] === MESSAGE.queryAwareness
        ? 'awareness'
        : data[0] === MESSAGE.sync && data[1] === SYNC.step1
          ? 'syncRequest'
          : 'doc';
    const admission = conn.budget.admit(kind);
    if (admission === 'accept') return true;
    conn.dropped++;
    if (admission === 'flood') this.expel(conn, CLOSE_CODES.rateLimited, 'too many messages');
    return false;
  }

  /** Removes a connection at once, so nothing it still sends is read, and closes its socket. */
  private expel(conn: Connection, code: number, reason: string): void {
    console.warn(`collab ${this.name}: closed ${conn.peer.id} with ${code}, ${reason} (${conn.refused} refused, ${conn.dropped} dropped)`);
    this.leave(conn);
    conn.socket.close(code, reason);
  }

  private receiveSync(conn: Connection, reader: BoundedReader): void {
    const kind = reader.readVarUint();
    if (kind === SYNC.step1) {
      const stateVector = reader.readVarBytes();
      validateStateVector(stateVector);
      conn.socket.send(encodeSyncStep2(this.doc, stateVector));
      return;
    }
    if (kind !== SYNC.step2 && kind !== SYNC.update) return this.refuse(conn);
    const update = reader.readVarBytes();
    if (conn.peer.access !== 'edit') {
      // A read-only client's sync reply always carries its delete set, so it is ignored
      // silently; an edit it makes (an update) is refused and it is told so.
      if (kind === SYNC.update && !isEmptyUpdate(update)) {
        this.refuse(conn);
        conn.socket.send(encodePermissionDenied(`read-only: your access to this document is "${conn.peer.access}"`));
      }
      return;
    }
    const shape = validateUpdate(update, this.limits.update);
    const unmet = unmetDependency(shape, (client) => Y.getState(this.doc.store, client));
    if (unmet !== null) {
      this.refuse(conn);
      // An honest client gets here when a frame of its was dropped (over its rate, say): ask
      // for our state, and its sync reply carries what we missed. Never in answer to a sync
      // reply, which would ask again for the same thing.
      if (kind === SYNC.update && this.connections.has(conn)) conn.socket.send(encodeSyncStep1(this.doc));
      return;
    }
    // Items placed between neighbours that are not neighbours would read differently here
    // than in every replica that loads the document later.
    if (misplacedOrigin(shape, this.doc) !== null) return this.refuse(conn);
    Y.applyUpdate(this.doc, update, conn);
  }

  private receiveAwareness(conn: Connection, update: Uint8Array): void {
    const entries = decodeAwarenessUpdate(update, this.limits.awareness);
    const { id, name, color } = conn.peer;
    let unclaimed = MAX_CLIENT_IDS - conn.clientIds.size;
    const stamped = stampAwarenessUpdate(entries, { id, name, color }, (clientId) => {
      if (conn.clientIds.has(clientId)) return false;
      if (this.ownerOf(clientId) !== null) return true;
      return unclaimed-- <= 0;
    });
    if (!stamped.update) return;
    for (const clientId of stamped.clientIds) conn.clientIds.add(clientId);
    awarenessProtocol.applyAwarenessUpdate(this.awareness, stamped.update, conn);
  }

  private ownerOf(clientId: number): Connection | null {
    for (const c of this.connections) if (c.clientIds.has(clientId)) return c;
    return null;
  }

  private readonly onDocUpdate = (update: Uint8Array, origin: unknown): void => {
    this.writer.push(update);
    if (this.writer.storedSinceCompaction >= this.compactEvery && !this.compacting) {
      this.compacting = true;
      this.compact()
        .catch((err) => console.error(`compacting ${this.name} failed`, err))
        .finally(() => (this.compacting = false));
    }
    const message = encodeUpdate(update);
    for (const c of this.connections) if (c !== origin) c.socket.send(message);
  };

  // Echoed to the sender too: the stock client drops a socket that is silent for 30 s,
  // and its 15 s presence renewal coming back is what keeps an idle editor connected.
  private readonly onAwarenessUpdate = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    _origin: unknown,
  ): void => {
    const changed = [...added, ...updated, ...removed];
    if (changed.length === 0) return;
    const message = encodeAwareness(this.awareness, changed);
    for (const c of this.connections) c.socket.send(message);
  };

  /** Writes pending updates now. */
  flush(): Promise<void> {
    return this.writer.flush();
  }

  /** Replaces the stored log with one snapshot of the current state. */
  async compact(): Promise<void> {
    await this.writer.flush();
    if (this.writer.hasPending) return; // the store is failing; keep the log as it is
    await this.store.compact(this.name, Y.encodeStateAsUpdate(this.doc), this.writer.lastStoredId);
    this.writer.storedSinceCompaction = 0;
  }

  /**
   * Stores everything, compacts, and frees the document. Connections must already be gone.
   * Throws, keeping the document, when updates could not be stored: nothing accepted is dropped.
   */
  async unload(): Promise<void> {
    if (this.writer.storedSinceCompaction > 0 || this.writer.hasPending) await this.compact();
    else await this.writer.flush();
    if (this.writer.hasPending) throw new Error(`${this.name}: updates not yet stored; keeping the room`);
    this.awareness.destroy();
    this.doc.destroy();
  }
}
