import { act, renderHook } from '@testing-library/react';
import { createRef } from 'react';
import { describe, expect, it } from 'vitest';
import { useVirtualRows, VIRTUALISE_FROM } from './useVirtualRows';

describe('useVirtualRows', () => {
  const body = createRef<HTMLElement>();

  it('renders a usual table whole', () => {
    const { result } = renderHook(() => useVirtualRows(VIRTUALISE_FROM - 1, body, 0));
    expect(result.current.enabled).toBe(false);
    expect(result.current.items).toEqual([]);
  });

  it('virtualises a long table, and renders every row while it is printed', () => {
    const { result } = renderHook(() => useVirtualRows(2000, body, 0));
    expect(result.current.enabled).toBe(true);
    act(() => {
      window.dispatchEvent(new Event('beforeprint'));
    });
    expect(result.current.enabled).toBe(false);
    act(() => {
      window.dispatchEvent(new Event('afterprint'));
    });
    expect(result.current.enabled).toBe(true);
  });
});
