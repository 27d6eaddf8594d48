import type { DocStore } from '../../storage';
import type { DocBus, DocChannel } from '../cluster/bus';
import { UserCostBudgets } from './rateLimit';
import { type Connection, DEFAULT_ROOM_LIMITS, type Peer, Room, type RoomOptions, type RoomSocket } from './room';

export type RegistryOptions = RoomOptions & {
  idleMs: number;
  /** The other processes serving the same documents, when this is one of several. */
  bus?: DocBus;
};

/**
 * The rooms this process holds: loads a document when its first connection arrives and
 * unloads it (stored and compacted) once it has been empty for `idleMs`.
 */
export class RoomRegistry {
  private readonly rooms = new Map<string, Promise<Room>>();
  private readonly loadedRooms = new Map<string, Room>();
  private readonly unloading = new Map<string, Promise<void>>();
  private readonly idleTimers = new Map<string, NodeJS.Timeout>();
  private readonly channels = new Map<string, DocChannel>();
  private closing = false;

  private readonly options: RegistryOptions;

  constructor(
    private readonly store: DocStore,
    options: RegistryOptions,
  ) {
    // One budget per person for all rooms: editing in several documents buys no more.
    const rate = (options.limits ?? DEFAULT_ROOM_LIMITS).rate;
    this.options = { ...options, userBudgets: options.userBudgets ?? new UserCostBudgets(rate.userCostPerSecond, rate.userCostBurst) };
  }

  /** Connects a socket to a document, loading it if needed. */
  async join(docName: string, socket: RoomSocket, peer: Peer): Promise<Connection> {
    if (this.closing) throw new RegistryClosedError();
    const room = await this.open(docName);
    if (this.closing) throw new RegistryClosedError();
    this.cancelIdle(docName);
    return room.join(socket, peer);
  }

  /**
   * Runs `change` on a document as the server (loading the room if needed): a change made
   * here is broadcast like any client's, and stored before this resolves, so an API route
   * never acknowledges an edit that a crash could still lose.
   */
  async use<T>(docName: string, change: (room: Room) => T): Promise<T> {
    if (this.closing) throw new RegistryClosedError();
    const room = await this.open(docName);
    if (this.closing) throw new RegistryClosedError();
    this.cancelIdle(docName);
    try {
      // Another process may have stored edits this room has not heard yet: a revision frozen
      // or restored here must not miss them.
      if (this.options.bus) await this.catchUpRoom(room);
      const result = change(room);
      if (!(await room.flush())) throw new Error(`${docName}: the change could not be stored`);
      return result;
    } finally {
      if (room.size === 0) this.scheduleIdle(docName);
    }
  }

  leave(conn: Connection): void {
    conn.room.leave(conn);
    if (conn.room.size === 0) this.scheduleIdle(conn.room.name);
  }

  /** Every open connection, for re-checking access. */
  *connections(): Iterable<Connection> {
    for (const room of this.loaded()) yield* room.peers;
  }

  /** The rooms that have finished loading. */
  loaded(): Iterable<Room> {
    return this.loadedRooms.values();
  }

  get size(): number {
    return this.rooms.size;
  }

  /** Refuses new joins, closes every connection with `code`, stores every room and unloads it. */
  async closeAll(code: number, reason: string): Promise<void> {
    this.closing = true;
    const settled = await Promise.allSettled(this.rooms.values());
    const rooms = settled.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
    for (const room of rooms) {
      for (const conn of [...room.peers]) {
        room.leave(conn);
        conn.socket.close(code, reason);
      }
    }
    for (const timer of this.idleTimers.values()) clearTimeout(timer);
    this.idleTimers.clear();
    await Promise.all(rooms.map((room) => this.unload(room.name)));
    await Promise.all(this.unloading.values());
  }

  private open(docName: string): Promise<Room> {
    let room = this.rooms.get(docName);
    if (!room) {
      // A room still unloading must finish storing before the document is read again.
      const previous = this.unloading.get(docName) ?? Promise.resolve();
      // An unload that failed puts its room back in service: use that one, never a second.
      room = previous.then(() => this.loadedRooms.get(docName) ?? this.load(docName));
      room.then(
        (r) => this.loadedRooms.set(docName, r),
        () => this.rooms.delete(docName),
      );
      this.rooms.set(docName, room);
    }
    return room;
  }

