import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { measureTableSchema } from './model';
import {
  defaultProgressYear,
  parseProgressKey,
  progressKey,
  readProgressEntries,
  type ProgressEntry,
} from './progress';
import { readProgress, setProgress } from './progressDoc';
import { rollupProgress } from './progressRollup';
import { departmentOf, departmentsIn, filteredRowIds, NO_PROGRESS_FILTER } from './progressFilter';
import { deriveTable } from './tree';
import {
  MEASURE_MAPS,
  addNode,
  createMeasureUndoManager,
  deleteNode,
  measureMaps,
  readMeasureTable,
  replaceMeasureTable,
  setNodeStatus,
} from './ydoc';

let counter = 0;
const newId = () => `p${String(++counter).padStart(4, '0')}`;

const done: ProgressEntry = { status: 'implemented', note: '相談 120 件', figure: { value: 120, unit: '件' } };
const partly: ProgressEntry = { status: 'partial', note: '', figure: null };

/**
 * 1 経営 ─ (1) 革新 ─ ① 相談 (新規), ② コーディネート (継続)
 *        └ (2) 基盤 ─ ① 販路 (充実), ② 相談 再掲
 * 2 創業 ─ (1) 支援 ─ ① 創業塾 (unmarked)
 */
function sample(doc: Y.Doc) {
  const area = addNode(doc, { parent: null }, { kind: 'measure', title: '経営' }, newId);
  const innovate = addNode(doc, { parent: area }, { kind: 'measure', title: '革新' }, newId);
  const consult = addNode(
    doc,
    { parent: innovate },
    { kind: 'placement', title: '相談支援事業', status: 'new', contacts: [{ organisation: '福島市', section: '産業雇用政策課', phone: '' }] },
    newId,
  );
  const coord = addNode(
    doc,
    { parent: innovate },
    { kind: 'placement', title: 'コーディネート', status: 'continued', contacts: [{ organisation: '福島商工会議所', section: '', phone: '' }] },
    newId,
  );
  const base = addNode(doc, { parent: area }, { kind: 'measure', title: '基盤' }, newId);
  const sales = addNode(
    doc,
    { parent: base },
    { kind: 'placement', title: '販路', status: 'enhanced', contacts: [{ organisation: '福島市', section: '商業労政課', phone: '' }] },
    newId,
  );
  const consultProject = readMeasureTable(doc).nodes.find((node) => node.id === consult)!.projectId!;
  const reprint = addNode(doc, { parent: base }, { kind: 'placement', projectId: consultProject, status: 'new' }, newId);
  const startup = addNode(doc, { parent: null }, { kind: 'measure', title: '創業' }, newId);
  const support = addNode(doc, { parent: startup }, { kind: 'measure', title: '支援' }, newId);
  const school = addNode(doc, { parent: support }, { kind: 'placement', title: '創業塾' }, newId);
  return { area, innovate, consult, coord, base, sales, reprint, startup, support, school };
}

describe('progress keys and reading', () => {
  it('keys a placement and year flatly, and reads only well-formed keys back', () => {
    expect(progressKey('n1', 2024)).toBe('n1|2024');
    expect(parseProgressKey('n1|2024')).toEqual({ nodeId: 'n1', fiscalYear: 2024 });
    expect(parseProgressKey('a|b|2024')).toEqual({ nodeId: 'a|b', fiscalYear: 2024 });
    for (const bad of ['n1', 'n1|24', '|2024', 'n1|2024x', '']) expect(parseProgressKey(bad)).toBeNull();
  });

  it('skips hostile shapes instead of trusting them', () => {
    const read = readProgressEntries([
      ['a|2024', done],
      ['a|2025', { status: 'exploded', note: '', figure: null }],
      ['b|2024', { status: 'implemented', note: 42, figure: null }],
      ['c|2024', { status: 'implemented', note: '', figure: { value: Number.NaN, unit: '' } }],
      ['d|2024', 'implemented'],
      ['e|2024', null],
      ['f|2024', { status: 'partial', note: 'x'.repeat(2001), figure: null }],
      ['g|2024', { status: 'partial', note: '', figure: { value: 3, unit: 'u'.repeat(41) } }],
      ['h|2024', ['implemented']],
      ['nokey', done],
      ['i|2024', { ...partly, extra: 'ignored' }],
    ]);
    expect(read).toEqual({ a: { '2024': done }, i: { '2024': partly } });
  });

  it('keeps only the placements it is told about', () => {
    expect(readProgressEntries([['a|2024', done], ['b|2024', done]], new Set(['b']))).toEqual({ b: { '2024': done } });
  });

  it('opens on the latest actual year that has begun', () => {
    expect(defaultProgressYear([2022, 2023, 2024, 2025], 2024)).toBe(2024);
    expect(defaultProgressYear([2025, 2022], 2030)).toBe(2025);
    expect(defaultProgressYear([2026, 2027], 2024)).toBe(2026);
    expect(defaultProgressYear([], 2024)).toBeNull();
  });
});

