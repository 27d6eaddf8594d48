import type { DiffSegment } from '@sakutei/shared';

/**
 * A table as every document export lays it out (DOCX, print HTML, XLSX): grouped header
 * rows with spans, body cells that are text or marked-up diff text, and a width for each
 * column fitted to what it holds. One model, so the three formats cannot drift apart.
 */

export type HeadCell = { text: string; colSpan?: number; rowSpan?: number };

export type BodyCell =
  | string
  | {
      text?: string;
      /** Marked-up text (a 新旧対照表 side); its plain text counts for the width. */
      segments?: readonly DiffSegment[];
      colSpan?: number;
      rowSpan?: number;
      /** Printed as a heading of its row (the 箇所 of a group). */
      header?: boolean;
      /** Set in small muted type (a placeholder such as （新設）). */
      muted?: boolean;
    };

export type DocTable = {
  /** Header rows, top first; a cell covered by a span above or to the left is left out. */
  head: HeadCell[][];
  /** Body rows; as in the head, cells covered by a span are left out. */
  body: BodyCell[][];
  /** Bounds on a column's width in half-width characters, by column index. */
  limits?: Array<{ min?: number; max?: number } | undefined>;
  /** Columns that share the width equally whatever they hold (the two sides of a 新旧対照表). */
  equal?: number[];
};

/** Display width of one line: full-width characters count two, the rest one. */
export function lineWidth(line: string): number {
  let width = 0;
  for (const char of line) {
    const code = char.codePointAt(0)!;
    width +=
      (code >= 0x1100 && code <= 0x115f) ||
      (code >= 0x2e80 && code <= 0xa4cf) ||
      (code >= 0xac00 && code <= 0xd7a3) ||
      (code >= 0xf900 && code <= 0xfaff) ||
      (code >= 0xfe30 && code <= 0xfe4f) ||
      (code >= 0xff00 && code <= 0xff60) ||
      (code >= 0xffe0 && code <= 0xffe6) ||
      code >= 0x20000 ||
      (code >= 0x2460 && code <= 0x24ff) ||
      (code >= 0x2160 && code <= 0x217f)
        ? 2
        : 1;
  }
  return width;
}

/** The widest line of a text. */
export function textWidth(text: string): number {
  return Math.max(0, ...text.split('\n').map(lineWidth));
}

export function cellText(cell: BodyCell): string {
  if (typeof cell === 'string') return cell;
  return cell.text ?? (cell.segments ?? []).map((segment) => segment.text).join('');
}

export function cellSpan(cell: BodyCell | HeadCell): { colSpan: number; rowSpan: number } {
  if (typeof cell === 'string') return { colSpan: 1, rowSpan: 1 };
  return { colSpan: cell.colSpan ?? 1, rowSpan: cell.rowSpan ?? 1 };
}

/**
 * The grid position of every cell, honouring spans from rows above: `[row][k]` is the
 * column where the k-th listed cell of that row starts.
 */
export function placeCells<C extends BodyCell | HeadCell>(rows: readonly C[][]): number[][] {
  const taken: boolean[][] = [];
  const mark = (r: number, c: number) => ((taken[r] ??= [])[c] = true);
  return rows.map((row, r) => {
    let column = 0;
    return row.map((cell) => {
      while (taken[r]?.[column]) column++;
      const { colSpan, rowSpan } = cellSpan(cell);
      for (let dr = 0; dr < rowSpan; dr++) for (let dc = 0; dc < colSpan; dc++) mark(r + dr, column + dc);
      const start = column;
      column += colSpan;
      return start;
    });
  });
}

export function columnCount(table: DocTable): number {
  const count = (rows: ReadonlyArray<ReadonlyArray<BodyCell | HeadCell>>) => {
    const starts = placeCells(rows as BodyCell[][]);
    return Math.max(0, ...rows.map((row, r) => (row.length === 0 ? 0 : starts[r]!.at(-1)! + cellSpan(row.at(-1)!).colSpan)));
  };
  return Math.max(count(table.head), count(table.body));
}

/** A column wider than this many half-width characters wraps instead. */
const DEFAULT_MAX = 48;
/** No column gets narrower than this: two kanji and a little air. */
const DEFAULT_MIN = 5;

/**
 * What each column would like, in half-width characters: its widest line (a long text
 * capped, so one long paragraph does not starve the others) and at least its header's
 * widest word.
 */
