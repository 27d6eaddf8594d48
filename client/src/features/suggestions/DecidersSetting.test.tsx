import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderJa } from '../../app/testing/render';
import { DecidersSetting, mayChooseDeciders } from './DecidersSetting';

afterEach(() => vi.unstubAllGlobals());

/** The server's two answers for the setting, recorded so the test can read what was sent. */
function stubServer(stored: string) {
  const calls: Array<{ method: string; body: unknown }> = [];
  vi.stubGlobal('fetch', async (_path: string, init: RequestInit) => {
    const body = init.body ? JSON.parse(String(init.body)) : null;
    calls.push({ method: init.method ?? 'GET', body });
    if (body) stored = body.suggestionDeciders;
    return new Response(JSON.stringify({ suggestionDeciders: stored }), { status: 200, headers: { 'content-type': 'application/json' } });
  });
  return calls;
}

describe('DecidersSetting', () => {
  it('shows the council’s choice and saves another when picked', async () => {
    const calls = stubServer('editors');
    renderJa(
      <QueryClientProvider client={new QueryClient()}>
        <DecidersSetting workspaceId="w-1" />
      </QueryClientProvider>,
    );
    const editors = screen.getByRole('radio', { name: '委員（編集できる人）' });
    await waitFor(() => expect((editors as HTMLInputElement).checked).toBe(true));
    fireEvent.click(screen.getByRole('radio', { name: '座長（委任された座長代理を含む）' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('保存しました。'));
    expect(calls.at(-1)).toEqual({ method: 'PUT', body: { suggestionDeciders: 'chair' } });
    expect((screen.getByTestId('suggestion-deciders-chair') as HTMLInputElement).checked).toBe(true);
  });

  it('is offered to staff and the chair only', () => {
    expect(['staff', 'chair', 'vice_chair', 'member', 'observer'].filter((role) => mayChooseDeciders(role as never))).toEqual(['staff', 'chair']);
  });
});
