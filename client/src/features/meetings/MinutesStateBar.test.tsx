import type { MinutesCorrection, MinutesResponse } from '@sakutei/shared';
import type { ReactElement } from 'react';
import { act, fireEvent, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderJa } from '../../app/testing/render';
import { I18nProvider } from '../../i18n';
import { MinutesCorrections } from './MinutesCorrections';
import { MinutesStateBar } from './MinutesStateBar';

const correction = (id: string, state: MinutesCorrection['state']): MinutesCorrection => ({
  id,
  author: { userId: 'u-m', name: '佐藤 花子' },
  quote: '資料1に基づき',
  proposal: '資料1及び資料2に基づき',
  reason: '',
  state,
  createdAt: '2026-05-20T06:00:00.000Z',
  resolvedAt: null,
});

function answer(over: Partial<MinutesResponse['minutes']> = {}, rights: Partial<Omit<MinutesResponse, 'minutes'>> = {}): MinutesResponse {
  return {
    minutes: {
      meetingId: 'mt',
      docName: 'minutes-mt',
      state: 'draft',
      sentAt: null,
      confirmedAt: null,
      confirmedBy: null,
      hash: null,
      publishNames: 'anonymised',
      corrections: [],
      version: 3,
      ...over,
    },
    access: 'edit',
    mayConfirm: false,
    mayManage: true,
    ...rights,
  };
}
const noop = vi.fn(async () => {});
/** rerender replaces the whole tree: the provider renderJa put around it goes back in. */
const inJa = (ui: ReactElement) => <I18nProvider>{ui}</I18nProvider>;

