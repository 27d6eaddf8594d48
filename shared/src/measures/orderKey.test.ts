import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareByKey, isOrderKey, keyBetween, keysBetween } from './orderKey';

describe('order keys', () => {
  it('always finds a key strictly between two keys', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(), fc.nat()), { minLength: 1, maxLength: 60 }), fc.double({ min: 0, max: 0.9999999, noNaN: true }), (steps, r) => {
        const keys: string[] = [];
        for (const [a, b] of steps) {
          const sorted = [...keys].sort();
          const at = sorted.length === 0 ? 0 : a % (sorted.length + 1);
          const before = at === 0 ? null : sorted[at - 1]!;
          const after = at === sorted.length ? null : sorted[at]!;
          const key = keyBetween(before, after, () => ((b % 1000) / 1000 + r) % 1);
          expect(isOrderKey(key)).toBe(true);
          if (before !== null) expect(key > before).toBe(true);
          if (after !== null) expect(key < after).toBe(true);
          keys.push(key);
        }
      }),
    );
  });

  it('gives increasing keys for a batch and keeps them short when appending', () => {
    const keys = keysBetween(null, null, 500);
    expect([...keys].sort()).toEqual(keys);
    expect(new Set(keys).size).toBe(500);
    expect(Math.max(...keys.map((key) => key.length))).toBeLessThan(40);
  });

  it('rejects bounds that are out of order', () => {
    expect(() => keyBetween('b', 'a')).toThrow();
  });

  it('orders ties by id so every replica agrees', () => {
    const rows = [
      { key: 'V12', id: 'b' },
      { key: 'V12', id: 'a' },
      { key: 'A1', id: 'z' },
    ];
    expect(rows.sort(compareByKey).map((row) => row.id)).toEqual(['z', 'a', 'b']);
  });
});
