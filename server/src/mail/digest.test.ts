import { describe, expect, it } from 'vitest';
import { digestBoundary } from './digest';

describe('digestBoundary', () => {
  it("is today's digest hour in 日本時間 once it has passed", () => {
    // 2026-04-01 10:00 JST = 01:00 UTC; the 08:00 JST boundary is 2026-03-31 23:00 UTC.
    expect(new Date(digestBoundary(Date.UTC(2026, 3, 1, 1, 0), 8)).toISOString()).toBe('2026-03-31T23:00:00.000Z');
  });

  it("is yesterday's before the hour comes round", () => {
    // 2026-04-01 07:59 JST = 2026-03-31 22:59 UTC.
    expect(new Date(digestBoundary(Date.UTC(2026, 2, 31, 22, 59), 8)).toISOString()).toBe('2026-03-30T23:00:00.000Z');
  });

  it('is the moment itself at the hour exactly', () => {
    const at = Date.UTC(2026, 2, 31, 23, 0);
    expect(digestBoundary(at, 8)).toBe(at);
  });
});
