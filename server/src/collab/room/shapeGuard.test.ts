import { BODY_FRAGMENT, SHAPE_LIMITS, type ShapeLimits, checkDocShape } from '@sakutei/shared';
import { proseSchema, proseShapeRules } from '@sakutei/shared/editor';
import {
  addKpi,
  addNode,
  measureMaps,
  moveNode,
  readMeasureTable,
  setActual,
  setEvaluation,
  setNodeText,
  setRoleMark,
  addActor,
  updateKpi,
  updateSettings,
} from '@sakutei/shared/measures';
import { prosemirrorJSONToYDoc } from '@tiptap/y-tiptap';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { demoProseDocument } from '../../demo/fukushimaProgramme';
import { seedDemoMeasures } from '../../services/demoSeed';
import { shapeViolation } from './shapeGuard';

const rules = proseShapeRules();

function demoDoc(): Y.Doc {
  const doc = prosemirrorJSONToYDoc(proseSchema(), demoProseDocument(), BODY_FRAGMENT);
  seedDemoMeasures(doc);
  return doc;
}
const DEMO = Y.encodeStateAsUpdate(demoDoc());

let ids = 0;
const newId = () => `t${++ids}`;

/** What `change` does to a copy of `server`, as the update a client would send, and whether the guard lets it in. */
function attempt(server: Y.Doc, change: (doc: Y.Doc) => void, limits: ShapeLimits = SHAPE_LIMITS): string | null {
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
  change(client);
  const update = Y.encodeStateAsUpdate(client, Y.encodeStateVector(server));
  return shapeViolation(server, update, { rules, limits });
}

function server(): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, DEMO);
  return doc;
}

const body = (doc: Y.Doc) => doc.getXmlFragment(BODY_FRAGMENT);
const firstParagraphText = (doc: Y.Doc): Y.XmlText => {
  const walker = body(doc).createTreeWalker((type) => type instanceof Y.XmlText);
  return walker.next().value as Y.XmlText;
};
const element = (name: string, ...children: Array<Y.XmlElement | Y.XmlText>) => {
  const el = new Y.XmlElement(name);
  el.insert(0, children);
  return el;
};
const paragraph = (text: string) => element('paragraph', new Y.XmlText(text));
const nest = (depth: number) => {
  let inner: Y.XmlElement = paragraph('深い');
  for (let i = 0; i < depth; i++) inner = element('blockquote', inner);
  return inner;
};
const firstNodeId = (doc: Y.Doc) => readMeasureTable(doc).nodes[0]!.id;
const firstKpiId = (doc: Y.Doc) => readMeasureTable(doc).kpis[0]!.id;

describe('shape guard: what honest editors write gets through', () => {
  const honest: Record<string, (doc: Y.Doc) => void> = {
    'typing in a paragraph': (doc) => firstParagraphText(doc).insert(1, '追記'),
    'bold text': (doc) => firstParagraphText(doc).format(0, 2, { bold: {} }),
    'a link': (doc) => firstParagraphText(doc).format(0, 2, { link: { href: 'https://example.jp', target: '_blank' } }),
    'a new paragraph (Enter)': (doc) => body(doc).insert(1, [paragraph('新しい段落')]),
    'a heading with its level': (doc) => {
      const heading = element('heading', new Y.XmlText('見出し'));
      heading.setAttribute('level', 3 as unknown as string);
      body(doc).insert(0, [heading]);
    },
    'a table': (doc) =>
      body(doc).insert(2, [element('table', element('tableRow', element('tableHeader', paragraph('項目')), element('tableCell', paragraph('値'))))]),
    'a nested list': (doc) => body(doc).insert(0, [element('bulletList', element('listItem', paragraph('a'), element('bulletList', element('listItem', paragraph('b')))))]),
    'a row, a KPI and its actual': (doc) => {
      const row = addNode(doc, { parent: firstNodeId(doc) }, { kind: 'measure', title: '新しい施策' }, newId);
      const kpi = addKpi(doc, row, { name: '指標', unit: '件', direction: 'lower', targetValue: { kind: 'number', value: 3 } }, newId);
      setActual(doc, kpi, 2024, { kind: 'number', value: 2 });
    },
    'moving a row': (doc) => {
      const table = readMeasureTable(doc);
      moveNode(doc, table.nodes.at(-1)!.id, { parent: table.nodes[0]!.id });
    },
    'editing a row title and a KPI': (doc) => {
      setNodeText(doc, firstNodeId(doc), 'title', '改題');
      updateKpi(doc, firstKpiId(doc), { components: ['複数', '単身'], baselineYear: 2020, targetKind: { kind: 'cumulative', fromYear: 2020 } });
    },
    'settings, actors and role marks': (doc) => {
      updateSettings(doc, { actualYears: [2023, 2024, 2025], roleMatrixLevel: 2 });
      const actor = addActor(doc, '商工会議所', newId);
      setRoleMark(doc, firstNodeId(doc), actor, '◎');
    },
    'a 評価・課題': (doc) => setEvaluation(doc, 2024, 'plan', '順調に進んだ'),
  };
  for (const [what, change] of Object.entries(honest)) {
    it(what, () => expect(attempt(server(), change)).toBeNull());
  }
});

