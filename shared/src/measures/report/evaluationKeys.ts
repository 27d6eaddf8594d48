import type { MeasureTable } from '../model';

/**
 * The keys of the 評価・課題 and which of them a plan keeps, as plain data (no Y.Doc), so
 * the document reader and a revision's canonical form apply the same rule.
 *
 * A key is `${fiscalYear}|${scope}`, scope a measure row's id or `plan`. Anyone with edit
 * access can write any key into the document, so only keys that name one of the plan's
 * fiscal-year columns and an existing measure row (or the plan) are kept, at most
 * MAX_EVALUATIONS of them: a stray or hostile key is neither shown nor frozen into a revision.
 */

/** The scope of the plan-wide 総括, beside the per-row evaluations (row ids are never this short). */
export const PLAN_SCOPE = 'plan';

/** Longest evaluation kept on read; a longer one is cut rather than refused, so nothing vanishes. */
export const MAX_EVALUATION_LENGTH = 8000;

/** Most evaluations a plan keeps: 20 years × 100 levels is far beyond any real plan. */
export const MAX_EVALUATIONS = 2000;

const KEY_PATTERN = /^(\d{4})\|([A-Za-z0-9_-]{1,64})$/;

/** The key of one evaluation: `2025|k3j…` or `2025|plan`. */
export function evaluationKey(fiscalYear: number, scope: string): string {
  return `${fiscalYear}|${scope}`;
}

/** Parses a key back into its year and scope; null for one that does not fit the layout. */
export function parseEvaluationKey(key: string): { fiscalYear: number; scope: string } | null {
  const match = KEY_PATTERN.exec(key);
  return match ? { fiscalYear: Number(match[1]), scope: match[2]! } : null;
}

/** Whether `key` names one of the table's fiscal-year columns and one of its measure rows (or the plan). */
export function evaluationKeyFilter(table: MeasureTable): (key: string) => boolean {
  const years = new Set(table.settings.actualYears);
  const scopes = new Set([PLAN_SCOPE, ...table.nodes.filter((node) => node.kind === 'measure').map((node) => node.id)]);
  return (key) => {
    const parsed = parseEvaluationKey(key);
    return parsed !== null && years.has(parsed.fiscalYear) && scopes.has(parsed.scope);
  };
}

/**
 * The evaluations the plan keeps, keys in order: kept keys only, texts cut to the longest
 * kept, empty texts left out (a field opened and cleared freezes as one never typed in).
 */
export function keptEvaluations(evaluations: Readonly<Record<string, string>>, table: MeasureTable): Record<string, string> {
  const keep = evaluationKeyFilter(table);
  const out: Record<string, string> = {};
  let count = 0;
  for (const key of Object.keys(evaluations).sort()) {
    if (count >= MAX_EVALUATIONS) break;
    const text = evaluations[key]!.slice(0, MAX_EVALUATION_LENGTH);
    if (text === '' || !keep(key)) continue;
    out[key] = text;
    count++;
  }
  return out;
}

/** The evaluations of one fiscal year, keyed by scope (row id or `plan`). */
export function evaluationsOfYear(evaluations: Readonly<Record<string, string>>, fiscalYear: number): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, text] of Object.entries(evaluations)) {
    const parsed = parseEvaluationKey(key);
    if (parsed && parsed.fiscalYear === fiscalYear) out.set(parsed.scope, text);
  }
  return out;
}
