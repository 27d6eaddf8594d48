import { PROGRESS_STATUS_LABELS, type ProgressEntry, type ProgressTable } from '../measures/progress';
import { formatProgressFigure } from '../measures/progressText';
import type { DerivedTable } from '../measures/tree';

/**
 * The yearly half of a 新旧対照表: each project's 実施状況 (issue 14 §6) and the
 * 評価・課題 written for the annual report (§7). Both are frozen with a revision, so a
 * review has to show how they changed like any other part of the plan. A snapshot frozen
 * before either existed has none, which compares as empty.
 */

export type AnnualDiffKind = 'added' | 'removed' | 'changed';

export const PROGRESS_DIFF_FIELDS = ['status', 'figure', 'note'] as const;
export type ProgressDiffField = (typeof PROGRESS_DIFF_FIELDS)[number];

/** Where a placement or level stands: its path and title, from the new table when it is still there. */
type Where = { path: string; title: string };

export type ProgressDiff = Where & {
  nodeId: string;
  fiscalYear: number;
  kind: AnnualDiffKind;
  /** Each field that differs, both sides printed as the report prints them; '' is empty. */
  changes: Array<{ field: ProgressDiffField; old: string; new: string }>;
};

/** The scope of the whole plan's 総括 (measures/report/evaluations.ts says the same). */
export const PLAN_EVALUATION_SCOPE = 'plan';

export type EvaluationDiff = {
  fiscalYear: number;
  /** A measure row's id, or `plan` for the whole plan's 総括. */
  scope: string;
  /** Null for the whole plan. */
  where: Where | null;
  kind: AnnualDiffKind;
  old: string;
  new: string;
};

function entryFields(entry: ProgressEntry | undefined): Record<ProgressDiffField, string> {
  return {
    status: entry ? (PROGRESS_STATUS_LABELS[entry.status] ?? '') : '',
    figure: entry?.figure ? formatProgressFigure(entry.figure) : '',
    note: entry?.note ?? '',
  };
}

function kindOf(had: boolean, has: boolean): AnnualDiffKind {
  return !had ? 'added' : !has ? 'removed' : 'changed';
}

function whereOf(id: string, before: DerivedTable, after: DerivedTable): Where | null {
  const row = after.rowById.get(id) ?? before.rowById.get(id);
  return row ? { path: row.path, title: row.title } : null;
}

/** Years as numbers, ascending; keys that are not years are not data to compare. */
function yearsOf(...records: Array<Record<string, unknown> | undefined>): number[] {
  const keys = new Set<string>();
  for (const record of records) for (const key of Object.keys(record ?? {})) if (/^\d{4}$/.test(key)) keys.add(key);
  return [...keys].map(Number).sort((a, b) => a - b);
}

/**
 * 実施状況 that differ, year by year and in the table's row order. A placement that was
 * removed takes its 実施状況 with it and the row's own line says so; one that was added
 * lists what was recorded for it.
 */
export function diffProgress(
  oldProgress: ProgressTable | undefined,
  newProgress: ProgressTable | undefined,
  rowOrder: readonly string[],
  before: DerivedTable,
  after: DerivedTable,
): ProgressDiff[] {
  const byYear: ProgressDiff[][] = [];
  const years = yearsOf(...rowOrder.flatMap((id) => [oldProgress?.[id], newProgress?.[id]]));
  for (const fiscalYear of years) {
    const key = String(fiscalYear);
    const list: ProgressDiff[] = [];
    for (const nodeId of rowOrder) {
      if (!after.rowById.has(nodeId)) continue;
      const [a, b] = [oldProgress?.[nodeId]?.[key], newProgress?.[nodeId]?.[key]];
      if (!a && !b) continue;
      const [fa, fb] = [entryFields(a), entryFields(b)];
      const changes = PROGRESS_DIFF_FIELDS.filter((field) => fa[field] !== fb[field]).map((field) => ({ field, old: fa[field], new: fb[field] }));
      if (changes.length === 0) continue;
      list.push({ nodeId, fiscalYear, kind: kindOf(a !== undefined, b !== undefined), ...whereOf(nodeId, before, after)!, changes });
    }
    byYear.push(list);
  }
  return byYear.flat();
}

const KEY = /^(\d{4})\|([A-Za-z0-9_-]{1,64})$/;

function parsed(record: Readonly<Record<string, string>> | undefined): Map<string, Map<string, string>> {
  const years = new Map<string, Map<string, string>>();
  for (const [key, text] of Object.entries(record ?? {})) {
    const match = KEY.exec(key);
    if (!match || typeof text !== 'string' || text === '') continue;
    const year = years.get(match[1]!) ?? new Map<string, string>();
    year.set(match[2]!, text);
    years.set(match[1]!, year);
  }
  return years;
}

/**
 * 評価・課題 that differ, year by year: each level in the table's row order, then the
 * whole plan's 総括, as the report prints them. A text for a level no table has any more
 * has nowhere to be shown, and is left out.
 */
export function diffEvaluations(
  oldEvaluations: Readonly<Record<string, string>> | undefined,
  newEvaluations: Readonly<Record<string, string>> | undefined,
  rowOrder: readonly string[],
  before: DerivedTable,
  after: DerivedTable,
): EvaluationDiff[] {
  const [olds, news] = [parsed(oldEvaluations), parsed(newEvaluations)];
  const out: EvaluationDiff[] = [];
  for (const fiscalYear of yearsOf(Object.fromEntries(olds), Object.fromEntries(news))) {
    const [a, b] = [olds.get(String(fiscalYear)), news.get(String(fiscalYear))];
    for (const scope of [...rowOrder, PLAN_EVALUATION_SCOPE]) {
      const [ta, tb] = [a?.get(scope) ?? '', b?.get(scope) ?? ''];
      if (ta === tb) continue;
      const where = scope === PLAN_EVALUATION_SCOPE ? null : whereOf(scope, before, after);
      if (scope !== PLAN_EVALUATION_SCOPE && where === null) continue;
      out.push({ fiscalYear, scope, where, kind: kindOf(ta !== '', tb !== ''), old: ta, new: tb });
    }
  }
  return out;
}
