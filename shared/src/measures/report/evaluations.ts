import * as Y from 'yjs';
import { applyTextChange } from '../ydoc';

/**
 * The 評価・課題 of an annual progress report (進捗状況報告): one free text per fiscal year
 * and per level of the plan (a measure row, or the plan as a whole), co-edited by the
 * council in the plan's own Y.Doc. Living in the draft's document, they are frozen with
 * every revision and restored with it, so a revision's report says what was approved.
 *
 * Layout: the root Y.Map `reportEvaluations`, keyed `${fiscalYear}|${scope}` → Y.Text, where
 * scope is a measure row's id or `plan`. Anyone with edit access can write anything into
 * the document, so every read checks the key and the value and skips what does not fit.
 */

export const REPORT_EVALUATIONS_MAP = 'reportEvaluations';

/** Transaction origin of local 評価・課題 edits. */
export const REPORT_EDIT = 'sakutei.report';

/** The scope of the plan-wide 総括, beside the per-row evaluations (row ids are never this short). */
export const PLAN_SCOPE = 'plan';

/** Longest evaluation kept on read; a longer one is cut rather than refused, so nothing vanishes. */
export const MAX_EVALUATION_LENGTH = 8000;

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

export function evaluationsMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(REPORT_EVALUATIONS_MAP);
}

function textOf(value: unknown): string | null {
  const text = value instanceof Y.Text ? value.toString() : typeof value === 'string' ? value : null;
  return text === null ? null : text.slice(0, MAX_EVALUATION_LENGTH);
}

/**
 * Every evaluation in the document as plain data (`key → text`), keys in order; empty texts
 * are left out, so a field someone opened and cleared freezes the same as one never typed in.
 */
export function readEvaluations(doc: Y.Doc): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of [...evaluationsMap(doc).keys()].sort()) {
    if (!parseEvaluationKey(key)) continue;
    const text = textOf(evaluationsMap(doc).get(key));
    if (text) out[key] = text;
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

/**
 * The shared text of one evaluation, created on first use; a plain string left there by an
 * odd client is turned into a Y.Text holding the same words.
 */
export function evaluationText(doc: Y.Doc, fiscalYear: number, scope: string): Y.Text {
  const key = evaluationKey(fiscalYear, scope);
  if (!parseEvaluationKey(key)) throw new RangeError(`not an evaluation key: ${key}`);
  const map = evaluationsMap(doc);
  const current = map.get(key);
  if (current instanceof Y.Text) return current;
  let created!: Y.Text;
  doc.transact(() => {
    created = new Y.Text(textOf(current) ?? '');
    map.set(key, created);
  }, REPORT_EDIT);
  return created;
}

/** Rewrites one evaluation to `value`, changing only the span that differs so concurrent typing merges. */
export function setEvaluation(doc: Y.Doc, fiscalYear: number, scope: string, value: string): void {
  const target = evaluationText(doc, fiscalYear, scope);
  doc.transact(() => applyTextChange(target, value.slice(0, MAX_EVALUATION_LENGTH)), REPORT_EDIT);
}

/**
 * Makes the document's evaluations equal `evaluations` (a revision being restored): texts
 * kept by key are rewritten in place, the rest added or removed.
 */
export function replaceEvaluations(doc: Y.Doc, evaluations: Readonly<Record<string, string>>): void {
  doc.transact(() => {
    const map = evaluationsMap(doc);
    for (const key of [...map.keys()]) if (!(key in evaluations)) map.delete(key);
    for (const [key, text] of Object.entries(evaluations)) {
      const parsed = parseEvaluationKey(key);
      if (parsed) setEvaluation(doc, parsed.fiscalYear, parsed.scope, text);
    }
  }, REPORT_EDIT);
}
