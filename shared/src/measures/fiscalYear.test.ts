import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ERAS, eraOf, fiscalYearOf, formatFiscalYear, parseFiscalYear, parseYearText } from './fiscalYear';

const fiscal = (year: number) => ({ year, month: null, kind: 'fiscal', fiscalYear: year });

describe('parseYearText', () => {
  it('reads era fiscal years in every spelling plans use', () => {
    for (const text of ['令和7年度', '令和７年度', '令和 7 年度', '（令和７年度）', ' R7 ', 'R.7', 'R07', 'Ｒ７']) {
      expect(parseYearText(text), text).toEqual(fiscal(2025));
    }
    expect(parseYearText('R5')).toEqual(fiscal(2023));
    expect(parseYearText('H29')).toEqual(fiscal(2017));
    expect(parseYearText('H29年度')).toEqual(fiscal(2017));
    expect(parseYearText('(R1)')).toEqual(fiscal(2019));
    expect(parseYearText('令和元年度')).toEqual(fiscal(2019));
    expect(parseYearText('平成31年度')).toEqual(fiscal(2019));
    expect(parseYearText('平成元年度')).toEqual(fiscal(1989));
  });

  it('reads western years', () => {
    expect(parseYearText('2019年度')).toEqual(fiscal(2019));
    expect(parseYearText('2019')).toEqual(fiscal(2019));
    expect(parseYearText('２０１９年度')).toEqual(fiscal(2019));
    expect(parseYearText('2021年3月')).toEqual({ year: 2021, month: 3, kind: 'calendar', fiscalYear: 2020 });
  });

  it('reads calendar years and months, placing January–March in the previous fiscal year', () => {
    expect(parseYearText('令和元年')).toEqual({ year: 2019, month: null, kind: 'calendar', fiscalYear: 2019 });
    expect(parseYearText('令和3(2021)年3月')).toEqual({ year: 2021, month: 3, kind: 'calendar', fiscalYear: 2020 });
    expect(parseYearText('R3.8月現在')).toEqual({ year: 2021, month: 8, kind: 'calendar', fiscalYear: 2021 });
    expect(parseYearText('(R3.8 月現在)')).toEqual({ year: 2021, month: 8, kind: 'calendar', fiscalYear: 2021 });
    expect(parseYearText('令和6年3月末現在')).toEqual({ year: 2024, month: 3, kind: 'calendar', fiscalYear: 2023 });
  });

  it('requires the western year in parentheses to agree with the era year', () => {
    expect(parseYearText('令和3(2020)年3月')).toBeNull();
    expect(parseYearText('令和3(2021)年度')).toEqual(fiscal(2021));
  });

  it('reads an era-less year only when the caller names the era', () => {
    expect(parseYearText('4年度')).toBeNull();
    expect(parseYearText('4年度', { defaultEra: '令和' })).toEqual(fiscal(2022));
    expect(parseYearText('5年度', { defaultEra: '令和' })).toEqual(fiscal(2023));
    expect(parseYearText('元年度', { defaultEra: '平成' })).toEqual(fiscal(1989));
  });

  it('rejects era years outside the era', () => {
    for (const text of ['令和0年', '令和0年度', '昭和70年', '昭和64年度', '平成32年度', '平成31年5月', '令和元年4月', '大正16年']) {
      expect(parseYearText(text), text).toBeNull();
    }
    // The last days of an era are still that era.
    expect(parseYearText('昭和64年')).not.toBeNull();
    expect(parseYearText('平成31年4月')).not.toBeNull();
  });

  it('rejects anything else', () => {
    for (const text of ['', '年度', '令和', 'R', 'R3.13月', '2019年13月', '1800年', 'Q5', '令和七年度', '433 件', 'R3年.8月', '5年度 以上']) {
      expect(parseYearText(text), text).toBeNull();
    }
  });

  it('never throws', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => {
        parseYearText(s);
      }),
    );
  });
});

describe('fiscalYearOf', () => {
  it('starts the fiscal year in April', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1868, max: 2200 }), fc.integer({ min: 1, max: 12 }), (year, month) => {
        expect(fiscalYearOf(year, month)).toBe(month >= 4 ? year : year - 1);
      }),
    );
  });
});

describe('eraOf', () => {
  it('uses the era in force on 1 April, except that FY2019 is 令和元年度', () => {
    expect(eraOf(1868)).toEqual({ era: '明治', eraYear: 1 });
    expect(eraOf(1912)).toEqual({ era: '明治', eraYear: 45 });
    expect(eraOf(1913)).toEqual({ era: '大正', eraYear: 2 });
    expect(eraOf(1926)).toEqual({ era: '大正', eraYear: 15 });
    expect(eraOf(1927)).toEqual({ era: '昭和', eraYear: 2 });
    expect(eraOf(1988)).toEqual({ era: '昭和', eraYear: 63 });
    expect(eraOf(1989)).toEqual({ era: '平成', eraYear: 1 });
    expect(eraOf(2018)).toEqual({ era: '平成', eraYear: 30 });
    expect(eraOf(2019)).toEqual({ era: '令和', eraYear: 1 });
    expect(eraOf(2025)).toEqual({ era: '令和', eraYear: 7 });
  });

  it('has no era before 明治', () => {
    expect(() => eraOf(1867)).toThrow(RangeError);
  });

  it('gives each fiscal year a positive era year counted from the era start', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1868, max: 2100 }), (fy) => {
        const { era, eraYear } = eraOf(fy);
        const start = ERAS.find((e) => e.name === era)!.start.year;
        expect(eraYear).toBeGreaterThanOrEqual(1);
        expect(start + eraYear - 1).toBe(fy);
      }),
    );
  });
});

describe('formatFiscalYear', () => {
  it('prints each style', () => {
    expect(formatFiscalYear(2025)).toBe('令和7年度');
    expect(formatFiscalYear(2025, 'eraShort')).toBe('R7');
    expect(formatFiscalYear(2025, 'eraYearOnly')).toBe('7年度');
    expect(formatFiscalYear(2025, 'western')).toBe('2025年度');
  });

  it('prints the first year of an era as 元 except in the abbreviation', () => {
    expect(formatFiscalYear(2019)).toBe('令和元年度');
    expect(formatFiscalYear(2019, 'eraYearOnly')).toBe('元年度');
    expect(formatFiscalYear(2019, 'eraShort')).toBe('R1');
    expect(formatFiscalYear(1989)).toBe('平成元年度');
    expect(formatFiscalYear(2018)).toBe('平成30年度');
  });

  it('reads back in every style', () => {
    const styles = ['era', 'eraShort', 'eraYearOnly', 'western'] as const;
    fc.assert(
      fc.property(fc.integer({ min: 1868, max: 2100 }), fc.constantFrom(...styles), (fy, style) => {
        const text = formatFiscalYear(fy, style);
        const parsed = parseYearText(text, { defaultEra: eraOf(fy).era });
        expect(parsed).toEqual(fiscal(fy));
      }),
    );
  });

  it('reads back with full-width digits', () => {
    const toFullWidth = (s: string) => s.replace(/[0-9A-Z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
    fc.assert(
      fc.property(fc.integer({ min: 1868, max: 2100 }), fc.constantFrom('era', 'eraShort', 'western'), (fy, style) => {
        expect(parseFiscalYear(toFullWidth(formatFiscalYear(fy, style)))).toBe(fy);
      }),
    );
  });
});
