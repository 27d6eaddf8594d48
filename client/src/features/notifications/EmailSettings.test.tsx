import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../lib/api';
import { getNotificationSettings, putNotificationSettings } from '../../lib/notificationSettingsApi';
import { renderJa } from '../../app/testing/render';
import { EmailSettings } from './EmailSettings';

vi.mock('../../lib/notificationSettingsApi', () => ({ getNotificationSettings: vi.fn(), putNotificationSettings: vi.fn() }));
vi.mock('../../app/session', () => ({ useSession: () => ({ expire: vi.fn() }) }));

const get = vi.mocked(getNotificationSettings);
const put = vi.mocked(putNotificationSettings);

function setup() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  renderJa(
    <QueryClientProvider client={client}>
      <EmailSettings />
    </QueryClientProvider>,
  );
}

const radio = (value: string) => screen.getByTestId(`notification-email-${value}`) as HTMLInputElement;

describe('EmailSettings', () => {
  beforeEach(() => {
    get.mockReset();
    put.mockReset();
  });

  it('shows the stored choice among the three, in a named group', async () => {
    get.mockResolvedValue({ email: 'daily', mailEnabled: true });
    setup();
    await waitFor(() => expect(radio('daily').checked).toBe(true));
    expect(screen.getByRole('group', { name: '通知をメールで受け取る方法' })).toBeTruthy();
    expect([radio('immediate').checked, radio('off').checked]).toEqual([false, false]);
    expect(screen.queryByText(/メールを送信する設定になっていません/)).toBeNull();
  });

  it('saves a choice at once and says so', async () => {
    get.mockResolvedValue({ email: 'immediate', mailEnabled: true });
    put.mockResolvedValue({ email: 'off', mailEnabled: true });
    setup();
    await waitFor(() => expect(radio('immediate').checked).toBe(true));
    fireEvent.click(radio('off'));
    expect(radio('off').checked).toBe(true);
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('保存しました。'));
    expect(put).toHaveBeenCalledWith({ email: 'off' });
  });

  it('puts the choice back when the server refuses it', async () => {
    get.mockResolvedValue({ email: 'immediate', mailEnabled: false });
    put.mockRejectedValue(new ApiError(500, 'internal', 'boom'));
    setup();
    await waitFor(() => expect(radio('immediate').checked).toBe(true));
    expect(screen.getByText(/メールを送信する設定になっていません/)).toBeTruthy();
    fireEvent.click(radio('daily'));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('保存できませんでした。もう一度お試しください。'));
    expect(radio('immediate').checked).toBe(true);
  });
});
