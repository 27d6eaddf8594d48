import { describe, expect, it } from 'vitest';
import { meetingDayText } from './dayText';

describe('meetingDayText', () => {
  it('writes the council day in the era with its weekday, or in English', () => {
    expect(meetingDayText('2025-11-20', 'ja')).toBe('令和7年11月20日（木）');
    expect(meetingDayText('2019-05-01', 'ja')).toBe('令和元年5月1日（水）');
    expect(meetingDayText('2025-11-20', 'en')).toBe('Thu 20 Nov 2025');
  });

  it('leaves the weekday out where the day is already in parentheses', () => {
    expect(meetingDayText('2025-11-20', 'ja', { weekday: false })).toBe('令和7年11月20日');
    expect(meetingDayText('2025-11-20', 'en', { weekday: false })).toBe('20 Nov 2025');
  });
});
