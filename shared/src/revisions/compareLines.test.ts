import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_MEASURE_SETTINGS, type MeasureTable, type NodeRecord } from '../measures/model';
import { measureFieldText, measureGroups, renumberNoteText, type MeasureLine } from './compareLines';
import { diffMeasures } from './measureDiff';

/*
 * The renumbering note: inserting or removing rows anywhere shifts the numbers of every
 * later sibling (and the paths of their children). The 新旧対照表 says so once, as a note,
 * and still lists every real change.
 */

const key = (index: number) => `k${String(index * 10).padStart(4, '0')}`;

const measure = (id: string, parent: string | null, orderKey: string, title = `施策 ${id}`): NodeRecord => ({
  id,
  kind: 'measure',
  position: { parent, key: orderKey },
  title,
  description: '',
  projectId: null,
  status: null,
});

const table = (nodes: NodeRecord[]): MeasureTable => ({
  settings: DEFAULT_MEASURE_SETTINGS,
  nodes,
  projects: [],
  kpis: [],
  actors: [],
  roleCells: {},
});

/** A tree of `shape[i]` children under each of `shape[0]` top rows (two or three levels). */
function tree(shape: { top: number; children: number[]; grandchildren: number }): NodeRecord[] {
  const nodes: NodeRecord[] = [];
  for (let a = 0; a < shape.top; a++) {
    nodes.push(measure(`t${a}`, null, key(a)));
    for (let b = 0; b < (shape.children[a] ?? 0); b++) {
      nodes.push(measure(`t${a}-${b}`, `t${a}`, key(b)));
      for (let c = 0; c < shape.grandchildren; c++) nodes.push(measure(`t${a}-${b}-${c}`, `t${a}-${b}`, key(c)));
    }
  }
  return nodes;
}

const shapes = fc.record({
  top: fc.integer({ min: 1, max: 4 }),
  children: fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 4, maxLength: 4 }),
  grandchildren: fc.integer({ min: 0, max: 2 }),
});

const lines = (groups: ReturnType<typeof measureGroups>): MeasureLine[] => groups.flatMap((group) => group.lines);

/** The sibling lists of a tree: each parent id with its children's ids in order. */
function siblingLists(nodes: readonly NodeRecord[]): Array<{ parent: string | null; ids: string[] }> {
  const byParent = new Map<string | null, NodeRecord[]>();
  for (const node of nodes) byParent.set(node.position.parent, [...(byParent.get(node.position.parent) ?? []), node]);
  return [...byParent].map(([parent, children]) => ({
    parent,
    ids: children.sort((x, y) => (x.position.key < y.position.key ? -1 : 1)).map((node) => node.id),
  }));
}

describe('measureGroups: renumbering', () => {
  it('inserting k rows anywhere gives k added lines and at most one note, never a line per shifted row', () => {
    fc.assert(
      fc.property(shapes, fc.nat(), fc.nat(), fc.integer({ min: 1, max: 4 }), (shape, listPick, placePick, k) => {
        const before = tree(shape);
        const lists = siblingLists(before);
        const list = lists[listPick % lists.length]!;
        const at = placePick % (list.ids.length + 1);
        // Keys that sort just before the sibling now at `at` (or after the last one).
        const base = at === 0 ? 'j' : before.find((node) => node.id === list.ids[at - 1])!.position.key;
        const inserted = Array.from({ length: k }, (_, n) => measure(`new${n}`, list.parent, `${base}5${n}`, `新しい施策${n}`));
        const groups = measureGroups(diffMeasures(table(before), table([...before, ...inserted])));
        const all = lines(groups);

        const shifted = list.ids.length - at;
        expect(all.filter((line) => line.kind === 'added')).toHaveLength(k);
        const notes = all.filter((line) => line.kind === 'renumbered');
        expect(notes).toHaveLength(shifted > 0 ? 1 : 0);
        if (shifted > 0) expect(notes[0]!.field).toMatchObject({ kind: 'renumber', direction: 'down', count: shifted });
        expect(all).toHaveLength(k + notes.length);
      }),
    );
  });

  it('removing k neighbouring rows gives k removed lines and one note that numbers move up', () => {
    fc.assert(
      fc.property(shapes, fc.nat(), fc.nat(), fc.integer({ min: 1, max: 3 }), (shape, listPick, placePick, k) => {
        const before = tree(shape);
        const lists = siblingLists(before);
        const list = lists[listPick % lists.length]!;
        const at = placePick % list.ids.length;
        const gone = new Set(list.ids.slice(at, at + k));
        // A removed row takes its children with it.
        const after = before.filter((node) => !gone.has(node.id) && !gone.has(node.position.parent ?? '') && ![...gone].some((id) => node.id.startsWith(`${id}-`)));
        const removedCount = before.length - after.length;
        const all = lines(measureGroups(diffMeasures(table(before), table(after))));

        const shifted = list.ids.length - at - gone.size;
        expect(all.filter((line) => line.kind === 'removed')).toHaveLength(removedCount);
        const notes = all.filter((line) => line.kind === 'renumbered');
        expect(notes).toHaveLength(shifted > 0 ? 1 : 0);
        if (shifted > 0) expect(notes[0]!.field).toMatchObject({ direction: 'up', count: shifted });
        expect(all).toHaveLength(removedCount + notes.length);
      }),
    );
  });

  it('still lists a real wording change on a row whose number shifted', () => {
    fc.assert(
      fc.property(shapes, fc.nat(), (shape, pick) => {
        const before = tree(shape);
        const top = before.filter((node) => node.position.parent === null);
        const target = top[pick % top.length]!;
        // One new top row first: every top row shifts, and one of them is also reworded.
        const after = before.map((node) => (node.id === target.id ? { ...node, title: `${node.title}（改）` } : node));
        after.push(measure('first', null, 'a', '最初の施策'));
        const all = lines(measureGroups(diffMeasures(table(before), table(after))));
        expect(all.filter((line) => line.kind === 'renumbered')).toHaveLength(1);
        expect(all).toContainEqual({ kind: 'changed', field: { kind: 'row', field: 'title' }, old: target.title, new: `${target.title}（改）` });
      }),
    );
  });
});

describe('the words of a line', () => {
  it('names fields in Japanese, never by key', () => {
    expect(measureFieldText({ kind: 'row', field: 'title' })).toBe('名称');
    expect(measureFieldText({ kind: 'kpi', field: 'actual', fiscalYear: 2023 })).toBe('実績値（令和5年度）');
    expect(measureFieldText({ kind: 'kpi', field: 'actual', fiscalYear: 2023 }, 'ja', 'seireki')).toBe('実績値（2023年度）');
    expect(measureFieldText({ kind: 'row', field: 'title' }, 'en')).toBe('Title');
  });

  it('says 以下、番号を繰り下げ once for a run of shifted rows', () => {
    const before = tree({ top: 1, children: [5], grandchildren: 0 });
    const after = [...before, measure('ins', 't0', 'k00055', '挿入')];
    const notes = lines(measureGroups(diffMeasures(table(before), table(after)))).filter((line) => line.kind === 'renumbered');
    expect(notes.map((line) => renumberNoteText(line))).toEqual(['以下、番号を繰り下げ（1(2) → 1(3) ほか3件）']);
  });
});
