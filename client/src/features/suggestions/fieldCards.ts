import type { SuggestionSummary } from '@sakutei/shared/editor';
import { formatMeasured, type DerivedTable, type FieldSuggestion, type FieldTarget, type FieldValue } from '@sakutei/shared/measures';
import type { Translate } from '../../i18n';

/** A cell suggestion as a card reads it: the prose card's shape, plus the cell it proposes for. */
export type CellCardItem = SuggestionSummary & { cell: FieldTarget };

export function isCellItem(item: SuggestionSummary): item is CellCardItem {
  return 'cell' in item;
}

const FIELD_LABEL = {
  title: 'measures.column.title',
  description: 'measures.column.description',
  name: 'measures.kpi.name',
  unit: 'measures.kpi.unit',
  source: 'measures.kpi.source',
  baselineValue: 'measures.kpi.baseline',
  targetValue: 'measures.kpi.target',
} as const;

/**
 * Bulk decisions pick a section by number: the prose's are its top-level block indices (-1 before
 * the first heading); a cell's section is its row or KPI, numbered below those so they never meet.
 */
const CELL_SECTION_BASE = -1000;

/**
 * The cards of the measure table's pending proposals, in table order (rows, then KPIs): each
 * named by where it is (「成果指標⑩ 空き店舗数の目標値」, 「1-2 空き店舗対策の名称」), its change
 * as 旧 → 新 (a figure printed with the KPI's unit, 「80 店舗 → 70 店舗」). Proposals for a
 * row or KPI that is gone are not listed (listFieldSuggestions leaves them out already).
 */
export function cellCardItems(list: readonly FieldSuggestion[], derived: DerivedTable, t: Translate): CellCardItem[] {
  const rowOrder = new Map(derived.rows.map((row, index) => [row.node.id, index]));
  const kpiOrder = new Map(derived.kpis.map((entry, index) => [entry.kpi.id, index]));
  const place = (target: FieldTarget) =>
    target.kind === 'node' ? (rowOrder.get(target.id) ?? 0) : derived.rows.length + (kpiOrder.get(target.id) ?? 0);
  const items = list.flatMap((s): CellCardItem[] => {
    const where = placeOf(s.target, derived, t);
    if (where === null) return [];
    const show = (value: FieldValue) => valueText(value, s.target, derived, t);
    const index = CELL_SECTION_BASE - place(s.target);
    return [
      {
        id: s.id,
        author: s.author,
        at: s.at,
        deleted: show(s.was),
        inserted: show(s.value),
        formats: [],
        structure: [],
        from: -1,
        to: -1,
        section: { index, title: t('cellSuggest.section', { where, field: t(FIELD_LABEL[s.target.field]) }) },
        conflictsWith: s.conflictsWith,
        cell: s.target,
      },
    ];
  });
  return items.sort((a, b) => b.section!.index - a.section!.index || a.at - b.at);
}

/** 「成果指標⑩ 空き店舗数」 or 「1-2 空き店舗対策」; null when the row or KPI is not in the table. */
function placeOf(target: FieldTarget, derived: DerivedTable, t: Translate): string | null {
  if (target.kind === 'node') {
    const row = derived.rowById.get(target.id);
    return row ? [row.number, row.title].filter(Boolean).join(' ') : null;
  }
  const entry = derived.kpiById.get(target.id);
  return entry ? t('cellSuggest.kpiPlace', { mark: entry.mark, name: entry.kpi.name }) : null;
}

/** A proposed or replaced value as words: a figure with its KPI's unit, a blank one said so. */
function valueText(value: FieldValue, target: FieldTarget, derived: DerivedTable, t: Translate): string {
  if (typeof value === 'string') return value === '' ? t('cellSuggest.empty') : value;
  const kpi = target.kind === 'node' ? undefined : derived.kpiById.get(target.id)?.kpi;
  if (value.kind === 'blank') return t('cellSuggest.empty');
  return formatMeasured(value, kpi?.unit ?? '', kpi ? { components: kpi.components } : undefined) || t('cellSuggest.empty');
}
