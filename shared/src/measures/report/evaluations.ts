import * as Y from 'yjs';
import { EVALUATION_TEXT_ROOT_PREFIX } from '../../collab/layout';
import type { MeasureTable } from '../model';
import { applyTextChange, readMeasureTable } from '../ydoc';
import { MAX_EVALUATIONS, MAX_EVALUATION_LENGTH, evaluationKey, evaluationKeyFilter, parseEvaluationKey } from './evaluationKeys';

export * from './evaluationKeys';

/**
 * The 評価・課題 of an annual progress report (進捗状況報告): one free text per fiscal year
 * and per level of the plan (a measure row, or the plan as a whole), co-edited by the
 * council in the plan's own Y.Doc. Living in the draft's document, they are frozen with
 * every revision and restored with it, so a revision's report says what was approved.
 *
 * Layout (collab/layout.ts, version 2): each text is a ROOT-level Y.Text named
 * `reportEvaluation:${fiscalYear}|${scope}`, and the root Y.Map `reportEvaluations` lists the
 * keys in use (`key → true`). A root type is the same type on every replica however many
 * members create it at once, so two members starting the same empty evaluation together
 * both keep their words; a Y.Text created inside a map entry would instead lose the race
 * (the map keeps one writer's text and drops the other's typing).
 *
 * Documents written before that hold the texts inside the map (`key → Y.Text`); those are
 * read and edited where they are (they already exist, so there is no creation race left).
 * Anyone with edit access can write anything into the document, so every read checks the
 * key and the value and skips what does not fit.
 */

export const REPORT_EVALUATIONS_MAP = 'reportEvaluations';

/** Prefix of the root-level texts' names. */
export const EVALUATION_TEXT_PREFIX = EVALUATION_TEXT_ROOT_PREFIX;

/** Transaction origin of local 評価・課題 edits. */
export const REPORT_EDIT = 'sakutei.report';

export function evaluationsMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(REPORT_EVALUATIONS_MAP);
}

/** The root-level text of one key, or null when the name is taken by a type that is not a text. */
function rootText(doc: Y.Doc, key: string): Y.Text | null {
  try {
    return doc.getText(EVALUATION_TEXT_PREFIX + key);
  } catch {
    return null;
  }
}

/** The shared text a listed key points at (root-level, or an older document's in-map text); null if none. */
function listedText(doc: Y.Doc, key: string, value: unknown): Y.Text | null {
  if (value === true) return rootText(doc, key);
  return value instanceof Y.Text ? value : null;
}

function textOf(doc: Y.Doc, key: string, value: unknown): string {
  const text = listedText(doc, key, value)?.toString() ?? (typeof value === 'string' ? value : '');
  return text.slice(0, MAX_EVALUATION_LENGTH);
}

/**
 * Every evaluation the plan keeps, as plain data (`key → text`, keys in order): only keys of
 * the table's fiscal years and measure rows (or the plan), at most MAX_EVALUATIONS, empty
 * texts left out. Texts are read only for such keys, so a document stuffed with stray keys
 * costs a scan of the index, not of their texts.
 */
export function readEvaluations(doc: Y.Doc, table: MeasureTable = readMeasureTable(doc)): Record<string, string> {
  const keep = evaluationKeyFilter(table);
  const map = evaluationsMap(doc);
  const out: Record<string, string> = {};
  let count = 0;
  for (const key of [...map.keys()].sort()) {
    if (count >= MAX_EVALUATIONS) break;
    if (!keep(key)) continue;
    const text = textOf(doc, key, map.get(key));
    if (text === '') continue;
    out[key] = text;
    count++;
  }
  return out;
}

/**
 * The rows (and `plan`) that have any 評価・課題 written for them (any year), kept or not,
 * in one pass over the index: undoing an import must not delete a row that someone has
 * since evaluated (the import log asks this for every row it added).
 */
export function evaluatedScopes(doc: Y.Doc): Set<string> {
  const scopes = new Set<string>();
  for (const [key, value] of evaluationsMap(doc).entries()) {
    const scope = parseEvaluationKey(key)?.scope;
    if (scope !== undefined && !scopes.has(scope) && textOf(doc, key, value) !== '') scopes.add(scope);
  }
  return scopes;
}

/** Whether one row has any 評価・課題 written for it; for many rows, take `evaluatedScopes` once. */
export function hasEvaluation(doc: Y.Doc, nodeId: string): boolean {
  return evaluatedScopes(doc).has(nodeId);
}

/** Whether a transaction changed any evaluation (the index, a root-level text or an older in-map text). */
export function touchesEvaluations(doc: Y.Doc, transaction: Y.Transaction): boolean {
  const map = evaluationsMap(doc);
  for (const type of transaction.changed.keys()) {
    if ((type as unknown) === map || type._item?.parent === map) return true;
    if (type._item === null && type instanceof Y.Text && Y.findRootTypeKey(type).startsWith(EVALUATION_TEXT_PREFIX)) return true;
  }
  return false;
}

/** The shared text of an evaluation if it has been started, else null (a field bound to it waits for `evaluationText`). */
export function currentEvaluationText(doc: Y.Doc, fiscalYear: number, scope: string): Y.Text | null {
  const key = evaluationKey(fiscalYear, scope);
  return listedText(doc, key, evaluationsMap(doc).get(key));
}

/**
 * The shared text of one evaluation, listed in the index on first use. Two members doing
 * this at once get the same root-level text. A plain string left in the index by an odd
 * client is carried into the text, so its words are kept.
 */
export function evaluationText(doc: Y.Doc, fiscalYear: number, scope: string): Y.Text {
  const key = evaluationKey(fiscalYear, scope);
  if (!parseEvaluationKey(key)) throw new RangeError(`not an evaluation key: ${key}`);
  const map = evaluationsMap(doc);
  const current = map.get(key);
  if (current instanceof Y.Text) return current;
  const text = rootText(doc, key);
  if (!text) throw new RangeError(`evaluation ${key} is held by a type that is not a text`);
  if (current !== true) {
    doc.transact(() => {
      if (typeof current === 'string' && text.length === 0) text.insert(0, current.slice(0, MAX_EVALUATION_LENGTH));
      map.set(key, true);
    }, REPORT_EDIT);
  }
  return text;
}

/** Rewrites one evaluation to `value`, changing only the span that differs so concurrent typing merges. */
export function setEvaluation(doc: Y.Doc, fiscalYear: number, scope: string, value: string): void {
  const target = evaluationText(doc, fiscalYear, scope);
  doc.transact(() => applyTextChange(target, value.slice(0, MAX_EVALUATION_LENGTH)), REPORT_EDIT);
}

/**
 * Makes the document's evaluations equal `evaluations` (a revision being restored): texts
 * kept by key are rewritten in place, the rest added or removed. A removed root-level text
 * is emptied as well as unlisted, so starting it again later begins blank.
 */
export function replaceEvaluations(doc: Y.Doc, evaluations: Readonly<Record<string, string>>): void {
  doc.transact(() => {
    const map = evaluationsMap(doc);
    for (const key of [...map.keys()]) {
      if (key in evaluations) continue;
      const value = map.get(key);
      if (value === true) {
        const text = rootText(doc, key);
        if (text && text.length > 0) text.delete(0, text.length);
      }
      map.delete(key);
    }
    for (const [key, text] of Object.entries(evaluations)) {
      const parsed = parseEvaluationKey(key);
      if (parsed) setEvaluation(doc, parsed.fiscalYear, parsed.scope, text);
    }
  }, REPORT_EDIT);
}
