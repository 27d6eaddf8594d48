import * as encoding from 'lib0/encoding';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { CLOSE_CODES } from '@sakutei/shared';
import { createMemoryDocStore } from '../../storage/memory/docStore';
import { MESSAGE, SYNC } from './protocol';
import { DEFAULT_RATE_LIMITS } from './rateLimit';
import { RoomRegistry } from './registry';
import { type Connection, DEFAULT_ROOM_LIMITS, type Peer, type RoomLimits, type RoomSocket } from './room';
import { DEFAULT_UPDATE_LIMITS, validateUpdate } from './updateGuard';

/** Small budgets, so a few hundred structs exercise them. */
const LIMITS: RoomLimits = {
  ...DEFAULT_ROOM_LIMITS,
  update: { ...DEFAULT_UPDATE_LIMITS, maxCost: 1_000 },
  rate: { ...DEFAULT_RATE_LIMITS, costPerSecond: 100, costBurst: 1_000, userCostPerSecond: 150, userCostBurst: 1_500 },
};

class Socket implements RoomSocket {
  readonly frames: Uint8Array[] = [];
  closed: { code: number; reason: string } | null = null;
  send(data: Uint8Array): void {
    this.frames.push(data);
  }
  close(code: number, reason: string): void {
    this.closed = { code, reason };
  }
  /** Sync requests (step 1) the room sent: the handshake's, and any asking to resync. */
  get syncRequests(): number {
    return this.frames.filter((f) => f[0] === MESSAGE.sync && f[1] === SYNC.step1).length;
  }
}

const peer = (id: string): Peer => ({ id, name: id, color: '#000', access: 'edit', ceiling: 'edit', workspaceId: 'w', sessionId: null });

function updateFrame(update: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MESSAGE.sync);
  encoding.writeVarUint(e, SYNC.update);
  encoding.writeVarUint8Array(e, update);
  return encoding.toUint8Array(e);
}

/** A new paragraph typed backwards, one struct per character: `characters` + 2 structs. */
function typedBackwards(characters: number, client: number): Uint8Array {
  const doc = new Y.Doc();
  doc.clientID = client;
  const text = new Y.XmlText();
  const p = new Y.XmlElement('paragraph');
  p.insert(0, [text]);
  doc.transact(() => {
    doc.getXmlFragment('body').insert(0, [p]);
    for (let i = 0; i < characters; i++) text.insert(0, 'あ');
  });
  return Y.encodeStateAsUpdate(doc);
}

let registry: RoomRegistry;
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
  registry = new RoomRegistry(createMemoryDocStore(), { idleMs: 60_000, awarenessBatchMs: 0, limits: LIMITS });
});
afterEach(() => {
  vi.useRealTimers();
});

async function join(docName: string, who: string): Promise<{ socket: Socket; conn: Connection }> {
  const socket = new Socket();
  return { socket, conn: await registry.join(docName, socket, peer(who)) };
}

describe('charging document updates by their cost', () => {
  it('applies what the budgets allow and charges it', async () => {
    const { conn } = await join('doc-a', 'u1');
    const update = typedBackwards(600, 101);
    conn.room.receive(conn, updateFrame(update));
    expect(Y.getState(conn.room.doc.store, 101)).toBe(602);
    expect(conn.refused + conn.dropped).toBe(0);
    // 602 structs and 2400 bytes of text (600 characters of 3 bytes and a length byte each).
    expect(validateUpdate(update).cost).toBe(602 + Math.floor(2400 / 64));
    expect(conn.budget.cost.available()).toBe(1_000 - 602 - 37);
  });

  it('refuses an update over the per-update cap as malformed, and does not ask for it again', async () => {
    const { socket, conn } = await join('doc-a', 'u1');
    const asked = socket.syncRequests;
    conn.room.receive(conn, updateFrame(typedBackwards(1_200, 102)));
    expect(Y.getState(conn.room.doc.store, 102)).toBe(0);
    expect(conn.refused).toBe(1);
    expect(conn.lostUpdates).toBe(1);
    vi.advanceTimersByTime(60_000);
    expect(socket.syncRequests).toBe(asked);
  });

  it('drops an update over what the connection has left, and asks for it again once the budget has refilled', async () => {
    const { socket, conn } = await join('doc-a', 'u1');
    conn.room.receive(conn, updateFrame(typedBackwards(700, 103)));
    const asked = socket.syncRequests;
    // 300 left; this one costs 702.
    conn.room.receive(conn, updateFrame(typedBackwards(700, 104)));
    expect(Y.getState(conn.room.doc.store, 104)).toBe(0);
    expect(conn.dropped).toBe(1);
    expect(conn.refused).toBe(0);
    expect(conn.lostUpdates).toBe(1);
    // What was read of it is paid for: an immediate retry finds nothing left.
    expect(conn.budget.cost.available()).toBeLessThan(1);
    expect(socket.syncRequests).toBe(asked);
    // Asked once the connection's bucket (deeper in debt than the person's) is full again.
    const refilled = conn.budget.cost.msUntilFull();
    expect(refilled).toBeGreaterThan(10_000);
    vi.advanceTimersByTime(refilled - 100);
    expect(socket.syncRequests).toBe(asked);
    vi.advanceTimersByTime(200);
    expect(socket.syncRequests).toBe(asked + 1);
    // Its sync reply, sent now, is taken.
    conn.room.receive(conn, updateFrame(typedBackwards(700, 104)));
    expect(Y.getState(conn.room.doc.store, 104)).toBe(702);
  });

  it('closes a connection that keeps sending more than it may spend with 4429', async () => {
    const { socket, conn } = await join('doc-a', 'u1');
    const costly = updateFrame(typedBackwards(850, 105));
    for (let i = 0; i < 200 && !socket.closed; i++) conn.room.receive(conn, costly);
    expect(socket.closed?.code).toBe(CLOSE_CODES.rateLimited);
    expect(conn.dropped).toBeGreaterThanOrEqual(DEFAULT_RATE_LIMITS.floodDrops);
  });

  it('shares one budget between all of a person’s sockets, in every room, and keeps it across reconnects', async () => {
    const first = await join('doc-a', 'u1');
    const second = await join('doc-b', 'u1');
    const other = await join('doc-b', 'u2');
    // Each socket has 1000 of its own, the person 1500 in all; each update costs 852 + 53.
    first.conn.room.receive(first.conn, updateFrame(typedBackwards(850, 106)));
    second.conn.room.receive(second.conn, updateFrame(typedBackwards(850, 107)));
    expect(Y.getState(first.conn.room.doc.store, 106)).toBe(852);
    expect(Y.getState(second.conn.room.doc.store, 107)).toBe(0);
    expect(second.conn.dropped).toBe(1);
    // Someone else is not charged for it.
    other.conn.room.receive(other.conn, updateFrame(typedBackwards(850, 108)));
    expect(Y.getState(other.conn.room.doc.store, 108)).toBe(852);
    // A fresh socket starts with what the person has left, not with a full budget.
    registry.leave(first.conn);
    registry.leave(second.conn);
    const again = await join('doc-a', 'u1');
    again.conn.room.receive(again.conn, updateFrame(typedBackwards(850, 109)));
    expect(Y.getState(again.conn.room.doc.store, 109)).toBe(0);
    expect(again.conn.dropped).toBe(1);
  });
});
