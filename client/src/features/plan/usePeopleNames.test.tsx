import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import type { PresenceUser } from './presence';
import { usePeopleNames } from './usePeopleNames';

const plan = { role: 'observer' as const, workspaceId: 'w1' };
const self: PresenceUser = { id: 'u-self', name: '自分', color: '#000000' };
const person = (id: string, name: string): PresenceUser => ({ id, name, color: '#123456' });

function wrapper({ children }: { children: ReactNode }) {
  return <QueryClientProvider client={new QueryClient()}>{children}</QueryClientProvider>;
}

describe('usePeopleNames', () => {
  it('keeps the same function while the names are the same (a remote caret move gives a new list)', () => {
    const { result, rerender } = renderHook(({ present }) => usePeopleNames(plan, present, self), {
      wrapper,
      initialProps: { present: [person('u-a', '山田')] },
    });
    const first = result.current;
    expect(first('u-a')).toBe('山田');
    expect(first('u-self')).toBe('自分');
    rerender({ present: [person('u-a', '山田')] });
    expect(result.current).toBe(first);
    rerender({ present: [person('u-a', '山田'), person('u-b', '高橋')] });
    expect(result.current).not.toBe(first);
    expect(result.current('u-b')).toBe('高橋');
  });
});
