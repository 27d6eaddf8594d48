import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DOC_ACCESS, type DocAccess } from '@sakutei/shared';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import * as authProtocol from 'y-protocols/auth';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { createMemoryDocStore } from '../../storage/memory/docStore';
import { MESSAGE, SYNC } from './protocol';
import { type Peer, Room, type RoomSocket } from './room';

/**
 * Every kind of frame a client can send × every document access a connection can have, and
 * what the room does with it. The rows are a table: a new message kind is a new row, and it
 * must say what each access gets.
 */

/** What a frame that reached a client is, by its first one or two varints. */
type FrameKind = 'sync-step1' | 'sync-step2' | 'sync-update' | 'awareness' | 'permission-denied' | 'other';

type Outcome = {
  /** The room's document or presence changed. */
  applied: boolean;
  /** The other connection in the room was sent something. */
  broadcast: boolean;
  /** What the sender was sent back, in order. */
  reply: FrameKind[];
  /** The connection's `refused` counter went up. */
  refused: boolean;
  /** The room closed the sender's socket. */
  closed: boolean;
};

/** The sender and a bystander (an editor whose presence is in the room), and a document with some text. */
type Scene = { senderClientId: number; bystanderClientId: number; roomState: Uint8Array };

type Row = { kind: string; frame: (scene: Scene) => Uint8Array; expect: Record<DocAccess, Outcome> };

// ---------------------------------------------------------------- frames a client may send

function frame(kind: number, write: (e: encoding.Encoder) => void = () => {}): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, kind);
  write(e);
  return encoding.toUint8Array(e);
}

/** An awareness frame written by hand, so clocks and client ids can be anything a client claims. */
function awarenessFrame(entries: Array<[clientId: number, clock: number, state: unknown]>): Uint8Array {
  return frame(MESSAGE.awareness, (e) => {
    const inner = encoding.createEncoder();
    encoding.writeVarUint(inner, entries.length);
    for (const [clientId, clock, state] of entries) {
      encoding.writeVarUint(inner, clientId);
      encoding.writeVarUint(inner, clock);
      encoding.writeVarString(inner, JSON.stringify(state));
    }
    encoding.writeVarUint8Array(e, encoding.toUint8Array(inner));
  });
}

/** A Yjs update from a client of its own, inserting text. */
function contentUpdate(): Uint8Array {
  const doc = new Y.Doc();
  doc.getText('t').insert(0, '委員の加筆');
  return Y.encodeStateAsUpdate(doc);
}

/** The room's paragraph of prose (a Y.XmlText in a paragraph of the body fragment). */
function proseRun(doc: Y.Doc): Y.XmlText {
  return (doc.getXmlFragment('body').get(0) as Y.XmlElement).get(0) as Y.XmlText;
}

/** Text the sender proposes as its own suggestion, written against the room's document. */
function ownSuggestionUpdate(roomState: Uint8Array): Uint8Array {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, roomState);
  const before = Y.encodeStateVector(doc);
  proseRun(doc).insert(2, '加筆', { suggestionInsert: { id: 'sender:s1', author: 'sender', at: 1_700_000_000_000 } });
  return Y.encodeStateAsUpdate(doc, before);
}

/** A proposed new KPI target (a cell suggestion) in the sender's own name, written against the room's document. */
function ownCellSuggestionUpdate(roomState: Uint8Array): Uint8Array {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, roomState);
  const before = Y.encodeStateVector(doc);
  const measured = (value: number) => ({ kind: 'number', value });
  doc.getMap('measureSuggestions').set('sender:c1', {
    author: 'sender',
    at: 1_700_000_000_000,
    target: { kind: 'kpiFigure', id: 'k1', field: 'targetValue' },
    value: measured(70),
    was: measured(80),
  });
  return Y.encodeStateAsUpdate(doc, before);
}

/** The second of two edits by one client, without the first: it cannot be integrated on its own. */
function updateMissingItsPredecessor(): Uint8Array {
  const doc = new Y.Doc();
  doc.getText('t').insert(0, '骨子');
  const before = Y.encodeStateVector(doc);
  doc.getText('t').insert(2, '案');
  return Y.encodeStateAsUpdate(doc, before);
}

const EMPTY_UPDATE = Y.encodeStateAsUpdate(new Y.Doc());
const GARBAGE = new Uint8Array([0xde, 0xad, 0xbe, 0xef]);

// ---------------------------------------------------------------- the table

const nothing: Outcome = { applied: false, broadcast: false, reply: [], refused: false, closed: false };
const refused: Outcome = { ...nothing, refused: true };
const sameForAll = (outcome: Outcome): Record<DocAccess, Outcome> => ({ edit: outcome, suggest: outcome, comment: outcome, read: outcome });
const editorOnly = (edit: Outcome, others: Outcome): Record<DocAccess, Outcome> => ({ edit, suggest: others, comment: others, read: others });
/** A suggest-only connection's updates go through every check an editor's do, then must be its own suggestion (suggestionGuard.ts). */
const byAccess = (edit: Outcome, suggest: Outcome, others: Outcome): Record<DocAccess, Outcome> => ({ edit, suggest, comment: others, read: others });
const applied: Outcome = { ...nothing, applied: true, broadcast: true };
const denied: Outcome = { ...nothing, reply: ['permission-denied'], refused: true };

