import { act, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { I18nProvider } from '../../../i18n';
import type { SaveSnapshot, SaveTracker } from '../saveTracker';
import { SaveStatus } from './ConnectionStatus';

/** A tracker whose state the test sets by hand. */
function fakeTracker(initial: SaveSnapshot) {
  let snapshot = initial;
  const listeners = new Set<() => void>();
  const tracker = {
    subscribe: (listener: () => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    getSnapshot: () => snapshot,
  } as unknown as SaveTracker;
  const set = (next: Partial<SaveSnapshot>) =>
    act(() => {
      snapshot = { ...snapshot, ...next };
      for (const listener of listeners) listener();
    });
  return { tracker, set };
}

function show(initial: SaveSnapshot, willResync = true, stopped = false) {
  const fake = fakeTracker(initial);
  render(
    <I18nProvider>
      <SaveStatus tracker={fake.tracker} status="connected" synced willResync={willResync} stopped={stopped} />
    </I18nProvider>,
  );
  return fake;
}

const status = () => screen.getByTestId('connection-status');
const announcement = () => screen.getByRole('status').textContent;

describe('SaveStatus', () => {
  it('says 保存済み with the time of the last confirmed save', () => {
    show({ phase: 'saved', unsent: 0, savedAt: new Date(2025, 5, 1, 9, 5).getTime() });
    expect(status().textContent).toBe('保存済み');
    expect(status().dataset.saveState).toBe('saved');
    expect(screen.getByTestId('saved-at').textContent).toBe('09:05 に保存');
  });

  it('says how many edits wait while offline, and that they are kept on the device', () => {
    show({ phase: 'offline', unsent: 3, savedAt: null });
    expect(status().textContent).toBe('オフライン（未送信 3 件）');
    expect(status().dataset.status).toBe('offline');
    expect(screen.getByTestId('offline-note').textContent).toContain('この端末に保存');
    expect(screen.queryByTestId('saved-at')).toBeNull();
  });

  it('announces going offline and coming back, not the flicker of typing', () => {
    const { set } = show({ phase: 'saved', unsent: 0, savedAt: null });
    set({ phase: 'syncing', unsent: 1 });
    set({ phase: 'saved', unsent: 0 });
    expect(announcement()).toBe('');
    set({ phase: 'offline', unsent: 2 });
    expect(announcement()).toContain('未送信の編集が 2 件');
    // Back by way of 同期中: said once everything is saved, not before.
    set({ phase: 'syncing' });
    expect(announcement()).toContain('未送信の編集が 2 件');
    set({ phase: 'saved', unsent: 0 });
    expect(announcement()).toBe('再接続しました。編集はすべて保存されています。');
    set({ phase: 'offline', unsent: 0 });
    expect(announcement()).toContain('オフラインになりました');
  });

  it('shows offline after a refusal, whatever the socket does', () => {
    show({ phase: 'saved', unsent: 2, savedAt: null }, false);
    expect(status().dataset.saveState).toBe('offline');
    expect(screen.getByTestId('offline-note').textContent).toContain('編集できる状態に戻ると');
  });

  it('says 保存されていません once the server refused an update, however the socket fares', () => {
    const fake = show({ phase: 'syncing', unsent: 1, savedAt: 1_000 }, true, true);
    expect(status().dataset.saveState).toBe('stopped');
    expect(status().textContent).toContain('保存されていません');
    fake.set({ phase: 'saved', unsent: 0 });
    expect(status().textContent).toContain('保存されていません');
    expect(screen.queryByTestId('saved-at')).toBeNull();
  });
});
