import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { KORIYAMA_SCHEME, num } from './model';
import { deriveTable } from './tree';
import {
  addKpi,
  addNode,
  createMeasureUndoManager,
  deleteNode,
  indentNode,
  moveNode,
  moveNodeBy,
  outdentNode,
  readMeasureTable,
  replaceMeasureTable,
  setActual,
  setNodeText,
  updateSettings,
} from './ydoc';

let counter = 0;
const newId = () => `id${String(++counter).padStart(4, '0')}`;

function view(doc: Y.Doc) {
  return deriveTable(readMeasureTable(doc));
}
function outline(doc: Y.Doc): string[] {
  return view(doc).rows.map((row) => `${'  '.repeat(row.depth)}${row.number} ${row.title}`);
}

/** Two replicas that exchange updates only when told to, like two offline clients. */
function pair() {
  const a = new Y.Doc();
  const b = new Y.Doc();
  const sync = () => {
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
  };
  return { a, b, sync };
}

function fukushimaSample(doc: Y.Doc) {
  const area = addNode(doc, { parent: null }, { kind: 'measure', title: '経営の革新・向上・改善' }, newId);
  const measure = addNode(doc, { parent: area }, { kind: 'measure', title: '経営の革新、向上及び改善' }, newId);
  const consult = addNode(doc, { parent: measure }, { kind: 'placement', title: '相談支援事業' }, newId);
  const coord = addNode(doc, { parent: measure }, { kind: 'placement', title: '産業支援コーディネート事業' }, newId);
  const second = addNode(doc, { parent: area }, { kind: 'measure', title: '経営基盤の強化及び販路開拓' }, newId);
  return { area, measure, consult, coord, second };
}