describe('progress in the Y.Doc', () => {
  it('records, overwrites and clears a placement year, and the table freezes it', () => {
    const doc = new Y.Doc();
    const ids = sample(doc);
    expect(readMeasureTable(doc).progress).toBeUndefined();
    expect(setProgress(doc, ids.consult, 2024, done)).toBe(true);
    expect(setProgress(doc, ids.consult, 2025, partly)).toBe(true);
    expect(readProgress(doc)).toEqual({ [ids.consult]: { '2024': done, '2025': partly } });
    expect(setProgress(doc, ids.consult, 2024, partly)).toBe(true);
    expect(setProgress(doc, ids.consult, 2025, null)).toBe(true);
    const table = readMeasureTable(doc);
    expect(table.progress).toEqual({ [ids.consult]: { '2024': partly } });
    expect(measureTableSchema.safeParse(table).success).toBe(true);
  });

  it('refuses a measure row, a missing row, a bad year or a bad entry, changing nothing', () => {
    const doc = new Y.Doc();
    const ids = sample(doc);
    expect(setProgress(doc, ids.area, 2024, done)).toBe(false);
    expect(setProgress(doc, 'missing', 2024, done)).toBe(false);
    expect(setProgress(doc, ids.consult, 24, done)).toBe(false);
    expect(setProgress(doc, ids.consult, 2024.5, done)).toBe(false);
    expect(setProgress(doc, ids.consult, 2024, { status: 'bogus' } as unknown as ProgressEntry)).toBe(false);
    expect(measureMaps(doc).progress.size).toBe(0);
  });

  it('goes by the measure table’s own idea of a placement: a row the table leaves out takes no 実施状況', () => {
    const doc = new Y.Doc();
    const ids = sample(doc);
    expect(setProgress(doc, ids.sales, 2024, done)).toBe(true);
    // A hand-written order key the table does not accept: the row is not read, so neither is its entry.
    measureMaps(doc).nodes.get(ids.sales)!.set('position', { parent: ids.base, key: 'not-a-key' });
    expect(readMeasureTable(doc).nodes.some((node) => node.id === ids.sales)).toBe(false);
    expect(readProgress(doc)).toEqual({});
    expect(setProgress(doc, ids.sales, 2025, done)).toBe(false);
    // A placement whose position is missing altogether is refused as well, not written blind.
    measureMaps(doc).nodes.get(ids.coord)!.delete('position');
    expect(setProgress(doc, ids.coord, 2024, done)).toBe(false);
  });

  it('ignores what someone with edit access wrote by hand', () => {
    const doc = new Y.Doc();
    const ids = sample(doc);
    const raw = doc.getMap<unknown>(MEASURE_MAPS.progress);
    raw.set(`${ids.consult}|2024`, { status: 'implemented', note: ['x'], figure: null });
    raw.set(`${ids.area}|2024`, done); // a measure row has no 実施状況
    raw.set(`${ids.coord}|20245`, done);
    raw.set(`${ids.coord}|2024`, new Y.Map());
    raw.set(`${ids.sales}|2024`, done);
    expect(readProgress(doc)).toEqual({ [ids.sales]: { '2024': done } });
    expect(readMeasureTable(doc).progress).toEqual({ [ids.sales]: { '2024': done } });
  });

  it('merges two offline replicas recording different years of one project', () => {
    const a = new Y.Doc();
    const ids = sample(a);
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    setProgress(a, ids.consult, 2024, done);
    setProgress(b, ids.consult, 2025, partly);
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
    expect(readProgress(a)).toEqual({ [ids.consult]: { '2024': done, '2025': partly } });
    expect(readProgress(b)).toEqual(readProgress(a));
  });

  it('is undone by its author, and comes back with an undone delete', () => {
    const doc = new Y.Doc();
    const ids = sample(doc);
    const undo = createMeasureUndoManager(doc);
    setProgress(doc, ids.sales, 2024, done);
    undo.stopCapturing();
    undo.undo();
    expect(readProgress(doc)).toEqual({});
    undo.redo();
    undo.stopCapturing();
    deleteNode(doc, ids.sales);
    expect(readProgress(doc)).toEqual({});
    undo.undo();
    expect(readProgress(doc)).toEqual({ [ids.sales]: { '2024': done } });
  });

  it('is not undone by the undo of someone else (a server write under its own origin)', () => {
    const doc = new Y.Doc();
    const ids = sample(doc);
    const undo = createMeasureUndoManager(doc);
    setProgress(doc, ids.sales, 2024, done, 'server');
    undo.undo();
    expect(readProgress(doc)).toEqual({ [ids.sales]: { '2024': done } });
  });

  it('is restored with a frozen table, entries added and removed', () => {
    const doc = new Y.Doc();
    const ids = sample(doc);
    setProgress(doc, ids.sales, 2024, done);
    const frozen = readMeasureTable(doc);
    setProgress(doc, ids.sales, 2024, null);
    setProgress(doc, ids.coord, 2025, partly);
    replaceMeasureTable(doc, frozen);
    expect(readProgress(doc)).toEqual({ [ids.sales]: { '2024': done } });
    const copy = new Y.Doc();
    replaceMeasureTable(copy, frozen);
    expect(readMeasureTable(copy).progress).toEqual(frozen.progress);
  });
});

