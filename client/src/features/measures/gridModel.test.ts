import { describe, expect, it } from 'vitest';
import { cellValue, editKindOf, isGridField, isProjectStatus, subtreeOf, visibleRows } from './gridModel';
import { smallTable } from './testTable';

describe('gridModel', () => {
  const { derived, ids } = smallTable();
  const row = (id: string) => derived.rowById.get(id)!;
  const titles = (rows: readonly { title: string }[]) => rows.map((r) => r.title);

  it('knows its columns', () => {
    expect(isGridField('contacts')).toBe(true);
    expect(isGridField('name')).toBe(false);
    expect(isGridField(undefined)).toBe(false);
  });

  it('edits status only on a project placement, and never the derived number or KPI marks', () => {
    expect(editKindOf(row(ids.a), 'status')).toBeNull();
    expect(editKindOf(row(ids.a1), 'status')).toBe('status');
    expect(editKindOf(row(ids.a1), 'description')).toBe('multiline');
    expect(editKindOf(row(ids.a1), 'number')).toBeNull();
    expect(editKindOf(row(ids.a1), 'kpis')).toBeNull();
  });

  it('reads a cell as its editor starts from it', () => {
    expect(cellValue(row(ids.a1), 'title')).toBe('事業a1');
    expect(cellValue(row(ids.b), 'number')).toBe(row(ids.b).number);
    expect(cellValue(row(ids.a1), 'kpis')).toBe('');
  });

  it('tells a project status from other text', () => {
    expect(isProjectStatus('new')).toBe(true);
    expect(isProjectStatus('新規')).toBe(false);
  });

  it('hides a collapsed subtree, but not the ancestors of the focused row', () => {
    const collapsed = new Set([ids.a]);
    expect(titles(visibleRows(derived.rows, derived.rowById, collapsed, null).rows)).toEqual(['施策A', '施策B']);
    expect(titles(visibleRows(derived.rows, derived.rowById, collapsed, ids.a2).rows)).toEqual(['施策A', '事業a1', '事業a2', '施策B']);
    expect(visibleRows(derived.rows, derived.rowById, new Set(), null).hasChildren).toEqual(new Set([ids.a]));
  });

  it('takes a row with everything under it, and nothing after', () => {
    expect(titles(subtreeOf(derived.rows, ids.a))).toEqual(['施策A', '事業a1', '事業a2']);
    expect(titles(subtreeOf(derived.rows, ids.b))).toEqual(['施策B']);
    expect(subtreeOf(derived.rows, 'missing')).toEqual([]);
  });
});
