import { describe, expect, it } from 'vitest';
import { landingOf } from './measureJump';

describe('landingOf', () => {
  it('lands a whole-row target on the cell the caller names', () => {
    expect(landingOf({ target: { kind: 'node', id: 'r1', field: null }, landOn: 'number' })).toEqual({
      kind: 'row',
      rowId: 'r1',
      field: 'number',
    });
  });

  it('lands a field target on that field', () => {
    expect(landingOf({ target: { kind: 'node', id: 'r1', field: 'contacts' }, landOn: 'title' })).toEqual({
      kind: 'row',
      rowId: 'r1',
      field: 'contacts',
    });
  });

  it('lands a KPI target on its field and year', () => {
    expect(landingOf({ target: { kind: 'kpi', id: 'k1', field: 'actual', fiscalYear: 2024 }, landOn: 'title' })).toEqual({
      kind: 'kpi',
      kpiId: 'k1',
      field: 'actual',
      fiscalYear: 2024,
    });
  });
});
