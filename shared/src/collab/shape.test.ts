import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { proseShapeRules } from '../editor/extensions';
import { addKpi, addNode, measureMaps, setActual, updateSettings } from '../measures/ydoc';
import { setEvaluation } from '../measures/report/evaluations';
import { BODY_FRAGMENT } from './layout';
import { jsonBounded } from './jsonBounded';
import { SHAPE_LIMITS, checkDocShape, deepestRowOf } from './shape';

const rules = proseShapeRules();
let ids = 0;
const newId = () => `s${++ids}`;

function element(name: string, ...children: Array<Y.XmlElement | Y.XmlText>): Y.XmlElement {
  const el = new Y.XmlElement(name);
  el.insert(0, children);
  return el;
}

/** A small plan as the editors write it: headings, a list, a table, rows, KPIs, a 評価・課題. */
function honestDoc(): Y.Doc {
  const doc = new Y.Doc();
  const heading = element('heading', new Y.XmlText('第1章'));
  heading.setAttribute('level', 1 as unknown as string);
  const bold = new Y.XmlText('太字');
  bold.format(0, 2, { bold: {} });
  doc.getXmlFragment(BODY_FRAGMENT).insert(0, [
    heading,
    element('paragraph', bold),
    element('bulletList', element('listItem', element('paragraph', new Y.XmlText('項目')))),
    element('table', element('tableRow', element('tableCell', element('paragraph', new Y.XmlText('セル'))))),
  ]);
  const top = addNode(doc, { parent: null }, { kind: 'measure', title: '施策体系' }, newId);
  const placement = addNode(doc, { parent: top }, { kind: 'placement', title: '事業', status: 'new' }, newId);
  const kpi = addKpi(doc, placement, { name: '件数', unit: '件', targetValue: { kind: 'number', value: 10 } }, newId);
  setActual(doc, kpi, 2024, { kind: 'number', value: 4 });
  updateSettings(doc, { actualYears: [2024, 2025] });
  setEvaluation(doc, 2024, 'plan', '順調');
  return doc;
}

