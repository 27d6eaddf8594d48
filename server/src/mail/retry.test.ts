import { describe, expect, it } from 'vitest';
import { MAX_RETRY_DELAY_MS, retryDelay } from './retry';

describe('retryDelay', () => {
  it('waits the base after the first failure and doubles after each one', () => {
    expect([1, 2, 3, 4].map((n) => retryDelay(n, 60_000))).toEqual([60_000, 120_000, 240_000, 480_000]);
  });

  it('never waits longer than the cap, however many failures', () => {
    expect(retryDelay(7, 60_000)).toBe(MAX_RETRY_DELAY_MS);
    expect(retryDelay(5000, 60_000)).toBe(MAX_RETRY_DELAY_MS);
  });
});
