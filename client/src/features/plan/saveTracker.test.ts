import { decodeStoredQuery, encodeStoredReply, STORED_ACK_MESSAGE } from '@sakutei/shared';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { SaveTracker } from './saveTracker';

/**
 * The part of y-websocket's provider the tracker uses, driven by hand: the tests play the
 * socket and the server, so every step of the exchange is explicit.
 */
class FakeProvider {
  readonly messageHandlers: Array<(...args: unknown[]) => void> = [];
  readonly sent: Uint8Array[] = [];
  ws: { readyState: number; send: (data: Uint8Array) => void } | null = null;
  wsconnected = false;
  synced = false;
  reconnects = 0;
  private readonly handlers = new Map<string, Set<(...args: unknown[]) => void>>();

  on(name: string, handler: (...args: unknown[]) => void) {
    if (!this.handlers.has(name)) this.handlers.set(name, new Set());
    this.handlers.get(name)!.add(handler);
  }
  off(name: string, handler: (...args: unknown[]) => void) {
    this.handlers.get(name)?.delete(handler);
  }
  emit(name: string, ...args: unknown[]) {
    for (const handler of this.handlers.get(name) ?? []) handler(...args);
  }
  open() {
    this.ws = { readyState: 1, send: (data) => this.sent.push(data) };
    this.wsconnected = true;
    this.emit('status', { status: 'connected' });
    this.synced = true;
    this.emit('sync', true);
  }
  drop() {
    this.ws = null;
    this.wsconnected = false;
    this.synced = false;
    this.emit('status', { status: 'disconnected' });
    this.emit('sync', false);
  }
  disconnect() {
    this.reconnects++;
    this.drop();
  }
  connect() {}
  /** The ids of the stored-ack queries sent so far. */
  queries(): number[] {
    return this.sent.filter((f) => f[0] === STORED_ACK_MESSAGE).map((f) => decodeStoredQuery(f.subarray(1))!);
  }
  /** Delivers the room's reply as y-websocket's message loop would. */
  reply(id: number, lost = 0) {
    const frame = encodeStoredReply(id, lost);
    this.messageHandlers[STORED_ACK_MESSAGE]!({}, { arr: frame, pos: 1 }, this, true, STORED_ACK_MESSAGE);
  }
}

let provider: FakeProvider;
let doc: Y.Doc;
let tracker: SaveTracker;
let persisted: number[];

beforeEach(() => {
  vi.useFakeTimers();
  provider = new FakeProvider();
  doc = new Y.Doc();
  persisted = [];
  tracker = new SaveTracker(provider as unknown as WebsocketProvider, doc, {
    onUnsentChange: (n) => persisted.push(n),
    now: () => 42_000,
  });
});

afterEach(() => {
  tracker.destroy();
  vi.useRealTimers();
});

const type = (text: string, origin: unknown = null) => doc.transact(() => doc.getText('t').insert(0, text), origin);

describe('SaveTracker', () => {
  it('calls edits saved only when the room answers the query sent after them', async () => {
    provider.open();
    await vi.runOnlyPendingTimersAsync();
    provider.reply(provider.queries().at(-1)!);
    expect(tracker.getSnapshot()).toEqual({ phase: 'saved', unsent: 0, savedAt: null });

    type('a');
    type('b');
    expect(tracker.getSnapshot()).toMatchObject({ phase: 'syncing', unsent: 2 });
    await vi.advanceTimersByTimeAsync(300);
    const id = provider.queries().at(-1)!;
    expect(tracker.getSnapshot().phase).toBe('syncing');
    provider.reply(id);
    expect(tracker.getSnapshot()).toEqual({ phase: 'saved', unsent: 0, savedAt: 42_000 });
    expect(persisted).toEqual([1, 2, 0]);
  });

  it('counts edits made offline and confirms them after the reconnect’s sync', async () => {
    type('offline 1');
    type('offline 2');
    expect(tracker.getSnapshot()).toMatchObject({ phase: 'connecting', unsent: 2 });
    // No socket, no question.
    await vi.advanceTimersByTimeAsync(1000);
    expect(provider.queries()).toEqual([]);

    provider.open();
    await vi.runOnlyPendingTimersAsync();
    provider.reply(provider.queries().at(-1)!);
    expect(tracker.getSnapshot()).toMatchObject({ phase: 'saved', unsent: 0 });

    provider.drop();
    type('after the drop');
    expect(tracker.getSnapshot()).toMatchObject({ phase: 'offline', unsent: 1 });
  });

  it('does not count changes from the server, other tabs or the offline copy as edits', () => {
    const offlineCopy = {};
    tracker.ignoreOrigin(offlineCopy);
    type('from the server', provider);
    type('replayed from IndexedDB', offlineCopy);
    expect(tracker.getSnapshot().unsent).toBe(0);
  });

  it('resyncs when the room lost an edit, and stays unsaved until a clean answer', async () => {
    provider.open();
    type('x');
    await vi.runOnlyPendingTimersAsync();
    provider.reply(provider.queries().at(-1)!, 1);
    await Promise.resolve();
    expect(provider.reconnects).toBe(1);
    expect(tracker.getSnapshot()).toMatchObject({ phase: 'offline', unsent: 1 });

    provider.open();
    await vi.runOnlyPendingTimersAsync();
    provider.reply(provider.queries().at(-1)!, 0);
    expect(tracker.getSnapshot()).toMatchObject({ phase: 'saved', unsent: 0 });
  });

  it('stops resyncing once halted (the room refused an update: resending it would be refused again)', async () => {
    provider.open();
    type('x');
    tracker.halt();
    await vi.runOnlyPendingTimersAsync();
    provider.reply(provider.queries().at(-1)!, 1);
    await Promise.resolve();
    expect(provider.reconnects).toBe(0);
    expect(tracker.getSnapshot().unsent).toBe(1);
  });

  it('ignores a reply to a query sent on an earlier socket', async () => {
    provider.open();
    type('x');
    await vi.runOnlyPendingTimersAsync();
    const stale = provider.queries().at(-1)!;
    provider.drop();
    provider.open();
    provider.reply(stale);
    expect(tracker.getSnapshot()).toMatchObject({ phase: 'syncing', unsent: 1 });
  });

  it('asks again when a query goes unanswered', async () => {
    provider.open();
    type('x');
    await vi.advanceTimersByTimeAsync(300);
    expect(provider.queries()).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(10_000 + 300);
    expect(provider.queries()).toHaveLength(2);
  });

  it('starts from the count a previous visit left', () => {
    const reopened = new SaveTracker(provider as unknown as WebsocketProvider, new Y.Doc(), { restoredUnsent: 5 });
    expect(reopened.getSnapshot()).toMatchObject({ phase: 'connecting', unsent: 5 });
    reopened.destroy();
  });
});
