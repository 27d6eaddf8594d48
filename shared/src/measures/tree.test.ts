import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SHAPE_LIMITS } from '../collab/shapeLimits';
import type { MeasureTable, NodeRecord } from './model';
import { DEFAULT_MEASURE_SETTINGS } from './model';
import { deriveTable } from './tree';

const MAX = SHAPE_LIMITS.maxRowDepth;

function row(id: string, parent: string | null): NodeRecord {
  return { id, kind: 'measure', position: { parent, key: 'V' }, title: id, description: '', projectId: null, status: null };
}

function table(nodes: NodeRecord[]): MeasureTable {
  return { settings: DEFAULT_MEASURE_SETTINGS, nodes, projects: [], kpis: [], actors: [], roleCells: {} };
}

/** Each row's ancestors as written, nearest first (the oracle walks naively, on purpose). */
function ancestors(parents: ReadonlyArray<number | null>, index: number): number[] {
  const out: number[] = [];
  for (let p = parents[index]!; p !== null; p = parents[p]!) out.push(p);
  return out;
}

describe('deriveTable on rows chained past the shape bound', () => {
  it('puts every row of a 20 000-row chain at most maxRowDepth deep, under the row at maxRowDepth - 1', () => {
    const n = SHAPE_LIMITS.maxRecords;
    const nodes = Array.from({ length: n }, (_, i) => row(`r${i}`, i === 0 ? null : `r${i - 1}`));
    const derived = deriveTable(table(nodes));
    const placed = nodes.map(({ id }) => derived.rowById.get(id)).map((r) => r && `${r.depth} ${r.parentId}`);
    const expected = nodes.map((_, i) => `${Math.min(i, MAX)} ${i === 0 ? null : i <= MAX ? `r${i - 1}` : `r${MAX - 1}`}`);
    expect(derived.rows).toHaveLength(n);
    expect(placed).toEqual(expected);
  });

  it('places any forest like the naive walk: depth capped, deep rows under their ancestor at maxRowDepth - 1', () => {
    // Parents point to an earlier row (acyclic); mostly the previous one, so chains pass the bound.
    const forest = fc
      .array(fc.tuple(fc.integer({ min: 0, max: 9 }), fc.nat()), { minLength: 1, maxLength: 300 })
      .map((draws) => draws.map(([kind, pick], i) => (i === 0 || kind === 0 ? null : kind < 8 ? i - 1 : pick % i)));
    fc.assert(
      fc.property(forest, (parents) => {
        const derived = deriveTable(table(parents.map((p, i) => row(`r${i}`, p === null ? null : `r${p}`))));
        parents.forEach((_, i) => {
          const up = ancestors(parents, i);
          const placed = derived.rowById.get(`r${i}`)!;
          expect(placed.depth).toBe(Math.min(up.length, MAX));
          const expected = up.length === 0 ? null : up.length <= MAX ? up[0]! : up[up.length - MAX]!;
          expect(placed.parentId).toBe(expected === null ? null : `r${expected}`);
        });
      }),
      { numRuns: 100 },
    );
  });
});
