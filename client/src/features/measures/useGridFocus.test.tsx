import { deleteNode, deriveTable, readMeasureTable } from '@sakutei/shared/measures';
import { act, renderHook } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { smallTable } from './testTable';
import { useGridFocus } from './useGridFocus';

describe('useGridFocus', () => {
  it('starts on the first row’s name, and collapsing a row hides its subtree', () => {
    const { doc, derived, ids } = smallTable();
    const { result } = renderHook(() => useGridFocus({ derived, doc, editable: true, onEditedRowGone: () => {} }));
    expect(result.current.focus).toEqual({ rowId: ids.a, field: 'title' });
    act(() => result.current.setExpanded(ids.a, false));
    expect(result.current.visible.rows.map((row) => row.node.id)).toEqual([ids.a, ids.b]);
    act(() => result.current.expand([ids.a]));
    expect(result.current.visible.rows).toHaveLength(4);
  });

  it('keeps a focused row’s ancestors open, even when collapsed', () => {
    const { doc, derived, ids } = smallTable();
    const { result } = renderHook(() => useGridFocus({ derived, doc, editable: true, onEditedRowGone: () => {} }));
    act(() => result.current.setFocus({ rowId: ids.a2, field: 'description' }));
    act(() => result.current.setExpanded(ids.a, false));
    expect(result.current.visible.rows.map((row) => row.node.id)).toContain(ids.a2);
  });

  it('hands the focus on when someone deletes the focused row, and drops an edit on it with a word', () => {
    const { doc, derived, ids } = smallTable();
    const gone = vi.fn();
    const { result, rerender } = renderHook((props) => useGridFocus(props), {
      initialProps: { derived, doc, editable: true, onEditedRowGone: gone },
    });
    act(() => {
      result.current.setFocus({ rowId: ids.a2, field: 'title' });
      result.current.setEditing({ rowId: ids.a2, field: 'title', base: '事業a2', seed: null });
    });
    deleteNode(doc, ids.a2);
    rerender({ derived: deriveTable(readMeasureTable(doc)), doc, editable: true, onEditedRowGone: gone });
    expect(result.current.focus?.rowId).toBe(ids.b);
    expect(result.current.editing).toBeNull();
    expect(gone).toHaveBeenCalledOnce();
  });

  it('closes the editor when edit access is withdrawn', () => {
    const { doc, derived, ids } = smallTable();
    const { result, rerender } = renderHook((props) => useGridFocus(props), {
      initialProps: { derived, doc, editable: true, onEditedRowGone: () => {} },
    });
    act(() => result.current.setEditing({ rowId: ids.a1, field: 'title', base: '事業a1', seed: null }));
    rerender({ derived, doc, editable: false, onEditedRowGone: () => {} });
    expect(result.current.editing).toBeNull();
  });
});
