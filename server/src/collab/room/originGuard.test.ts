import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { misplacedOrigin } from './originGuard';
import { validateUpdate } from './updateGuard';

function docOf(clientID: number, from?: Y.Doc): Y.Doc {
  const doc = new Y.Doc();
  doc.clientID = clientID;
  if (from) Y.applyUpdate(doc, Y.encodeStateAsUpdate(from));
  return doc;
}

function editOf(doc: Y.Doc, edit: (t: Y.Text) => void): Uint8Array {
  const before = Y.encodeStateVector(doc);
  edit(doc.getText('t'));
  return Y.encodeStateAsUpdate(doc, before);
}

/** An update of one string item at 9:0 with whatever origins it claims. */
function forged(origin: [number, number], right: [number, number]): Uint8Array {
  const e = encoding.createEncoder();
  [1, 1, 9, 0].forEach((n) => encoding.writeVarUint(e, n));
  encoding.writeUint8(e, 4 | 0x80 | 0x40);
  [...origin, ...right].forEach((n) => encoding.writeVarUint(e, n));
  encoding.writeVarString(e, 'x');
  encoding.writeVarUint(e, 0);
  return encoding.toUint8Array(e);
}

const check = (update: Uint8Array, doc: Y.Doc) => misplacedOrigin(validateUpdate(update), doc);

describe('misplacedOrigin', () => {
  it('passes concurrent inserts at the same spot', () => {
    const server = docOf(1);
    server.getText('t').insert(0, 'ac'); // one run, 1:0–1:1
    const a = docOf(2, server);
    const b = docOf(3, server);
    const fromA = editOf(a, (t) => t.insert(1, 'b'));
    const fromB = editOf(b, (t) => t.insert(1, 'x')); // between 1:0 and 1:1, as a's was
    expect(check(fromA, server)).toBeNull();
    Y.applyUpdate(server, fromA);
    expect(check(fromB, server)).toBeNull();
    Y.applyUpdate(server, fromB);
    expect(server.getText('t').toString()).toMatch(/^a(bx|xb)c$/);
  });

  it('passes an origin in the middle of a run that grew after the item was made', () => {
    const server = docOf(1);
    server.getText('t').insert(0, 'a');
    const other = docOf(4, server);
    Y.applyUpdate(server, editOf(other, (t) => t.insert(1, 'c')));
    const late = docOf(3, server); // has "a" (1:0) then "c" (4:0)
    server.getText('t').insert(1, 'b'); // 1:1 merges into the run 1:0–1:1
    const fromLate = editOf(late, (t) => t.insert(1, 'x')); // origin 1:0, right origin 4:0
    expect(check(fromLate, server)).toBeNull();
  });

  it('refuses a right origin left of its origin, inside a run, or in another list', () => {
    const server = docOf(1);
    server.getText('t').insert(0, 'abc'); // 1:0–1:2
    server.getText('u').insert(0, 'de'); // 1:3–1:4, another list
    const fifth = docOf(5, server);
    Y.applyUpdate(server, editOf(fifth, (t) => t.insert(3, 'fg'))); // 5:0–5:1 after "abc"
    expect(check(forged([1, 0], [1, 1]), server)).toBeNull(); // an honest pair: neighbours
    expect(check(forged([1, 2], [5, 0]), server)).toBeNull();
    expect(check(forged([1, 1], [1, 0]), server)).toMatch(/not next to/);
    expect(check(forged([5, 0], [1, 0]), server)).toMatch(/not to the right/);
    expect(check(forged([1, 2], [5, 1]), server)).toMatch(/inside a run/);
    expect(check(forged([1, 2], [1, 3]), server)).toMatch(/not to the right/);
  });
});