const ROWS: readonly Row[] = [
  {
    // Asking for what one lacks is reading: everyone who may open the document may.
    kind: 'sync step 1',
    frame: () => frame(MESSAGE.sync, (e) => syncProtocol.writeSyncStep1(e, new Y.Doc())),
    expect: sameForAll({ ...nothing, reply: ['sync-step2'] }),
  },
  {
    kind: 'sync step 2, empty',
    frame: () => frame(MESSAGE.sync, (e) => syncProtocol.writeSyncStep2(e, new Y.Doc(), Y.encodeStateVector(new Y.Doc()))),
    expect: sameForAll(nothing),
  },
  {
    // A reconnecting reader's sync reply carries what it holds; it is dropped without a word,
    // or every reader would be told off on every reconnect.
    kind: 'sync step 2, with content',
    frame: () =>
      frame(MESSAGE.sync, (e) => {
        encoding.writeVarUint(e, SYNC.step2);
        encoding.writeVarUint8Array(e, contentUpdate());
      }),
    // A suggest-only connection's reply may bring suggestions made offline, so it is judged:
    // text written outside a suggestion is refused, and it is told so.
    expect: byAccess(applied, denied, nothing),
  },
  {
    kind: 'sync update, empty',
    frame: () => frame(MESSAGE.sync, (e) => syncProtocol.writeUpdate(e, EMPTY_UPDATE)),
    expect: sameForAll(nothing),
  },
  {
    kind: 'sync update, with content',
    frame: () => frame(MESSAGE.sync, (e) => syncProtocol.writeUpdate(e, contentUpdate())),
    expect: editorOnly(applied, denied),
  },
  {
    // Editors may suggest too; a suggest-only connection may do nothing else.
    kind: "sync update, the sender's own suggestion in the prose",
    frame: (s) => frame(MESSAGE.sync, (e) => syncProtocol.writeUpdate(e, ownSuggestionUpdate(s.roomState))),
    expect: byAccess(applied, applied, denied),
  },
  {
    kind: "sync update, the sender's own suggestion for a measure-table cell",
    frame: (s) => frame(MESSAGE.sync, (e) => syncProtocol.writeUpdate(e, ownCellSuggestionUpdate(s.roomState))),
    expect: byAccess(applied, applied, denied),
  },
  {
    kind: 'sync update, payload not a Yjs update',
    frame: () => frame(MESSAGE.sync, (e) => syncProtocol.writeUpdate(e, GARBAGE)),
    expect: byAccess(refused, refused, denied),
  },
  {
    // Never parked in the document: the editor is asked for our state vector, so its sync
    // reply brings what we lack.
    kind: 'sync update that depends on edits the room lacks',
    frame: () => frame(MESSAGE.sync, (e) => syncProtocol.writeUpdate(e, updateMissingItsPredecessor())),
    expect: byAccess({ ...refused, reply: ['sync-step1'] }, { ...refused, reply: ['sync-step1'] }, denied),
  },
  {
    kind: 'sync message of an unknown sub-kind',
    frame: () => frame(MESSAGE.sync, (e) => encoding.writeVarUint(e, 7)),
    expect: sameForAll(refused),
  },
  {
    // Presence is not content: a reader's caret is shown too, stamped with who they are,
    // and echoed to the sender (the stock client's keep-alive).
    kind: 'awareness update, own client id',
    frame: (s) => awarenessFrame([[s.senderClientId, 1, { cursor: { anchor: 1, head: 1 } }]]),
    expect: sameForAll({ ...nothing, applied: true, broadcast: true, reply: ['awareness'] }),
  },
  {
    kind: "awareness update, someone else's client id",
    frame: (s) => awarenessFrame([[s.bystanderClientId, 10, { cursor: { anchor: 99, head: 99 } }]]),
    expect: sameForAll(nothing),
  },
  {
    kind: "awareness update removing someone else's presence",
    frame: (s) => awarenessFrame([[s.bystanderClientId, 10, null]]),
    expect: sameForAll(nothing),
  },
  {
    kind: 'query awareness',
    frame: () => frame(MESSAGE.queryAwareness),
    expect: sameForAll({ ...nothing, reply: ['awareness'] }),
  },
  {
    // Auth messages go from server to client only.
    kind: 'auth message',
    frame: () => frame(MESSAGE.auth, (e) => authProtocol.writePermissionDenied(e, 'granted, says the client')),
    expect: sameForAll(refused),
  },
  {
    kind: 'unknown message type',
    frame: () => frame(99, (e) => encoding.writeVarUint(e, 0)),
    expect: sameForAll(refused),
  },
  {
    kind: 'garbage bytes',
    frame: () => new Uint8Array([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]),
    expect: sameForAll(refused),
  },
  {
    kind: 'empty frame',
    frame: () => new Uint8Array(0),
    expect: sameForAll(refused),
  },
];

// ---------------------------------------------------------------- running a frame

