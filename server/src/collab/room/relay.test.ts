import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import type { DocStore } from '../../storage';
import { createMemoryDocStore } from '../../storage/memory/docStore';
import type { DocChannel } from '../cluster/bus';
import { FreshSyncCache } from './freshSync';
import { MESSAGE } from './protocol';
import { type Peer, Room, type RoomSocket } from './room';

/** A memory store whose appends wait until the test lets them through, or fail while it says so. */
class GatedStore {
  readonly inner = createMemoryDocStore();
  readonly appends: number[] = [];
  failing = false;
  private gates: Array<() => void> = [];
  held = true;

  readonly store: DocStore = {
    load: (d) => this.inner.load(d),
    compact: (d, s, u) => this.inner.compact(d, s, u),
    countUpdates: (d) => this.inner.countUpdates(d),
    append: async (d, updates) => {
      if (this.held) await new Promise<void>((resolve) => this.gates.push(resolve));
      if (this.failing) throw new Error('disk full');
      this.appends.push(updates.length);
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
  send(data: Uint8Array): void {
    this.frames.push(data);
  }
  close(): void {}
}

const peer = (id: string): Peer => ({ id, name: id, color: '#000000', access: 'edit', workspaceId: 'w', sessionId: null, ceiling: 'edit' });

function frame(kind: number, write: (e: encoding.Encoder) => void): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, kind);
  write(e);
  return encoding.toUint8Array(e);
}

/** Successive edits of one client, each an update that follows the previous one. */
function edits(texts: string[]): Uint8Array[] {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  for (const t of texts) doc.getText('t').insert(doc.getText('t').length, t);
  return updates;
}

const updateFrame = (u: Uint8Array) => frame(MESSAGE.sync, (e) => syncProtocol.writeUpdate(e, u));
const syncRequest = (doc = new Y.Doc()) => frame(MESSAGE.sync, (e) => syncProtocol.writeSyncStep1(e, doc));

const rooms: Room[] = [];
afterEach(async () => {
  for (const r of rooms.splice(0)) await r.unload();
});

async function roomWith(store: DocStore, options = {}) {
  const room = await Room.load('doc', store, { awarenessBatchMs: 0, ...options });
  rooms.push(room);
  const writer = room.join(new RecordingSocket(), peer('writer'));
  const watcherSocket = new RecordingSocket();
  room.join(watcherSocket, peer('watcher'));
  watcherSocket.frames = [];
  return { room, writer, watcherSocket };
}

describe('relaying stored updates', () => {
  it('shows an edit to nobody before it is stored', async () => {
    const gated = new GatedStore();
    const { room, writer, watcherSocket } = await roomWith(gated.store);
    room.receive(writer, updateFrame(edits(['審議会'])[0]!));
    expect(room.doc.getText('t').toString()).toBe('審議会');
    await Promise.resolve();
    expect(watcherSocket.frames).toEqual([]);
    gated.release();
    await room.flush();
    expect(watcherSocket.frames).toHaveLength(1);
  });

  it('stores the edits that arrive during a write together, in order, in the next write', async () => {
    const gated = new GatedStore();
    const { room, writer } = await roomWith(gated.store);
    const [first, ...rest] = edits(['一', '二', '三', '四']);
    room.receive(writer, updateFrame(first!));
    await Promise.resolve();
    for (const u of rest) room.receive(writer, updateFrame(u));
    gated.release();
    await room.flush();
    expect(gated.appends).toEqual([1, 3]);
    const replay = new Y.Doc();
    for (const u of (await gated.inner.load('doc')).updates) Y.applyUpdate(replay, u);
    expect(replay.getText('t').toString()).toBe('一二三四');
  });

  it('keeps and retries what a failing store refused, relaying it only once stored', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout'] });
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const gated = new GatedStore();
      gated.release();
      gated.failing = true;
      const { room, writer, watcherSocket } = await roomWith(gated.store);
      room.receive(writer, updateFrame(edits(['差戻し'])[0]!));
      await room.flush();
      expect(room.log.hasPending).toBe(true);
      expect(watcherSocket.frames).toEqual([]);
      gated.failing = false;
      await vi.advanceTimersByTimeAsync(1_000);
      await room.flush();
      expect(room.log.hasPending).toBe(false);
      expect(watcherSocket.frames).toHaveLength(1);
      expect(error).toHaveBeenCalledWith('document write failed', expect.any(Error));
    } finally {
      error.mockRestore();
      vi.useRealTimers();
    }
  });

  it('answers a sync request only with what is stored', async () => {
    const gated = new GatedStore();
    const { room, writer } = await roomWith(gated.store);
    room.receive(writer, updateFrame(edits(['素案'])[0]!));
    const joiner = new RecordingSocket();
    const conn = room.join(joiner, peer('joiner'));
    joiner.frames = [];
    room.receive(conn, syncRequest());
    await Promise.resolve();
    expect(joiner.frames).toEqual([]);
    gated.release();
    await room.flush();
    const doc = new Y.Doc();
    for (const f of joiner.frames) {
      const d = decoding.createDecoder(f);
      decoding.readVarUint(d);
      syncProtocol.readSyncMessage(d, encoding.createEncoder(), doc, null);
    }
    expect(doc.getText('t').toString()).toBe('素案');
  });

  it('relays what another process stored at once, and neither stores nor publishes it again', async () => {
    const store = createMemoryDocStore();
    const { room, watcherSocket } = await roomWith(store);
    const published: Uint8Array[] = [];
    const channel: DocChannel = { publishUpdate: (u) => published.push(u), publishAwareness: () => {}, leave: async () => {} };
    room.attach(channel);
    room.receiveFromPeer(edits(['他プロセス'])[0]!);
    expect(watcherSocket.frames).toHaveLength(1);
    await room.flush();
    expect(published).toEqual([]);
    expect(await store.countUpdates('doc')).toBe(0);
    expect(room.doc.getText('t').toString()).toBe('他プロセス');
  });

  it('relays only what a catch-up from the store brought that was new', async () => {
    const store = createMemoryDocStore();
    const { room, writer, watcherSocket } = await roomWith(store);
    const [heard, missed] = edits(['聞こえた編集', '届かなかった編集']);
    room.receive(writer, updateFrame(heard!));
    await room.flush();
    await store.append('doc', [missed!]); // stored by another process; its message was lost
    watcherSocket.frames = [];
    room.catchUp((await store.load('doc')).updates);
    expect(room.doc.getText('t').toString()).toBe('聞こえた編集届かなかった編集');
    expect(watcherSocket.frames).toHaveLength(1);
    expect(watcherSocket.frames[0]!.length).toBeLessThan(updateFrame(heard!).length + updateFrame(missed!).length);
    room.catchUp((await store.load('doc')).updates);
    expect(watcherSocket.frames).toHaveLength(1);
    await room.flush();
    expect(await store.countUpdates('doc')).toBe(2); // heard from the store: not stored again
  });

  it('publishes its own clients’ edits once stored', async () => {
    const store = createMemoryDocStore();
    const { room, writer } = await roomWith(store);
    const published: Uint8Array[] = [];
    room.attach({ publishUpdate: (u) => published.push(u), publishAwareness: () => {}, leave: async () => {} });
    room.receive(writer, updateFrame(edits(['公開'])[0]!));
    await room.flush();
    expect(published).toHaveLength(1);
    expect(await store.countUpdates('doc')).toBe(1);
  });
});

