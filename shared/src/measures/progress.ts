import { z } from 'zod';

/**
 * Progress by project (進捗 by 事業): each project placement gets, per fiscal year, a
 * 実施状況 with a note and an optional figure. Plain data and its validation only; the
 * Y.Doc side is `progressDoc.ts`, the counts per level `progressRollup.ts`.
 *
 * This file imports nothing from the rest of the measure model, so `model.ts` can take
 * the table schema from it without an import cycle.
 */

/** 実施 / 一部実施 / 未実施 / 完了 / 休止, in the order the councils' reports list them. */
export const PROGRESS_STATUSES = ['implemented', 'partial', 'notImplemented', 'completed', 'suspended'] as const;
export const progressStatusSchema = z.enum(PROGRESS_STATUSES);
export type ProgressStatus = z.infer<typeof progressStatusSchema>;

/** The words the plans print; exports and the annual report use these whatever the UI language. */
export const PROGRESS_STATUS_LABELS: Record<ProgressStatus, string> = {
  implemented: '実施',
  partial: '一部実施',
  notImplemented: '未実施',
  completed: '完了',
  suspended: '休止',
};

export const PROGRESS_NOTE_MAX = 2000;
export const PROGRESS_UNIT_MAX = 40;

/** A figure that shows the year's work: `120 人`, `3 回`. */
export const progressFigureSchema = z.object({
  value: z.number().finite(),
  unit: z.string().max(PROGRESS_UNIT_MAX),
});
export type ProgressFigure = z.infer<typeof progressFigureSchema>;

/** One placement's 実施状況 for one fiscal year. */
export const progressEntrySchema = z.object({
  status: progressStatusSchema,
  note: z.string().max(PROGRESS_NOTE_MAX),
  figure: progressFigureSchema.nullable(),
});
export type ProgressEntry = z.infer<typeof progressEntrySchema>;

/** A fiscal year as a record key: the western start year, four digits (as KPI actuals are keyed). */
export const fiscalYearKeySchema = z.string().regex(/^\d{4}$/);

/** placement id → fiscal year (`"2024"`) → entry. */
export const progressTableSchema = z.record(z.string(), z.record(fiscalYearKeySchema, progressEntrySchema));
export type ProgressTable = z.infer<typeof progressTableSchema>;

/** The Y.Map that holds every entry, keyed `${nodeId}|${fiscalYear}` (see `progressKey`). */
export const PROGRESS_MAP_NAME = 'measureProgress';

/**
 * One flat key per placement and year, so two people recording different years of the same
 * project at once both keep their entry (a nested map per placement, created by both at
 * once, would lose one of them).
 */
export function progressKey(nodeId: string, fiscalYear: number): string {
  return `${nodeId}|${fiscalYear}`;
}

/** The placement and year a stored key names; null for anything that is not such a key. */
export function parseProgressKey(key: string): { nodeId: string; fiscalYear: number } | null {
  const match = /^(.+)\|(\d{4})$/.exec(key);
  if (!match) return null;
  return { nodeId: match[1]!, fiscalYear: Number(match[2]) };
}

/**
 * Reads stored `[key, value]` pairs defensively: a malformed key or entry (the document is
 * writable by anyone with edit access) is skipped, never trusted. `placements`, when given,
 * keeps only entries of rows that are still placements (a deleted row leaves its entries
 * behind, so undoing the delete brings them back).
 */
export function readProgressEntries(
  entries: Iterable<[string, unknown]>,
  placements?: ReadonlySet<string>,
): ProgressTable {
  const table: ProgressTable = {};
  for (const [key, value] of entries) {
    const at = parseProgressKey(key);
    if (!at || (placements && !placements.has(at.nodeId))) continue;
    const entry = progressEntrySchema.safeParse(value);
    if (!entry.success) continue;
    (table[at.nodeId] ??= {})[String(at.fiscalYear)] = entry.data;
  }
  return table;
}

/** The entry of one placement for one year, or null when nothing is recorded. */
export function progressOf(progress: ProgressTable | undefined, nodeId: string, fiscalYear: number): ProgressEntry | null {
  return progress?.[nodeId]?.[String(fiscalYear)] ?? null;
}

/** Every `[key, entry]` of a table, in the stored form (for writing a frozen table back). */
export function progressEntriesOf(progress: ProgressTable | undefined): Array<[string, ProgressEntry]> {
  const entries: Array<[string, ProgressEntry]> = [];
  for (const [nodeId, years] of Object.entries(progress ?? {})) {
    for (const [year, entry] of Object.entries(years)) entries.push([progressKey(nodeId, Number(year)), entry]);
  }
  return entries;
}

/**
 * The year whose 実施状況 a screen opens on: the latest of the plan's actual years that has
 * begun by `today`'s fiscal year, else the first of them; null when the plan has none.
 */
export function defaultProgressYear(actualYears: readonly number[], currentFiscalYear: number): number | null {
  const begun = actualYears.filter((year) => year <= currentFiscalYear);
  if (begun.length > 0) return Math.max(...begun);
  return actualYears.length > 0 ? Math.min(...actualYears) : null;
}
