import { termEndsSoon } from '@sakutei/shared';
import { describe, expect, it } from 'vitest';
import { dayText, termState } from './memberText';

describe('member terms', () => {
  it('counts a term as ending soon within 90 days, and as ended the day after its end', () => {
    expect(termState('2026-03-31', '2026-01-01')).toEqual({ kind: 'endsSoon', days: 89 });
    expect(termState('2026-03-31', '2026-03-31')).toEqual({ kind: 'endsSoon', days: 0 });
    expect(termState('2026-03-31', '2026-04-01')).toEqual({ kind: 'ended' });
    expect(termState('2027-03-31', '2026-01-01')).toBeNull();
    expect(termState(null, '2026-01-01')).toBeNull();
    expect(termEndsSoon('2026-04-01', '2026-01-01')).toBe(true);
    expect(termEndsSoon('2026-04-02', '2026-01-01')).toBe(false);
  });

  it('writes days in 和暦 for Japanese readers', () => {
    expect(dayText('2025-04-01', 'ja')).toBe('令和7年4月1日');
    expect(dayText('2019-05-01', 'ja')).toBe('令和元年5月1日');
    expect(dayText('2025-04-01', 'en')).toBe('2025-04-01');
  });
});
