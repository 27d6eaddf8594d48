import { describe, expect, it } from 'vitest';
import { formatCommentTime } from './dateTime';

describe('formatCommentTime', () => {
  const now = new Date('2025-12-06T12:00:00+09:00');

  it('dates a record in full, in the era, on Japan’s clock whatever the reader’s', () => {
    expect(formatCommentTime('2025-12-06T05:05:00Z', 'ja', now, 'record')).toBe('令和7年12月6日 14:05');
    // Just after midnight in Japan is still the previous day in UTC.
    expect(formatCommentTime('2019-04-30T15:30:00Z', 'ja', now, 'record')).toBe('令和元年5月1日 00:30');
    expect(formatCommentTime('2019-04-30T14:59:00Z', 'ja', now, 'record')).toBe('平成31年4月30日 23:59');
  });

  it('leaves out the year in a conversation unless it is another year', () => {
    expect(formatCommentTime('2025-11-22T10:05:00', 'ja', now)).toBe('11月22日 10:05');
    expect(formatCommentTime('2024-11-22T10:05:00', 'ja', now)).toBe('2024年11月22日 10:05');
  });

  it('prints nothing for a time it cannot read', () => {
    expect(formatCommentTime('not a date', 'ja', now)).toBe('');
  });
});
