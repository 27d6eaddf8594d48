import { act, fireEvent, renderHook, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SideDock } from './SideDock';
import { renderJa } from './testing/render';
import { useSideDock, type DockLayout } from './useSideDock';

function Dock({ layout, initiallyOpen = false }: { layout: DockLayout; initiallyOpen?: boolean }) {
  const [open, setOpen] = useState(initiallyOpen);
  return (
    <SideDock
      name="notes"
      panelName="notes-panel"
      layout={layout}
      open={open}
      setOpen={setOpen}
      corner="left"
      toggle={<span>メモ</span>}
      count={2}
      countText="未読のメモ 2 件"
      title="メモ一覧"
      headingId="notes-heading"
      status="2 件"
      statusTestId="notes-status"
      closeLabel="メモ欄を閉じる"
    >
      <textarea aria-label="下書き" />
    </SideDock>
  );
}

/** The media query the docks ask: wide (side) or narrow (sheet). jsdom has no layout to answer it. */
function screenIs(wide: boolean) {
  vi.stubGlobal('matchMedia', (query: string) => ({ matches: wide, media: query, addEventListener() {}, removeEventListener() {} }));
}

afterEach(() => {
  vi.unstubAllGlobals();
  localStorage.clear();
});

describe('SideDock', () => {
  it('opens and closes from its toggle, which names the panel it controls', () => {
    renderJa(<Dock layout="side" />);
    const toggle = screen.getByTestId('notes-toggle');
    const panel = screen.getByTestId('notes-panel');
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(toggle.getAttribute('aria-controls')).toBe(panel.id);
    expect(panel.hidden).toBe(true);
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(panel.hidden).toBe(false);
    expect(screen.getByRole('complementary', { name: 'メモ一覧' })).toBe(panel);
    expect(screen.getByTestId('notes-status').textContent).toBe('2 件');
    expect(toggle.textContent).toBe('メモ2未読のメモ 2 件');
    const dock = screen.getByTestId('notes-dock');
    expect(dock.className).toContain('notes-dock--side');
    expect(dock.getAttribute('data-open')).toBe('true');
  });

  it('as a sheet, closes on Escape and gives the focus back to its toggle, but not from a field being written in', async () => {
    renderJa(<Dock layout="sheet" initiallyOpen />);
    fireEvent.keyDown(screen.getByRole('textbox', { name: '下書き' }), { key: 'Escape' });
    expect(screen.getByTestId('notes-panel').hidden).toBe(false);
    fireEvent.keyDown(screen.getByTestId('notes-close'), { key: 'Escape' });
    expect(screen.getByTestId('notes-panel').hidden).toBe(true);
    await act(() => new Promise((resolve) => requestAnimationFrame(resolve)));
    expect(document.activeElement).toBe(screen.getByTestId('notes-toggle'));
  });

  it('beside the content Escape leaves it open: it covers nothing', () => {
    renderJa(<Dock layout="side" initiallyOpen />);
    fireEvent.keyDown(screen.getByTestId('notes-close'), { key: 'Escape' });
    expect(screen.getByTestId('notes-panel').hidden).toBe(false);
  });
});

describe('useSideDock', () => {
  it('beside the content remembers the choice; as a sheet starts closed', () => {
    screenIs(true);
    const side = renderHook(() => useSideDock({ storageKey: 'test.dock' }));
    expect(side.result.current).toMatchObject({ layout: 'side', open: true });
    act(() => side.result.current.setOpen(false));
    expect(localStorage.getItem('test.dock')).toBe('closed');
    expect(renderHook(() => useSideDock({ storageKey: 'test.dock' })).result.current.open).toBe(false);
    screenIs(false);
    expect(renderHook(() => useSideDock({ storageKey: 'other.dock' })).result.current).toMatchObject({ layout: 'sheet', open: false });
  });

  it('folds to its toggle when idle, until opened on the page', () => {
    screenIs(true);
    const dock = renderHook(({ idle }) => useSideDock({ storageKey: 'test.idle', idle }), { initialProps: { idle: true } });
    expect(dock.result.current.open).toBe(false);
    dock.rerender({ idle: false });
    expect(dock.result.current.open).toBe(true);
    dock.rerender({ idle: true });
    act(() => dock.result.current.setOpen(true));
    expect(dock.result.current.open).toBe(true);
  });
});
