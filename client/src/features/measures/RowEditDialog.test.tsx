import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderJa } from '../../app/testing/render';
import { RowEditDialog } from './RowEditDialog';
import { smallTable } from './testTable';

describe('RowEditDialog', () => {
  it('writes only the fields that changed, each with the value it started from', () => {
    const { derived, ids } = smallTable();
    const save = vi.fn();
    const close = vi.fn();
    renderJa(<RowEditDialog row={derived.rowById.get(ids.a1)!} onSave={save} onClose={close} />);
    const title = screen.getByTestId('row-edit-title');
    expect((title as HTMLInputElement).value).toBe('事業a1');
    fireEvent.change(title, { target: { value: '経営相談支援事業' } });
    fireEvent.change(screen.getByTestId('row-edit-status'), { target: { value: 'new' } });
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    expect(save.mock.calls).toEqual([
      ['title', '事業a1', '経営相談支援事業'],
      ['status', '', 'new'],
    ]);
    expect(close).toHaveBeenCalled();
  });

  it('offers a measure no status field (only projects have one)', () => {
    const { derived, ids } = smallTable();
    renderJa(<RowEditDialog row={derived.rowById.get(ids.a)!} onSave={() => {}} onClose={() => {}} />);
    expect(screen.queryByTestId('row-edit-status')).toBeNull();
    expect(document.activeElement).toBe(screen.getByTestId('row-edit-title'));
  });
});
