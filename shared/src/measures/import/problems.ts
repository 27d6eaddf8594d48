import { unneutralise } from '../export/csv';

/**
 * What an import could not take as it stands. An import never fails as a whole for a bad
 * row: it takes what it can and lists the rest, so the user can fix the source and paste
 * again. The client words the message from `code`; `detail` names the offending text.
 */

export const IMPORT_PROBLEM_CODES = [
  /** A figure cell that is not a number, `—`, `X` or blank. */
  'unreadableNumber',
  /** A parts figure (`複数 1 世帯 単身 1 世帯`) whose parts differ from the row's others. */
  'componentMismatch',
  /** A row whose leading number matches no level of the hierarchy scheme. */
  'unknownNumbering',
  'missingName',
  /** A row more than one level below the row before it. */
  'depthJump',
  'duplicateKpiNumber',
  /** A header that looks like a year column but names no readable year. */
  'unknownYearColumn',
  'emptyInput',
  'tooManyRows',
  /** Cells beyond the last column read (`MAX_IMPORT_COLUMNS`); detail names the columns left out. */
  'tooManyColumns',
  /** A 状況 that is not 新規, 充実 or 継続; 区分 that is not 施策 or 事業. */
  'unknownStatus',
  /** A KPI number cell that is neither a circled number nor a plain number. */
  'unknownKpiNumber',
] as const;
export type ImportProblemCode = (typeof IMPORT_PROBLEM_CODES)[number];

export type ImportProblem = {
  /** 1-based row of the parsed input, header rows included. */
  line: number;
  /** The column's header as the user wrote it (or its usual name when there is no header). */
  column: string | null;
  code: ImportProblemCode;
  detail: string;
};

export type ImportResult<T> = { value: T; problems: ImportProblem[] };

/** Far above any real plan (Fukushima's has about 120 rows); stops a stray paste of a whole sheet. */
export const MAX_IMPORT_ROWS = 2000;

/**
 * Far above any real plan's table (Koriyama's has 9 columns). One limit for the importers, the
 * API's `mapping`, the plan's remembered mapping and the browser's column list: a paste of a
 * line of two million tabs is read as its first 100 columns, not as two million.
 */
export const MAX_IMPORT_COLUMNS = 100;

/** 1-based column numbers, for naming the columns left out. */
function columnRange(first: number, last: number): string {
  return first === last ? `${first}` : `${first}–${last}`;
}

/**
 * The common checks before any import reads a row: nothing to read, or far too much. Returns
 * the rows to read (capped at `MAX_IMPORT_ROWS` rows of `MAX_IMPORT_COLUMNS` cells) and the
 * problems found. Trailing empty cells beyond the limit go without a word; filled ones are
 * named (`tooManyColumns`, detail: the 1-based columns left out), never dropped silently.
 */
export function checkImportSize(rows: string[][]): { rows: string[][]; problems: ImportProblem[] } {
  if (rows.every((row) => row.every((cell) => cell.trim() === ''))) {
    return { rows: [], problems: [{ line: 1, column: null, code: 'emptyInput', detail: 'nothing to import' }] };
  }
  const problems: ImportProblem[] = [];
  let kept = rows;
  if (rows.length > MAX_IMPORT_ROWS) {
    kept = rows.slice(0, MAX_IMPORT_ROWS);
    problems.push({
      line: MAX_IMPORT_ROWS + 1,
      column: null,
      code: 'tooManyRows',
      detail: `${rows.length} rows; only the first ${MAX_IMPORT_ROWS} were read`,
    });
  }
  let firstLine = 0;
  let lastFilled = 0;
  for (let r = 0; r < kept.length; r++) {
    const row = kept[r]!;
    if (row.length <= MAX_IMPORT_COLUMNS) continue;
    for (let c = row.length - 1; c >= MAX_IMPORT_COLUMNS; c--) {
      if (row[c]!.trim() === '') continue;
      if (firstLine === 0) firstLine = r + 1;
      lastFilled = Math.max(lastFilled, c + 1);
      break;
    }
  }
  if (kept.some((row) => row.length > MAX_IMPORT_COLUMNS)) {
    kept = kept.map((row) => (row.length > MAX_IMPORT_COLUMNS ? row.slice(0, MAX_IMPORT_COLUMNS) : row));
  }
  if (lastFilled > 0) {
    problems.push({
      line: firstLine,
      column: null,
      code: 'tooManyColumns',
      detail: `"${columnRange(MAX_IMPORT_COLUMNS + 1, lastFilled)}": only the first ${MAX_IMPORT_COLUMNS} columns were read`,
    });
  }
  return { rows: kept, problems };
}

/**
 * Trims the spaces Word and Excel leave around cell text (`\s` covers the full-width
 * U+3000), and the apostrophe our exports put before text that looks like a formula.
 */
export function cleanCell(cell: string | undefined): string {
  const trimmed = (cell ?? '').replace(/^\s+|\s+$/g, '');
  const plain = unneutralise(trimmed);
  // Behind the apostrophe may sit a neutralised leading tab or line break, which is trimmed like any other.
  return plain === trimmed ? plain : plain.replace(/^\s+/, '');
}
