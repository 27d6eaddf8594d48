import { fireEvent, screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { renderJa } from '../../app/testing/render';
import { KpiDetail } from './KpiDetail';

function Page({ layout }: { layout: 'side' | 'sheet' }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        開く
      </button>
      <KpiDetail layout={layout} open={open} onClose={() => setOpen(false)} title="成果指標 — (1) 事業a1">
        <p>パネルの中身</p>
      </KpiDetail>
    </>
  );
}

describe('KpiDetail', () => {
  it('beside the grid, is always there and labelled', () => {
    renderJa(<Page layout="side" />);
    expect(screen.getByRole('complementary', { name: '成果指標 — (1) 事業a1' })).toBe(screen.getByTestId('kpi-side'));
    expect(screen.getByText('パネルの中身')).toBeTruthy();
  });

  it('as a sheet, takes the focus when it opens and gives it back when closed', async () => {
    renderJa(<Page layout="sheet" />);
    expect(screen.queryByTestId('kpi-sheet')).toBeNull();
    const opener = screen.getByRole('button', { name: '開く' });
    opener.focus();
    fireEvent.click(opener);
    const sheet = screen.getByRole('dialog', { name: '成果指標 — (1) 事業a1' });
    expect(sheet.contains(document.activeElement)).toBe(true);
    expect(document.documentElement.style.overflow).toBe('hidden');
    fireEvent.click(screen.getByTestId('kpi-sheet-close'));
    expect(screen.queryByTestId('kpi-sheet')).toBeNull();
    // React Aria gives the focus back a frame after the sheet is gone.
    await waitFor(() => expect(document.activeElement).toBe(opener));
    expect(document.documentElement.style.overflow).toBe('');
  });

  it('closes on Esc', () => {
    renderJa(<Page layout="sheet" />);
    fireEvent.click(screen.getByRole('button', { name: '開く' }));
    fireEvent.keyDown(screen.getByTestId('kpi-sheet-close'), { key: 'Escape' });
    expect(screen.queryByTestId('kpi-sheet')).toBeNull();
  });
});
