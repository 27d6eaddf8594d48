import { CLOSE_CODES, STORED_ACK_MESSAGE, decodeStoredQuery, encodeStoredReply, type DocAccess } from '@sakutei/shared';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { DocStore } from '../../storage';
import { type AwarenessLimits, DEFAULT_AWARENESS_LIMITS, decodeAwarenessUpdate } from './awarenessGuard';
import { type PresenceIdentity, stampAwarenessUpdate } from './awarenessIdentity';
import { BoundedReader, MalformedUpdate } from './boundedReader';
import type { DocChannel } from '../cluster/bus';
import { AwarenessBatch } from './awarenessBatch';
import { FreshSyncCache, isEmptyStateVector } from './freshSync';
import { type LoggedUpdate, UpdateLog } from './updateLog';
import { misplacedOrigin } from './originGuard';
import { documentShape, isPlanDocument, shapeViolation, storedShapeReport } from './shapeGuard';
import { suggestionViolation } from './suggestionGuard';
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
import { DEFAULT_RATE_LIMITS, FrameBudget, type FrameKind, type RateLimits, UserCostBudgets } from './rateLimit';
import { DEFAULT_UPDATE_LIMITS, OverBudget, type UpdateLimits, type UpdateShape, unmetDependency, validateStateVector, validateUpdate } from './updateGuard';

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
  /** Messages refused (updates without edit access or not a pure suggestion, malformed or inapplicable frames). */
  refused = 0;
  /** Messages dropped unread for exceeding the connection's rate. */
  dropped = 0;
  /** Frames carrying document changes that were refused or dropped: what a stored-ack reply reports. */
  lostUpdates = 0;
  /** A sync request to send once the budgets have refilled, after an update was dropped for its cost. */
  resync: NodeJS.Timeout | null = null;
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

/** Replaces a room's stored log by one snapshot: `compactFromMemory` below, or cluster/compactFromStore.ts. */
export type Compactor = (room: Room) => Promise<void>;

export type RoomOptions = {
  /** Stored updates after which the log is compacted. */
  compactEvery?: number;
  limits?: RoomLimits;
  /** How long presence changes are collected before they are relayed (ms); 0 relays each at once. */
  awarenessBatchMs?: number;
  compactor?: Compactor;
  /** What each person's updates may cost across rooms; shared by every room of a registry. */
  userBudgets?: UserCostBudgets;
};

/** An update applied as it arrived, from a connection or from another process. */
class Incoming {
  constructor(
    readonly sender: Connection | typeof FROM_PEER_PROCESS,
    /** The bytes as they came; null when only what changed here is to be relayed. */
    readonly update: Uint8Array | null,
  ) {}
}

/** Whether a transaction changed anything: new structs, or deletions. */
function changedDocument(tr: Y.Transaction): boolean {
  if (tr.deleteSet.clients.size > 0) return true;
  for (const [client, clock] of tr.afterState) if (tr.beforeState.get(client) !== clock) return true;
  return false;
}

/** What relaying a stored update needs: who sent it (not to echo it back) and its encoded frame. */
type Relay = { sender: unknown; frame: Uint8Array };

/** Origin of changes heard from another process: relayed to our clients, never stored or published again. */
export const FROM_PEER_PROCESS = Symbol('from another process');