describe('roll-ups', () => {
  it('counts 実施状況 and 新規 / 充実 / 継続 under every measure at every level, 再掲 included', () => {
    const doc = new Y.Doc();
    const ids = sample(doc);
    setProgress(doc, ids.consult, 2024, done);
    setProgress(doc, ids.coord, 2024, partly);
    setProgress(doc, ids.sales, 2024, { status: 'completed', note: '', figure: null });
    setProgress(doc, ids.reprint, 2024, { status: 'notImplemented', note: '', figure: null });
    setProgress(doc, ids.school, 2023, done); // another year: unrecorded in 2024
    const table = readMeasureTable(doc);
    const rollup = rollupProgress(deriveTable(table), table.progress, 2024);

    expect(rollup.levels.map((level) => [level.levelName, level.rows.map((row) => row.title)])).toEqual([
      ['施策体系', ['経営', '創業']],
      ['施策', ['革新', '基盤', '支援']],
    ]);
    const area = rollup.byRow.get(ids.area)!;
    expect(area.placements).toBe(4);
    expect(area.reprints).toBe(1);
    expect(area.progress).toEqual({ implemented: 1, partial: 1, notImplemented: 1, completed: 1, suspended: 0, unrecorded: 0 });
    expect(area.projectStatus).toEqual({ new: 2, enhanced: 1, continued: 1, unmarked: 0 });
    expect(rollup.byRow.get(ids.innovate)!.progress.implemented).toBe(1);
    expect(rollup.byRow.get(ids.base)!.progress).toMatchObject({ completed: 1, notImplemented: 1 });
    const startup = rollup.byRow.get(ids.startup)!;
    expect(startup.progress.unrecorded).toBe(1);
    expect(startup.projectStatus.unmarked).toBe(1);
    expect(rollup.total.placements).toBe(5);
    expect(rollup.total.progress.unrecorded).toBe(1);
    expect(rollup.byRow.has(ids.consult)).toBe(false);
    // Another year reads its own entries.
    expect(rollupProgress(deriveTable(table), table.progress, 2023).total.progress).toMatchObject({ implemented: 1, unrecorded: 4 });
  });

  it('follows a status change and gives an empty plan zero everywhere', () => {
    const doc = new Y.Doc();
    const ids = sample(doc);
    setNodeStatus(doc, ids.school, 'new');
    const table = readMeasureTable(doc);
    expect(rollupProgress(deriveTable(table), table.progress, 2024).byRow.get(ids.support)!.projectStatus.new).toBe(1);
    const empty = rollupProgress(deriveTable(readMeasureTable(new Y.Doc())), undefined, 2024);
    expect(empty.levels).toEqual([]);
    expect(empty.total.placements).toBe(0);
  });
});

