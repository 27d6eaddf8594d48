import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { CLOSE_CODES } from '@sakutei/shared';
import { createMemoryDocStore } from '../../storage/memory/docStore';
import { MESSAGE } from './protocol';
import { type Connection, DEFAULT_ROOM_LIMITS, type Peer, Room, type RoomLimits, type RoomOptions, type RoomSocket } from './room';

/** A client in memory: a Y.Doc and awareness wired to a room through a fake socket. */
class FakeClient implements RoomSocket {
  readonly doc = new Y.Doc();
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  readonly denied: string[] = [];
  closed: { code: number; reason: string } | null = null;
  conn: Connection;
  // The room greets a socket while join() is still running; hold those frames until we know our connection.
  private early: Uint8Array[] | null = [];

  constructor(
    readonly room: Room,
    peer: Peer,
  ) {
    this.conn = room.join(this, peer);
    const early = this.early ?? [];
    this.early = null;
    for (const data of early) this.send(data);
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === this) return;
      this.sendToRoom((e) => syncProtocol.writeUpdate(e, update));
    });
    this.awareness.on('update', ({ added, updated, removed }: Record<string, number[]>, origin: unknown) => {
      if (origin === this) return;
      const changed = [...added!, ...updated!, ...removed!];
      this.sendToRoom(
        (e) => encoding.writeVarUint8Array(e, awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed)),
        MESSAGE.awareness,
      );
    });
    this.sendToRoom((e) => syncProtocol.writeSyncStep1(e, this.doc));
  }

  private sendToRoom(write: (e: encoding.Encoder) => void, kind: number = MESSAGE.sync) {
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, kind);
    write(e);
    this.room.receive(this.conn, encoding.toUint8Array(e));
  }

  send(data: Uint8Array): void {
    if (this.early) {
      this.early.push(data);
      return;
    }
    const decoder = decoding.createDecoder(data);
    const kind = decoding.readVarUint(decoder);
    if (kind === MESSAGE.sync) {
      const reply = encoding.createEncoder();
      encoding.writeVarUint(reply, MESSAGE.sync);
      syncProtocol.readSyncMessage(decoder, reply, this.doc, this);
      if (encoding.length(reply) > 1) this.room.receive(this.conn, encoding.toUint8Array(reply));
    } else if (kind === MESSAGE.awareness) {
      awarenessProtocol.applyAwarenessUpdate(this.awareness, decoding.readVarUint8Array(decoder), this);
    } else if (kind === MESSAGE.auth) {
      decoding.readVarUint(decoder);
      this.denied.push(decoding.readVarString(decoder));
    }
  }

  close(code: number, reason: string): void {
    this.closed = { code, reason };
  }

  text(): string {
    return this.doc.getText('t').toString();
  }
}

const peer = (id: string, access: Peer['access'] = 'edit'): Peer => ({
  id,
  name: `name-${id}`,
  color: '#000000',
  access,
  workspaceId: 'w',
  sessionId: null,
  ceiling: 'edit',
});

const rooms: Room[] = [];
afterEach(async () => {
  for (const r of rooms.splice(0)) await r.unload();
});

// Presence is relayed at once here; batching has a test of its own.
async function newRoom(store = createMemoryDocStore(), options: RoomOptions = {}) {
  const room = await Room.load('doc', store, { awarenessBatchMs: 0, ...options });
  rooms.push(room);
  return { room, store };
}

/** A raw frame: a message kind, then the fields `write` adds. */
function frame(kind: number, write: (e: encoding.Encoder) => void): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, kind);
  write(e);
  return encoding.toUint8Array(e);
}

const updateFrame = (update: Uint8Array) => frame(MESSAGE.sync, (e) => syncProtocol.writeUpdate(e, update));

/** The room's document survives: it encodes, and the encoding loads into a fresh doc with the same text. */
function expectWhole(room: Room): void {
  expect(room.doc.store.pendingStructs).toBeNull();
  expect(room.doc.store.pendingDs).toBeNull();
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(room.doc));
  expect(copy.getText('t').toString()).toBe(room.doc.getText('t').toString());
}