/** Presence changes are relayed at most this late by default (ms). */
export const DEFAULT_AWARENESS_BATCH_MS = 50;

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
  readonly log: UpdateLog<Relay>;
  private readonly compactEvery: number;
  private readonly compactor: Compactor;
  private readonly limits: RoomLimits;
  private readonly freshSync = new FreshSyncCache(this.doc);
  private readonly awarenessBatch: AwarenessBatch;
  /** The other processes serving this document, when there are any. */
  private channel: DocChannel | null = null;
  /** The compaction under way, so two never overlap and unloading waits for it. */
  private compaction: Promise<void> | null = null;
  /** Presence ids speaking through other processes: no connection here may claim them. */
  private readonly peerClientIds = new Set<number>();
  private readonly userBudgets: UserCostBudgets;

  private constructor(
    readonly name: string,
    readonly store: DocStore,
    options: RoomOptions,
    lastStoredId: number,
  ) {
    this.log = new UpdateLog(name, store, lastStoredId, this.relayStored);
    this.compactEvery = options.compactEvery ?? 500;
    this.compactor = options.compactor ?? compactFromMemory;
    this.limits = options.limits ?? DEFAULT_ROOM_LIMITS;
    this.userBudgets = options.userBudgets ?? new UserCostBudgets(this.limits.rate.userCostPerSecond, this.limits.rate.userCostBurst);
    this.awarenessBatch = new AwarenessBatch(options.awarenessBatchMs ?? DEFAULT_AWARENESS_BATCH_MS, this.relayAwareness);
    // The server is no participant: it holds no presence of its own.
    this.awareness.setLocalState(null);
    this.doc.on('afterTransaction', this.onTransaction);
    this.awareness.on('update', this.onAwarenessUpdate);
  }

  /** Loads a document's stored state into a new room. */
  static async load(name: string, store: DocStore, options: RoomOptions = {}): Promise<Room> {
    const stored = await store.load(name);
    const room = new Room(name, store, options, stored.lastId);
    // Replayed history is not news: applied before the listeners could persist it again.
    room.doc.off('afterTransaction', room.onTransaction);
    Y.transact(room.doc, () => {
      for (const update of stored.updates) Y.applyUpdate(room.doc, update);
    });
    room.doc.on('afterTransaction', room.onTransaction);
    // Said once per load: such a document reads flattened and cannot be frozen (shapeGuard.ts).
    const broken = isPlanDocument(name) ? storedShapeReport(room.doc) : null;
    if (broken) console.warn(`collab ${name}: the stored document breaks its shape: ${broken}`);
    return room;
  }

  get size(): number {
    return this.connections.size;
  }

  /** Connects the room to the other processes serving its document. */
  attach(channel: DocChannel): void {
    this.channel = channel;
  }

  /** Applies an update another process stored and published. */
  receiveFromPeer(update: Uint8Array): void {
    Y.applyUpdate(this.doc, update, new Incoming(FROM_PEER_PROCESS, update));
  }

  /**
   * Takes in whatever of the stored document this room has not heard from the other
   * processes (a message lost while Redis was away, or one still on its way). Our clients
   * are sent only what was new to us, not the stored snapshot it came in.
   */
  catchUp(stored: Uint8Array[]): void {
    Y.transact(
      this.doc,
      () => {
        for (const update of stored) Y.applyUpdate(this.doc, update);
      },
      new Incoming(FROM_PEER_PROCESS, null),
    );
  }

  /** Applies presence another process's clients published. */
  receiveAwarenessFromPeer(update: Uint8Array): void {
    awarenessProtocol.applyAwarenessUpdate(this.awareness, update, FROM_PEER_PROCESS);
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
    if (conn.resync) clearTimeout(conn.resync);
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
    const carriesUpdate = data[0] === MESSAGE.sync && (data[1] === SYNC.step2 || data[1] === SYNC.update);
    if (!this.admit(conn, data)) {
      if (carriesUpdate) conn.lostUpdates++;
      return;
    }
    const refusedBefore = conn.refused;
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
        case STORED_ACK_MESSAGE:
          this.receiveStoredQuery(conn, reader.readBytes(reader.remaining));
          break;
        default:
          this.refuse(conn);
      }
    } catch (err) {
      // Anything but a MalformedUpdate got past the guards: worth a line in the log.
      if (!(err instanceof MalformedUpdate)) console.warn(`${this.name}: refused a frame that failed unexpectedly`, err);
      this.refuse(conn);
    }
    if (carriesUpdate && conn.refused > refusedBefore) conn.lostUpdates++;
  }

  /**
   * Sakutei's client asks whether what it sent is stored (shared/collab/storedAck.ts). Frames
   * are handled in order and an accepted update is in the log before the next frame is read,
   * so once the log has stored everything pushed until now, every update this connection sent
   * before the query is stored, unless it was lost, which the reply's count says.
   */
  private receiveStoredQuery(conn: Connection, body: Uint8Array): void {
    const id = decodeStoredQuery(body);
    if (id === null) return this.refuse(conn);
    const reply = () => {
      if (this.connections.has(conn)) conn.socket.send(encodeStoredReply(id, conn.lostUpdates));
    };
    if (!this.log.hasPending) reply();
    else void this.log.stored().then(reply);
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
      const reply = isEmptyStateVector(stateVector) ? this.freshSync.frame() : encodeSyncStep2(this.doc, stateVector);
      // The reply may hold updates still being stored: it waits for them, so nobody is
      // shown an edit a crash could still take back.
      if (!this.log.hasPending) conn.socket.send(reply);
      else void this.log.stored().then(() => this.connections.has(conn) && conn.socket.send(reply));
      return;
    }
    if (kind !== SYNC.step2 && kind !== SYNC.update) return this.refuse(conn);
    const update = reader.readVarBytes();
    const { access } = conn.peer;
    if (access !== 'edit' && access !== 'suggest') {
      // A read-only client's sync reply always carries its delete set, so it is ignored
      // silently; an edit it makes (an update) is refused and it is told so.
      if (kind === SYNC.update && !isEmptyUpdate(update)) {
        this.refuse(conn);
        conn.socket.send(encodePermissionDenied(`read-only: your access to this document is "${conn.peer.access}"`));
      }
      return;
    }
    const user = conn.peer.id;
    const allowance = Math.min(conn.budget.cost.available(), this.userBudgets.available(user));
    let shape: UpdateShape;
    try {
      shape = validateUpdate(update, this.limits.update, allowance);
    } catch (err) {
      if (err instanceof OverBudget) return this.dropForCost(conn, err.cost);
      throw err;
    }
    // Paid for before anything else is done with it: the checks below cost in proportion too.
    conn.budget.cost.charge(shape.cost);
    this.userBudgets.charge(user, shape.cost);
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
    // What the update would leave in the document must be what every reader can read (shapeGuard.ts).
    const docShape = documentShape(this.name);
    if (docShape && shapeViolation(this.doc, update, docShape) !== null) return this.refuse(conn);
    // A suggest-only connection may change the prose only by its own suggestions
    // (suggestionGuard.ts); anything else is refused as a read-only edit is. Its sync reply
    // is judged too, as it may bring suggestions made offline; one that only repeats
    // deletions the room has passes and changes nothing, so it stays silent.
    if (access === 'suggest') {
      const problem = suggestionViolation(this.doc, update, conn.peer.id);
      if (problem !== null) {
        this.refuse(conn);
        conn.socket.send(encodePermissionDenied(`suggest-only: ${problem}`));
        return;
      }
    }
    Y.applyUpdate(this.doc, update, new Incoming(conn, update));
  }

  /**
   * An update over what its sender may spend now is dropped like a frame over the rate
   * (rateLimit.ts), not refused like a malformed one: it is honest traffic that came too fast
   * (a day offline merging in several tabs at once), so it counts against the flood allowance,
   * and a sender that keeps at it is closed with 4429 like any flood. What was read of it is
   * charged, so retrying at once is cheap to refuse. Once the budgets have refilled, the
   * sender is asked for our state again, and its sync reply brings what was dropped.
   * (An update over the per-update cap instead fails the guard as malformed: no wait helps it.)
   */
  private dropForCost(conn: Connection, cost: number): void {
    conn.budget.cost.charge(cost);
    this.userBudgets.charge(conn.peer.id, cost);
    conn.dropped++;
    conn.lostUpdates++;
    if (conn.budget.drop() === 'flood') return this.expel(conn, CLOSE_CODES.rateLimited, 'updates cost more than allowed');
    if (conn.resync) return;
    const wait = Math.max(conn.budget.cost.msUntilFull(), this.userBudgets.msUntilFull(conn.peer.id));
    conn.resync = setTimeout(() => {
      conn.resync = null;
      if (this.connections.has(conn)) conn.socket.send(encodeSyncStep1(this.doc));
    }, wait);
    conn.resync.unref();
  }

  private receiveAwareness(conn: Connection, update: Uint8Array): void {
    const entries = decodeAwarenessUpdate(update, this.limits.awareness);
    const { id, name, color } = conn.peer;
    let unclaimed = MAX_CLIENT_IDS - conn.clientIds.size;
    const stamped = stampAwarenessUpdate(entries, { id, name, color }, (clientId) => {
      if (conn.clientIds.has(clientId)) return false;
      if (this.ownerOf(clientId) !== null || this.peerClientIds.has(clientId)) return true;
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

  /**
   * Every change to the document: our clients' and the server's own go to the log and are
   * relayed once stored; another process's were stored there and are relayed at once. What
   * a client sent is stored and relayed as it came (the guards have read all of it, and it
   * applied whole): asking Yjs to encode each transaction again would cost more than the
   * rest of the relay, as its text items grow long.
   */
  private readonly onTransaction = (tr: Y.Transaction): void => {
    if (!changedDocument(tr)) return;
    this.freshSync.invalidate();
    const incoming = tr.origin instanceof Incoming ? tr.origin : null;
    // The server's own changes (API routes) and catch-ups are rare: encode what they did.
    const update = incoming?.update ?? Y.encodeStateAsUpdate(this.doc, Y.encodeStateVector(tr.beforeState));
    const frame = encodeUpdate(update);
    if (incoming?.sender === FROM_PEER_PROCESS) {
      for (const c of this.connections) c.socket.send(frame);
      return;
    }
    this.log.push(update, { sender: incoming?.sender ?? tr.origin, frame });
  };

  private readonly relayStored = (batch: LoggedUpdate<Relay>[]): void => {
    for (const { update, about: { sender, frame } } of batch) {
      for (const c of this.connections) if (c !== sender) c.socket.send(frame);
      this.channel?.publishUpdate(update);
    }
    if (this.log.storedSinceCompaction >= this.compactEvery && !this.compaction) {
      // Off the relay path: a snapshot of a large document takes a while to encode.
      this.compaction = new Promise<void>((resolve) => setImmediate(resolve))
        .then(() => this.compactor(this))
        .catch((err) => console.error(`compacting ${this.name} failed`, err))
        .finally(() => (this.compaction = null));
    }
  };

  private readonly onAwarenessUpdate = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    const changed = [...added, ...updated, ...removed];
    if (origin === FROM_PEER_PROCESS) for (const id of [...added, ...updated]) this.peerClientIds.add(id);
    // Gone, however it went (its process said so, or it timed out): the id is free again.
    for (const id of removed) this.peerClientIds.delete(id);
    if (changed.length > 0) this.awarenessBatch.add(changed, origin !== FROM_PEER_PROCESS);
  };

  // Echoed to the sender too: the stock client drops a socket that is silent for 30 s,
  // and its 15 s presence renewal coming back is what keeps an idle editor connected.
  private readonly relayAwareness = (changed: number[], local: number[]): void => {
    if (this.connections.size > 0) {
      const message = encodeAwareness(this.awareness, changed);
      for (const c of this.connections) c.socket.send(message);
    }
    if (this.channel && local.length > 0) {
      this.channel.publishAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, local));
    }
  };

  /** Stores (and relays) every accepted update now; false when the store failed. */
  flush(): Promise<boolean> {
    return this.log.flush();
  }

  /** Replaces the stored log with one snapshot, after any compaction already under way. */
  async compact(): Promise<void> {
    while (this.compaction) await this.compaction;
    await this.compactor(this);
  }

  /**
   * Stores everything, compacts, and frees the document. Connections must already be gone.
   * Throws, keeping the document, when updates could not be stored: nothing accepted is dropped.
   */
  async unload(): Promise<void> {
    this.awarenessBatch.flush();
    if (!(await this.log.flush())) throw new Error(`${this.name}: updates not yet stored; keeping the room`);
    if (this.log.storedSinceCompaction > 0) await this.compact();
    this.awarenessBatch.stop();
    // Destroying the awareness announces the server's own (empty) state: nobody is to hear it.
    this.awareness.off('update', this.onAwarenessUpdate);
    this.awareness.destroy();
    this.doc.destroy();
  }
}

/**
 * Compaction from the room's own document: right when this process is the only writer, as
 * the document then holds every stored update (and perhaps some still being stored, which
 * land after the snapshot as harmless repeats).
 */
export async function compactFromMemory(room: Room): Promise<void> {
  if (!(await room.log.flush())) return; // the store is failing; keep the log as it is
  const upTo = room.log.lastStoredId;
  await room.store.compact(room.name, Y.encodeStateAsUpdate(room.doc), upTo);
  room.log.storedSinceCompaction = 0;
}
