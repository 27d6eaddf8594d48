import { formatFiscalYearIn } from '../format/dates';
import { fiscalYearOf } from '../measures/fiscalYear';
import type { MeetingKind } from '../schemas/meetings';

/**
 * Meeting numbers (第n回) are derived, never stored, like measure numbers: a meeting moved to
 * another date, or one deleted, renumbers the others, and nobody types a number that can drift.
 */

/** What numbering reads of a meeting. `date` is the council's wall-clock day, `YYYY-MM-DD`. */
export type MeetingForNumbering = {
  id: string;
  kind: MeetingKind;
  /** The 部会名 of a subcommittee meeting; ignored for the other kinds. */
  subcommittee: string | null;
  date: string;
  /** `HH:MM`, or null when the time is not set (sorts as 00:00). */
  startTime: string | null;
  /** When it was created (ms): orders two meetings of the same day and time. */
  createdAt: number;
};

export type MeetingNumber = { fiscalYear: number; ordinal: number };

/** The April–March fiscal year a `YYYY-MM-DD` day falls in (2026-03-31 → 2025). */
export function meetingFiscalYear(date: string): number {
  return fiscalYearOf(Number(date.slice(0, 4)), Number(date.slice(5, 7)));
}

/** The sequence a meeting counts in: the council's plenary one, or its subcommittee's. */
function sequenceOf(m: MeetingForNumbering): string {
  return m.kind === 'subcommittee' ? `sub:${m.subcommittee ?? ''}` : 'plenary';
}

/** Meetings in the order they are held (and numbered): date, start time, creation, id. */
export function compareMeetings(a: MeetingForNumbering, b: MeetingForNumbering): number {
  const key = (m: MeetingForNumbering) => `${m.date} ${m.startTime ?? '00:00'}`;
  const byTime = key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;
  if (byTime !== 0) return byTime;
  if (a.createdAt !== b.createdAt) return a.createdAt - b.createdAt;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * 第n回 of each meeting of one council, per fiscal year: regular, extraordinary and written
 * meetings share one sequence; each subcommittee (by 部会名) has its own. Ordered by date,
 * start time, creation and id, so the result does not depend on the order of the input.
 */
export function meetingNumbers(meetings: readonly MeetingForNumbering[]): Map<string, MeetingNumber> {
  const counters = new Map<string, number>();
  const numbers = new Map<string, MeetingNumber>();
  for (const m of [...meetings].sort(compareMeetings)) {
    const fiscalYear = meetingFiscalYear(m.date);
    const key = `${fiscalYear}|${sequenceOf(m)}`;
    const ordinal = (counters.get(key) ?? 0) + 1;
    counters.set(key, ordinal);
    numbers.set(m.id, { fiscalYear, ordinal });
  }
  return numbers;
}

/** Names that already say what body they are (商業部会, 分科会, 検討委員会, ワーキンググループ) get no 部会 added. */
const NAMES_A_BODY = /(会|会議|グループ|WG|ＷＧ)$/;

/** The subcommittee's name as a label shows it: 商業 → 商業部会, 商業部会 stays. */
export function subcommitteeName(name: string): string {
  return NAMES_A_BODY.test(name) ? name : `${name}部会`;
}

/**
 * The meeting's label: 「令和7年度 第3回」, a subcommittee's 「令和7年度 第1回 商業部会」;
 * in English "FY2025 meeting 3", "FY2025 meeting 1 (商業部会)".
 */
export function meetingLabel(
  m: { kind: MeetingKind; subcommittee: string | null; fiscalYear: number },
  ordinal: number,
  locale: 'ja' | 'en',
): string {
  const sub = m.kind === 'subcommittee' && m.subcommittee ? subcommitteeName(m.subcommittee) : null;
  if (locale === 'en') return `FY${m.fiscalYear} meeting ${ordinal}${sub ? ` (${sub})` : ''}`;
  return `${formatFiscalYearIn(m.fiscalYear)} 第${ordinal}回${sub ? ` ${sub}` : ''}`;
}
