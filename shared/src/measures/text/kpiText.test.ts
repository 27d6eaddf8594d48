import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { KpiFiguresSource } from './kpiText';
import { actualText, baselineText, fiscalYearText, formatPercent, targetText, yearNote } from './kpiText';

const kpi = (over: Partial<KpiFiguresSource> = {}): KpiFiguresSource & { target: { fiscalYear: number | null } } => ({
  unit: '件/年',
  direction: 'higher',
  components: [],
  baseline: { value: { kind: 'number', value: 400 }, fiscalYear: 2019, label: '' },
  target: { value: { kind: 'number', value: 480 }, fiscalYear: 2025 },
  actuals: { '2023': { kind: 'number', value: 433 } },
  ...over,
} as KpiFiguresSource & { target: { fiscalYear: number | null } });

describe('KPI text', () => {
  it('drops the per-year suffix on an actual, keeps it on the target', () => {
    expect(actualText(kpi(), 2023)).toBe('433 件');
    expect(targetText(kpi(), 2025)).toBe('480 件/年');
  });

  it('notes a baseline year that is not the column’s, and keeps a label that names the same year', () => {
    expect(baselineText(kpi(), 2019)).toBe('400 件/年');
    expect(baselineText(kpi(), 2021)).toBe('400 件/年 (R1)');
    expect(yearNote('R3.8月現在', 2021, 2019)).toBe('R3.8月現在');
    // A label that names another year than the record is not trusted.
    expect(yearNote('(H29)', 2019, 2019)).toBe('');
  });

  it('spells 以下 on a lower-is-better target but not on a target of zero', () => {
    const lower = kpi({ direction: 'lower', baseline: { value: { kind: 'number', value: 30926 }, fiscalYear: 2019, label: '' }, unit: 't' });
    expect(targetText({ ...lower, target: { value: { kind: 'number', value: 24200 }, fiscalYear: 2025 } }, 2025)).toBe('24,200 t 以下');
    expect(targetText({ ...lower, target: { value: { kind: 'number', value: 0 }, fiscalYear: 2025 } }, 2025)).toBe('0 t');
  });

  it('prints a percentage with one decimal and never a negative zero', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, min: -10, max: 10 }), (ratio) => {
        const text = formatPercent(ratio);
        expect(text).toMatch(/^-?\d+\.\d%$/);
        expect(text).not.toBe('-0.0%');
      }),
    );
    expect(formatPercent(0.2667)).toBe('26.7%');
    expect(formatPercent(null)).toBe('—');
    expect(formatPercent(Number.POSITIVE_INFINITY)).toBe('—');
  });

  it('prints fiscal years in the era, and western years in English', () => {
    expect(fiscalYearText(2025, 'era')).toBe('令和7年度');
    expect(fiscalYearText(2019, 'eraShort')).toBe('R1');
    expect(fiscalYearText(2022, 'era', 'en')).toBe('FY2022 (R4)');
    expect(fiscalYearText(1800, 'era')).toBe('1800年度');
  });
});
