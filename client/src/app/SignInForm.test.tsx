import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../lib/api';
import { renderJa } from './testing/render';
import { SignInForm } from './SignInForm';

function form(signIn = vi.fn(async () => {})) {
  renderJa(<SignInForm signIn={signIn} submitLabel="ログイン" errorTestId="err" idPrefix="t-" />);
  return signIn;
}

describe('SignInForm', () => {
  it('checks the fields with the server’s schema before asking the server', async () => {
    const signIn = form();
    fireEvent.click(screen.getByRole('button', { name: 'ログイン' }));
    expect(await screen.findByText('メールアドレスを入力してください。')).toBeTruthy();
    expect(screen.getByText('パスワードを入力してください。')).toBeTruthy();
    expect(screen.getByLabelText('メールアドレス').getAttribute('aria-invalid')).toBe('true');
    expect(signIn).not.toHaveBeenCalled();
  });

  it('signs in with what was typed, spaces around the address trimmed', async () => {
    const signIn = form();
    fireEvent.change(screen.getByLabelText('メールアドレス'), { target: { value: '  staff@example.jp ' } });
    fireEvent.change(screen.getByLabelText('パスワード'), { target: { value: 'sakutei-demo' } });
    fireEvent.click(screen.getByRole('button', { name: 'ログイン' }));
    await waitFor(() => expect(signIn).toHaveBeenCalledWith('staff@example.jp', 'sakutei-demo'));
  });

  it('says in Japanese why the server refused, without saying which part was wrong', async () => {
    form(vi.fn(async () => {
      throw new ApiError(401, 'invalid_credentials', 'Invalid email or password');
    }));
    fireEvent.change(screen.getByLabelText('メールアドレス'), { target: { value: 'a@example.jp' } });
    fireEvent.change(screen.getByLabelText('パスワード'), { target: { value: 'x' } });
    fireEvent.click(screen.getByRole('button', { name: 'ログイン' }));
    expect((await screen.findByTestId('err')).textContent).toBe('メールアドレスまたはパスワードが正しくありません。');
  });
});
