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
 * The common checks before any import reads a row: nothing to read, or far too much. Returns
 * the rows to read (capped) and the problems found.
 */
export function checkImportSize(rows: string[][]): { rows: string[][]; problems: ImportProblem[] } {
  if (rows.every((row) => row.every((cell) => cell.trim() === ''))) {
    return { rows: [], problems: [{ line: 1, column: null, code: 'emptyInput', detail: 'nothing to import' }] };
  }
  if (rows.length > MAX_IMPORT_ROWS) {
    return {
      rows: rows.slice(0, MAX_IMPORT_ROWS),
      problems: [
        {
          line: MAX_IMPORT_ROWS + 1,
          column: null,
          code: 'tooManyRows',
          detail: `${rows.length} rows; only the first ${MAX_IMPORT_ROWS} were read`,
        },
      ],
    };
  }
  return { rows, problems: [] };
}

/**
 * Trims the spaces Word and Excel leave around cell text (`\s` covers the full-width
 * U+3000), and the apostrophe our exports put before text that looks like a formula.
 */
export function cleanCell(cell: string | undefined): string {
  return (cell ?? '').replace(/^\s+|\s+$/g, '').replace(/^'(?=[=+@-])/, '');
}
