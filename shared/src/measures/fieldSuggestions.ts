import * as Y from 'yjs';
import { type FieldSuggestionEntry, type FieldTarget, type FieldValue, FIELD_SUGGESTIONS_MAP, fieldSuggestionEntrySchema } from './fieldSuggestionEntry';
import { readKpiRecord, readNodeText, setNodeText, updateKpi } from './ydoc';

/**
 * Suggestions in the measure table (見え消し for cells): a proposed new value for one field of
 * one row or KPI, shown as 「80 → 70 店舗」 until someone decides it. Prose suggestions are
 * marks in the text (editor/suggestions/); a cell holds one value, so a suggestion here is an
 * entry of its own, keyed by its id, beside the table it proposes to change:
 *
 *   measureSuggestions: Y.Map  id → { author, at, target, value, was }
 *
 * Each entry is one plain value written once, so a suggest-only connection adds or withdraws
 * whole entries and never touches the table itself (the server checks exactly that), and two
 * people proposing for the same cell both keep theirs: they compete, and accepting one rejects
 * the others. `was` is the value when it was proposed, so a reader sees what it would replace
 * even if the cell has changed since.
 */
export * from './fieldSuggestionEntry';

export type FieldSuggestion = FieldSuggestionEntry & {
  id: string;
  /** Other pending suggestions for the same cell. */
  conflictsWith: string[];
};

export function fieldSuggestionsMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(FIELD_SUGGESTIONS_MAP);
}

const targetKey = (target: FieldTarget) => `${target.kind}|${target.id}|${target.field}`;

/** The value a cell holds now, or null when the row or KPI is gone. */
export function currentFieldValue(doc: Y.Doc, target: FieldTarget): FieldValue | null {
  if (target.kind === 'node') return readNodeText(doc, target.id, target.field);
  const kpi = readKpiRecord(doc, target.id);
  if (!kpi) return null;
  if (target.kind === 'kpiText') return kpi[target.field];
  return target.field === 'baselineValue' ? kpi.baseline.value : kpi.target.value;
}

/** Every pending cell suggestion that reads, oldest first; entries of gone rows or KPIs are left out. */
export function listFieldSuggestions(doc: Y.Doc): FieldSuggestion[] {
  const found: FieldSuggestion[] = [];
  for (const [key, raw] of fieldSuggestionsMap(doc).entries()) {
    const entry = fieldSuggestionEntrySchema.safeParse(raw);
    if (!entry.success || currentFieldValue(doc, entry.data.target) === null) continue;
    found.push({ ...entry.data, id: key, conflictsWith: [] });
  }
  found.sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : 1));
  const byCell = new Map<string, FieldSuggestion[]>();
  for (const s of found) {
    const key = targetKey(s.target);
    byCell.set(key, [...(byCell.get(key) ?? []), s]);
  }
  for (const same of byCell.values()) for (const s of same) s.conflictsWith = same.filter((o) => o !== s).map((o) => o.id);
  return found;
}

export type FieldSuggestionAttrs = { id: string; author: string; at: number };

/**
 * Proposes a value for a cell; false when the cell is gone, the value is what it already
 * holds, or the value is of the wrong kind. Proposing again for a cell one already proposed
 * for replaces one's own earlier proposal (one pending proposal per person and cell).
 */
export function suggestFieldValue(doc: Y.Doc, attrs: FieldSuggestionAttrs, target: FieldTarget, value: FieldValue, origin: unknown = null): boolean {
  const was = currentFieldValue(doc, target);
  if (was === null || JSON.stringify(was) === JSON.stringify(value)) return false;
  const entry = fieldSuggestionEntrySchema.safeParse({ author: attrs.author, at: attrs.at, target, value, was });
  if (!entry.success) return false;
  doc.transact(() => {
    const map = fieldSuggestionsMap(doc);
    for (const own of listFieldSuggestions(doc)) {
      if (own.author === attrs.author && targetKey(own.target) === targetKey(target)) map.delete(own.id);
    }
    map.set(attrs.id, entry.data);
  }, origin);
  return true;
}

/** Takes back one's own proposal (or, for the server, any). */
export function withdrawFieldSuggestion(doc: Y.Doc, suggestionId: string, origin: unknown = null): void {
  doc.transact(() => fieldSuggestionsMap(doc).delete(suggestionId), origin);
}

export type FieldDecisionOutcome = {
  decided: FieldSuggestion[];
  /** Rejected because they proposed for the same cell as one that was accepted. */
  resolved: FieldSuggestion[];
  missing: string[];
};

/**
 * Decides cell suggestions in one transaction: accepting writes the proposed value into the
 * cell (as the table's own writers do) and rejects the other proposals for that cell; the
 * earliest of several accepted together wins. Rejecting only removes the entry. Every decided
 * entry is removed from the map; what it proposed is in the outcome, for the record.
 */
export function decideFieldSuggestions(doc: Y.Doc, ids: Iterable<string>, decision: 'accept' | 'reject', origin: unknown = null): FieldDecisionOutcome {
  const pending = listFieldSuggestions(doc);
  const byId = new Map(pending.map((s) => [s.id, s]));
  const asked = [...new Set(ids)];
  const missing = asked.filter((key) => !byId.has(key));
  const found = asked.map((key) => byId.get(key)).filter((s): s is FieldSuggestion => s !== undefined);
  const decided: FieldSuggestion[] = [];
  const resolved: FieldSuggestion[] = [];
  const done = new Set<string>();
  doc.transact(() => {
    const map = fieldSuggestionsMap(doc);
    for (const s of decision === 'accept' ? [...found].sort((a, b) => a.at - b.at) : found) {
      if (done.has(s.id)) continue;
      done.add(s.id);
      decided.push(s);
      map.delete(s.id);
      if (decision === 'reject') continue;
      writeField(doc, s.target, s.value);
      for (const other of s.conflictsWith) {
        if (done.has(other)) continue;
        done.add(other);
        map.delete(other);
        resolved.push(byId.get(other)!);
      }
    }
  }, origin);
  return { decided, resolved, missing };
}

function writeField(doc: Y.Doc, target: FieldTarget, value: FieldValue): void {
  if (target.kind === 'node') setNodeText(doc, target.id, target.field, String(value));
  else if (target.kind === 'kpiText') updateKpi(doc, target.id, { [target.field]: String(value) });
  else if (typeof value !== 'string') updateKpi(doc, target.id, { [target.field]: value });
}
