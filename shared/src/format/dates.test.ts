import { describe, expect, it } from 'vitest';
import { formatDate, formatFiscalYearIn } from './dates';

describe('formatDate', () => {
  it('prints 和暦 by default and 西暦 on request, as a day in Japan', () => {
    const at = Date.UTC(2025, 11, 6, 3, 0);
    expect(formatDate(at)).toBe('令和7年12月6日');
    expect(formatDate(at, 'seireki')).toBe('2025年12月6日');
    // 23:30 UTC on 5 December is already 6 December in Japan.
    expect(formatDate(Date.UTC(2025, 11, 5, 23, 30))).toBe('令和7年12月6日');
  });

  it('changes era on the day the era changed, and writes the first year as 元', () => {
    expect(formatDate(Date.UTC(2019, 3, 30, 3))).toBe('平成31年4月30日');
    expect(formatDate(Date.UTC(2019, 4, 1, 3))).toBe('令和元年5月1日');
    expect(formatDate(Date.UTC(1989, 0, 7, 3))).toBe('昭和64年1月7日');
  });
});

describe('formatFiscalYearIn', () => {
  it('reuses the fiscal-year rules: FY2019 is 令和元年度', () => {
    expect(formatFiscalYearIn(2019)).toBe('令和元年度');
    expect(formatFiscalYearIn(2025, 'wareki', 'short')).toBe('7年度');
    expect(formatFiscalYearIn(2025, 'seireki')).toBe('2025年度');
    expect(formatFiscalYearIn(2025, 'seireki', 'short')).toBe('2025年度');
  });
});
