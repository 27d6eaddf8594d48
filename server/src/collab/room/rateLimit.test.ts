import { describe, expect, it } from 'vitest';
import { FrameBudget, TokenBucket } from './rateLimit';

describe('TokenBucket', () => {
  it('allows a burst, then the rate', () => {
    let now = 0;
    const bucket = new TokenBucket(10, 5, () => now);
    expect(Array.from({ length: 6 }, () => bucket.take())).toEqual([true, true, true, true, true, false]);
    now += 100; // one token
    expect(bucket.take()).toBe(true);
    expect(bucket.take()).toBe(false);
    now += 10_000; // refills to the burst, no further
    expect(Array.from({ length: 6 }, () => bucket.take()).filter(Boolean)).toHaveLength(5);
    now += 1000;
    expect(bucket.take(11)).toBe(false);
    expect(bucket.take(5)).toBe(true);
  });
});

describe('FrameBudget', () => {
  const limits = { updatesPerSecond: 10, updateBurst: 10, awarenessPerSecond: 1, awarenessBurst: 2, syncRequestsPerSecond: 1, syncRequestBurst: 1, floodDrops: 5 };

  it('budgets document and presence frames separately', () => {
    const budget = new FrameBudget(limits, () => 0);
    expect(budget.admit('awareness')).toBe('accept');
    expect(budget.admit('awareness')).toBe('accept');
    expect(budget.admit('awareness')).toBe('drop');
    expect(budget.admit('doc')).toBe('accept');
    expect(budget.admit('syncRequest')).toBe('accept');
    expect(budget.admit('syncRequest')).toBe('drop');
  });

  it('forgives occasional drops and calls a sustained flood a flood', () => {
    let now = 0;
    const budget = new FrameBudget(limits, () => now);
    for (let i = 0; i < 10; i++) budget.admit('doc');
    const verdicts = Array.from({ length: 6 }, () => budget.admit('doc'));
    expect(verdicts).toEqual(['drop', 'drop', 'drop', 'drop', 'drop', 'flood']);
    // The drop allowance refills over ten seconds.
    now += 10_000;
    for (let i = 0; i < 10; i++) budget.admit('doc');
    expect(Array.from({ length: 5 }, () => budget.admit('doc'))).toEqual(['drop', 'drop', 'drop', 'drop', 'drop']);
  });
});