describe('filtering the table', () => {
  it('names departments by section, else organisation', () => {
    expect(departmentOf({ organisation: '福島市', section: '産業雇用政策課', phone: '' })).toBe('産業雇用政策課');
    expect(departmentOf({ organisation: '福島商工会議所', section: ' ', phone: '' })).toBe('福島商工会議所');
    const doc = new Y.Doc();
    sample(doc);
    expect(departmentsIn(deriveTable(readMeasureTable(doc)))).toEqual(['商業労政課', '産業雇用政策課', '福島商工会議所'].sort((a, b) => a.localeCompare(b, 'ja')));
  });

  it('keeps matching placements with the measures above them', () => {
    const doc = new Y.Doc();
    const ids = sample(doc);
    setProgress(doc, ids.coord, 2024, partly);
    const table = readMeasureTable(doc);
    const derived = deriveTable(table);
    expect(filteredRowIds(derived, table.progress, NO_PROGRESS_FILTER)).toBeNull();

    const byStatus = filteredRowIds(derived, table.progress, { ...NO_PROGRESS_FILTER, projectStatuses: new Set(['new']) })!;
    expect([...byStatus].sort()).toEqual([ids.area, ids.innovate, ids.consult, ids.base, ids.reprint].sort());

    const byProgress = filteredRowIds(derived, table.progress, {
      ...NO_PROGRESS_FILTER,
      fiscalYear: 2024,
      progressStatuses: new Set(['partial']),
    })!;
    expect([...byProgress].sort()).toEqual([ids.area, ids.innovate, ids.coord].sort());

    const unrecorded = filteredRowIds(derived, table.progress, {
      ...NO_PROGRESS_FILTER,
      fiscalYear: 2024,
      progressStatuses: new Set(['unrecorded']),
      department: '産業雇用政策課',
    })!;
    expect([...unrecorded].sort()).toEqual([ids.area, ids.innovate, ids.consult, ids.base, ids.reprint].sort());

    const none = filteredRowIds(derived, table.progress, { ...NO_PROGRESS_FILTER, department: '存在しない課' })!;
    expect(none.size).toBe(0);
  });
});

describe('figure text', () => {
  it('prints figures as KPI figures are printed, and reads what people type', async () => {
    const { formatProgressFigure, parseProgressFigureValue } = await import('./progressText');
    expect(formatProgressFigure({ value: 1200, unit: '件' })).toBe('1,200 件');
    expect(formatProgressFigure({ value: 63.2, unit: '%' })).toBe('63.2%');
    expect(formatProgressFigure({ value: 3, unit: '' })).toBe('3');
    expect(parseProgressFigureValue('１，２００')).toBe(1200);
    expect(parseProgressFigureValue(' -3.5 ')).toBe(-3.5);
    expect(parseProgressFigureValue('－２')).toBe(-2);
    expect(parseProgressFigureValue('')).toBeNull();
    expect(parseProgressFigureValue('  ')).toBeNull();
    for (const bad of ['many', '1.2.3', '12件', '1e400', '--1']) expect(parseProgressFigureValue(bad)).toBeUndefined();
  });
});
