import type { AuthMethodsResponse } from '@sakutei/shared';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { getMe } from '../lib/api';
import { renderJa } from './testing/render';
import { SessionExpiredDialog } from './SessionExpiredDialog';

let methods: AuthMethodsResponse | undefined;
const refresh = vi.fn(async () => {});
vi.mock('../lib/authMethodsApi', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../lib/authMethodsApi')>()),
  useAuthMethods: () => ({ data: methods }),
}));
vi.mock('../lib/api', async (importOriginal) => ({ ...(await importOriginal<typeof import('../lib/api')>()), getMe: vi.fn() }));
vi.mock('./session', () => ({
  useSession: () => ({ signIn: vi.fn(), refresh }),
  useMe: () => ({ user: { id: 'u-1', email: 'staff@example.jp', name: '事務局' }, memberships: [], isAdmin: false }),
}));
vi.mock('./useSignOut', () => ({ useSignOut: () => ({ requestSignOut: vi.fn(), failed: false, confirmation: null }) }));

function setup() {
  renderJa(
    <QueryClientProvider client={new QueryClient()}>
      <SessionExpiredDialog email="staff@example.jp" />
    </QueryClientProvider>,
  );
}

describe('SessionExpiredDialog with an identity provider', () => {
  beforeEach(() => {
    refresh.mockClear();
    vi.mocked(getMe).mockReset();
  });

  it('with passwords off offers the provider in a new tab (the page keeps its edits) and sign-out, no password', () => {
    methods = { password: false, sso: { name: '○○市職員ID', startPath: '/api/auth/oidc/start' } };
    setup();
    const link = screen.getByTestId('sso-resume-sign-in');
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.textContent).toBe('○○市職員IDでログイン（新しいタブ）');
    expect(screen.queryByLabelText('パスワード')).toBeNull();
    expect(screen.getByTestId('session-expired-sign-out')).toBeTruthy();
  });

  it('continues only with the same person’s new session', async () => {
    methods = { password: true, sso: { name: '○○市職員ID', startPath: '/api/auth/oidc/start' } };
    setup();
    vi.mocked(getMe).mockResolvedValueOnce({ user: { id: 'u-2' } } as never);
    fireEvent.click(screen.getByTestId('sso-resume'));
    expect(await screen.findByText(/別のアカウントでログインしています/)).toBeTruthy();
    expect(refresh).not.toHaveBeenCalled();
    vi.mocked(getMe).mockResolvedValueOnce({ user: { id: 'u-1' } } as never);
    fireEvent.click(screen.getByTestId('sso-resume'));
    await vi.waitFor(() => expect(refresh).toHaveBeenCalled());
  });
});