export function naturalWidths(table: DocTable): number[] {
  const columns = columnCount(table);
  const want = new Array<number>(columns).fill(0);
  const floor = new Array<number>(columns).fill(0);
  const visit = (rows: ReadonlyArray<ReadonlyArray<BodyCell | HeadCell>>, isHead: boolean) => {
    const starts = placeCells(rows as BodyCell[][]);
    rows.forEach((row, r) =>
      row.forEach((cell, k) => {
        const { colSpan } = cellSpan(cell);
        if (colSpan !== 1) return;
        const text = cellText(cell as BodyCell);
        const column = starts[r]![k]!;
        const width = textWidth(text);
        want[column] = Math.max(want[column]!, width);
        // A header wraps at most once per word; shorter than its longest word would break one.
        if (isHead) floor[column] = Math.max(floor[column]!, Math.max(0, ...text.split(/\s+/).map(lineWidth)));
      }),
    );
  };
  visit(table.head, true);
  visit(table.body, false);
  return want.map((width, column) => {
    const limit = table.limits?.[column];
    const min = Math.max(limit?.min ?? DEFAULT_MIN, Math.min(floor[column]!, limit?.max ?? DEFAULT_MAX));
    return Math.min(limit?.max ?? DEFAULT_MAX, Math.max(min, width)) + 2;
  });
}

/** A body cell this short (`番号変更`, `継続`) is a word, and breaking it reads badly. */
const SHORT_WORD = 10;

/**
 * Per column, the widest word that must not break (in half-width characters, plus padding):
 * the words of its header, and body cells that are one short word.
 */
function headerFloors(table: DocTable): number[] {
  const floors = new Array<number>(columnCount(table)).fill(0);
  const visit = (rows: ReadonlyArray<ReadonlyArray<BodyCell | HeadCell>>, isHead: boolean) => {
    const starts = placeCells(rows as BodyCell[][]);
    rows.forEach((row, r) =>
      row.forEach((cell, k) => {
        if (cellSpan(cell).colSpan !== 1) return;
        const text = cellText(cell as BodyCell);
        const words = text.split(/\s+/).map(lineWidth);
        const word = Math.max(0, ...words);
        if (!isHead && (words.length > 1 || word > SHORT_WORD)) return;
        const column = starts[r]![k]!;
        floors[column] = Math.max(floors[column]!, word + 3);
      }),
    );
  };
  visit(table.head, true);
  visit(table.body, false);
  return floors;
}

/** Half-width characters a line of 10.5 pt text holds across an A4 page with 20 mm margins. */
export const PAGE_CHARACTERS = { portrait: 90, landscape: 136 } as const;

/** A table whose columns would not fit across a portrait page goes on a landscape one. */
export function isWide(table: DocTable): boolean {
  return naturalWidths(table).reduce((sum, width) => sum + width, 0) > PAGE_CHARACTERS.portrait;
}

/**
 * Column widths that add up to `total` (in any unit), in proportion to what each column
 * wants; equal columns share their part evenly.
 */
export function fitWidths(table: DocTable, total: number, unitsPerCharacter?: number): number[] {
  const natural = naturalWidths(table);
  const floors = headerFloors(table);
  const equal = table.equal ?? [];
  if (equal.length > 0) {
    const share = equal.reduce((sum, column) => sum + natural[column]!, 0) / equal.length;
    // Equal sides take at least what a long paragraph needs, so they dominate the page.
    for (const column of equal) natural[column] = Math.max(share, DEFAULT_MAX);
  }
  const sum = natural.reduce((a, b) => a + b, 0);
  const widths = natural.map((width) => Math.floor((width / sum) * total));
  // A header word is never broken when the page allows it: a column too narrow for its
  // header takes the width from the widest column.
  if (unitsPerCharacter !== undefined) {
    floors.forEach((floor, column) => {
      const need = Math.ceil(floor * unitsPerCharacter) - widths[column]!;
      if (need <= 0) return;
      const widestColumn = widths.indexOf(Math.max(...widths));
      if (widestColumn === column || widths[widestColumn]! - need < widths[column]! + need) return;
      widths[widestColumn]! -= need;
      widths[column]! += need;
    });
  }
  // Columns that share equally are evened out again after any of them gave width away.
  if (equal.length > 1) {
    const share = Math.floor(equal.reduce((sum, column) => sum + widths[column]!, 0) / equal.length);
    for (const column of equal) widths[column] = share;
  }
  // Rounding leftovers go to the widest column outside the equal ones, so the table is exactly as wide as asked.
  const others = widths.map((width, column) => (equal.includes(column) ? -1 : width));
  const widest = Math.max(...others) >= 0 ? others.indexOf(Math.max(...others)) : widths.indexOf(Math.max(...widths));
  widths[widest]! += total - widths.reduce((a, b) => a + b, 0);
  return widths;
}