describe('checkDocShape', () => {
  it('finds nothing wrong with what the editors write', () => {
    expect(checkDocShape(honestDoc(), rules)).toEqual([]);
  });

  const rule = (what: string, change: (doc: Y.Doc) => void, expected: RegExp) =>
    it(what, () => {
      const doc = honestDoc();
      change(doc);
      const problems = checkDocShape(doc, rules);
      expect(problems.map((p) => p.problem).join(' | ')).toMatch(expected);
    });
  const firstRow = (doc: Y.Doc) => [...measureMaps(doc).nodes.values()][0]!;
  const firstKpi = (doc: Y.Doc) => [...measureMaps(doc).kpis.values()][0]!;

  rule('an unknown root', (doc) => doc.getArray('extra').insert(0, [1]), /no plan document has this root/);
  rule('an element the schema lacks', (doc) => doc.getXmlFragment(BODY_FRAGMENT).insert(0, [element('script')]), /no prose element is called <script>/);
  rule('an attribute the schema lacks', (doc) => (doc.getXmlFragment(BODY_FRAGMENT).get(0) as Y.XmlElement).setAttribute('style', 'x'), /no attribute "style"/);
  rule('a mark the schema lacks', (doc) => ((doc.getXmlFragment(BODY_FRAGMENT).get(1) as Y.XmlElement).get(0) as Y.XmlText).format(0, 1, { blink: {} }), /no mark is called "blink"/);
  rule('text directly in the prose root', (doc) => doc.getXmlFragment(BODY_FRAGMENT).insert(0, [new Y.XmlText('x')]), /text directly in the prose root/);
  rule('prose deeper than the bound', (doc) => {
    let outer: Y.XmlFragment = doc.getXmlFragment(BODY_FRAGMENT);
    for (let i = 0; i <= SHAPE_LIMITS.maxProseDepth; i++) {
      const wrap = new Y.XmlElement('blockquote');
      outer.insert(0, [wrap]);
      outer = wrap;
    }
  }, /nested deeper than 32/);
  rule('a row that is no Map', (doc) => measureMaps(doc).nodes.set('x', 'row' as never), /must be a Map/);
  rule('a row field of the wrong type', (doc) => firstRow(doc).set('status', 'finished'), /node.status has the wrong type/);
  rule('a row field nobody reads', (doc) => firstRow(doc).set('script', 'x'), /has no field "script"/);
  rule('a KPI value that is a Map', (doc) => firstKpi(doc).set('baselineValue', new Y.Map()), /cannot be a Map/);
  rule('an actual of the wrong type', (doc) => (firstKpi(doc).get('actuals') as Y.Map<unknown>).set('2025', 7), /actual of 2025/);
  rule('a setting of the wrong type', (doc) => measureMaps(doc).settings.set('roleMatrixLevel', 'all'), /wrong type/);
  rule('a map root used as a list', (doc) => {
    // Written by a replica that took the root for a list, as a hostile client would send it.
    const other = new Y.Doc();
    other.getArray('measureKpis').insert(0, [1]);
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(other));
  }, /is a map, not a list/);

  it('rows chained deeper than the bound, cycles counted once', () => {
    const parents = new Map<string, string | null>();
    for (let i = 0; i < 200; i++) parents.set(`r${i}`, i === 0 ? null : `r${i - 1}`);
    expect(deepestRowOf(parents, SHAPE_LIMITS.maxRowDepth)).not.toBeNull();
    const cycle = new Map<string, string | null>([['a', 'b'], ['b', 'a']]);
    expect(deepestRowOf(cycle, 1)).toBeNull();
  });

  it('walks a chain of 100 000 rows and prose 100 000 deep without recursing', () => {
    // Children listed before their parents, so that a recursive walk from the first entry
    // would have to go 100 000 calls deep, far past any stack.
    const parents = new Map<string, string | null>();
    for (let i = 99_999; i >= 0; i--) parents.set(`r${i}`, i === 0 ? null : `r${i - 1}`);
    // A top-level row is at depth 0: the first one past the bound is one below it.
    expect(deepestRowOf(parents, SHAPE_LIMITS.maxRowDepth)).toBe(`r${SHAPE_LIMITS.maxRowDepth + 1}`);
    const doc = honestDoc();
    doc.transact(() => {
      // From the outside in, one level per insert (Yjs itself recurses into new nested content).
      let outer: Y.XmlFragment = doc.getXmlFragment(BODY_FRAGMENT);
      for (let i = 0; i < 100_000; i++) {
        const wrap = new Y.XmlElement('blockquote');
        outer.insert(0, [wrap]);
        outer = wrap;
      }
    });
    expect(checkDocShape(doc, rules, SHAPE_LIMITS).length).toBeGreaterThan(0);
  });

  it('counts entries past the bound', () => {
    const doc = honestDoc();
    doc.transact(() => {
      for (let i = 0; i < 50; i++) measureMaps(doc).roleCells.set(`${i}|a`, '○');
    });
    expect(checkDocShape(doc, rules, { ...SHAPE_LIMITS, maxRecords: 40 }).map((p) => p.problem)).toContain('more than 40 entries');
  });

  it('property: hostile but well-formed documents always have a problem, and the check never recurses', () => {
    const strangeName = fc.stringMatching(/^[a-z][a-zA-Z]{0,11}$/).filter((name) => !rules.nodes.has(name) && !rules.marks.has(name));
    const hostile = fc.oneof(
      strangeName.map((name) => (doc: Y.Doc) => doc.getMap(`x${name}`).set('k', 1)),
      strangeName.map((name) => (doc: Y.Doc) => doc.getXmlFragment(BODY_FRAGMENT).insert(0, [element(name)])),
      fc.integer({ min: SHAPE_LIMITS.maxProseDepth + 1, max: 3_000 }).map((depth) => (doc: Y.Doc) =>
        doc.transact(() => {
          let outer: Y.XmlFragment = doc.getXmlFragment(BODY_FRAGMENT);
          for (let i = 0; i < depth; i++) {
            const wrap = new Y.XmlElement(i % 2 ? 'blockquote' : 'listItem');
            outer.insert(0, [wrap]);
            outer = wrap;
          }
        }),
      ),
      fc.record({ field: fc.constantFrom('kind', 'position', 'projectId', 'status'), value: fc.oneof(fc.integer(), fc.boolean(), fc.constant({ parent: 5 })) }).map(
        ({ field, value }) => (doc: Y.Doc) => firstRow(doc).set(field, value),
      ),
      fc.record({ field: fc.constantFrom('direction', 'components', 'baselineValue', 'targetValue', 'targetYear', 'subFigure'), value: fc.oneof(fc.string(), fc.integer({ min: 1e6 }).map(String), fc.constant({ kind: 'number', value: 'x' })) }).map(
        ({ field, value }) => (doc: Y.Doc) => firstKpi(doc).set(field, value),
      ),
      // A top row is at depth 0: a chain of maxRowDepth + 1 rows is still within the bound.
      fc.integer({ min: SHAPE_LIMITS.maxRowDepth + 2, max: 2_000 }).map((length) => (doc: Y.Doc) =>
        doc.transact(() => {
          let parent: string | null = null;
          for (let i = 0; i < length; i++) {
            const row = new Y.Map<unknown>();
            row.set('kind', 'measure');
            row.set('position', { parent, key: 'a0' });
            measureMaps(doc).nodes.set(`c${i}`, row);
            parent = `c${i}`;
          }
        }),
      ),
    );
    fc.assert(
      fc.property(hostile, (change) => {
        const doc = honestDoc();
        change(doc);
        expect(checkDocShape(doc, rules).length).toBeGreaterThan(0);
      }),
      { numRuns: 60 },
    );
  });
});

