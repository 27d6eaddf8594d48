import { screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AuthMethodsResponse } from '@sakutei/shared';
import { renderJa } from '../../app/testing/render';
import { SignInPage } from './SignInPage';

let current: AuthMethodsResponse | undefined;
vi.mock('../../lib/authMethodsApi', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../lib/authMethodsApi')>()),
  useAuthMethods: () => ({ data: current }),
}));
vi.mock('../../app/session', () => ({ useSession: () => ({ signIn: vi.fn() }) }));

const methods = { mockResolvedValue: (m: AuthMethodsResponse) => (current = m), mockReset: () => (current = undefined) };

function setup(search = '') {
  window.history.replaceState(null, '', `/${search}`);
  renderJa(<SignInPage />);
}

describe('SignInPage with an identity provider', () => {
  afterEach(() => methods.mockReset());

  it('offers 「○○でログイン」 above the password form', async () => {
    methods.mockResolvedValue({ password: true, sso: { name: '○○市職員ID', startPath: '/api/auth/oidc/start' } });
    setup();
    const link = await screen.findByRole('link', { name: '○○市職員IDでログイン' });
    expect(link.getAttribute('href')).toBe('/api/auth/oidc/start');
    expect(screen.getByLabelText('パスワード')).toBeTruthy();
  });

  it('shows only the provider’s button when passwords are off', async () => {
    methods.mockResolvedValue({ password: false, sso: { name: '○○市職員ID', startPath: '/api/auth/oidc/start' } });
    setup();
    await screen.findByRole('link', { name: '○○市職員IDでログイン' });
    await waitFor(() => expect(screen.queryByLabelText('パスワード')).toBeNull());
    expect(screen.queryByLabelText('メールアドレス')).toBeNull();
    expect(screen.getByText('この環境では、○○市職員IDのアカウントでログインします。')).toBeTruthy();
  });

  it('shows only the password form without a provider', async () => {
    methods.mockResolvedValue({ password: true, sso: null });
    setup();
    expect(screen.queryByRole('link', { name: /でログイン/ })).toBeNull();
    expect(screen.getByLabelText('パスワード')).toBeTruthy();
  });

  it('explains in Japanese why the provider’s sign-in was refused', async () => {
    methods.mockResolvedValue({ password: true, sso: { name: '○○市職員ID', startPath: '/api/auth/oidc/start' } });
    setup('?sso_error=sso_no_account');
    expect((await screen.findByTestId('sso-error')).textContent).toContain('このメールアドレスのアカウントはありません。');
  });
});
