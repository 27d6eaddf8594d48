import * as encoding from 'lib0/encoding';
import { afterEach, describe, expect, it } from 'vitest';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { STORED_ACK_MESSAGE, decodeStoredReply, encodeStoredQuery } from '@sakutei/shared';
import type { DocStore } from '../../storage';
import { createMemoryDocStore } from '../../storage/memory/docStore';
import { MESSAGE } from './protocol';
import { DEFAULT_ROOM_LIMITS, type Peer, Room, type RoomSocket } from './room';

/** A memory store whose appends wait until the test lets them through. */
class GatedStore {
  readonly inner = createMemoryDocStore();
  private gates: Array<() => void> = [];
  held = true;

  readonly store: DocStore = {
    load: (d) => this.inner.load(d),
    compact: (d, s, u) => this.inner.compact(d, s, u),
    countUpdates: (d) => this.inner.countUpdates(d),
    append: async (d, updates) => {
      if (this.held) await new Promise<void>((resolve) => this.gates.push(resolve));
      return this.inner.append(d, updates);
    },
  };

  release(): void {
    this.held = false;
    for (const open of this.gates.splice(0)) open();
  }
}

class RecordingSocket implements RoomSocket {
  frames: Uint8Array[] = [];
  closed: number | null = null;
  send(data: Uint8Array): void {
    this.frames.push(data);
  }
  close(code: number): void {
    this.closed = code;
  }
  /** The stored-ack replies received so far, in order. */
  replies(): Array<{ id: number; lost: number }> {
    return this.frames
      .filter((f) => f[0] === STORED_ACK_MESSAGE)
      .map((f) => decodeStoredReply(f.subarray(1)))
      .filter((r) => r !== null);
  }
}

const peer = (access: Peer['access'] = 'edit'): Peer => ({
  id: 'u1',
  name: 'u1',
  color: '#000000',
  access,
  workspaceId: 'w',
  sessionId: null,
  ceiling: 'edit',
});

function updateFrame(update: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MESSAGE.sync);
  syncProtocol.writeUpdate(e, update);
  return encoding.toUint8Array(e);
}

/** Successive edits of one client, each following the previous one. */
function edits(count: number): Uint8Array[] {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  for (let i = 0; i < count; i++) doc.getText('t').insert(doc.getText('t').length, `e${i}`);
  return updates;
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

const rooms: Room[] = [];
afterEach(async () => {
  for (const r of rooms.splice(0)) await r.unload();
});

async function openRoom(store: DocStore, options = {}) {
  const room = await Room.load('doc', store, { awarenessBatchMs: 0, ...options });
  rooms.push(room);
  return room;
}

describe('stored acknowledgements', () => {
  it('answers a query only once the updates sent before it are stored', async () => {
    const gated = new GatedStore();
    const room = await openRoom(gated.store);
    const socket = new RecordingSocket();
    const conn = room.join(socket, peer());
    for (const update of edits(2)) room.receive(conn, updateFrame(update));
    room.receive(conn, encodeStoredQuery(7));
    await tick();
    expect(socket.replies()).toEqual([]);

    gated.release();
    await room.flush();
    await tick();
    expect(socket.replies()).toEqual([{ id: 7, lost: 0 }]);
    const stored = await gated.inner.load('doc');
    const check = new Y.Doc();
    for (const u of stored.updates) Y.applyUpdate(check, u);
    expect(check.getText('t').toString()).toBe('e0e1');
  });

  it('answers at once when nothing is waiting to be stored', async () => {
    const room = await openRoom(createMemoryDocStore());
    const socket = new RecordingSocket();
    const conn = room.join(socket, peer());
    room.receive(conn, encodeStoredQuery(1));
    expect(socket.replies()).toEqual([{ id: 1, lost: 0 }]);
  });

  it('counts an update it could not apply, so the client does not call it saved', async () => {
    const room = await openRoom(createMemoryDocStore());
    const socket = new RecordingSocket();
    const conn = room.join(socket, peer());
    const [first, second] = edits(2);
    // The second edit without the first: its dependency is unmet, so it is refused.
    room.receive(conn, updateFrame(second!));
    room.receive(conn, encodeStoredQuery(1));
    await room.flush();
    expect(socket.replies()).toEqual([{ id: 1, lost: 1 }]);

    // The client repairs (its sync reply carries both), and the next answer shows no new loss.
    room.receive(conn, updateFrame(Y.mergeUpdates([first!, second!])));
    room.receive(conn, encodeStoredQuery(2));
    await room.flush();
    await tick();
    expect(socket.replies().at(-1)).toEqual({ id: 2, lost: 1 });
  });

  it('counts an update dropped over the rate limit', async () => {
    const limits = { ...DEFAULT_ROOM_LIMITS, rate: { ...DEFAULT_ROOM_LIMITS.rate, updatesPerSecond: 0.001, updateBurst: 1 } };
    const room = await openRoom(createMemoryDocStore(), { limits });
    const socket = new RecordingSocket();
    const conn = room.join(socket, peer());
    const [first, second] = edits(2);
    room.receive(conn, updateFrame(first!));
    room.receive(conn, updateFrame(second!)); // over the budget: dropped unread
    expect(conn.lostUpdates).toBe(1);
  });

  it('does not count refused presence or junk as lost edits', async () => {
    const room = await openRoom(createMemoryDocStore());
    const socket = new RecordingSocket();
    const conn = room.join(socket, peer());
    room.receive(conn, Uint8Array.from([MESSAGE.awareness, 5, 1, 2]));
    room.receive(conn, Uint8Array.from([42]));
    room.receive(conn, encodeStoredQuery(3));
    expect(conn.refused).toBe(2);
    expect(socket.replies()).toEqual([{ id: 3, lost: 0 }]);
  });

  it('refuses a malformed query and sends nothing to clients that never ask', async () => {
    const room = await openRoom(createMemoryDocStore());
    const asker = new RecordingSocket();
    const stock = new RecordingSocket();
    const askerConn = room.join(asker, peer());
    const stockConn = room.join(stock, peer());
    room.receive(askerConn, Uint8Array.from([STORED_ACK_MESSAGE, 1, 5, 0])); // a reply is not a query
    room.receive(askerConn, Uint8Array.from([STORED_ACK_MESSAGE, 0, 0x80])); // truncated id
    expect(askerConn.refused).toBe(2);
    room.receive(stockConn, updateFrame(edits(1)[0]!));
    await room.flush();
    expect(stock.replies()).toEqual([]);
    expect(asker.replies()).toEqual([]);
  });
});
