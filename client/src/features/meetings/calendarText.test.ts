import { describe, expect, it } from 'vitest';
import { translatorFor } from '../../i18n';
import { dayInMonthText, fiscalYearName, monthName, stepText } from './calendarText';

const revision = { planId: 'p', planTitle: '第2期計画', revisionId: 'r', number: 3, name: '素案' };
const period = { planId: 'p', planTitle: '第2期計画', from: 2024, to: 2028 };

describe('calendar wording', () => {
  it('names fiscal years, months and days in each language', () => {
    expect(fiscalYearName(2026, 'ja')).toBe('令和8年度');
    expect(fiscalYearName(2019, 'ja')).toBe('令和元年度');
    expect(fiscalYearName(2026, 'en')).toBe('FY2026');
    expect(monthName(2027, 1, 'ja')).toBe('1月');
    expect(monthName(2027, 1, 'ja', true)).toBe('2027年1月');
    expect(monthName(2027, 3, 'en', true)).toBe('March 2027');
    // A wall-clock day: 2026-11-20 is a Friday wherever the browser is.
    expect(dayInMonthText('2026-11-20', 'ja')).toBe('20日（金）');
    expect(dayInMonthText('2026-11-20', 'en')).toBe('Fri 20');
  });

  it("says each of the plan's steps", () => {
    const ja = translatorFor('ja');
    const en = translatorFor('en');
    expect(stepText({ kind: 'revisionApproved', date: '2026-11-20', ...revision }, ja, 'ja')).toBe('第3版「素案」が承認されました');
    expect(stepText({ kind: 'revisionSubmitted', date: '2026-11-20', ...revision }, en, 'en')).toBe('Revision 3 “素案” submitted for review');
    expect(stepText({ kind: 'periodStart', date: '2024-04-01', ...period }, ja, 'ja')).toBe('計画期間（令和6年度〜令和10年度）が始まります');
    expect(stepText({ kind: 'periodEnd', date: '2029-03-31', ...period }, en, 'en')).toBe('The plan period (FY2024 – FY2028) ends');
  });
});