describe('free JSON values in the document are bounded (review 15 C18)', () => {
  /** A value nested `depth` deep, built outside-in without recursion. */
  const nested = (depth: number): unknown => {
    let value: unknown = 'x';
    for (let i = 0; i < depth; i++) value = { v: value };
    return value;
  };

  const problems = (doc: Y.Doc) => checkDocShape(doc, rules).map((p) => p.problem).join('\n');

  it('accepts small JSON values and refuses deep, huge or non-JSON ones', () => {
    expect(jsonBounded({ a: [1, 'b', null, { c: true }] })).toBe(true);
    expect(jsonBounded(nested(15))).toBe(true);
    expect(jsonBounded(nested(17))).toBe(false);
    expect(jsonBounded(nested(200_000))).toBe(false);
    expect(jsonBounded(Array.from({ length: 20_000 }, () => 1))).toBe(false);
    expect(jsonBounded(new Uint8Array(3))).toBe(false);
    expect(jsonBounded(Number.NaN)).toBe(false);
  });

  it('refuses a prose attribute, a mark attribute or a lenient map value nested past the bound', () => {
    const attribute = honestDoc();
    const heading = attribute.getXmlFragment(BODY_FRAGMENT).get(0) as Y.XmlElement;
    heading.setAttribute('level', nested(40) as string);
    expect(problems(attribute)).toMatch(/attribute level is not a small JSON value/);

    const mark = honestDoc();
    const text = new Y.XmlText('リンク');
    text.format(0, 3, { link: { href: nested(40) } });
    mark.getXmlFragment(BODY_FRAGMENT).insert(0, [element('paragraph', text)]);
    expect(problems(mark)).toMatch(/mark link has attributes that are not small JSON values/);

    const lenient = honestDoc();
    lenient.getMap('measureImports').set('memory', nested(40));
    expect(problems(lenient)).toMatch(/measureImports\.memory is not a small JSON value/);
    lenient.getMap('measureImports').set('memory', { columns: ['名称', '単位'] });
    expect(checkDocShape(lenient, rules)).toEqual([]);
  });
});
