import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { listFieldSuggestions, suggestFieldValue } from '../measures/fieldSuggestions';
import { DEFAULT_MEASURE_SETTINGS, num, type MeasureTable } from '../measures/model';
import { readMeasureTable, replaceMeasureTable } from '../measures/ydoc';
import { SHAPE_LIMITS } from '../collab/shapeLimits';
import { canonicalSnapshot, type FrozenCellSuggestion, normaliseSnapshot, planSnapshotSchema, sha256Hex, type PlanSnapshot } from './canonical';

/**
 * A frozen revision keeps the measure table's pending cell suggestions beside the table,
 * and a snapshot without any is byte for byte what it was before they existed.
 */

/** `key` 'a0' is the pinned snapshot's; a Y.Doc reads only valid order keys (not ending in 0). */
const measures = (key = 'a0'): MeasureTable => ({
  settings: DEFAULT_MEASURE_SETTINGS,
  nodes: [{ id: 'n1', kind: 'measure', position: { parent: null, key }, title: '創業支援', description: '相談窓口', projectId: null, status: null }],
  projects: [],
  kpis: [
    {
      id: 'k1',
      attachTo: 'n1',
      key,
      name: '創業件数',
      formerNames: [],
      unit: '件',
      direction: 'higher',
      components: [],
      baseline: { value: num(40), fiscalYear: 2020, label: '' },
      target: { value: num(80), fiscalYear: 2025 },
      actuals: {},
      source: '',
    },
  ],
  actors: [],
  roleCells: {},
});
const prose = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: '創業を支える。' }] }] };

/**
 * This snapshot's SHA-256 as the code before cell suggestions gave it (computed then and
 * pinned here): approvals name such hashes, so they must not move.
 */
const HASH_BEFORE_CELL_SUGGESTIONS = '0713e052150689de1974e789e2228cd6a55cd7736958aa58d28e673b5e3ed707';

const proposal = (id: string, at: number, value: number): FrozenCellSuggestion => ({
  id,
  author: 'u-staff',
  at,
  target: { kind: 'kpiFigure', id: 'k1', field: 'targetValue' },
  value: num(value),
  was: num(80),
});

describe('a snapshot and its cell suggestions', () => {
  it('hashes as before when there are none, whether the field is missing or empty', async () => {
    const plain: PlanSnapshot = { prose, measures: measures() };
    expect(await sha256Hex(canonicalSnapshot(plain))).toBe(HASH_BEFORE_CELL_SUGGESTIONS);
    expect(await sha256Hex(canonicalSnapshot({ ...plain, cellSuggestions: [] }))).toBe(HASH_BEFORE_CELL_SUGGESTIONS);
    expect(canonicalSnapshot(plain)).not.toContain('cellSuggestions');
    expect('cellSuggestions' in normaliseSnapshot({ ...plain, cellSuggestions: [] })).toBe(false);
  });

  it('keeps them in id order, so replicas that listed them differently give the same bytes', async () => {
    const [a, b, c] = [proposal('b-2', 1, 70), proposal('a-1', 2, 75), proposal('c-3', 0, 60)];
    const one = canonicalSnapshot({ prose, measures: measures(), cellSuggestions: [a!, b!, c!] });
    const other = canonicalSnapshot({ prose, measures: measures(), cellSuggestions: [c!, a!, b!] });
    expect(one).toBe(other);
    expect(normaliseSnapshot({ prose, measures: measures(), cellSuggestions: [a!, b!, c!] }).cellSuggestions!.map((s) => s.id)).toEqual(['a-1', 'b-2', 'c-3']);
    // A pending proposal is content: a revision holding one is another revision.
    expect(await sha256Hex(one)).not.toBe(HASH_BEFORE_CELL_SUGGESTIONS);
  });

  it('reads back through the schema to the same bytes', () => {
    const text = canonicalSnapshot({ prose, measures: measures(), cellSuggestions: [proposal('p1', 5, 70), { ...proposal('p2', 6, 0), target: { kind: 'node', id: 'n1', field: 'title' }, value: '創業・承継支援', was: '創業支援' }] });
    const parsed = planSnapshotSchema.parse(JSON.parse(text));
    expect(parsed.cellSuggestions).toHaveLength(2);
    expect(canonicalSnapshot(parsed)).toBe(text);
  });

  it('refuses a malformed or unbounded list', () => {
    const base = { prose, measures: measures() };
    const bad = (cellSuggestions: unknown) => planSnapshotSchema.safeParse({ ...base, cellSuggestions }).success;
    expect(bad([proposal('p1', 1, 70)])).toBe(true);
    expect(bad([{ ...proposal('p1', 1, 70), id: '' }])).toBe(false);
    expect(bad([{ ...proposal('p1', 1, 70), id: undefined }])).toBe(false);
    // A figure's cell proposes a figure, a text field a text.
    expect(bad([{ ...proposal('p1', 1, 70), value: '70' }])).toBe(false);
    expect(bad([{ ...proposal('p1', 1, 70), target: { kind: 'kpiText', id: 'k1', field: 'actual' } }])).toBe(false);
    expect(bad({ p1: proposal('p1', 1, 70) })).toBe(false);
    expect(bad(Array.from({ length: SHAPE_LIMITS.maxRecords + 1 }, (_, i) => proposal(`p${i}`, i, 70)))).toBe(false);
  });

  it('takes what the live map lists, as the server freezes it', () => {
    const doc = new Y.Doc();
    replaceMeasureTable(doc, measures('a1'));
    expect(suggestFieldValue(doc, { id: 'z-late', author: 'u-member', at: 20 }, { kind: 'kpiFigure', id: 'k1', field: 'targetValue' }, num(90))).toBe(true);
    expect(suggestFieldValue(doc, { id: 'a-early', author: 'u-staff', at: 10 }, { kind: 'node', id: 'n1', field: 'description' }, '創業相談窓口')).toBe(true);
    const listed = listFieldSuggestions(doc).map(({ conflictsWith: _, ...entry }) => entry);
    const frozen = normaliseSnapshot({ prose, measures: readMeasureTable(doc), cellSuggestions: listed });
    expect(frozen.cellSuggestions).toEqual([
      { id: 'a-early', author: 'u-staff', at: 10, target: { kind: 'node', id: 'n1', field: 'description' }, value: '創業相談窓口', was: '相談窓口' },
      { id: 'z-late', author: 'u-member', at: 20, target: { kind: 'kpiFigure', id: 'k1', field: 'targetValue' }, value: num(90), was: num(80) },
    ]);
    // The table itself is as it was: proposals are beside it.
    expect(frozen.measures.kpis[0]!.target.value).toEqual(num(80));
  });
});