class RecordingSocket implements RoomSocket {
  frames: Uint8Array[] = [];
  closed: { code: number; reason: string } | null = null;
  send(data: Uint8Array): void {
    this.frames.push(data);
  }
  close(code: number, reason: string): void {
    this.closed = { code, reason };
  }
}

function kindOf(data: Uint8Array): FrameKind {
  const d = decoding.createDecoder(data);
  const kind = decoding.readVarUint(d);
  if (kind === MESSAGE.awareness) return 'awareness';
  const sub = decoding.hasContent(d) ? decoding.readVarUint(d) : -1;
  if (kind === MESSAGE.sync) return sub === SYNC.step1 ? 'sync-step1' : sub === SYNC.step2 ? 'sync-step2' : sub === SYNC.update ? 'sync-update' : 'other';
  if (kind === MESSAGE.auth && sub === authProtocol.messagePermissionDenied) return 'permission-denied';
  return 'other';
}

const peer = (id: string, access: DocAccess): Peer => ({
  id,
  name: `name-${id}`,
  color: '#000000',
  access,
  workspaceId: 'w',
  sessionId: null,
  ceiling: access,
});

const rooms: Room[] = [];
afterEach(async () => {
  for (const room of rooms.splice(0)) await room.unload();
});

const presence = (room: Room) => JSON.stringify([...room.awareness.getStates().entries()]);

/** Sends one frame from a connection with `access` into a room with content and another editor present. */
async function run(row: Row, access: DocAccess): Promise<Outcome> {
  const room = await Room.load('doc', createMemoryDocStore(), { awarenessBatchMs: 0 });
  rooms.push(room);
  room.doc.getText('t').insert(0, '第2期振興プログラム');
  const paragraph = new Y.XmlElement('paragraph');
  room.doc.getXmlFragment('body').insert(0, [paragraph]);
  paragraph.insert(0, [new Y.XmlText('振興計画')]);
  await room.flush();
  const scene: Scene = { senderClientId: 1001, bystanderClientId: 2002, roomState: Y.encodeStateAsUpdate(room.doc) };

  const bystander = new RecordingSocket();
  const bystanderConn = room.join(bystander, peer('bystander', 'edit'));
  room.receive(bystanderConn, awarenessFrame([[scene.bystanderClientId, 1, { cursor: null }]]));
  const sender = new RecordingSocket();
  const conn = room.join(sender, peer('sender', access));
  bystander.frames = [];
  sender.frames = [];

  const docBefore = Y.encodeStateAsUpdate(room.doc);
  const presenceBefore = presence(room);
  const refusedBefore = conn.refused;
  room.receive(conn, row.frame(scene));
  // Updates are relayed once stored.
  await room.flush();
  return {
    applied: !equalBytes(docBefore, Y.encodeStateAsUpdate(room.doc)) || presence(room) !== presenceBefore,
    broadcast: bystander.frames.length > 0,
    reply: sender.frames.map(kindOf),
    refused: conn.refused > refusedBefore,
    closed: sender.closed !== null,
  };
}

function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}

// ---------------------------------------------------------------- the tests

let checked = 0;

describe('websocket messages × document access', () => {
  it('has a row for every message kind, each naming every access', () => {
    expect(new Set(ROWS.map((r) => r.kind)).size).toBe(ROWS.length);
    for (const row of ROWS) expect(Object.keys(row.expect).sort(), row.kind).toEqual([...DOC_ACCESS].sort());
  });

  describe.each(ROWS.map((row) => [row.kind, row] as const))('%s', (_kind, row) => {
    it.each([...DOC_ACCESS])('from a connection with %s access', async (access) => {
      expect(await run(row, access)).toEqual(row.expect[access]);
      checked++;
    });
  });

  it('stamps presence from any access with the authenticated identity', async () => {
    const room = await Room.load('doc', createMemoryDocStore(), { awarenessBatchMs: 0 });
    rooms.push(room);
    for (const access of DOC_ACCESS) {
      const conn = room.join(new RecordingSocket(), peer(access, access));
      const clientId = 3000 + DOC_ACCESS.indexOf(access);
      room.receive(conn, awarenessFrame([[clientId, 1, { user: { id: 'chair', name: '座長' }, cursor: null }]]));
      expect(room.awareness.getStates().get(clientId)).toMatchObject({ user: { id: access, name: `name-${access}` } });
    }
  });
});

afterAll(() => {
  const summary = { at: new Date().toISOString(), messageKinds: ROWS.length, accesses: DOC_ACCESS.length, cases: ROWS.length * DOC_ACCESS.length, checked };
  console.log(`websocket messages: ${summary.messageKinds} kinds × ${summary.accesses} accesses = ${summary.cases} cases, ${checked} passed`);
  // Next to the HTTP matrix's figures (tests/integration/authz.test.ts writes the `http` key).
  const file = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../tests/.tmp/authz-figures.json');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  let current: Record<string, unknown> = {};
  try {
    current = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
  } catch {
    // First run: nothing to merge with.
  }
  const tmp = `${file}.${process.pid}`;
  fs.writeFileSync(tmp, `${JSON.stringify({ ...current, websocketMessages: summary }, null, 2)}\n`);
  fs.renameSync(tmp, file);
});
