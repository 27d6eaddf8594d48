import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PlanEventBus, parseEvent } from './planEvents';

/** An EventSource the test drives by hand: open, message, refuse. */
class FakeSource {
  static CLOSED = 2;
  static made: FakeSource[] = [];
  readyState = 0;
  onopen: (() => void) | null = null;
  onmessage: ((message: MessageEvent<string>) => void) | null = null;
  onerror: (() => void) | null = null;
  closed = false;
  constructor(readonly url: string) {
    FakeSource.made.push(this);
  }
  open() {
    this.readyState = 1;
    this.onopen?.();
  }
  send(data: string) {
    this.onmessage?.({ data } as MessageEvent<string>);
  }
  refuse() {
    this.readyState = FakeSource.CLOSED;
    this.onerror?.();
  }
  close() {
    this.closed = true;
  }
}

beforeEach(() => {
  FakeSource.made = [];
  vi.stubGlobal('EventSource', FakeSource);
  vi.useFakeTimers();
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('plan events', () => {
  it('reads the server’s events and ignores anything else', () => {
    expect(parseEvent('{"type":"thread","threadId":"t1"}')).toEqual({ type: 'thread', threadId: 't1' });
    expect(parseEvent('{"type":"notifications","unread":3}')).toEqual({ type: 'notifications', unread: 3 });
    expect(parseEvent('{"type":"meeting"}')).toBeNull();
    expect(parseEvent('not json')).toBeNull();
  });

  it('fans one stream out to every listener, and says when events may have been missed', () => {
    const bus = new PlanEventBus('/api/plans/p/events');
    const opens: boolean[] = [];
    const events: string[] = [];
    bus.subscribe({ onOpen: (gap) => opens.push(gap), onEvent: (event) => events.push(event.type) });
    bus.subscribe({ onEvent: (event) => events.push(`2:${event.type}`) });
    bus.start();
    const source = FakeSource.made[0]!;
    source.open();
    source.send('{"type":"thread","threadId":"t1"}');
    source.open(); // EventSource reconnected by itself after a drop
    expect(opens).toEqual([false, true]);
    expect(events).toEqual(['thread', '2:thread']);
    bus.stop();
    expect(source.closed).toBe(true);
  });

  it('starts over after a refusal, waiting longer each time', () => {
    const bus = new PlanEventBus('/events');
    const refused = vi.fn();
    bus.subscribe({ onEvent: () => {}, onRefused: refused });
    bus.start();
    FakeSource.made[0]!.refuse();
    expect(refused).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1_999);
    expect(FakeSource.made).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(FakeSource.made).toHaveLength(2);
    FakeSource.made[1]!.refuse();
    vi.advanceTimersByTime(3_999);
    expect(FakeSource.made).toHaveLength(2);
    vi.advanceTimersByTime(1);
    expect(FakeSource.made).toHaveLength(3);
    bus.stop();
    FakeSource.made[2]!.refuse();
    vi.advanceTimersByTime(60_000);
    expect(FakeSource.made).toHaveLength(3);
  });
});