describe('the minutes state bar', () => {
  it('says where the minutes stand: the sending time, then the confirmation with the hash’s first 12 digits and the whole hash', () => {
    const { unmount } = renderJa(<MinutesStateBar held answer={answer({ state: 'sent', sentAt: '2026-05-20T06:30:00.000Z' })} send={noop} confirm={noop} publish={noop} />);
    expect(screen.getByTestId('minutes-state-text').textContent).toBe('送付済み（令和8年5月20日 15:30）');
    expect(screen.getByTestId('minutes-send').textContent).toBe('出席者に再送付');
    unmount();
    const hash = 'ab'.repeat(32);
    renderJa(
      <MinutesStateBar
        held
        answer={answer({ state: 'confirmed', confirmedAt: '2026-06-01T01:00:00.000Z', hash, confirmedBy: { userId: 'u-c', name: '山田 太郎' } })}
        send={noop}
        confirm={noop}
        publish={noop}
      />,
    );
    expect(screen.getByTestId('minutes-state-text').textContent).toBe(`確定（令和8年6月1日 10:00、ハッシュ ${hash.slice(0, 12)}）`);
    expect(screen.getByTestId('minutes-hash').textContent).toBe(`SHA-256 ${hash}`);
    expect(screen.queryByTestId('minutes-send')).toBeNull();
  });

  it('sends nothing before the sitting: the button waits for the meeting to be marked held, and says so', () => {
    const send = vi.fn(async () => {});
    renderJa(<MinutesStateBar held={false} answer={answer({ state: 'draft' })} send={send} confirm={noop} publish={noop} />);
    const button = screen.getByTestId('minutes-send') as HTMLButtonElement;
    expect(button.disabled).toBe(true);
    const hint = screen.getByTestId('minutes-not-held');
    expect(hint.textContent).toBe('会議を「開催済み」にすると、出席者に送付できます。');
    expect(button.getAttribute('aria-describedby')).toBe(hint.id);
    button.click();
    expect(send).not.toHaveBeenCalled();
  });

  it('lets the chair confirm only once every correction is answered, and only after saying it cannot be undone', () => {
    const confirm = vi.fn(async () => {});
    const sent = { state: 'sent' as const, sentAt: '2026-05-20T06:30:00.000Z' };
    const { rerender } = renderJa(
      <MinutesStateBar held answer={answer({ ...sent, corrections: [correction('c1', 'open')] }, { mayConfirm: true })} send={noop} confirm={confirm} publish={noop} />,
    );
    expect((screen.getByTestId('minutes-confirm') as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByTestId('minutes-open-corrections').textContent).toContain('1件');
    rerender(inJa(<MinutesStateBar held answer={answer({ ...sent, corrections: [correction('c1', 'applied')] }, { mayConfirm: true })} send={noop} confirm={confirm} publish={noop} />));
    act(() => fireEvent.click(screen.getByTestId('minutes-confirm')));
    expect(screen.getByTestId('minutes-confirm-dialog').textContent).toContain('取り消せません');
    expect(confirm).not.toHaveBeenCalled();
    act(() => fireEvent.click(screen.getAllByRole('button', { name: '議事録を確定' }).at(-1)!));
    expect(confirm).toHaveBeenCalledOnce();
  });

  it('offers a member neither sending, confirming nor the publication option', () => {
    renderJa(<MinutesStateBar held answer={answer({ state: 'sent', sentAt: '2026-05-20T06:30:00.000Z' }, { mayManage: false, access: 'read' })} send={noop} confirm={noop} publish={noop} />);
    expect(screen.queryByTestId('minutes-send')).toBeNull();
    expect(screen.queryByTestId('minutes-confirm')).toBeNull();
    expect(screen.queryByTestId('minutes-publish')).toBeNull();
  });
});

describe('suggested corrections', () => {
  it('asks for the passage and the wording before filing, and clears the form once filed', async () => {
    const file = vi.fn(async () => {});
    renderJa(<MinutesCorrections answer={answer({ state: 'sent' }, { mayManage: false, access: 'read' })} file={file} resolve={noop} />);
    await act(async () => fireEvent.click(screen.getByTestId('minutes-correction-submit')));
    expect(file).not.toHaveBeenCalled();
    expect(screen.getByRole('alert').textContent).toBe('該当箇所と訂正案を入力してください。');
    fireEvent.change(screen.getByTestId('minutes-correction-quote'), { target: { value: ' 資料1に基づき ' } });
    fireEvent.change(screen.getByTestId('minutes-correction-proposal'), { target: { value: '資料1及び資料2に基づき' } });
    await act(async () => fireEvent.click(screen.getByTestId('minutes-correction-submit')));
    expect(file).toHaveBeenCalledExactlyOnceWith({ quote: '資料1に基づき', proposal: '資料1及び資料2に基づき', reason: '' });
    expect((screen.getByTestId('minutes-correction-quote') as HTMLTextAreaElement).value).toBe('');
  });

  it('lets staff answer an open correction while the minutes are sent; the list stays, unanswerable, once confirmed', () => {
    const resolve = vi.fn(async () => {});
    const { rerender } = renderJa(
      <MinutesCorrections answer={answer({ state: 'sent', corrections: [correction('c1', 'open'), correction('c2', 'declined')] })} file={noop} resolve={resolve} />,
    );
    expect(screen.getAllByTestId('minutes-correction-state').map((s) => s.textContent)).toEqual(['未処理', '見送り']);
    expect(screen.getAllByTestId('minutes-correction-apply')).toHaveLength(1);
    act(() => fireEvent.click(screen.getByTestId('minutes-correction-decline')));
    expect(resolve).toHaveBeenCalledWith(expect.objectContaining({ id: 'c1' }), 'declined');
    rerender(inJa(<MinutesCorrections answer={answer({ state: 'confirmed', corrections: [correction('c1', 'applied')] })} file={noop} resolve={resolve} />));
    expect(screen.queryByTestId('minutes-correction-form')).toBeNull();
    expect(screen.queryByTestId('minutes-correction-apply')).toBeNull();
    expect(screen.getByTestId('minutes-correction-state').textContent).toBe('反映済み');
  });

  it('shows nothing for a draft without corrections', () => {
    renderJa(<MinutesCorrections answer={answer()} file={noop} resolve={noop} />);
    expect(screen.queryByTestId('minutes-corrections')).toBeNull();
  });
});
