import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fiscalMonths, groupByFiscalMonth } from './calendar';

const e = (id: string, date: string) => ({ id, date });
const shape = (months: ReturnType<typeof groupByFiscalMonth<{ id: string; date: string }>>) =>
  months.filter((m) => m.entries.length > 0).map((m) => `${m.year}-${m.month}:${m.entries.map((x) => x.id).join(',')}`);

describe('the calendar of a fiscal year (4月→3月)', () => {
  it('lists the twelve months from April to the next March', () => {
    expect(fiscalMonths(2026).map((m) => `${m.year}/${m.month}`)).toEqual([
      '2026/4', '2026/5', '2026/6', '2026/7', '2026/8', '2026/9', '2026/10', '2026/11', '2026/12', '2027/1', '2027/2', '2027/3',
    ]);
  });

  it('puts each entry in its month by day, keeps one day in the given order, and leaves other years out', () => {
    const months = groupByFiscalMonth(2026, [
      e('march-end', '2027-03-31'),
      e('nov-b', '2026-11-20'),
      e('april-first', '2026-04-01'),
      e('nov-a', '2026-11-05'),
      e('nov-c', '2026-11-20'),
      e('last-year', '2026-03-31'),
      e('next-year', '2027-04-01'),
      e('january', '2027-01-10'),
    ]);
    expect(months).toHaveLength(12);
    expect(shape(months)).toEqual(['2026-4:april-first', '2026-11:nov-a,nov-b,nov-c', '2027-1:january', '2027-3:march-end']);
  });

  it('an empty year is twelve empty months', () => {
    expect(groupByFiscalMonth(2025, []).every((m) => m.entries.length === 0)).toBe(true);
  });

  const day = fc
    .record({ year: fc.integer({ min: 1990, max: 2100 }), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 28 }) })
    .map(({ year, month, day }) => `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`);

  it('keeps every entry of the year exactly once, in its own month, in day order, and nothing else', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1990, max: 2099 }), fc.array(day, { maxLength: 60 }), (fy, days) => {
        const entries = days.map((date, i) => ({ id: String(i), date }));
        const months = groupByFiscalMonth(fy, entries);
        const placed = months.flatMap((m) => m.entries);
        const inYear = entries.filter((x) => x.date >= `${fy}-04-01` && x.date <= `${fy + 1}-03-31`);
        expect(placed.map((x) => x.id).sort()).toEqual(inYear.map((x) => x.id).sort());
        for (const m of months) {
          for (const x of m.entries) expect([Number(x.date.slice(0, 4)), Number(x.date.slice(5, 7))]).toEqual([m.year, m.month]);
        }
        // Across the months in order, days never go back; on one day, the input's order stands.
        for (let i = 1; i < placed.length; i++) {
          const [a, b] = [placed[i - 1]!, placed[i]!];
          expect(a.date <= b.date).toBe(true);
          if (a.date === b.date) expect(Number(a.id) < Number(b.id)).toBe(true);
        }
      }),
    );
  });
});