  /**
   * Loads a room, hearing the other processes first: what they publish while the document
   * loads is held and applied after it (applying an update twice is harmless in Yjs).
   */
  private async load(docName: string): Promise<Room> {
    const bus = this.options.bus;
    if (!bus) return Room.load(docName, this.store, this.options);
    let room: Room | null = null;
    const heldUpdates: Uint8Array[] = [];
    const heldPresence: Uint8Array[] = [];
    const channel = await bus.join(docName, {
      update: (u) => (room ? room.receiveFromPeer(u) : heldUpdates.push(u)),
      awareness: (u) => (room ? room.receiveAwarenessFromPeer(u) : heldPresence.push(u)),
    });
    try {
      const loaded = await Room.load(docName, this.store, this.options);
      loaded.catchUp(heldUpdates);
      for (const u of heldPresence) loaded.receiveAwarenessFromPeer(u);
      loaded.attach(channel);
      this.channels.set(docName, channel);
      room = loaded;
      return loaded;
    } catch (err) {
      await channel.leave();
      throw err;
    }
  }

  /**
   * Re-reads every loaded document from the store: after the bus was cut off for a while,
   * what the other processes published meanwhile is in the store, not in our rooms.
   */
  async catchUp(): Promise<void> {
    for (const room of [...this.loaded()]) {
      await this.catchUpRoom(room).catch((err) => console.error(`catching up ${room.name} failed`, err));
    }
  }

  private async catchUpRoom(room: Room): Promise<void> {
    room.catchUp((await this.store.load(room.name)).updates);
  }

  private scheduleIdle(docName: string): void {
    this.cancelIdle(docName);
    const timer = setTimeout(() => {
      this.idleTimers.delete(docName);
      const room = this.loadedRooms.get(docName);
      if (room && room.size === 0) void this.unload(docName);
    }, this.options.idleMs);
    timer.unref();
    this.idleTimers.set(docName, timer);
  }

  private cancelIdle(docName: string): void {
    const timer = this.idleTimers.get(docName);
    if (timer) clearTimeout(timer);
    this.idleTimers.delete(docName);
  }

  private async leaveChannel(docName: string): Promise<void> {
    const channel = this.channels.get(docName);
    this.channels.delete(docName);
    await channel?.leave();
  }

  private unload(docName: string): Promise<void> {
    const room = this.loadedRooms.get(docName);
    if (!room) return Promise.resolve();
    this.rooms.delete(docName);
    this.loadedRooms.delete(docName);
    // Deaf first: what other processes publish from now on is theirs to store, not ours to apply.
    const done = this.leaveChannel(docName)
      .catch((err) => console.error(`leaving ${docName}'s channel failed`, err))
      .then(() => room.unload())
      .catch(async (err) => {
        // Keep the room (and its unsaved updates, which its log keeps retrying) in service.
        console.error(`unloading ${docName} failed`, err);
        if (this.closing) return;
        await this.reattach(room);
        this.loadedRooms.set(docName, room);
        if (!this.rooms.has(docName)) this.rooms.set(docName, Promise.resolve(room));
        if (room.size === 0) this.scheduleIdle(docName);
      });
    this.unloading.set(docName, done);
    void done.then(() => {
      if (this.unloading.get(docName) === done) this.unloading.delete(docName);
    });
    return done;
  }

  /** Connects a room kept in service back to the other processes, and takes in what it missed. */
  private async reattach(room: Room): Promise<void> {
    const bus = this.options.bus;
    if (!bus) return;
    try {
      const channel = await bus.join(room.name, {
        update: (u) => room.receiveFromPeer(u),
        awareness: (u) => room.receiveAwarenessFromPeer(u),
      });
      room.attach(channel);
      this.channels.set(room.name, channel);
      await this.catchUpRoom(room);
    } catch (err) {
      console.error(`reconnecting ${room.name} to the other processes failed`, err);
    }
  }
}

/** The registry is shutting down and takes no new connections. */
export class RegistryClosedError extends Error {
  constructor() {
    super('server shutting down');
  }
}
