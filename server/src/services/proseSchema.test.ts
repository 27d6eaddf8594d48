import { BODY_FRAGMENT, type PlanSnapshot } from '@sakutei/shared';
import { proseSchema } from '@sakutei/shared/editor';
import { readMeasureTable } from '@sakutei/shared/measures';
import { prosemirrorJSONToYDoc } from '@tiptap/y-tiptap';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { demoProseDocument } from '../demo/fukushimaProgramme';
import { planSnapshotOf, restoreSnapshot, sealSnapshot } from './snapshot';

type Schema = ReturnType<typeof proseSchema>;

/** The schema plans were written with before tables: today's, less the four table nodes. */
function schemaBeforeTables(): Schema {
  const current = proseSchema();
  let nodes = current.spec.nodes;
  for (const name of ['table', 'tableRow', 'tableHeader', 'tableCell']) nodes = nodes.remove(name);
  const SchemaClass = current.constructor as new (spec: Schema['spec']) => Schema;
  return new SchemaClass({ nodes, marks: current.spec.marks });
}

/** A plan's prose with the old shapes the first editor could make: lists, a quote, an H5 from `#####`. */
const OLD_PROSE = {
  type: 'doc',
  content: [
    ...demoProseDocument().content,
    { type: 'heading', attrs: { level: 5 }, content: [{ type: 'text', text: '細目' }] },
    {
      type: 'orderedList',
      attrs: { start: 1, type: null },
      content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: '自動で番号になった行' }] }] }],
    },
    { type: 'blockquote', content: [{ type: 'paragraph', content: [{ type: 'text', text: '引用', marks: [{ type: 'bold' }] }] }] },
  ],
};

const TABLE_PROSE = {
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: '7. 計画の推進体制' }] },
    {
      type: 'table',
      content: [
        {
          type: 'tableRow',
          content: ['主体', '役割'].map((text) => ({
            type: 'tableHeader',
            attrs: { colspan: 1, rowspan: 1, colwidth: null },
            content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
          })),
        },
        {
          type: 'tableRow',
          content: ['市', '施策の実施'].map((text) => ({
            type: 'tableCell',
            attrs: { colspan: 1, rowspan: 1, colwidth: null },
            content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
          })),
        },
      ],
    },
  ],
};

describe('the prose schema with tables', () => {
  it('reads a document stored before tables existed, unchanged', () => {
    const doc = prosemirrorJSONToYDoc(schemaBeforeTables(), OLD_PROSE, BODY_FRAGMENT);
    const { prose } = planSnapshotOf(doc);
    const node = proseSchema().nodeFromJSON(prose);
    node.check();
    expect(node.toJSON()).toEqual(schemaBeforeTables().nodeFromJSON(OLD_PROSE).toJSON());
    expect(node.child(node.childCount - 3).attrs.level).toBe(5);
  });

  it('freezes and restores prose holding a table', () => {
    const snapshot: PlanSnapshot = { prose: proseSchema().nodeFromJSON(TABLE_PROSE).toJSON(), measures: readMeasureTable(new Y.Doc()) };
    const doc = new Y.Doc();
    restoreSnapshot(doc, snapshot, 'test');
    const read = planSnapshotOf(doc);
    const node = proseSchema().nodeFromJSON(read.prose);
    node.check();
    // Yjs keeps no null attributes (a cell's colwidth); the schema puts its defaults back.
    expect(node.toJSON()).toEqual(snapshot.prose);
    // Freezing is stable: restoring what was read and reading it again gives the same hash.
    const again = new Y.Doc();
    restoreSnapshot(again, read, 'test');
    expect(sealSnapshot(planSnapshotOf(again)).hash).toBe(sealSnapshot(read).hash);
  });

  it('knows the table nodes', () => {
    const schema = proseSchema();
    for (const name of ['table', 'tableRow', 'tableHeader', 'tableCell']) expect(schema.nodes[name]).toBeDefined();
  });
});
