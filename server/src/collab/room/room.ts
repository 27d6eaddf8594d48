import type { DocAccess } from '@sakutei/shared';
import * as decoding from 'lib0/decoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { DocStore } from '../../storage';
import { type PresenceIdentity, stampAwarenessUpdate } from './awarenessIdentity';
import { DocWriter } from './docWriter';
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
  /** Messages refused (updates without edit access, undecodable frames). */
  refused = 0;
  constructor(
    readonly room: Room,
    readonly socket: RoomSocket,
    public peer: Peer,
  ) {}
}

export type RoomOptions = { flushMs: number; compactEvery?: number };

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
  private compacting = false;

  private constructor(
    readonly name: string,
    private readonly store: DocStore,
    options: RoomOptions,
    lastStoredId: number,
  ) {
    this.writer = new DocWriter(name, store, options.flushMs, lastStoredId);
    this.compactEvery = options.compactEvery ?? 200;
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
    const conn = new Connection(this, socket, peer);
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

  /** Handles one binary frame from a connection. Malformed frames are refused, never thrown. */
  receive(conn: Connection, data: Uint8Array): void {
    // A connection that was removed (access revoked, sign-out) may still deliver frames until
    // its socket finishes closing; it no longer speaks for anyone.
    if (!this.connections.has(conn)) return;
    try {
      const decoder = decoding.createDecoder(data);
      switch (decoding.readVarUint(decoder)) {
        case MESSAGE.sync:
          this.receiveSync(conn, decoder);
          break;
        case MESSAGE.awareness:
          this.receiveAwareness(conn, decoding.readVarUint8Array(decoder));
          break;
        case MESSAGE.queryAwareness:
          conn.socket.send(encodeAwareness(this.awareness, [...this.awareness.getStates().keys()]));
          break;
        default:
          conn.refused++;
      }
    } catch {
      conn.refused++;
    }
  }

  private receiveSync(conn: Connection, decoder: decoding.Decoder): void {
    const kind = decoding.readVarUint(decoder);
    if (kind === SYNC.step1) {
      conn.socket.send(encodeSyncStep2(this.doc, decoding.readVarUint8Array(decoder)));
      return;
    }
    if (kind !== SYNC.step2 && kind !== SYNC.update) {
      conn.refused++;
      return;
    }
    const update = decoding.readVarUint8Array(decoder);
    if (conn.peer.access !== 'edit') {
      // A read-only client's sync reply always carries its delete set, so it is ignored
      // silently; an edit it makes (an update) is refused and it is told so.
      if (kind === SYNC.update && !isEmptyUpdate(update)) {
        conn.refused++;
        conn.socket.send(encodePermissionDenied(`read-only: your access to this document is "${conn.peer.access}"`));
      }
      return;
    }
    Y.applyUpdate(this.doc, update, conn);
  }

  private receiveAwareness(conn: Connection, update: Uint8Array): void {
    const { id, name, color } = conn.peer;
    const stamped = stampAwarenessUpdate(update, { id, name, color }, (id) => !conn.clientIds.has(id) && this.ownerOf(id) !== null);
    if (!stamped.update) return;
    for (const id of stamped.clientIds) conn.clientIds.add(id);
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
