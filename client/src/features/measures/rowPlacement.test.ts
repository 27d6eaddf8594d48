import { describe, expect, it } from 'vitest';
import { newMeasurePlacement, newProjectPlacement, siblingPosition } from './rowPlacement';
import { smallTable } from './testTable';

describe('rowPlacement', () => {
  const { derived, ids } = smallTable();
  const row = (id: string) => derived.rowById.get(id)!;

  it('puts a new measure after the focused measure, or after the measure holding the focused project', () => {
    expect(newMeasurePlacement(null, derived)).toEqual({ parent: null });
    expect(newMeasurePlacement(row(ids.b), derived)).toEqual({ parent: null, after: ids.b });
    expect(newMeasurePlacement(row(ids.a2), derived)).toEqual({ parent: null, after: ids.a });
  });

  it('puts a new project under a focused measure, or after a focused project', () => {
    expect(newProjectPlacement(null)).toEqual({ parent: null });
    expect(newProjectPlacement(row(ids.b))).toEqual({ parent: ids.b });
    expect(newProjectPlacement(row(ids.a1))).toEqual({ parent: ids.a, after: ids.a1 });
  });

  it('says where the row is among its siblings', () => {
    expect(siblingPosition(row(ids.a1), derived.rows)).toEqual({ index: 0, count: 2 });
    expect(siblingPosition(row(ids.b), derived.rows)).toEqual({ index: 1, count: 2 });
    expect(siblingPosition(null, derived.rows)).toEqual({ index: -1, count: 0 });
  });
});
