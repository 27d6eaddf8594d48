import { describe, expect, it } from 'vitest';
import { WindowCounter } from './windowCounter';

describe('WindowCounter', () => {
  it('allows up to the limit, then asks to wait until the window ends', () => {
    const c = new WindowCounter(2, 10_000);
    expect(c.hit('a', 0)).toBe(0);
    expect(c.hit('a', 1)).toBe(0);
    expect(c.hit('a', 2_000)).toBe(8);
  });

  it('counts keys separately and starts afresh in a new window', () => {
    const c = new WindowCounter(1, 1000);
    expect(c.hit('a', 0)).toBe(0);
    expect(c.hit('b', 0)).toBe(0);
    expect(c.hit('a', 10)).toBeGreaterThan(0);
    expect(c.hit('a', 1000)).toBe(0);
  });

  it('tells whether a key is blocked without counting a hit', () => {
    const c = new WindowCounter(2, 10_000);
    c.hit('a', 0);
    expect(c.blockedFor('a', 1)).toBe(0);
    c.hit('a', 2);
    expect(c.blockedFor('a', 1_000)).toBe(9);
    expect(c.blockedFor('a', 1_000)).toBe(9);
    expect(c.blockedFor('a', 10_000)).toBe(0);
    expect(c.blockedFor('unknown', 0)).toBe(0);
  });

  it('stays bounded in memory', () => {
    const c = new WindowCounter(1, 1000, 10);
    for (let i = 0; i < 100; i++) c.hit(`k${i}`, 0);
    expect((c as unknown as { windows: Map<string, unknown> }).windows.size).toBeLessThanOrEqual(10);
  });
});
