import type { PlanSummary } from '@sakutei/shared';
import { act, render, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useUnreadState } from '../../app/unreadStore';
import { PlanProvider, usePlan } from './PlanContext';
import { useMeasureCommentsPort, usePlanSlots } from './ports';

class FakeSource {
  static made: FakeSource[] = [];
  static CLOSED = 2;
  readyState = 0;
  onopen: (() => void) | null = null;
  onmessage: ((message: MessageEvent<string>) => void) | null = null;
  onerror: (() => void) | null = null;
  constructor(readonly url: string) {
    FakeSource.made.push(this);
  }
  close() {
    this.readyState = FakeSource.CLOSED;
  }
}

const plan: PlanSummary = {
  id: 'plan-1',
  title: '令和7年度 中小企業振興施策',
  workspaceId: 'ws-1',
  workspaceName: '福島市中小企業振興会議',
  docName: 'plan-1',
  role: 'member',
};
const user = { id: 'u1', name: '佐藤', color: '#1f6feb' };

function wrapper(selectView = vi.fn()) {
  return ({ children }: { children: ReactNode }) => (
    <PlanProvider plan={plan} user={user} session={null} editable={false} selectView={selectView}>
      {children}
    </PlanProvider>
  );
}

beforeEach(() => {
  FakeSource.made = [];
  vi.stubGlobal('EventSource', FakeSource);
});
afterEach(() => vi.unstubAllGlobals());

describe('PlanProvider', () => {
  it('gives every feature the same plan, user and buses', () => {
    const selectView = vi.fn();
    const { result, rerender } = renderHook(() => usePlan(), { wrapper: wrapper(selectView) });
    const first = result.current;
    expect(first.plan.title).toBe('令和7年度 中小企業振興施策');
    expect(first.user.name).toBe('佐藤');
    first.selectView('measures');
    expect(selectView).toHaveBeenCalledWith('measures');
    rerender();
    // Stable across renders, so features that depend on it do not re-subscribe.
    expect(result.current.jumps).toBe(first.jumps);
    expect(result.current.events).toBe(first.events);
  });

  it('opens one event stream for the plan, and passes the unread count to the header', () => {
    const { result } = renderHook(() => useUnreadState(), { wrapper: wrapper() });
    const streams = FakeSource.made.filter((source) => source.readyState !== FakeSource.CLOSED);
    expect(streams).toHaveLength(1);
    expect(streams[0]!.url).toContain('plan-1');
    act(() => {
      streams[0]!.onopen?.();
      streams[0]!.onmessage?.({ data: '{"type":"notifications","unread":4}' } as MessageEvent<string>);
    });
    expect(result.current.unread).toBe(4);
    expect(result.current.streams).toBe(1);
  });

  it('says clearly when used outside a plan page', () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(() => renderHook(() => usePlan())).toThrow(/PlanProvider/);
    spy.mockRestore();
  });

  it('leaves harmless defaults where no feature plugged in', () => {
    function Probe() {
      const comments = useMeasureCommentsPort();
      const { TransferMenu } = usePlanSlots();
      return (
        <p>
          {String(comments.canComment)}:{comments.threadsFor({ kind: 'node', id: 'x', field: null }).length}
          <TransferMenu planId="p" doc={null as never} view={null as never} editable={false} />
        </p>
      );
    }
    const { container } = render(<Probe />);
    expect(container.textContent).toBe('false:0');
  });
});
