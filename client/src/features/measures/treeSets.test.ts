import { describe, expect, it } from 'vitest';
import { smallTable } from './testTable';
import { ancestorsOf, withId, withoutId, withoutIds } from './treeSets';

describe('treeSets', () => {
  it('returns the same set when nothing changes, so React skips the render', () => {
    const set = new Set(['a']);
    expect(withoutId(set, 'b')).toBe(set);
    expect(withId(set, 'a')).toBe(set);
    expect(withoutIds(set, ['a', 'b'])).toEqual(new Set());
    expect(withId(set, 'b')).toEqual(new Set(['a', 'b']));
  });

  it('lists a row’s ancestors, nearest first', () => {
    const { derived, ids } = smallTable();
    expect(ancestorsOf(ids.a2, derived.rowById)).toEqual([ids.a]);
    expect(ancestorsOf(ids.a, derived.rowById)).toEqual([]);
  });
});
