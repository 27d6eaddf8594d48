import { formatFiscalYear } from '../measures/fiscalYear';
import {
  DEFAULT_MEASURE_SETTINGS,
  type MeasureSettings,
  type MeasureTable,
} from '../measures/model';
import { foldWidth } from '../measures/numbering';

/**
 * Creating plans and their next editions, as pure functions: the title a next edition takes,
 * the period it covers, and the measure table it starts from. The server builds the Y.Doc
 * from what these return; the browser shows the same defaults before anything is sent.
 */

/** A plan's period in fiscal years (western start years), both ends included. */
export type PlanPeriod = { from: number; to: number };

/** The most fiscal-year columns a measure table holds (measureSettingsSchema's limit). */
export const MAX_YEAR_COLUMNS = 20;

const ERA_YEAR = /(令和|平成|昭和)\s*([0-9０-９]+|元)\s*年度/;
const WESTERN_YEAR = /((?:19|20|21)[0-9]{2}|[１２][０-９]{3})\s*年度/;
const ERA_START: Record<string, number> = { 令和: 2019, 平成: 1989, 昭和: 1926 };

const toHalf = (digits: string) => foldWidth(digits);
const toFull = (digits: string) => digits.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
const isFullWidth = (digits: string) => /[０-９]/.test(digits);

/** The fiscal year a title names (`令和7年度版` → 2025, `令和元年度` → 2019, `２０２５年度` → 2025), or null. */
export function fiscalYearInTitle(title: string): number | null {
  const era = ERA_YEAR.exec(title);
  if (era) {
    const eraYear = era[2] === '元' ? 1 : Number(toHalf(era[2]!));
    return ERA_START[era[1]!]! + eraYear - 1;
  }
  const western = WESTERN_YEAR.exec(title);
  return western ? Number(toHalf(western[1]!)) : null;
}

/**
 * The title of the next edition: the fiscal year it names moves on by one, written as it was
 * (和暦 or 西暦, full-width digits kept): 令和7年度版 → 令和8年度版, 令和元年度 → 令和2年度,
 * 平成30年度 → 令和元年度 (the era changes with the year). A title without a year gets the
 * new year appended, `（令和8年度版）`.
 */
export function nextEditionTitle(title: string, fallbackYear: number): string {
  const era = ERA_YEAR.exec(title);
  if (era) {
    const year = fiscalYearInTitle(title)! + 1;
    const full = era[2] !== '元' && isFullWidth(era[2]!);
    let printed = formatFiscalYear(year, 'era');
    if (full) printed = toFull(printed);
    return title.slice(0, era.index) + printed + title.slice(era.index + era[0].length);
  }
  const western = WESTERN_YEAR.exec(title);
  if (western) {
    const next = String(Number(toHalf(western[1]!)) + 1);
    const printed = `${isFullWidth(western[1]!) ? toFull(next) : next}年度`;
    return title.slice(0, western.index) + printed + title.slice(western.index + western[0].length);
  }
  return `${title}（${formatFiscalYear(fallbackYear, 'era')}版）`;
}

/** The period a plan covers: its own, or the span of its fiscal-year columns when it has none. */
export function periodOf(period: Partial<PlanPeriod> | null, settings: MeasureSettings): PlanPeriod | null {
  if (period?.from != null && period.to != null) return { from: period.from, to: period.to };
  const years = settings.actualYears;
  return years.length > 0 ? { from: years[0]!, to: years.at(-1)! } : null;
}

/**
 * The fiscal year a next edition adds: the year after the last column (or after the period,
 * when that ends later). A rolling programme reports one more year each edition.
 */
export function nextEditionYear(period: PlanPeriod | null, settings: MeasureSettings): number {
  const last = Math.max(settings.actualYears.at(-1) ?? -Infinity, period?.to ?? -Infinity);
  return Number.isFinite(last) ? last + 1 : new Date().getFullYear();
}

/**
 * The period of the next edition of a rolling plan: the same length, one year on
 * (令和4〜7年度 → 令和5〜8年度), so the window keeps rolling; the KPI columns keep every year.
 */
export function nextEditionPeriod(period: PlanPeriod | null, newYear: number): PlanPeriod {
  if (!period) return { from: newYear, to: newYear };
  return { from: period.from + 1, to: Math.max(period.to + 1, newYear) };
}

/** The fiscal-year columns with `year` added in order; the oldest drop off past the limit. */
export function withYearColumn(years: readonly number[], year: number): number[] {
  const all = [...new Set([...years, year])].sort((a, b) => a - b);
  return all.slice(Math.max(0, all.length - MAX_YEAR_COLUMNS));
}

/**
 * The measure table a next edition starts from: the approved revision's table as it was,
 * every KPI with every actual it has (the new year's cell is blank: not yet due), and the new
 * fiscal year's column. Baseline and target years stay as the council set them: a target is
 * a decision of the plan, not something the roll-over may move (the council changes it in the
 * new edition if it sets a new one).
 */
export function nextEditionTable(table: MeasureTable, newYear: number): MeasureTable {
  const settings = table.settings;
  return { ...table, settings: { ...settings, actualYears: withYearColumn(settings.actualYears, newYear) } };
}

/** The years of a period as columns (capped at the limit, the latest kept). */
export function yearsOf(period: PlanPeriod): number[] {
  const years: number[] = [];
  for (let year = period.from; year <= period.to; year++) years.push(year);
  return years.slice(Math.max(0, years.length - MAX_YEAR_COLUMNS));
}

/** An empty measure table for a new plan: the default levels and grade rules, columns from the period. */
export function blankTable(period: PlanPeriod): MeasureTable {
  return {
    settings: { ...DEFAULT_MEASURE_SETTINGS, actualYears: yearsOf(period), baselineYear: period.from - 1, targetYear: period.to },
    nodes: [],
    projects: [],
    kpis: [],
    actors: [],
    roleCells: {},
  };
}

/**
 * A table made from another plan as a template: its hierarchy levels and numbering, its
 * fiscal-year columns with their baseline and target years, its grade rules and its role-matrix
 * actors, without any content (no rows, projects, KPIs or marks).
 */
export function templateTable(template: MeasureTable): MeasureTable {
  return {
    settings: structuredClone(template.settings),
    nodes: [],
    projects: [],
    kpis: [],
    actors: template.actors.map((actor) => ({ ...actor })),
    roleCells: {},
  };
}

/** A period printed as the plans write it: 令和4年度〜令和7年度 (or 2022年度〜2025年度). */
export function formatPeriod(period: PlanPeriod, style: 'era' | 'western' = 'era'): string {
  const from = formatFiscalYear(period.from, style);
  return period.from === period.to ? from : `${from}〜${formatFiscalYear(period.to, style)}`;
}