/** Hostile but well-formed changes, each a different rule. */
const HOSTILE: Record<string, (doc: Y.Doc) => void> = {
  'an unknown root': (doc) => doc.getMap('payload').set('x', 1),
  'the body used as a map': (doc) => doc.getMap(BODY_FRAGMENT).set('x', 1),
  'an element the schema lacks, at the start': (doc) => body(doc).insert(0, [element('script', new Y.XmlText('x'))]),
  'an element the schema lacks, after a paragraph': (doc) => body(doc).insert(1, [element('iframe')]),
  'an element the schema lacks inside a new one': (doc) => body(doc).insert(1, [element('blockquote', element('marquee'))]),
  'an attribute the schema lacks': (doc) => (body(doc).get(0) as Y.XmlElement).setAttribute('onclick', 'x'),
  'a mark the schema lacks': (doc) => firstParagraphText(doc).format(0, 1, { blink: {} }),
  'a mark attribute the schema lacks': (doc) => firstParagraphText(doc).format(0, 1, { bold: { style: 'x' } }),
  'an embed in prose text': (doc) => firstParagraphText(doc).insertEmbed(0, { image: 'x' }),
  'text directly in the body': (doc) => body(doc).insert(0, [new Y.XmlText('loose')]),
  'a Map inside the prose': (doc) => (body(doc).get(0) as Y.XmlElement).insert(0, [new Y.Map() as never]),
  'prose nested 40 deep': (doc) => body(doc).insert(0, [nest(40)]),
  'prose nested a thousand deep': (doc) => body(doc).insert(0, [nest(1000)]),
  'a row record that is a string': (doc) => measureMaps(doc).nodes.set('r1', 'row' as never),
  'a row position of the wrong type': (doc) => measureMaps(doc).nodes.get(firstNodeId(doc))!.set('position', 5),
  'a row field nobody reads': (doc) => measureMaps(doc).nodes.get(firstNodeId(doc))!.set('payload', 'x'),
  'a row title that is a Map': (doc) => measureMaps(doc).nodes.get(firstNodeId(doc))!.set('title', new Y.Map()),
  'a KPI target that is a Map': (doc) => measureMaps(doc).kpis.get(firstKpiId(doc))!.set('targetValue', new Y.Map()),
  'a KPI target of the wrong kind': (doc) => measureMaps(doc).kpis.get(firstKpiId(doc))!.set('targetValue', { kind: 'number', value: 'many' }),
  'an actual keyed by no year': (doc) => (measureMaps(doc).kpis.get(firstKpiId(doc))!.get('actuals') as Y.Map<unknown>).set('soon', { kind: 'blank' }),
  'a setting of the wrong type': (doc) => measureMaps(doc).settings.set('actualYears', 'all'),
  'a role mark nobody prints': (doc) => measureMaps(doc).roleCells.set('a|b', '☠'),
  'an embed in a row title': (doc) => (measureMaps(doc).nodes.get(firstNodeId(doc))!.get('title') as Y.Text).insertEmbed(0, { x: 1 }),
  'a chain of 200 rows': (doc) => {
    let parent: string | null = null;
    for (let i = 0; i < 200; i++) parent = addNode(doc, { parent }, { kind: 'measure', title: `${i}` }, newId);
  },
};

