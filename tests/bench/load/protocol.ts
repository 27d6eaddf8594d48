import { createHash } from 'node:crypto';
import * as Y from 'yjs';
import { FrameWriter, readVarBytes, varString } from './wire';
import { BODY_FRAGMENT } from '@sakutei/shared';

/**
 * The wire format the load clients speak, for both dialects:
 * - `y-websocket` (Sakutei and the reference server): a frame is `[messageType, ...]`;
 * - `hocuspocus`: every frame starts with the document name (varString), and a client must
 *   send an auth message (`[name, 2, 0, token]`) before anything else is handled.
 * Written by hand (from y-protocols and @hocuspocus/server 3.4.4's MessageReceiver) so the
 * hot path is a few byte compares rather than a provider decoding every frame.
 */
export type Dialect = 'y-websocket' | 'hocuspocus';

export const MSG = { sync: 0, awareness: 1, auth: 2, queryAwareness: 3, hpClose: 7, hpSyncStatus: 8 } as const;
export const SYNC = { step1: 0, step2: 1, update: 2 } as const;
/** Sub-types of an auth message (y-protocols/auth and @hocuspocus/common). */
export const AUTH = { token: 0, permissionDenied: 1, authenticated: 2 } as const;

/** The prose fragment every bench document keeps its paragraphs in, as Sakutei's editor does. */
export const BODY = BODY_FRAGMENT;

/** An update that changes nothing: the sync reply of a client that has nothing. */
export const EMPTY_UPDATE = Uint8Array.of(0, 0);

/** A document's content, hashed: equal hashes mean the clients converged. */
export function contentHash(doc: Y.Doc): string {
  return createHash('sha1').update(doc.getXmlFragment(BODY).toString()).digest('hex');
}

export function bytesHash(bytes: Uint8Array): string {
  return createHash('sha1').update(bytes).digest('hex');
}

/** Adds a paragraph at the end of the body and returns its text, as the editor would. */
export function addParagraph(doc: Y.Doc, text = ''): Y.XmlText {
  const body = doc.getXmlFragment(BODY);
  const paragraph = new Y.XmlElement('paragraph');
  const xmlText = new Y.XmlText(text);
  paragraph.insert(0, [xmlText]);
  body.insert(body.length, [paragraph]);
  return xmlText;
}

/** Builds frames for one document in one dialect, and finds where a received frame's message starts. */
export class Framer {
  private readonly prefix: Uint8Array;

  constructor(
    readonly dialect: Dialect,
    readonly docName: string,
  ) {
    this.prefix = dialect === 'hocuspocus' ? varString(docName) : new Uint8Array(0);
  }

  private frame(type: number, sub: number | null, write: (w: FrameWriter) => void): Uint8Array {
    const w = new FrameWriter();
    w.bytes(this.prefix);
    w.varUint(type);
    if (sub !== null) w.varUint(sub);
    write(w);
    return w.done();
  }

  /** Offset of the message type in a received frame (after the document name), or -1 for another document. */
  bodyOffset(frame: Uint8Array): number {
    const n = this.prefix.length;
    for (let i = 0; i < n; i++) if (frame[i] !== this.prefix[i]) return -1;
    return n;
  }

  auth(token: string): Uint8Array {
    return this.frame(MSG.auth, AUTH.token, (w) => w.varString(token));
  }

  syncStep1(stateVector: Uint8Array): Uint8Array {
    return this.frame(MSG.sync, SYNC.step1, (w) => w.varBytes(stateVector));
  }

  syncStep2(update: Uint8Array): Uint8Array {
    return this.frame(MSG.sync, SYNC.step2, (w) => w.varBytes(update));
  }

  update(update: Uint8Array): Uint8Array {
    return this.frame(MSG.sync, SYNC.update, (w) => w.varBytes(update));
  }

  awareness(awarenessUpdate: Uint8Array): Uint8Array {
    return this.frame(MSG.awareness, null, (w) => w.varBytes(awarenessUpdate));
  }
}

/** The payload of a sync message (step 1's state vector, step 2's or an update's update) at `offset` (its sub-type). */
export function syncPayload(frame: Uint8Array, offset: number): Uint8Array {
  return readVarBytes(frame, offset + 1);
}

/** One client's presence, encoded as y-protocols/awareness does: count, then id, clock, JSON state. */
export function encodeAwarenessState(clientId: number, clock: number, state: unknown): Uint8Array {
  const w = new FrameWriter();
  w.varUint(1);
  w.varUint(clientId);
  w.varUint(clock);
  w.varString(JSON.stringify(state));
  return w.done();
}

/**
 * A marker the load clients write into text (or presence) so a receiver can time it without
 * decoding anything: `~BM<writer>.<seq>.<send time in ns, CLOCK_MONOTONIC>~`. Yjs keeps string
 * content as UTF-8 in updates, and awareness states are JSON, so the marker's bytes appear
 * verbatim in every frame that carries it (also when a server merges or batches them).
 */
const MARKER_HEAD = Buffer.from('~BM');
const TILDE = 0x7e;

export function marker(writer: number, seq: number, sentNs: bigint): string {
  return `~BM${writer}.${seq}.${sentNs}~`;
}

export type Marker = { writer: number; seq: number; sentNs: bigint };

/** Every marker in a frame, in order. */
export function findMarkers(frame: Buffer): Marker[] {
  const found: Marker[] = [];
  let at = frame.indexOf(MARKER_HEAD);
  while (at !== -1) {
    const end = frame.indexOf(TILDE, at + 3);
    if (end === -1) break;
    const [writer, seq, ns] = frame.toString('latin1', at + 3, end).split('.');
    if (writer !== undefined && seq !== undefined && ns !== undefined && /^\d+$/.test(ns)) {
      found.push({ writer: Number(writer), seq: Number(seq), sentNs: BigInt(ns) });
    }
    at = frame.indexOf(MARKER_HEAD, end + 1);
  }
  return found;
}

/** Counts marker heads in a frame without parsing them (cheap enough for every awareness frame). */
export function countMarkers(frame: Buffer): number {
  let n = 0;
  let at = frame.indexOf(MARKER_HEAD);
  while (at !== -1) {
    n++;
    at = frame.indexOf(MARKER_HEAD, at + 3);
  }
  return n;
}

/** The PRNG of every generated text: small, seeded, the same on every machine (mulberry32). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Words of a promotion plan, Japanese and ASCII, for text that looks like what Sakutei holds. */
export const WORDS = [
  '施策', '事業', '成果指標', '中小企業', '振興', '支援', '福島市', '創業', '販路拡大', '人材育成',
  'デジタル化', '商店街', '空き店舗', '令和7年度', '目標値', '達成率', '推進', '連携', '、', '。',
  'KPI', 'DX', 'R5', '2025', 'plan', ' ', '(1)', '①', '%', '件',
];

export function words(random: () => number, count: number): string {
  let s = '';
  for (let i = 0; i < count; i++) s += WORDS[Math.floor(random() * WORDS.length)];
  return s;
}