describe('measure table in the Y.Doc', () => {
  it('numbers rows from their position, and renumbers when a row moves', () => {
    const doc = new Y.Doc();
    const ids = fukushimaSample(doc);
    expect(outline(doc)).toEqual([
      '1 経営の革新・向上・改善',
      '  (1) 経営の革新、向上及び改善',
      '    ① 相談支援事業',
      '    ② 産業支援コーディネート事業',
      '  (2) 経営基盤の強化及び販路開拓',
    ]);
    moveNodeBy(doc, ids.coord, -1);
    moveNodeBy(doc, ids.second, -1);
    expect(outline(doc)).toEqual([
      '1 経営の革新・向上・改善',
      '  (1) 経営基盤の強化及び販路開拓',
      '  (2) 経営の革新、向上及び改善',
      '    ① 産業支援コーディネート事業',
      '    ② 相談支援事業',
    ]);
  });

  it('indents under the row above and outdents to after the parent', () => {
    const doc = new Y.Doc();
    const ids = fukushimaSample(doc);
    indentNode(doc, ids.second);
    expect(view(doc).rowById.get(ids.second)).toMatchObject({ depth: 2, number: '③' });
    outdentNode(doc, ids.second);
    expect(view(doc).rowById.get(ids.second)).toMatchObject({ depth: 1, number: '(2)' });
    outdentNode(doc, ids.consult);
    expect(outline(doc)[2]).toBe('    ① 産業支援コーディネート事業');
    expect(view(doc).rowById.get(ids.consult)).toMatchObject({ depth: 1, number: '(2)' });
  });

  it('labels the second placement of a project 再掲, sharing its name', () => {
    const doc = new Y.Doc();
    const ids = fukushimaSample(doc);
    const projectId = readMeasureTable(doc).nodes.find((node) => node.id === ids.consult)!.projectId!;
    const again = addNode(doc, { parent: ids.second }, { kind: 'placement', projectId, description: '別の説明' }, newId);
    const derived = view(doc);
    expect(derived.rowById.get(again)).toMatchObject({ title: '相談支援事業', reprintOf: ids.consult });
    expect(derived.rowById.get(ids.consult)?.reprintOf).toBeNull();
    setNodeText(doc, again, 'title', '経営相談支援事業');
    expect(view(doc).rowById.get(ids.consult)?.title).toBe('経営相談支援事業');
    // Moving the reprint above the first placement swaps which one is the 再掲.
    moveNode(doc, again, { parent: ids.area, after: null });
    expect(view(doc).rowById.get(ids.consult)?.reprintOf).toBe(again);
  });

  it('prints Koriyama numbers from the scheme as data', () => {
    const doc = new Y.Doc();
    updateSettings(doc, { scheme: KORIYAMA_SCHEME });
    const one = addNode(doc, { parent: null }, { kind: 'measure', title: '地域商業の振興' }, newId);
    const two = addNode(doc, { parent: null }, { kind: 'measure', title: '新しい産業の創出' }, newId);
    addNode(doc, { parent: one }, { kind: 'measure', title: 'e-commerce時代のICT活用' }, newId);
    for (const title of ['破壊的技術', '成長産業', '産学官連携']) addNode(doc, { parent: two }, { kind: 'measure', title }, newId);
    addNode(doc, { parent: view(doc).rows.at(-1)!.node.id }, { kind: 'placement', title: '異業種間連携' }, newId);
    expect(outline(doc)).toEqual([
      'Ⅰ 地域商業の振興',
      '  Ⅰ-1 e-commerce時代のICT活用',
      'Ⅱ 新しい産業の創出',
      '  Ⅱ-1 破壊的技術',
      '  Ⅱ-2 成長産業',
      '  Ⅱ-3 産学官連携',
      '     異業種間連携',
    ]);
  });

  it('numbers KPIs plan-wide in the order of the rows they attach to', () => {
    const doc = new Y.Doc();
    const ids = fukushimaSample(doc);
    const late = addKpi(doc, ids.second, { name: '新製品・新技術開発に係る市支援事業採択件数' }, newId);
    const early = addKpi(doc, ids.measure, { name: '「経営は概ね順調である」と答えた企業の割合' }, newId);
    const mid = addKpi(doc, ids.coord, { name: '産業支援コーディネーターによる企業訪問等' }, newId);
    expect(view(doc).kpis.map((entry) => [entry.mark, entry.kpi.id])).toEqual([['①', early], ['②', mid], ['③', late]]);
    moveNodeBy(doc, ids.second, -1);
    expect(view(doc).kpiById.get(late)?.mark).toBe('①');
  });

  it('deletes a row with its sub-rows, their KPIs and projects left without a placement', () => {
    const doc = new Y.Doc();
    const ids = fukushimaSample(doc);
    addKpi(doc, ids.coord, { name: 'x' }, newId);
    deleteNode(doc, ids.measure);
    const table = readMeasureTable(doc);
    expect(table.nodes.map((node) => node.id).sort()).toEqual([ids.area, ids.second].sort());
    expect(table.kpis).toEqual([]);
    expect(table.projects).toEqual([]);
  });

  it('merges concurrent edits in different parts of the same cell', () => {
    const { a, b, sync } = pair();
    const id = addNode(a, { parent: null }, { kind: 'measure', title: '創業及び事業の承継' }, newId);
    sync();
    setNodeText(a, id, 'title', '創業及び事業の円滑な承継');
    setNodeText(b, id, 'title', '【重点】創業及び事業の承継');
    sync();
    expect(view(a).rowById.get(id)?.title).toBe('【重点】創業及び事業の円滑な承継');
    expect(outline(a)).toEqual(outline(b));
  });

  it('keeps both rows when two people insert at the same place at once', () => {
    const { a, b, sync } = pair();
    const first = addNode(a, { parent: null }, { kind: 'measure', title: 'A' }, newId);
    sync();
    addNode(a, { parent: null, after: first }, { kind: 'measure', title: 'from a' }, newId);
    addNode(b, { parent: null, after: first }, { kind: 'measure', title: 'from b' }, newId);
    sync();
    expect(outline(a)).toEqual(outline(b));
    const titles = view(a).rows.map((row) => row.title);
    expect(titles[0]).toBe('A');
    expect(titles.slice(1).sort()).toEqual(['from a', 'from b']);
    expect(view(a).rows.map((row) => row.number)).toEqual(['1', '2', '3']);
  });

  it('moves a row under one caught in a loop of parents that two concurrent moves left', () => {
    const { a, b, sync } = pair();
    const first = addNode(a, { parent: null }, { kind: 'measure', title: '甲' }, newId);
    const second = addNode(a, { parent: null }, { kind: 'measure', title: '乙' }, newId);
    const third = addNode(a, { parent: null }, { kind: 'measure', title: '丙' }, newId);
    sync();
    // One puts 甲 under 乙 while the other puts 乙 under 甲: stored, each is the other's parent.
    moveNode(a, first, { parent: second });
    moveNode(b, second, { parent: first });
    sync();
    // Walking up from 乙 comes back round to 乙 without meeting 丙: this once never ended.
    moveNode(a, third, { parent: second });
    sync();
    expect(outline(a)).toEqual(outline(b));
    expect(view(a).rows.map((row) => row.node.id).sort()).toEqual([first, second, third].sort());
    // The row itself stays refused as its own descendant's child, loop or not.
    const before = outline(a);
    moveNode(a, first, { parent: third });
    expect(outline(a)).toEqual(before);
  });

  it('never duplicates or loses rows under random concurrent moves, inserts and deletes', () => {
    const op = fc.record({
      replica: fc.integer({ min: 0, max: 1 }),
      kind: fc.constantFrom('move', 'insert', 'indent', 'outdent', 'up', 'down', 'delete'),
      pick: fc.nat(),
      target: fc.nat(),
      sync: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(op, { minLength: 1, maxLength: 40 }), (ops) => {
        const { a, b, sync } = pair();
        fukushimaSample(a);
        sync();
        for (const step of ops) {
          const doc = step.replica === 0 ? a : b;
          const rows = view(doc).rows;
          if (rows.length === 0) {
            addNode(doc, { parent: null }, { kind: 'measure', title: 'r' }, newId);
            continue;
          }
          const row = rows[step.pick % rows.length]!;
          const other = rows[step.target % rows.length]!;
          switch (step.kind) {
            case 'move':
              moveNode(doc, row.node.id, { parent: other.node.id === row.node.id ? null : other.node.id });
              break;
            case 'insert':
              addNode(doc, { parent: other.parentId, after: other.node.id }, { kind: 'measure', title: 'n' }, newId);
              break;
            case 'indent':
              indentNode(doc, row.node.id);
              break;
            case 'outdent':
              outdentNode(doc, row.node.id);
              break;
            case 'up':
              moveNodeBy(doc, row.node.id, -1);
              break;
            case 'down':
              moveNodeBy(doc, row.node.id, 1);
              break;
            case 'delete':
              if (step.target % 5 === 0) deleteNode(doc, row.node.id);
              break;
          }
          if (step.sync) sync();
        }
        sync();
        const left = view(a);
        const right = view(b);
        expect(outline(a)).toEqual(outline(b));
        // Every stored row appears exactly once in the derived tree.
        const ids = left.rows.map((row) => row.node.id);
        expect(new Set(ids).size).toBe(ids.length);
        expect(ids.sort()).toEqual(readMeasureTable(a).nodes.map((node) => node.id).sort());
        expect(right.rows).toHaveLength(left.rows.length);
      }),
      { numRuns: 150 },
    );
  });

  it("undoes only the user's own edits, never someone else's", () => {
    const { a, b, sync } = pair();
    const ids = fukushimaSample(a);
    const kpi = addKpi(a, ids.coord, { name: '企業訪問等', unit: '件' }, newId);
    sync();
    const undoA = createMeasureUndoManager(a);
    setActual(a, kpi, 2023, num(387));
    setNodeText(b, ids.consult, 'title', '経営相談支援事業');
    sync();
    undoA.undo();
    sync();
    for (const doc of [a, b]) {
      const table = readMeasureTable(doc);
      expect(table.kpis[0]?.actuals['2023']).toBeUndefined();
      expect(view(doc).rowById.get(ids.consult)?.title).toBe('経営相談支援事業');
    }
    undoA.redo();
    sync();
    expect(readMeasureTable(b).kpis[0]?.actuals['2023']).toEqual(num(387));
    undoA.destroy();
  });

  it('restores a frozen table as one change, keeping the identity of what survived', () => {
    const doc = new Y.Doc();
    const ids = fukushimaSample(doc);
    const kpi = addKpi(doc, ids.coord, { name: '企業訪問等', unit: '件/年', baselineValue: num(433) }, newId);
    setActual(doc, kpi, 2023, num(387));
    const frozen = readMeasureTable(doc);
    const titleText = doc.getMap<Y.Map<unknown>>('measureNodes').get(ids.area)!.get('title');
    setNodeText(doc, ids.area, 'title', '書き換えた題名');
    deleteNode(doc, ids.second);
    setActual(doc, kpi, 2024, num(400));
    addNode(doc, { parent: null }, { kind: 'measure', title: '後から足した施策' }, newId);
    replaceMeasureTable(doc, frozen);
    const sortById = <T extends { id: string }>(list: T[]) => [...list].sort((a, b) => (a.id < b.id ? -1 : 1));
    const restored = readMeasureTable(doc);
    expect(sortById(restored.nodes)).toEqual(sortById(frozen.nodes));
    expect(restored.kpis).toEqual(frozen.kpis);
    expect(sortById(restored.projects)).toEqual(sortById(frozen.projects));
    expect(doc.getMap<Y.Map<unknown>>('measureNodes').get(ids.area)!.get('title')).toBe(titleText);
  });

  it('ignores malformed entries a hostile editor could write', () => {
    const doc = new Y.Doc();
    fukushimaSample(doc);
    const nodes = doc.getMap('measureNodes');
    const bad = new Y.Map<unknown>();
    bad.set('kind', 'measure');
    bad.set('position', { parent: null, key: '0' });
    nodes.set('bad', bad);
    nodes.set('worse', 42 as never);
    const kpis = doc.getMap('measureKpis');
    const kpi = new Y.Map<unknown>();
    kpi.set('attachTo', 'x');
    kpi.set('key', 'V12');
    kpi.set('baselineValue', { kind: 'number', value: 'lots' });
    kpis.set('k', kpi);
    const table = readMeasureTable(doc);
    expect(table.nodes.map((node) => node.id)).not.toContain('bad');
    expect(table.kpis[0]?.baseline.value).toEqual({ kind: 'blank' });
  });
});
