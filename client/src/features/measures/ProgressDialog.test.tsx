import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderJa } from '../../app/testing/render';
import { ProgressDialog } from './ProgressDialog';

function open(entry: Parameters<typeof ProgressDialog>[0]['entry'], onSave = vi.fn(async () => {})) {
  const onClose = vi.fn();
  renderJa(<ProgressDialog rowLabel="① 相談支援事業" yearLabel="令和6年度" entry={entry} onSave={onSave} onClose={onClose} />);
  return { onSave, onClose };
}

describe('ProgressDialog', () => {
  it('records status, note and a figure typed full-width, then closes', async () => {
    const { onSave, onClose } = open(null);
    expect(screen.getByRole('dialog', { name: '実施状況の記録: ① 相談支援事業（令和6年度）' })).toBeTruthy();
    fireEvent.change(screen.getByTestId('progress-status'), { target: { value: 'partial' } });
    fireEvent.change(screen.getByTestId('progress-note'), { target: { value: '年度途中から開始。' } });
    fireEvent.change(screen.getByTestId('progress-figure-value'), { target: { value: '１，２００' } });
    fireEvent.change(screen.getByTestId('progress-figure-unit'), { target: { value: ' 件 ' } });
    fireEvent.click(screen.getByTestId('progress-save'));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(onSave).toHaveBeenCalledWith({ status: 'partial', note: '年度途中から開始。', figure: { value: 1200, unit: '件' } });
  });

  it('opens on the recorded entry, and 「未記録」 clears it', async () => {
    const { onSave, onClose } = open({ status: 'completed', note: '全 6 回', figure: { value: 38, unit: '人' } });
    expect((screen.getByTestId('progress-status') as HTMLSelectElement).value).toBe('completed');
    expect((screen.getByTestId('progress-figure-value') as HTMLInputElement).value).toBe('38');
    fireEvent.change(screen.getByTestId('progress-status'), { target: { value: '' } });
    fireEvent.click(screen.getByTestId('progress-save'));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(onSave).toHaveBeenCalledWith(null);
  });

  it('says what is wrong with a figure that is no number, and writes nothing', async () => {
    const { onSave, onClose } = open(null);
    fireEvent.change(screen.getByTestId('progress-status'), { target: { value: 'implemented' } });
    fireEvent.change(screen.getByTestId('progress-figure-value'), { target: { value: '多数' } });
    fireEvent.click(screen.getByTestId('progress-save'));
    expect((await screen.findByTestId('progress-error')).textContent).toContain('数字で入力');
    expect(screen.getByTestId('progress-figure-value').getAttribute('aria-invalid')).toBe('true');
    expect(onSave).not.toHaveBeenCalled();
    expect(onClose).not.toHaveBeenCalled();
  });

  it('keeps the dialog open with the reason when the save fails', async () => {
    const failing = vi.fn(async () => {
      throw new Error('この版は保管済みです。');
    });
    const { onClose } = open(null, failing);
    fireEvent.change(screen.getByTestId('progress-status'), { target: { value: 'implemented' } });
    fireEvent.click(screen.getByTestId('progress-save'));
    expect((await screen.findByTestId('progress-error')).textContent).toContain('この版は保管済みです。');
    expect(onClose).not.toHaveBeenCalled();
  });
});
