import { foldWidth } from './numbering';
/**
 * Japanese eras (元号) and April–March fiscal years (年度), as plans print them: `令和7年度`,
 * `R5`, `H29年度`, `令和3(2021)年3月`, `(R3.8月現在)`. A fiscal year is identified by the
 * western year in which it starts, so 令和7年度 (April 2025 – March 2026) is 2025.
 */

export type EraName = '明治' | '大正' | '昭和' | '平成' | '令和';

export type Era = {
  name: EraName;
  letter: 'M' | 'T' | 'S' | 'H' | 'R';
  /** The first day of the era. */
  start: { year: number; month: number; day: number };
  /**
   * The first fiscal year printed with this era. Normally the fiscal year in force on the
   * first 1 April of the era, but 令和 began on 1 May 2019 and FY2019 is by convention
   * 令和元年度, not 平成31年度.
   */
  firstFiscalYear: number;
};

/** Oldest first. 明治 was proclaimed in October 1868 but applied to the whole year. */
export const ERAS: readonly Era[] = [
  { name: '明治', letter: 'M', start: { year: 1868, month: 1, day: 1 }, firstFiscalYear: 1868 },
  { name: '大正', letter: 'T', start: { year: 1912, month: 7, day: 30 }, firstFiscalYear: 1913 },
  { name: '昭和', letter: 'S', start: { year: 1926, month: 12, day: 25 }, firstFiscalYear: 1927 },
  { name: '平成', letter: 'H', start: { year: 1989, month: 1, day: 8 }, firstFiscalYear: 1989 },
  { name: '令和', letter: 'R', start: { year: 2019, month: 5, day: 1 }, firstFiscalYear: 2019 },
];

export type ParsedYear = {
  /** The western year as written (the calendar year of a month, the start year of a 年度). */
  year: number;
  month: number | null;
  kind: 'fiscal' | 'calendar';
  fiscalYear: number;
};

const FIRST_YEAR = ERAS[0]!.start.year;

// Plans mix full-width and half-width digits, letters and brackets freely; fold the
// full-width ASCII block only, so that nothing else (㍻, ²) changes meaning.
/** A date as one comparable integer, yyyymmdd. */
function dateKey(year: number, month: number, day: number): number {
  return year * 10000 + month * 100 + day;
}

/** The era's days as [first, last] date keys; the current era has no end. */
function eraSpan(era: Era): [number, number] {
  const index = ERAS.indexOf(era);
  const next = ERAS[index + 1];
  const first = dateKey(era.start.year, era.start.month, era.start.day);
  // The day before the next era's start; day 0 sorts before day 1, which is all we need.
  const last = next ? dateKey(next.start.year, next.start.month, next.start.day) - 1 : Infinity;
  return [first, last];
}

/**
 * An era year is accepted when the period it names overlaps the era: 平成31年度 (April
 * 2019 was still 平成) and 令和元年 are real, 令和0年, 昭和70年 and 昭和64年度 are not.
 */
function overlapsEra(era: Era, from: number, to: number): boolean {
  const [first, last] = eraSpan(era);
  return from <= last && to >= first;
}

function periodOf(year: number, month: number | null, kind: ParsedYear['kind']): [number, number] {
  if (month !== null) return [dateKey(year, month, 1), dateKey(year, month, 31)];
  if (kind === 'fiscal') return [dateKey(year, 4, 1), dateKey(year + 1, 3, 31)];
  return [dateKey(year, 1, 1), dateKey(year, 12, 31)];
}

export function fiscalYearOf(year: number, month: number): number {
  return month <= 3 ? year - 1 : year;
}

function result(year: number, month: number | null, kind: ParsedYear['kind']): ParsedYear {
  return { year, month, kind, fiscalYear: month === null ? year : fiscalYearOf(year, month) };
}

function eraYearNumber(text: string): number {
  return text === '元' ? 1 : Number(text);
}

type Tail = { kind: ParsedYear['kind']; month: number | null } | null;

/** Era year + optional western year in parentheses + a 年度 / 年 / 年M月 / .M月 tail. */
function fromEra(
  era: Era | undefined,
  eraYearText: string,
  westernText: string | undefined,
  tail: Tail,
): ParsedYear | null {
  if (!era || tail === null) return null;
  const year = era.start.year + eraYearNumber(eraYearText) - 1;
  if (westernText !== undefined && Number(westernText) !== year) return null;
  const [from, to] = periodOf(year, tail.month, tail.kind);
  if (!overlapsEra(era, from, to)) return null;
  return result(year, tail.month, tail.kind);
}

/**
 * What follows the year number. A bare year (`R5`, `2019`, `(R1)`) is read as a fiscal
 * year: in plans such labels name the fiscal year a figure belongs to.
 */
