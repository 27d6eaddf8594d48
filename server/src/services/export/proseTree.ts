import type { ProseNode } from '@sakutei/shared';

/**
 * Reading TipTap's stored JSON for the document renderers. Tables (from
 * @tiptap/extension-table: table, tableRow, tableHeader, tableCell with colspan, rowspan and
 * colwidth) are read by node name, so a document written before or after tables joined the
 * editor's schema renders the same way; an unknown node shows its text rather than nothing.
 */

export type ProseCell = { node: ProseNode; header: boolean; colSpan: number; rowSpan: number; colWidths: number[] | null };

export type ProseTableGrid = {
  columns: number;
  /** A width in pixels per column where the editor recorded one (by dragging a border). */
  widths: Array<number | null>;
  rows: ProseCell[][];
};

const positive = (value: unknown): number => (typeof value === 'number' && Number.isInteger(value) && value > 0 ? Math.min(value, 100) : 1);

export function isTableCell(node: ProseNode): boolean {
  return node.type === 'tableCell' || node.type === 'tableHeader';
}

/** The grid of a table node: its cells with spans, and the column count they add up to. */
export function tableGrid(table: ProseNode): ProseTableGrid {
  const rows = (table.content ?? [])
    .filter((row) => row.type === 'tableRow')
    .map((row) =>
      (row.content ?? []).filter(isTableCell).map((cell): ProseCell => {
        const widths = cell.attrs?.['colwidth'];
        return {
          node: cell,
          header: cell.type === 'tableHeader',
          colSpan: positive(cell.attrs?.['colspan']),
          rowSpan: positive(cell.attrs?.['rowspan']),
          colWidths: Array.isArray(widths) && widths.every((w) => typeof w === 'number' && w > 0) ? (widths as number[]) : null,
        };
      }),
    );
  // Walk the grid as the editor lays it out, rows spanning down taking their columns below.
  const taken: boolean[][] = [];
  const widths: Array<number | null> = [];
  let columns = 0;
  rows.forEach((row, r) => {
    let column = 0;
    for (const cell of row) {
      while (taken[r]?.[column]) column++;
      for (let dr = 0; dr < cell.rowSpan; dr++) for (let dc = 0; dc < cell.colSpan; dc++) (taken[r + dr] ??= [])[column + dc] = true;
      cell.colWidths?.forEach((w, k) => (widths[column + k] ??= w));
      column += cell.colSpan;
    }
    columns = Math.max(columns, column, taken[r]?.length ?? 0);
  });
  // Spans that reach below the last row are cut to the table, as the editor shows them.
  rows.forEach((row, r) => row.forEach((cell) => (cell.rowSpan = Math.min(cell.rowSpan, rows.length - r))));
  return { columns, widths: Array.from({ length: columns }, (_, k) => widths[k] ?? null), rows };
}

/**
 * Column widths adding up to `total`: recorded pixel widths kept in proportion, the other
 * columns sharing what is left (or an equal share when nothing was recorded).
 */
export function gridWidths(grid: ProseTableGrid, total: number): number[] {
  if (grid.columns === 0) return [];
  const known = grid.widths.filter((w): w is number => w !== null);
  const fallback = known.length > 0 ? known.reduce((a, b) => a + b, 0) / known.length : 1;
  const raw = grid.widths.map((w) => w ?? fallback);
  const sum = raw.reduce((a, b) => a + b, 0);
  const widths = raw.map((w) => Math.floor((w / sum) * total));
  widths[0]! += total - widths.reduce((a, b) => a + b, 0);
  return widths;
}

export function headingLevel(node: ProseNode): number {
  const level = node.attrs?.['level'];
  return typeof level === 'number' && level >= 1 ? Math.min(6, Math.floor(level)) : 1;
}

export function isInlineNode(node: ProseNode): boolean {
  return node.type === 'text' || node.type === 'hardBreak' || node.type === 'image' || node.type === 'mention';
}