describe('presence from other processes', () => {
  it('lets no connection here speak for a presence id another process relays', async () => {
    const { room, writer } = await roomWith(createMemoryDocStore());
    const remote = new awarenessProtocol.Awareness(new Y.Doc());
    remote.setLocalState({ user: { id: 'b', name: '委員B' }, cursor: 1 });
    room.receiveAwarenessFromPeer(awarenessProtocol.encodeAwarenessUpdate(remote, [remote.clientID]));
    const forged = frame(MESSAGE.awareness, (e) => {
      const inner = encoding.createEncoder();
      encoding.writeVarUint(inner, 1);
      encoding.writeVarUint(inner, remote.clientID);
      encoding.writeVarUint(inner, 999);
      encoding.writeVarString(inner, 'null');
      encoding.writeVarUint8Array(e, encoding.toUint8Array(inner));
    });
    room.receive(writer, forged);
    expect(room.awareness.getStates().get(remote.clientID)).toMatchObject({ cursor: 1 });
    expect(writer.clientIds.has(remote.clientID)).toBe(false);
  });
});

describe('presence batching', () => {
  it('relays the changes of a batch window as one message to each connection', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout'] });
    try {
      const { room, writer, watcherSocket } = await roomWith(createMemoryDocStore(), { awarenessBatchMs: 50 });
      const presence = (clock: number) =>
        frame(MESSAGE.awareness, (e) => {
          const inner = encoding.createEncoder();
          encoding.writeVarUint(inner, 1);
          encoding.writeVarUint(inner, 77);
          encoding.writeVarUint(inner, clock);
          encoding.writeVarString(inner, JSON.stringify({ cursor: clock }));
          encoding.writeVarUint8Array(e, encoding.toUint8Array(inner));
        });
      for (let clock = 1; clock <= 5; clock++) room.receive(writer, presence(clock));
      expect(watcherSocket.frames).toEqual([]);
      vi.advanceTimersByTime(50);
      expect(watcherSocket.frames).toHaveLength(1);
      expect(room.awareness.getStates().get(77)).toMatchObject({ cursor: 5 });
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('FreshSyncCache', () => {
  it('encodes once per version of the document for every fresh joiner', () => {
    const doc = new Y.Doc();
    doc.getText('t').insert(0, '第2期');
    const cache = new FreshSyncCache(doc);
    const first = cache.frame();
    expect(cache.frame()).toBe(first);
    doc.getText('t').insert(3, '振興プログラム');
    cache.invalidate();
    const second = cache.frame();
    expect(second).not.toBe(first);
    const loaded = new Y.Doc();
    const d = decoding.createDecoder(second);
    decoding.readVarUint(d);
    syncProtocol.readSyncMessage(d, encoding.createEncoder(), loaded, null);
    expect(loaded.getText('t').toString()).toBe('第2期振興プログラム');
  });
});
