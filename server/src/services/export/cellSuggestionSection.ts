import { type Calendar, type FrozenCellSuggestion, KPI_FIELD_LABELS, type PlanSnapshot, ROW_FIELD_LABELS, formatDate } from '@sakutei/shared';
import { type DerivedTable, type FieldValue, deriveTable, formatMeasured } from '@sakutei/shared/measures';
import { type DocTable, textWidth } from './docTable';
import { UNKNOWN_AUTHOR } from './proseDocx';

/**
 * The 表の変更提案 of a frozen revision shown with its suggestions (見え消し): the measure
 * table's cell proposals still pending when it was frozen, one row each: the cell, what it
 * holds → what is proposed, who proposed it and when. Prose suggestions are marks in the
 * text and print there; a cell holds one value, so its proposals are listed after the prose.
 * The clean view leaves them out, as it leaves out the prose's.
 */

export const CELL_SUGGESTIONS_HEADING = '表の変更提案';

/** The widest the 提案時の値 → 提案 column (the value when proposed: the cell may have changed since) is laid out (half-width characters). */
const CHANGE_WIDTH = 26;

/** Everyone with a pending cell proposal, in the order of the list below, for the caller to look up names. */
export function cellSuggestionAuthorIds(snapshot: PlanSnapshot): string[] {
  return [...new Set(ordered(snapshot, deriveTable(snapshot.measures)).map((s) => s.author))];
}

/** The list as a table, or null when the snapshot holds no cell proposal. */
export function cellSuggestionTable(snapshot: PlanSnapshot, authors: ReadonlyArray<{ id: string; name: string }>, calendar: Calendar): DocTable | null {
  const proposals = snapshot.cellSuggestions ?? [];
  if (proposals.length === 0) return null;
  const derived = deriveTable(snapshot.measures);
  const names = new Map(authors.map((a) => [a.id, a.name]));
  return {
    head: [['箇所', '項目', '提案時の値 → 提案', '提案者', '提案日'].map((text) => ({ text }))],
    body: ordered(snapshot, derived).map((s) => [
      placeOf(s, derived),
      fieldLabel(s),
      change(valueText(s, s.was, derived), valueText(s, s.value, derived)),
      names.get(s.author) ?? UNKNOWN_AUTHOR,
      formatDate(s.at, calendar),
    ]),
    // At most a portrait page's 90 characters with padding, so the list follows the prose on its page.
    limits: [{ min: 12, max: 22 }, { max: 8 }, { min: 16, max: CHANGE_WIDTH }, { max: 10 }, { max: 14 }],
  };
}

/**
 * In the table's order: rows as printed, then KPIs by number; proposals for one cell
 * together, oldest first (they compete: accepting one rejects the others).
 */
function ordered(snapshot: PlanSnapshot, derived: DerivedTable): FrozenCellSuggestion[] {
  const rowIndex = new Map(derived.rows.map((row, k) => [row.node.id, k]));
  const rank = (s: FrozenCellSuggestion) =>
    s.target.kind === 'node' ? (rowIndex.get(s.target.id) ?? derived.rows.length) : derived.rows.length + 1 + (derived.kpiById.get(s.target.id)?.number ?? Number.MAX_SAFE_INTEGER);
  const cell = (s: FrozenCellSuggestion) => `${s.target.kind}|${s.target.id}|${s.target.field}`;
  return [...(snapshot.cellSuggestions ?? [])].sort(
    (a, b) => rank(a) - rank(b) || (cell(a) < cell(b) ? -1 : cell(a) > cell(b) ? 1 : 0) || a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}

/** Where the cell is, as the printed tables name it: 「1(1) 創業支援」, 「成果指標③ 創業件数」. */
function placeOf(s: FrozenCellSuggestion, derived: DerivedTable): string {
  if (s.target.kind === 'node') {
    const row = derived.rowById.get(s.target.id);
    return row ? [row.path, row.title].filter((part) => part !== '').join(' ') : '（削除された行）';
  }
  const kpi = derived.kpiById.get(s.target.id);
  // The mark (④) is what the 成果指標一覧 and the measure table number the KPI by.
  return kpi ? `成果指標${kpi.mark} ${kpi.kpi.name}` : '（削除された成果指標）';
}

function fieldLabel(s: FrozenCellSuggestion): string {
  return s.target.kind === 'node' ? ROW_FIELD_LABELS[s.target.field].ja : KPI_FIELD_LABELS[s.target.field].ja;
}

/** 「80 店舗 → 70 店舗」 on one line; a longer text's old and new wording on lines of their own, so each reads whole. */
function change(was: string, value: string): string {
  return textWidth(`${was} → ${value}`) <= CHANGE_WIDTH ? `${was} → ${value}` : `${was}\n→ ${value}`;
}

/** A value as the table prints it: text as it is, a figure with its KPI's unit (「80 件」); an empty cell says so. */
function valueText(s: FrozenCellSuggestion, value: FieldValue, derived: DerivedTable): string {
  if (typeof value === 'string') return value === '' ? '（空欄）' : value;
  const kpi = derived.kpiById.get(s.target.id)?.kpi;
  const text = formatMeasured(value, kpi?.unit ?? '', { components: kpi?.components });
  return text === '' ? '（空欄）' : text;
}
