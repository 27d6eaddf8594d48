import { fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { I18nProvider } from '../../i18n';
import { UpdateRefusedNotice } from './components/UpdateRefusedNotice';
import { watchUpdateRefusals } from './updateRefusals';

/**
 * A socket the test plays the server on: y-websocket's own provider runs over it unchanged
 * (its message loop, its handlers), so the refusal arrives exactly as it does from the room.
 */
class ServerSideSocket {
  static last: ServerSideSocket | null = null;
  binaryType = '';
  readyState = 0;
  onopen: (() => void) | null = null;
  onmessage: ((event: { data: ArrayBuffer }) => void) | null = null;
  onclose: ((event: unknown) => void) | null = null;
  onerror: ((event: unknown) => void) | null = null;
  readonly sent: Uint8Array[] = [];
  constructor(readonly url: string) {
    ServerSideSocket.last = this;
  }
  send(data: Uint8Array) {
    this.sent.push(data);
  }
  close() {
    this.readyState = 3;
  }
  open() {
    this.readyState = 1;
    this.onopen?.();
  }
  /** What the room's encodePermissionDenied sends: messageAuth, permission denied, the reason. */
  deny(reason: string) {
    const text = new TextEncoder().encode(reason);
    if (text.length > 127) throw new Error('a one-byte length keeps this frame simple');
    const frame = new Uint8Array([2, 0, text.length, ...text]);
    this.onmessage?.({ data: frame.buffer });
  }
}

let provider: WebsocketProvider | null = null;
afterEach(() => {
  provider?.destroy();
  provider = null;
  vi.restoreAllMocks();
});

function connect() {
  const doc = new Y.Doc();
  provider = new WebsocketProvider('ws://test', 'plan-1', doc, {
    WebSocketPolyfill: ServerSideSocket as unknown as typeof WebSocket,
    disableBc: true,
  });
  const socket = ServerSideSocket.last!;
  socket.open();
  return { provider, socket };
}

describe('watchUpdateRefusals', () => {
  it('hands each refusal’s reason over, keeping the console line', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { provider, socket } = connect();
    const reasons: string[] = [];
    watchUpdateRefusals(provider, (reason) => reasons.push(reason));
    socket.deny('suggest-only: a plain insertion');
    socket.deny('read-only: your access to this document is "read"');
    expect(reasons).toEqual(['suggest-only: a plain insertion', 'read-only: your access to this document is "read"']);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('suggest-only: a plain insertion'));
  });

  it('puts y-websocket’s own handler back when undone', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { provider, socket } = connect();
    const reasons: string[] = [];
    const unwatch = watchUpdateRefusals(provider, (reason) => reasons.push(reason));
    unwatch();
    socket.deny('suggest-only: late');
    expect(reasons).toEqual([]);
  });

  it('leaves the other handlers alone: the sync still works', () => {
    const { provider } = connect();
    const sync = provider.messageHandlers[0];
    watchUpdateRefusals(provider, () => {});
    expect(provider.messageHandlers[0]).toBe(sync);
  });
});

describe('UpdateRefusedNotice', () => {
  const show = (props: Parameters<typeof UpdateRefusedNotice>[0]) =>
    render(
      <I18nProvider>
        <UpdateRefusedNotice {...props} />
      </I18nProvider>,
    );

  it('says what happened, what reopening loses, and reopens from a button', () => {
    const onReopen = vi.fn();
    show({ reason: 'suggest-only: a plain insertion', reopened: false, onReopen });
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('提案モードでは提案としてのみ書き込めます');
    expect(alert.textContent).toContain('失われます');
    fireEvent.click(screen.getByRole('button', { name: '最新の内容で開き直す' }));
    expect(onReopen).toHaveBeenCalledTimes(1);
  });

  it('names the lack of edit rights for a read-only refusal', () => {
    show({ reason: 'read-only: your access to this document is "read"', reopened: false, onReopen: () => {} });
    expect(screen.getByRole('alert').textContent).toContain('編集する権限がありません');
  });

  it('says nothing before any refusal, and after reopening confirms it and takes the focus', () => {
    const { rerender, container } = show({ reason: null, reopened: false, onReopen: () => {} });
    expect(container.textContent).toBe('');
    rerender(
      <I18nProvider>
        <UpdateRefusedNotice reason={null} reopened onReopen={() => {}} />
      </I18nProvider>,
    );
    const done = screen.getByTestId('update-reopened');
    expect(done.textContent).toContain('開き直しました');
    expect(document.activeElement).toBe(done);
  });
});
