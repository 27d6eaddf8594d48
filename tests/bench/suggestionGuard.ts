/**
 * What the suggestion guard costs per keystroke of a suggest-only connection (issue 16
 * item 2), by the length of the paragraph typed into: the guard copies the paragraph's items
 * (one unit per character) and reads its formatting, so its cost grows with the paragraph,
 * never with the document. Each update is applied to the room's document with and without
 * `suggestionViolation` before it. Prints µs per keystroke.
 *
 *   pnpm exec tsx tests/bench/suggestionGuard.ts
 */
import { BODY_FRAGMENT } from '@sakutei/shared';
import * as Y from 'yjs';
import { suggestionViolation } from '../../server/src/collab/room/suggestionGuard';

const PEER = 'staff-a';
const own = (n: number) => ({ suggestionInsert: { id: `s${n}`, author: PEER, at: 1_700_000_000_000 } });

/** A document of a few paragraphs, one of `length` characters with a bold word and another author's suggestion every 100 characters. */
function documentWith(length: number): Uint8Array {
  const doc = new Y.Doc();
  const body = doc.getXmlFragment(BODY_FRAGMENT);
  for (let p = 0; p < 5; p++) {
    const paragraph = new Y.XmlElement('paragraph');
    body.insert(p, [paragraph]);
    const text = new Y.XmlText();
    paragraph.insert(0, [text]);
    const size = p === 2 ? length : 200;
    text.insert(0, '地域の中小企業の振興を図る。'.repeat(Math.ceil(size / 14)).slice(0, size));
    for (let at = 50; at + 4 < size; at += 100) {
      text.format(at, 2, { bold: true });
      text.format(at + 2, 2, { suggestionInsert: { id: `o${at}`, author: 'member-b', at: 1 } });
    }
  }
  return Y.encodeStateAsUpdate(doc);
}

/** Keystrokes of a suggester in the long paragraph: each starts or continues its own suggestion. */
function record(base: Uint8Array, keystrokes: number, at: number): Uint8Array[] {
  const client = new Y.Doc();
  Y.applyUpdate(client, base);
  const text = (client.getXmlFragment(BODY_FRAGMENT).get(2) as Y.XmlElement).get(0) as Y.XmlText;
  const updates: Uint8Array[] = [];
  client.on('update', (update: Uint8Array) => updates.push(update));
  let position = Math.min(at, text.length);
  for (let i = 0; i < keystrokes; i++) {
    // Every tenth keystroke starts a new suggestion elsewhere; the rest continue it.
    if (i % 10 === 0) position = Math.floor((i * 7919) % Math.max(1, text.length - 1));
    text.insert(position, 'あ', own(Math.floor(i / 10)));
    position++;
  }
  return updates;
}

function run(base: Uint8Array, updates: Uint8Array[], guarded: boolean): number {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, base);
  const start = process.hrtime.bigint();
  for (const update of updates) {
    if (guarded && suggestionViolation(doc, update, PEER) !== null) throw new Error('an honest suggestion was refused');
    Y.applyUpdate(doc, update);
  }
  return Number(process.hrtime.bigint() - start) / 1000 / updates.length;
}

const scenarios = [20, 200, 2000, 10_000].map((length) => {
  const base = documentWith(length);
  return { length, base, updates: record(base, 300, Math.floor(length / 2)) };
});
// Warm up every path first, so the first row does not pay for compiling the guard.
for (const { base, updates } of scenarios) for (const guarded of [false, true]) run(base, updates, guarded);

for (const { length, base, updates } of scenarios) {
  let without = Infinity;
  let withGuard = Infinity;
  // Best of five interleaved runs each: the machine may be busy.
  for (let i = 0; i < 5; i++) {
    without = Math.min(without, run(base, updates, false));
    withGuard = Math.min(withGuard, run(base, updates, true));
  }
  console.log(
    `paragraph of ${length} characters: ${updates.length} keystrokes, apply ${without.toFixed(1)} µs, check + apply ${withGuard.toFixed(1)} µs (+${(withGuard - without).toFixed(1)} µs per keystroke)`,
  );
}
