/**
 * What applying an update of the largest allowed cost (SAKUTEI_YJS_MAX_COST) takes on this
 * machine, for the kinds of update that cost the most per unit: the guard's parse and checks,
 * then Yjs applying it. The per-update cap is chosen so that these stay around 100 ms.
 *
 *   pnpm exec tsx tests/bench/updateCost.ts [cost]
 */
import * as Y from 'yjs';
import { misplacedOrigin } from '../../server/src/collab/room/originGuard';
import { CONTENT_BYTES_PER_COST, DEFAULT_UPDATE_LIMITS, DELETED_RANGE_COST, VALUES_PER_COST, unmetDependency, validateUpdate } from '../../server/src/collab/room/updateGuard';
import { typeADay } from '../support/typingDay';

const COST = Number(process.argv[2] ?? DEFAULT_UPDATE_LIMITS.maxCost);
const RUNS = 7;

function gcStructs(count: number): Uint8Array {
  const enc = new Y.UpdateEncoderV1();
  [1, count].forEach((n) => enc.writeLen(n));
  enc.writeClient(7);
  enc.writeLen(0);
  for (let i = 0; i < count; i++) new Y.GC(Y.createID(7, i), 1).write(enc, 0);
  enc.writeLen(0);
  return enc.toUint8Array();
}

function typedBackwards(base: Y.Doc, count: number): Uint8Array {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(base));
  const before = Y.encodeStateVector(doc);
  const text = new Y.XmlText();
  const p = new Y.XmlElement('paragraph');
  p.insert(0, [text]);
  doc.transact(() => {
    doc.getXmlFragment('body').insert(0, [p]);
    for (let i = 0; i < count; i++) text.insert(0, 'a');
  });
  return Y.encodeStateAsUpdate(doc, before);
}

/** Deletes every other character of a long text already in the document: every range splits an item. */
function everyOtherDeleted(base: Y.Doc, ranges: number): Uint8Array {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(base));
  const before = Y.encodeStateVector(doc);
  const text = (doc.getXmlFragment('body').get(0) as Y.XmlElement).get(0) as Y.XmlText;
  doc.transact(() => {
    for (let i = 0; i < ranges; i++) text.delete(i + 1, 1);
  });
  return Y.encodeStateAsUpdate(doc, before);
}

function manyValues(count: number): Uint8Array {
  const doc = new Y.Doc();
  doc.getArray('a').insert(0, Array.from({ length: count }, () => 0));
  return Y.encodeStateAsUpdate(doc);
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return Math.round(s[Math.floor(s.length / 2)]! * 10) / 10;
}

/** A document with one paragraph of a long text, typed in one go (one item). */
const base = new Y.Doc();
{
  const p = new Y.XmlElement('paragraph');
  p.insert(0, [new Y.XmlText('x'.repeat(2 * COST + 10))]);
  base.getXmlFragment('body').insert(0, [p]);
}
const baseUpdate = Y.encodeStateAsUpdate(base);
const day = (() => {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, baseUpdate);
  const before = Y.encodeStateVector(doc);
  typeADay(doc, 60_000);
  return Y.encodeStateAsUpdate(doc, before);
})();

const cases: Array<[string, Uint8Array]> = [
  ['GC structs', gcStructs(COST)],
  ['characters typed backwards', typedBackwards(base, Math.floor(COST / (1 + 1 / CONTENT_BYTES_PER_COST)))],
  ['every other character deleted', everyOtherDeleted(base, Math.floor(COST / DELETED_RANGE_COST))],
  ['two-byte values in one array', manyValues(Math.floor(COST / (1 / VALUES_PER_COST + 2 / CONTENT_BYTES_PER_COST)))],
  ['a day of offline typing (60 000 keystrokes)', day],
];
console.log(`cost cap ${COST}; median of ${RUNS} runs; node ${process.version}`);
for (const [name, update] of cases) {
  const guard: number[] = [];
  const apply: number[] = [];
  let cost = 0;
  for (let run = 0; run < RUNS; run++) {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, baseUpdate);
    let t = performance.now();
    const shape = validateUpdate(update, { ...DEFAULT_UPDATE_LIMITS, maxCost: Number.MAX_SAFE_INTEGER });
    unmetDependency(shape, (client) => Y.getState(doc.store, client));
    misplacedOrigin(shape, doc);
    guard.push(performance.now() - t);
    t = performance.now();
    Y.applyUpdate(doc, update);
    apply.push(performance.now() - t);
    cost = shape.cost;
  }
  console.log(`${name}: ${update.length} bytes, cost ${cost}; guards ${median(guard)} ms, Yjs ${median(apply)} ms`);
}