describe('shape guard: hostile updates are refused', () => {
  for (const [what, change] of Object.entries(HOSTILE)) {
    it(what, () => expect(attempt(server(), change)).toEqual(expect.any(String)));
  }

  it('prose one level deeper than the bound, added to what is already there', () => {
    const doc = server();
    const limits = { ...SHAPE_LIMITS, maxProseDepth: 8 };
    const client = new Y.Doc();
    Y.applyUpdate(client, Y.encodeStateAsUpdate(doc));
    body(client).insert(0, [nest(7)]); // 8 elements: allowed
    const first = Y.encodeStateAsUpdate(client, Y.encodeStateVector(doc));
    expect(shapeViolation(doc, first, { rules, limits })).toBeNull();
    Y.applyUpdate(doc, first);
    expect(
      attempt(doc, (d) => {
        let deepest = body(d).get(0) as Y.XmlElement;
        while (deepest.get(0) instanceof Y.XmlElement && (deepest.get(0) as Y.XmlElement).nodeName === 'blockquote') deepest = deepest.get(0) as Y.XmlElement;
        deepest.insert(0, [element('blockquote', paragraph('x'))]);
      }, limits),
    ).toMatch(/deeper/);
  });

  it('a row moved under a chain, making it deeper than the bound', () => {
    const doc = server();
    const limits = { ...SHAPE_LIMITS, maxRowDepth: 8 };
    let chain: string[] = [];
    const other: string[] = [];
    expect(
      attempt(doc, (d) => {
        let parent: string | null = null;
        for (let i = 0; i < 8; i++) chain.push((parent = addNode(d, { parent }, { kind: 'measure', title: `${i}` }, newId)));
        parent = null;
        for (let i = 0; i < 3; i++) other.push((parent = addNode(d, { parent }, { kind: 'measure', title: `${i}` }, newId)));
        Y.applyUpdate(doc, Y.encodeStateAsUpdate(d, Y.encodeStateVector(doc)));
      }, limits),
    ).toBeNull();
    expect(attempt(doc, (d) => moveNode(d, other[0]!, { parent: chain.at(-1)! }), limits)).toMatch(/rows nested/);
    chain = [];
  });

  it('more records than the bound', () => {
    const limits = { ...SHAPE_LIMITS, maxRecords: 100 };
    expect(attempt(server(), (d) => {
      for (let i = 0; i < 101; i++) measureMaps(d).roleCells.set(`x${i}|y`, '○');
    }, limits)).toMatch(/more than 100/);
  });

  it('property: any mix of honest edits with one hostile change is refused, and the whole-document check agrees', () => {
    const hostile = Object.values(HOSTILE);
    const honestEdits: Array<(doc: Y.Doc) => void> = [
      (doc) => firstParagraphText(doc).insert(0, 'あ'),
      (doc) => body(doc).insert(1, [paragraph('段落')]),
      (doc) => addNode(doc, { parent: null }, { kind: 'measure', title: '施策' }, newId),
    ];
    const base = server();
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...honestEdits), { maxLength: 3 }),
        fc.constantFrom(...hostile.filter((_, i) => !/thousand|body used/.test(Object.keys(HOSTILE)[i]!))),
        fc.string({ minLength: 1, maxLength: 12 }).filter((name) => !rules.nodes.has(name) && /^[a-zA-Z][\w-]*$/.test(name)),
        (before, bad, strangeName) => {
          let copy!: Y.Doc;
          const problem = attempt(base, (doc) => {
            for (const edit of before) edit(doc);
            bad(doc);
            body(doc).insert(0, [element(strangeName)]);
            copy = doc;
          });
          expect(problem).toEqual(expect.any(String));
          expect(checkDocShape(copy, rules).length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 40 },
    );
  });
});
