import type { Thread } from '@sakutei/shared';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderJa } from '../../app/testing/render';
import { CommentsContext, type CommentsState } from './commentsContext';
import { DispositionPanel } from './Disposition';

const thread = (overrides: Partial<Thread> = {}) =>
  ({ id: 't-1', number: 1, disposition: null, response: '', status: 'open', comments: [], ...overrides }) as unknown as Thread;

function renderPanel(subject: Thread, canRespond: boolean, respond = vi.fn()) {
  const state = { actions: { respond } } as unknown as CommentsState;
  renderJa(
    <CommentsContext value={state}>
      <DispositionPanel thread={subject} canRespond={canRespond} />
    </CommentsContext>,
  );
  return respond;
}

describe('DispositionPanel', () => {
  it('shows staff a button, not the form, until asked', () => {
    renderPanel(thread(), true);
    expect(screen.queryByTestId('disposition-form')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: '対応方針を記入' }));
    expect(screen.getByTestId('disposition-form')).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByTestId('disposition-select'));
  });

  it('shows a recorded answer as text with 「対応方針を編集」, and folds away after saving', async () => {
    const respond = renderPanel(thread({ disposition: 'considering', response: '次回までに検討します。' }), true, vi.fn().mockResolvedValue({}));
    expect(screen.getByTestId('thread-disposition').textContent).toContain('検討中');
    fireEvent.click(screen.getByRole('button', { name: '対応方針を編集' }));
    fireEvent.change(screen.getByTestId('disposition-select'), { target: { value: 'reflect' } });
    fireEvent.click(screen.getByTestId('disposition-save'));
    await waitFor(() => expect(screen.queryByTestId('disposition-form')).toBeNull());
    expect(respond).toHaveBeenCalledWith('t-1', 'reflect', '次回までに検討します。');
    expect(screen.getByRole('status').textContent).toBe('保存しました。');
  });

  it('closes without saving on キャンセル', () => {
    const respond = renderPanel(thread(), true);
    fireEvent.click(screen.getByTestId('disposition-open'));
    fireEvent.click(screen.getByTestId('disposition-cancel'));
    expect(screen.queryByTestId('disposition-form')).toBeNull();
    expect(respond).not.toHaveBeenCalled();
  });

  it('offers no button to those who may not respond', () => {
    renderPanel(thread({ disposition: 'reflect' }), false);
    expect(screen.queryByTestId('disposition-open')).toBeNull();
    expect(screen.getByTestId('thread-disposition').textContent).toContain('反映する');
  });
});
