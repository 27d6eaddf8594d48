import { BODY_FRAGMENT, SHAPE_LIMITS, diffMeasures, diffProse, planSnapshotSchema } from '@sakutei/shared';
import { proseSchema } from '@sakutei/shared/editor';
import { buildAnnualReport, deriveTable, keyBetween, measureMaps, readMeasureTable } from '@sakutei/shared/measures';
import { prosemirrorJSONToYDoc } from '@tiptap/y-tiptap';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { demoProseDocument } from '../demo/fukushimaProgramme';
import { seedDemoMeasures } from './demoSeed';
import { compareDocx, compareHtml } from './export/compareDocument';
import { reportHtml } from './export/reportDocument';
import { revisionDocx, revisionHtml } from './export/revisionDocument';
import { fixtureRevision } from './export/testing/planFixture';
import { TASKS } from '../work/tasks';
import { planSnapshotOf, sealSnapshot } from './snapshot';

/**
 * A document stored before the shape check (or written around it) may hold prose nested
 * thousands deep, a chain of thousands of rows, fields of the wrong type and roots nobody
 * reads. Every reader must still answer: snapshot, seal, exports, compare.
 */

const DEPTH = 5_000;
/** Rows chained one under the other: enough to overflow a recursive walk, few enough to export quickly. */
const CHAIN = 3_000;

function legacyBadDoc(chain = CHAIN): Y.Doc {
  const doc = prosemirrorJSONToYDoc(proseSchema(), demoProseDocument(), BODY_FRAGMENT);
  seedDemoMeasures(doc);
  doc.transact(() => {
    // Built from the outside in, one level per insert: Yjs itself recurses into new content.
    let outer: Y.XmlFragment = doc.getXmlFragment(BODY_FRAGMENT);
    for (let i = 0; i < DEPTH; i++) {
      const wrap = new Y.XmlElement(i % 2 ? 'blockquote' : 'marquee');
      outer.insert(outer === doc.getXmlFragment(BODY_FRAGMENT) ? 1 : 0, [wrap]);
      outer = wrap;
    }
    const inner = new Y.XmlElement('paragraph');
    inner.insert(0, [new Y.XmlText('深い段落')]);
    outer.insert(0, [inner]);
    const maps = measureMaps(doc);
    let parent: string | null = null;
    for (let i = 0; i < chain; i++) {
      const row = new Y.Map<unknown>();
      row.set('kind', 'measure');
      row.set('position', { parent, key: keyBetween(null, null) });
      row.set('title', new Y.Text(`段${i}`));
      maps.nodes.set(`chain${i}`, row);
      parent = `chain${i}`;
    }
    const kpi = [...maps.kpis.values()][0]!;
    kpi.set('targetValue', new Y.Map());
    kpi.set('actuals', 'many');
    doc.getMap('payload').set('x', 1);
  });
  return doc;
}

describe('readers of a legacy document with a bad shape', () => {
  const doc = legacyBadDoc();

  it('derive the measure table, rows past the bound kept but no deeper than it', () => {
    const derived = deriveTable(readMeasureTable(doc));
    expect(derived.rows.length).toBeGreaterThan(CHAIN);
    expect(Math.max(...derived.rows.map((row) => row.depth))).toBe(SHAPE_LIMITS.maxRowDepth);
  });

  it('build and print the annual report, which walks the rows by depth', () => {
    const table = readMeasureTable(doc);
    const report = buildAnnualReport(table, {}, 2024);
    expect(reportHtml(report, { planTitle: '計画', source: '現在の案' })).toContain('段2999');
  });

  it('snapshot, seal and read back the seal', () => {
    const snapshot = planSnapshotOf(doc);
    const { canonical } = sealSnapshot(snapshot);
    expect(planSnapshotSchema.safeParse(JSON.parse(canonical)).success).toBe(true);
  });

  // A Word table of thousands of rows is slow to write whatever its shape (issue 15 item 1's
  // worker threads): the exports get a shorter chain, still far past the shape's bound.
  it('export the revision in HTML and Word, and compare it with the clean plan', async () => {
    const snapshot = planSnapshotOf(legacyBadDoc(300));
    expect(revisionHtml('計画', fixtureRevision(), snapshot, { calendar: 'wareki' })).toContain('深い段落');
    expect((await revisionDocx('計画', fixtureRevision(), snapshot, { calendar: 'wareki' })).length).toBeGreaterThan(0);
    const clean = prosemirrorJSONToYDoc(proseSchema(), demoProseDocument(), BODY_FRAGMENT);
    seedDemoMeasures(clean);
    const before = planSnapshotOf(clean);
    const comparison = {
      from: { label: '第1版', revisionId: 'r1' },
      to: { label: '現在の案', revisionId: null },
      prose: diffProse(before.prose, snapshot.prose),
      measures: diffMeasures(before.measures, snapshot.measures),
    };
    expect(compareHtml('計画', comparison, { calendar: 'wareki', order: 'new-old' })).toContain('深い段落');
    expect((await compareDocx('計画', comparison, { calendar: 'wareki', order: 'new-old' })).length).toBeGreaterThan(0);
  }, 20_000);

  it('compare (the worker task) against a revision frozen before the bound, its prose nested far past the stack', () => {
    const clean = prosemirrorJSONToYDoc(proseSchema(), demoProseDocument(), BODY_FRAGMENT);
    seedDemoMeasures(clean);
    const { canonical } = sealSnapshot(planSnapshotOf(clean));
    // Written as text: a legacy canonical as stored, which no current writer could produce.
    const levels = 20_000;
    const deep = `{"type":"doc","content":[${'{"type":"blockquote","content":['.repeat(levels)}{"type":"paragraph","content":[{"type":"text","text":"深い段落"}]}${']}'.repeat(levels)}]}`;
    const legacy = JSON.stringify({ ...JSON.parse(canonical), prose: '__deep__' }).replace('"__deep__"', deep);
    const comparison = TASKS.compare({ from: { canonical: legacy }, to: { canonical } });
    expect(JSON.stringify(comparison.prose)).toContain('深い段落');
  }, 20_000);
});
