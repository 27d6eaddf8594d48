/**
 * What the shape check costs per edit (issue 15 item 2): a member types, presses Enter and
 * adds rows in the demo plan; each update is applied to the room's document with and without
 * `shapeViolation` before it. Prints µs per edit.
 *
 *   pnpm exec tsx tests/bench/shapeGuard.ts
 */
import { BODY_FRAGMENT, type ProseNode } from '@sakutei/shared';
import { addKpi, addNode, readMeasureTable } from '@sakutei/shared/measures';
import * as Y from 'yjs';
import { demoProseDocument } from '../../server/src/demo/fukushimaProgramme';
import { seedDemoMeasures } from '../../server/src/services/demoSeed';
import { buildPlanDoc } from '../../server/src/services/planDocument';
import { shapeViolation } from '../../server/src/collab/room/shapeGuard';

// Built through the server's own module: @tiptap/y-tiptap is the server's dependency, not the root's.
const seed = buildPlanDoc(demoProseDocument() as ProseNode, readMeasureTable(new Y.Doc()));
seedDemoMeasures(seed);
const base = Y.encodeStateAsUpdate(seed);

function record(edit: (doc: Y.Doc, i: number) => void, count: number): Uint8Array[] {
  const client = new Y.Doc();
  Y.applyUpdate(client, base);
  const updates: Uint8Array[] = [];
  client.on('update', (update: Uint8Array) => updates.push(update));
  for (let i = 0; i < count; i++) edit(client, i);
  return updates;
}

function run(updates: Uint8Array[], guarded: boolean): number {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, base);
  const start = process.hrtime.bigint();
  for (const update of updates) {
    if (guarded && shapeViolation(doc, update) !== null) throw new Error('an honest edit was refused');
    Y.applyUpdate(doc, update);
  }
  return Number(process.hrtime.bigint() - start) / 1000 / updates.length;
}

const text = (doc: Y.Doc) => doc.getXmlFragment(BODY_FRAGMENT).createTreeWalker((t) => t instanceof Y.XmlText).next().value as Y.XmlText;
let ids = 0;
const scenarios: Record<string, Uint8Array[]> = {
  'typing (one character per update)': record((doc, i) => text(doc).insert(i % 5, 'あ'), 3000),
  'Enter (a new paragraph)': record((doc) => {
    const p = new Y.XmlElement('paragraph');
    p.insert(0, [new Y.XmlText('新しい段落')]);
    doc.getXmlFragment(BODY_FRAGMENT).insert(3, [p]);
  }, 500),
  'a new row with a KPI': record((doc) => {
    const row = addNode(doc, { parent: readMeasureTable(doc).nodes[0]!.id }, { kind: 'measure', title: '施策' }, () => `b${++ids}`);
    addKpi(doc, row, { name: '指標' }, () => `b${++ids}`);
  }, 200),
};

for (const [what, updates] of Object.entries(scenarios)) {
  // Warm up both paths, then take the best of five interleaved runs each: the machine may be busy.
  run(updates, false);
  run(updates, true);
  let without = Infinity;
  let withGuard = Infinity;
  for (let i = 0; i < 5; i++) {
    without = Math.min(without, run(updates, false));
    withGuard = Math.min(withGuard, run(updates, true));
  }
  console.log(`${what}: ${updates.length} updates, apply ${without.toFixed(1)} µs/edit, check + apply ${withGuard.toFixed(1)} µs/edit (+${(withGuard - without).toFixed(1)})`);
}