const limits = (overrides: Partial<RoomLimits>): RoomLimits => ({ ...DEFAULT_ROOM_LIMITS, ...overrides });

describe('Room', () => {
  it('syncs edits between editors, in both directions', async () => {
    const { room } = await newRoom();
    const a = new FakeClient(room, peer('a'));
    const b = new FakeClient(room, peer('b'));
    a.doc.getText('t').insert(0, '福島市');
    await room.flush();
    b.doc.getText('t').insert(3, '中小企業');
    await room.flush();
    expect(a.text()).toBe('福島市中小企業');
    expect(b.text()).toBe(a.text());
    expect(room.doc.getText('t').toString()).toBe(a.text());
  });

  it('sends the current document to a late joiner', async () => {
    const { room } = await newRoom();
    new FakeClient(room, peer('a')).doc.getText('t').insert(0, '令和7年度');
    await room.flush();
    expect(new FakeClient(room, peer('late')).text()).toBe('令和7年度');
  });

  it('refuses updates from read-only and comment-only connections and says why', async () => {
    const { room } = await newRoom();
    const editor = new FakeClient(room, peer('editor'));
    for (const access of ['read', 'comment'] as const) {
      const other = new FakeClient(room, peer(access, access));
      other.doc.getText('t').insert(0, 'x');
      expect(other.denied.at(-1)).toContain('read-only');
      expect(other.conn.refused).toBe(1);
    }
    expect(room.doc.getText('t').toString()).toBe('');
    expect(editor.text()).toBe('');
  });

  it('lets a read-only connection receive edits and complete its handshake without refusals', async () => {
    const { room } = await newRoom();
    const reader = new FakeClient(room, peer('r', 'read'));
    new FakeClient(room, peer('e')).doc.getText('t').insert(0, '骨子案');
    await room.flush();
    expect(reader.text()).toBe('骨子案');
    expect(reader.conn.refused).toBe(0);
  });

  it('stamps the authenticated identity on presence and echoes it to the sender', async () => {
    const { room } = await newRoom();
    const a = new FakeClient(room, peer('a'));
    const echoes: number[] = [];
    const send = a.send.bind(a);
    a.send = (data) => (data[0] === MESSAGE.awareness && echoes.push(data.length), send(data));
    const b = new FakeClient(room, peer('b'));
    a.awareness.setLocalState({ user: { id: 'mallory', name: '座長', color: 'red' }, cursor: null });
    const seenByB = b.awareness.getStates().get(a.doc.clientID) as { user: { name: string } };
    expect(seenByB.user).toEqual({ id: 'a', name: 'name-a', color: '#000000' });
    expect(room.awareness.getStates().get(a.doc.clientID)).toEqual({ user: seenByB.user, cursor: null });
    expect(echoes.length).toBeGreaterThan(0);
  });

  it('removes presence when a connection leaves and refuses to let others overwrite it', async () => {
    const { room } = await newRoom();
    const a = new FakeClient(room, peer('a'));
    a.awareness.setLocalState({ cursor: 1 });
    const intruder = new FakeClient(room, peer('x'));
    const forged = new awarenessProtocol.Awareness(new Y.Doc());
    forged.clientID = a.doc.clientID;
    forged.setLocalState({ cursor: 99 });
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, MESSAGE.awareness);
    encoding.writeVarUint8Array(e, awarenessProtocol.encodeAwarenessUpdate(forged, [a.doc.clientID]));
    room.receive(intruder.conn, encoding.toUint8Array(e));
    expect((room.awareness.getStates().get(a.doc.clientID) as { cursor: number }).cursor).toBe(1);
    room.leave(a.conn);
    expect(room.awareness.getStates().has(a.doc.clientID)).toBe(false);
  });

  it('ignores frames from a connection after it was removed (access revoked, socket still closing)', async () => {
    const { room } = await newRoom();
    const a = new FakeClient(room, peer('a'));
    const b = new FakeClient(room, peer('b'));
    room.leave(a.conn);
    a.doc.getText('t').insert(0, '削除後の編集');
    expect(room.doc.getText('t').toString()).toBe('');
    expect(b.text()).toBe('');
  });

  it('ignores a read-only client’s sync reply even when it carries deletions', async () => {
    const { room } = await newRoom();
    const editor = new FakeClient(room, peer('e'));
    editor.doc.getText('t').insert(0, 'abc');
    editor.doc.getText('t').delete(0, 1);
    await room.flush();
    const reader = new FakeClient(room, peer('r', 'read'));
    expect(reader.text()).toBe('bc');
    // What a reconnecting reader sends: a sync reply with the state it already has, deletions included.
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, MESSAGE.sync);
    syncProtocol.writeSyncStep2(e, reader.doc, new Uint8Array([0]));
    room.receive(reader.conn, encoding.toUint8Array(e));
    expect(reader.denied).toEqual([]);
    expect(reader.conn.refused).toBe(0);
  });

  describe('a suggest-only connection (staff, or anyone while a review locks the draft)', () => {
    /** A plan's live draft with one paragraph, an editor, and a suggest-only connection that has synced. */
    async function planRoom() {
      const room = await Room.load('plan-p1', createMemoryDocStore(), { awarenessBatchMs: 0 });
      rooms.push(room);
      const editor = new FakeClient(room, peer('editor'));
      const paragraph = new Y.XmlElement('paragraph');
      editor.doc.getXmlFragment('body').insert(0, [paragraph]);
      paragraph.insert(0, [new Y.XmlText('地域の振興')]);
      await room.flush();
      const staff = new FakeClient(room, peer('staff', 'suggest'));
      const run = (client: FakeClient) => (client.doc.getXmlFragment('body').get(0) as Y.XmlElement).get(0) as Y.XmlText;
      return { room, editor, staff, run };
    }
    const own = { suggestionInsert: { id: 'staff:s1', author: 'staff', at: 1_700_000_000_000 } };
    const textOf = (text: Y.XmlText) => text.toDelta().map((d: { insert: string }) => d.insert).join('');

    it('applies its own suggestion, which reaches the editor', async () => {
      const { room, editor, staff, run } = await planRoom();
      run(staff).insert(3, '産業', own);
      await room.flush();
      expect(staff.denied).toEqual([]);
      expect(staff.conn.refused).toBe(0);
      expect(run(editor).toDelta()).toEqual([{ insert: '地域の' }, { insert: '産業', attributes: own }, { insert: '振興' }]);
    });

    it("refuses a plain edit, a plain deletion, a suggestion in someone else's name and a change to the measure table, and says why", async () => {
      const { room, editor, run } = await planRoom();
      const attempts: Array<(client: FakeClient) => void> = [
        (c) => run(c).insert(3, '産業', {}),
        (c) => run(c).delete(0, 1),
        (c) => run(c).insert(0, '案', { suggestionInsert: { id: 'editor:s2', author: 'editor', at: 1_700_000_000_000 } }),
        (c) => c.doc.getMap('measureNodes').set('n1', new Y.Map()),
      ];
      for (const attempt of attempts) {
        const staff = new FakeClient(room, peer('staff', 'suggest'));
        attempt(staff);
        await room.flush();
        expect(staff.denied).toHaveLength(1);
        expect(staff.denied[0]).toContain('suggest-only');
        expect(staff.conn.refused).toBe(1);
        room.leave(staff.conn);
      }
      expect(textOf(run(editor))).toBe('地域の振興');
      expect(room.doc.getMap('measureNodes').size).toBe(0);
    });

    it("applies offline suggestions in its sync reply; a reply holding nothing new passes silently", async () => {
      const { room, editor, staff, run } = await planRoom();
      // History with a deletion in it, which every later sync reply repeats.
      editor.doc.getXmlFragment('body').insert(1, [new Y.XmlElement('paragraph')]);
      (editor.doc.getXmlFragment('body').get(1) as Y.XmlElement).insert(0, [new Y.XmlText('消す')]);
      ((editor.doc.getXmlFragment('body').get(1) as Y.XmlElement).get(0) as Y.XmlText).delete(0, 1);
      await room.flush();
      // Written while its updates did not reach the room, then sent in its reply to our sync request.
      const offline = new Y.Doc();
      Y.applyUpdate(offline, Y.encodeStateAsUpdate(staff.doc));
      const runOf = (doc: Y.Doc) => (doc.getXmlFragment('body').get(0) as Y.XmlElement).get(0) as Y.XmlText;
      runOf(offline).insert(5, '施策', own);
      const reply = (doc: Y.Doc) => frame(MESSAGE.sync, (e) => syncProtocol.writeSyncStep2(e, doc, Y.encodeStateVector(room.doc)));
      room.receive(staff.conn, reply(offline));
      await room.flush();
      expect(textOf(run(editor))).toBe('地域の振興施策');
      room.receive(staff.conn, reply(staff.doc));
      expect(staff.denied).toEqual([]);
      expect(staff.conn.refused).toBe(0);
      // A reply carrying a plain edit is refused like an update.
      const plain = new Y.Doc();
      Y.applyUpdate(plain, Y.encodeStateAsUpdate(room.doc));
      runOf(plain).insert(0, '新', {});
      room.receive(staff.conn, reply(plain));
      expect(staff.denied).toHaveLength(1);
      expect(textOf(run(editor))).toBe('地域の振興施策');
    });
  });

  it('counts garbage frames instead of throwing', async () => {
    const { room } = await newRoom();
    const a = new FakeClient(room, peer('a'));
    for (const junk of [[], [0], [0, 2, 200], [9, 9, 9], [1, 5, 1, 2]]) room.receive(a.conn, new Uint8Array(junk));
    expect(a.conn.refused).toBeGreaterThanOrEqual(4);
    a.doc.getText('t').insert(0, 'still fine');
    expect(room.doc.getText('t').toString()).toBe('still fine');
  });

  it('persists accepted edits and reloads them after unload', async () => {
    const { room, store } = await newRoom();
    const a = new FakeClient(room, peer('a'));
    a.doc.getText('t').insert(0, '第1章 趣旨');
    await room.flush();
    room.leave(a.conn);
    await room.unload();
    rooms.splice(rooms.indexOf(room), 1);
    const reloaded = await Room.load('doc', store);
    rooms.push(reloaded);
    expect(reloaded.doc.getText('t').toString()).toBe('第1章 趣旨');
    expect(await store.countUpdates('doc')).toBe(0); // unload compacted the log
  });

  it('compacts the log once it grows past the threshold', async () => {
    const store = createMemoryDocStore();
    const room = await Room.load('doc', store, { compactEvery: 5 });
    rooms.push(room);
    const a = new FakeClient(room, peer('a'));
    for (let i = 0; i < 12; i++) {
      a.doc.getText('t').insert(0, String(i % 10));
      await room.flush();
    }
    await room.flush();
    // Compaction runs just after the relay, off its path.
    await vi.waitFor(async () => expect(await store.countUpdates('doc')).toBeLessThan(5));
    const replay = new Y.Doc();
    for (const u of (await store.load('doc')).updates) Y.applyUpdate(replay, u);
    expect(replay.getText('t').toString()).toBe(room.doc.getText('t').toString());
  });

  it('refuses malformed updates without applying them, and closes a connection that keeps sending them', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { room } = await newRoom();
    const editor = new FakeClient(room, peer('e'));
    const abuser = new FakeClient(room, peer('x'));
    editor.doc.getText('t').insert(0, '基本方針');
    const real = Y.encodeStateAsUpdate(editor.doc);
    const junk = [
      new Uint8Array(), // yjs#498
      real.subarray(0, real.length - 3),
      new Uint8Array([1, 0xff, 0xff, 0xff, 0xff, 0x0f, 7, 0]), // a struct count of 2^32 - 1
      new Uint8Array([1, 1, 7, 0xfe, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x0f, 4, 1, 1, 116, 1, 120, 0]), // a clock near 2^53
    ];
    for (let i = 0; i < DEFAULT_ROOM_LIMITS.maxRefusals - 1; i++) room.receive(abuser.conn, updateFrame(junk[i % junk.length]!));
    expect(abuser.conn.refused).toBe(DEFAULT_ROOM_LIMITS.maxRefusals - 1);
    expect(abuser.closed).toBeNull();
    room.receive(abuser.conn, updateFrame(junk[0]!));
    expect(abuser.closed?.code).toBe(CLOSE_CODES.abuse);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining(`closed x with ${CLOSE_CODES.abuse}`));
    warn.mockRestore();
    // Gone from the room at once: nothing more it sends is read.
    expect(room.size).toBe(1);
    room.receive(abuser.conn, updateFrame(junk[0]!));
    expect(abuser.conn.refused).toBe(DEFAULT_ROOM_LIMITS.maxRefusals);
    // The editor never noticed.
    editor.doc.getText('t').insert(4, 'の改定');
    expect(room.doc.getText('t').toString()).toBe('基本方針の改定');
    expect(editor.closed).toBeNull();
    expect(editor.conn.refused).toBe(0);
    expectWhole(room);
  });

  it('refuses an update that would wait for history the room does not have, and asks the sender to fill the gap', async () => {
    const { room } = await newRoom();
    const a = new FakeClient(room, peer('a'));
    const b = new FakeClient(room, peer('b'));
    a.doc.getText('t').insert(0, 'abc');
    // An edit of a's that never reaches the room (dropped over a rate limit, say)...
    Y.transact(a.doc, () => a.doc.getText('t').insert(3, 'def'), a);
    expect(room.doc.getText('t').toString()).toBe('abc');
    // ...makes its next update start beyond the room's state: refused rather than parked, and
    // the room's sync request brings both.
    a.doc.getText('t').insert(6, 'ghi');
    expect(a.conn.refused).toBe(1);
    expect(room.doc.getText('t').toString()).toBe('abcdefghi');
    await room.flush();
    expect(b.text()).toBe('abcdefghi');
    expectWhole(room);
  });

  it('refuses an update from a client id it has never heard of at a clock past zero', async () => {
    const { room } = await newRoom();
    const a = new FakeClient(room, peer('a'));
    const stranger = new Y.Doc();
    stranger.getText('t').insert(0, 'x');
    const first = Y.encodeStateAsUpdate(stranger);
    const sv = Y.encodeStateVector(stranger);
    stranger.getText('t').insert(1, 'y');
    room.receive(a.conn, frame(MESSAGE.sync, (e) => syncProtocol.writeSyncStep2(e, stranger, sv)));
    expect(a.conn.refused).toBe(1);
    expect(room.doc.getText('t').toString()).toBe('');
    room.receive(a.conn, updateFrame(first));
    expect(room.doc.getText('t').toString()).toBe('x');
    expectWhole(room);
  });

  it('refuses an item whose claimed neighbours are not neighbours', async () => {
    const { room } = await newRoom();
    const a = new FakeClient(room, peer('a'));
    a.doc.getText('t').insert(0, 'abc');
    const e = encoding.createEncoder();
    [1, 1, 9, 0].forEach((n) => encoding.writeVarUint(e, n));
    encoding.writeUint8(e, 4 | 0x80 | 0x40); // a string item with both origins
    [a.doc.clientID, 2, a.doc.clientID, 0].forEach((n) => encoding.writeVarUint(e, n)); // right origin left of origin
    encoding.writeVarString(e, 'x');
    encoding.writeVarUint(e, 0);
    room.receive(a.conn, updateFrame(encoding.toUint8Array(e)));
    expect(a.conn.refused).toBe(1);
    expect(room.doc.getText('t').toString()).toBe('abc');
  });

  it('drops frames over the connection’s rate and closes a connection that keeps flooding', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const rate = { ...DEFAULT_ROOM_LIMITS.rate, updatesPerSecond: 1, updateBurst: 10, floodDrops: 3 };
    const { room } = await newRoom(undefined, { limits: limits({ rate }) });
    const flooder = new FakeClient(room, peer('f')); // its handshake spends one: its sync reply
    const calm = new FakeClient(room, peer('c'));
    const noop = updateFrame(new Uint8Array([0, 0]));
    for (let i = 0; i < 9; i++) room.receive(flooder.conn, noop);
    expect(flooder.conn.dropped).toBe(0);
    for (let i = 0; i < 3; i++) room.receive(flooder.conn, noop);
    expect(flooder.conn.dropped).toBe(3);
    expect(flooder.closed).toBeNull();
    room.receive(flooder.conn, noop);
    expect(flooder.closed?.code).toBe(CLOSE_CODES.rateLimited);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('(0 refused, 4 dropped)'));
    warn.mockRestore();
    calm.doc.getText('t').insert(0, '平常');
    expect(room.doc.getText('t').toString()).toBe('平常');
    expect(calm.closed).toBeNull();
  });

  it('refuses oversized and unparsable presence, and presence for more client ids than one connection needs', async () => {
    const { room } = await newRoom();
    const a = new FakeClient(room, peer('a'));
    const awarenessFrame = (clientId: number, json: string) =>
      frame(MESSAGE.awareness, (e) => {
        const inner = encoding.createEncoder();
        encoding.writeVarUint(inner, 1);
        encoding.writeVarUint(inner, clientId);
        encoding.writeVarUint(inner, 1);
        encoding.writeVarString(inner, json);
        encoding.writeVarUint8Array(e, encoding.toUint8Array(inner));
      });
    room.receive(a.conn, awarenessFrame(1, JSON.stringify({ pad: 'x'.repeat(10_000) })));
    room.receive(a.conn, awarenessFrame(1, '{"cursor":'));
    expect(a.conn.refused).toBe(2);
    expect(room.awareness.getStates().has(1)).toBe(false);
    for (let id = 1; id <= 20; id++) room.receive(a.conn, awarenessFrame(id, '{"cursor":1}'));
    expect(a.conn.clientIds.size).toBe(8);
    expect(room.awareness.getStates().size).toBe(8);
  });

  it('answers a state-vector request only when the vector is well formed', async () => {
    const { room } = await newRoom();
    const a = new FakeClient(room, peer('a'));
    a.doc.getText('t').insert(0, 'x');
    await room.flush();
    const replies: Uint8Array[] = [];
    const send = a.send.bind(a);
    a.send = (data) => (replies.push(data), send(data));
    room.receive(a.conn, frame(MESSAGE.sync, (e) => (encoding.writeVarUint(e, 0), encoding.writeVarUint8Array(e, new Uint8Array([0x80, 0x94, 0xeb, 0xdc, 0x03, 1])))));
    expect(replies).toEqual([]);
    expect(a.conn.refused).toBe(1);
    room.receive(a.conn, frame(MESSAGE.sync, (e) => syncProtocol.writeSyncStep1(e, new Y.Doc())));
    expect(replies.length).toBeGreaterThan(0);
  });

  it('answers only a few sync requests in a row: each may cost a whole-document encode', async () => {
    const { room } = await newRoom();
    const a = new FakeClient(room, peer('a')); // its handshake spends one
    const request = frame(MESSAGE.sync, (e) => syncProtocol.writeSyncStep1(e, new Y.Doc()));
    for (let i = 0; i < 10; i++) room.receive(a.conn, request);
    expect(a.conn.dropped).toBe(10 - (DEFAULT_ROOM_LIMITS.rate.syncRequestBurst - 1));
    expect(a.closed).toBeNull();
  });
});
