import { describe, expect, it } from 'vitest';
import { DEFAULT_RATE_LIMITS, FrameBudget, TokenBucket, UserCostBudgets } from './rateLimit';

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
  const limits = { ...DEFAULT_RATE_LIMITS, updatesPerSecond: 10, updateBurst: 10, awarenessPerSecond: 1, awarenessBurst: 2, syncRequestsPerSecond: 1, syncRequestBurst: 1, floodDrops: 5 };

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

describe('charging by cost', () => {
  it('lets work already done push a bucket into debt, and says when it is full again', () => {
    let now = 0;
    const bucket = new TokenBucket(100, 1_000, () => now);
    bucket.charge(1_500);
    expect(bucket.available()).toBe(-500);
    expect(bucket.take(1)).toBe(false);
    expect(bucket.msUntilFull()).toBe(15_000);
    now += 15_000;
    expect(bucket.full).toBe(true);
  });

  it('counts an update dropped for its cost against the flood allowance', () => {
    const budget = new FrameBudget({ ...DEFAULT_RATE_LIMITS, floodDrops: 3 }, () => 0);
    expect([budget.drop(), budget.drop(), budget.drop(), budget.drop()]).toEqual(['drop', 'drop', 'drop', 'flood']);
  });

  it('keeps one budget per person, whatever socket spends it, and forgets it once refilled', () => {
    let now = 0;
    const people = new UserCostBudgets(100, 1_000, () => now);
    expect(people.available('a')).toBe(1_000);
    people.charge('a', 700);
    people.charge('a', 200);
    expect(people.available('a')).toBe(100);
    expect(people.available('b')).toBe(1_000);
    expect(people.tracked).toBe(1);
    now += 9_000;
    expect(people.tracked).toBe(0);
    expect(people.available('a')).toBe(1_000);
  });
});