function readTail(nen: string | undefined, month: string | undefined, dotMonth: string | undefined): Tail {
  const monthText = month ?? dotMonth;
  if (monthText !== undefined) {
    const m = Number(monthText);
    return m >= 1 && m <= 12 ? { kind: 'calendar', month: m } : null;
  }
  if (nen === '年度' || nen === undefined) return { kind: 'fiscal', month: null };
  return { kind: 'calendar', month: null };
}

const ERA_YEAR = '(元|\\d{1,3})';
// 年度, 年, 年M月; 現在 / 時点 (as of) and 末 (end of) only qualify the date.
const NEN_TAIL = '(?:\\s*(年度|年)(?:\\s*(\\d{1,2})\\s*月)?)';
const AS_OF = '(?:\\s*末)?(?:\\s*(?:現在|時点))?';

const ERA_NAME_PATTERN = new RegExp(
  `^(明治|大正|昭和|平成|令和)\\s*${ERA_YEAR}\\s*(?:\\(\\s*(\\d{4})\\s*\\))?${NEN_TAIL}${AS_OF}$`,
);
const ERA_LETTER_PATTERN = new RegExp(
  `^([MTSHR])\\s*\\.?\\s*${ERA_YEAR}\\s*(?:\\(\\s*(\\d{4})\\s*\\))?${NEN_TAIL}?(?:\\s*\\.\\s*(\\d{1,2})\\s*月)?${AS_OF}$`,
);
const WESTERN_PATTERN = new RegExp(`^(\\d{4})${NEN_TAIL}?${AS_OF}$`);
const ERA_LESS_PATTERN = new RegExp(`^${ERA_YEAR}${NEN_TAIL}${AS_OF}$`);

function stripBrackets(text: string): string {
  let s = text.trim();
  while (s.startsWith('(') && s.endsWith(')')) s = s.slice(1, -1).trim();
  return s;
}

export function parseYearText(text: string, options?: { defaultEra?: EraName }): ParsedYear | null {
  const s = stripBrackets(foldWidth(text));

  const named = ERA_NAME_PATTERN.exec(s);
  if (named) {
    const era = ERAS.find((e) => e.name === named[1]);
    return fromEra(era, named[2]!, named[3], readTail(named[4], named[5], undefined));
  }

  const lettered = ERA_LETTER_PATTERN.exec(s);
  if (lettered) {
    // `R3年.8月` is not a way anyone writes a date.
    if (lettered[4] !== undefined && lettered[6] !== undefined) return null;
    const era = ERAS.find((e) => e.letter === lettered[1]);
    return fromEra(era, lettered[2]!, lettered[3], readTail(lettered[4], lettered[5], lettered[6]));
  }

  const western = WESTERN_PATTERN.exec(s);
  if (western) {
    const year = Number(western[1]);
    const tail = readTail(western[2], western[3], undefined);
    if (year < FIRST_YEAR || tail === null) return null;
    return result(year, tail.month, tail.kind);
  }

  // `4年度` in a table whose header says 令和: only meaningful when the caller knows the era.
  const eraLess = ERA_LESS_PATTERN.exec(s);
  if (eraLess && options?.defaultEra) {
    const era = ERAS.find((e) => e.name === options.defaultEra);
    return fromEra(era, eraLess[1]!, undefined, readTail(eraLess[2], eraLess[3], undefined));
  }

  return null;
}

export function parseFiscalYear(text: string, options?: { defaultEra?: EraName }): number | null {
  return parseYearText(text, options)?.fiscalYear ?? null;
}

/** The era a fiscal year is printed in; throws for years before 明治. */
export function eraOf(year: number): { era: EraName; eraYear: number } {
  if (!Number.isInteger(year) || year < FIRST_YEAR) {
    throw new RangeError(`No Japanese era for fiscal year ${year}`);
  }
  const era = ERAS.findLast((e) => e.firstFiscalYear <= year)!;
  return { era: era.name, eraYear: year - era.start.year + 1 };
}

export function formatFiscalYear(
  fy: number,
  style: 'era' | 'eraShort' | 'eraYearOnly' | 'western' = 'era',
): string {
  if (style === 'western') return `${fy}年度`;
  const { era, eraYear } = eraOf(fy);
  // 元 is the written form of year 1; the abbreviated R1 keeps the digit.
  const written = eraYear === 1 ? '元' : String(eraYear);
  switch (style) {
    case 'era':
      return `${era}${written}年度`;
    case 'eraYearOnly':
      return `${written}年度`;
    case 'eraShort':
      return `${ERAS.find((e) => e.name === era)!.letter}${eraYear}`;
  }
}
