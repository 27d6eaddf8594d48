import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MEETING_KINDS } from './kinds';
import { type MeetingForNumbering, meetingFiscalYear, meetingLabel, meetingNumbers, subcommitteeName } from './numbering';

const m = (id: string, date: string, over: Partial<MeetingForNumbering> = {}): MeetingForNumbering => ({
  id,
  kind: 'regular',
  subcommittee: null,
  date,
  startTime: null,
  createdAt: 0,
  ...over,
});

const ordinals = (meetings: MeetingForNumbering[]) =>
  Object.fromEntries([...meetingNumbers(meetings)].map(([id, n]) => [id, `${n.fiscalYear}#${n.ordinal}`]));

describe('meeting numbers (第n回)', () => {
  it('counts per April–March fiscal year, by date then start time', () => {
    expect(
      ordinals([
        m('c', '2025-11-20', { startTime: '14:00' }),
        m('a', '2025-04-01'),
        m('b', '2025-11-20', { startTime: '10:00' }),
        m('d', '2026-03-31'),
        m('e', '2026-04-01'),
        m('z', '2025-03-31'),
      ]),
    ).toEqual({ z: '2024#1', a: '2025#1', b: '2025#2', c: '2025#3', d: '2025#4', e: '2026#1' });
  });

  it('puts a meeting without a time first on its day, then orders by creation and id', () => {
    expect(
      ordinals([
        m('timed', '2025-06-01', { startTime: '09:00' }),
        m('late', '2025-06-01', { createdAt: 2 }),
        m('y', '2025-06-01', { createdAt: 1 }),
        m('x', '2025-06-01', { createdAt: 1 }),
      ]),
    ).toEqual({ x: '2025#1', y: '2025#2', late: '2025#3', timed: '2025#4' });
  });

  it('shares one sequence between regular, extraordinary and written meetings; each subcommittee has its own', () => {
    expect(
      ordinals([
        m('r1', '2025-05-01'),
        m('s1', '2025-05-02', { kind: 'subcommittee', subcommittee: '商業' }),
        m('x2', '2025-05-03', { kind: 'extraordinary' }),
        m('t1', '2025-05-04', { kind: 'subcommittee', subcommittee: '工業' }),
        m('w3', '2025-05-05', { kind: 'written' }),
        m('s2', '2025-05-06', { kind: 'subcommittee', subcommittee: '商業' }),
      ]),
    ).toEqual({ r1: '2025#1', s1: '2025#1', x2: '2025#2', t1: '2025#1', w3: '2025#3', s2: '2025#2' });
  });

  it('reads the fiscal year from the date', () => {
    expect([meetingFiscalYear('2026-03-31'), meetingFiscalYear('2026-04-01'), meetingFiscalYear('2019-04-30')]).toEqual([2025, 2026, 2019]);
  });

  const arbitraryMeetings = fc.uniqueArray(
    fc.record({
      id: fc.string({ minLength: 1, maxLength: 4 }),
      kind: fc.constantFrom(...MEETING_KINDS),
      subcommittee: fc.constantFrom(null, '商業', '工業'),
      date: fc.date({ min: new Date('2023-01-01T00:00:00Z'), max: new Date('2027-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
      startTime: fc.constantFrom(null, '09:00', '13:30', '18:00'),
      createdAt: fc.integer({ min: 0, max: 5 }),
    }),
    { selector: (x) => x.id, maxLength: 40 },
  );

  it('numbers the same whatever order the meetings come in (property)', () => {
    fc.assert(
      fc.property(arbitraryMeetings, fc.infiniteStream(fc.nat()), (meetings, seeds) => {
        const shuffled = [...meetings];
        for (let i = shuffled.length - 1; i > 0; i--) {
          const j = seeds.next().value % (i + 1);
          [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
        }
        expect(meetingNumbers(shuffled)).toEqual(meetingNumbers(meetings));
      }),
    );
  });

  it('gives each fiscal year and sequence the numbers 1…n, in date order (property)', () => {
    fc.assert(
      fc.property(arbitraryMeetings, (meetings) => {
        const numbers = meetingNumbers(meetings);
        expect(numbers.size).toBe(meetings.length);
        const groups = new Map<string, MeetingForNumbering[]>();
        for (const x of meetings) {
          const key = `${meetingFiscalYear(x.date)}|${x.kind === 'subcommittee' ? `s:${x.subcommittee}` : 'plenary'}`;
          groups.set(key, [...(groups.get(key) ?? []), x]);
        }
        for (const group of groups.values()) {
          const byOrdinal = [...group].sort((a, b) => numbers.get(a.id)!.ordinal - numbers.get(b.id)!.ordinal);
          expect(byOrdinal.map((x) => numbers.get(x.id)!.ordinal)).toEqual(group.map((_, i) => i + 1));
          for (const x of group) expect(numbers.get(x.id)!.fiscalYear).toBe(meetingFiscalYear(x.date));
          // A later day never has a smaller number.
          for (let i = 1; i < byOrdinal.length; i++) expect(byOrdinal[i]!.date >= byOrdinal[i - 1]!.date).toBe(true);
        }
      }),
    );
  });
});

describe('meeting labels', () => {
  it('prints the fiscal year in the era and 第n回, with the subcommittee named', () => {
    expect(meetingLabel({ kind: 'regular', subcommittee: null, fiscalYear: 2025 }, 3, 'ja')).toBe('令和7年度 第3回');
    expect(meetingLabel({ kind: 'written', subcommittee: null, fiscalYear: 2019 }, 1, 'ja')).toBe('令和元年度 第1回');
    expect(meetingLabel({ kind: 'subcommittee', subcommittee: '商業', fiscalYear: 2025 }, 1, 'ja')).toBe('令和7年度 第1回 商業部会');
    expect(meetingLabel({ kind: 'subcommittee', subcommittee: '創業支援分科会', fiscalYear: 2025 }, 2, 'ja')).toBe('令和7年度 第2回 創業支援分科会');
    expect(meetingLabel({ kind: 'regular', subcommittee: null, fiscalYear: 2025 }, 3, 'en')).toBe('FY2025 meeting 3');
    expect(meetingLabel({ kind: 'subcommittee', subcommittee: '商業部会', fiscalYear: 2025 }, 1, 'en')).toBe('FY2025 meeting 1 (商業部会)');
  });

  it('adds 部会 only to a name that does not already say what body it is', () => {
    expect(['商業', '商業部会', '検討委員会', 'ワーキンググループ'].map(subcommitteeName)).toEqual(['商業部会', '商業部会', '検討委員会', 'ワーキンググループ']);
  });
});
