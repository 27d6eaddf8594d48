import { act, renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { samePeople } from './presence';
import { usePresence } from './usePresence';

const person = (id: string, name: string) => ({ id, name, color: '#123456' });

describe('usePresence', () => {
  it('keeps the same list while only carets move, so its readers (the editor host, the cards) do not re-render', () => {
    const awareness = new Awareness(new Y.Doc());
    awareness.setLocalStateField('user', person('u-a', '山田'));
    const { result } = renderHook(() => usePresence(awareness));
    const first = result.current;
    expect(first.map((user) => user.name)).toEqual(['山田']);
    act(() => awareness.setLocalStateField('cursor', { anchor: 1, head: 1 }));
    expect(result.current).toBe(first);
    act(() => awareness.setLocalStateField('user', person('u-a', '山田 花子')));
    expect(result.current).not.toBe(first);
    expect(result.current.map((user) => user.name)).toEqual(['山田 花子']);
    awareness.destroy();
  });

  it('is nobody without a live draft', () => {
    const { result } = renderHook(() => usePresence(null));
    expect(result.current).toEqual([]);
  });
});

describe('samePeople', () => {
  it('gives the previous list back only when the people are the same', () => {
    const previous = [person('u-a', '山田'), person('u-b', '高橋')];
    expect(samePeople(previous, [person('u-a', '山田'), person('u-b', '高橋')])).toBe(previous);
    const left = [person('u-a', '山田')];
    expect(samePeople(previous, left)).toBe(left);
  });
});
