import { CSV_BOM, toDelimited } from '../import/delimited';

/**
 * CSV files we hand out, made safe to open in a spreadsheet. A cell that Excel, LibreOffice
 * or Google Sheets would read as a formula (`=HYPERLINK(…)`, `+…`, `@SUM(…)`, `-2+3+cmd|…`)
 * runs when the 事務局 opens the file, so such cells get a leading apostrophe, which every
 * spreadsheet takes as "this is text". This is the one neutraliser: every CSV writer goes
 * through `toCsv`, and the importer takes the apostrophe off again (`unneutralise`).
 */

/**
 * What starts a formula: `= + - @`, their full-width forms (a Japanese IME types those, and
 * Excel's Japanese locale reads them as the half-width ones), and a leading tab, CR or LF,
 * behind which Excel and LibreOffice skip to a trigger.
 */
const TRIGGER = '=+\\-@\uFF1D\uFF0B\uFF0D\uFF20\\t\\r\\n';
const FORMULA_START = new RegExp(`^[${TRIGGER}]`);
const NEUTRALISED = new RegExp(`^'(?=[${TRIGGER}])`);

/**
 * A number as the export itself writes one into a figure column: `-3.5`, `-1,234`, `.5`. A
 * spreadsheet reads it as a number, never as a formula: `-` followed by anything else
 * (`-3.5+A1`, `-1 件`) is not this.
 */
const PLAIN_NUMBER = /^-?(?:(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+)$/;

/**
 * One cell made safe. Text columns neutralise every trigger, including `-` before a digit: in a
 * name or a comment `-1+1` is text the user typed, and a spreadsheet would compute it. Figure
 * columns (`numeric`) keep a plain negative number as it is, so the user's spreadsheet gets
 * the number -3.5 rather than the text '-3.5; anything else in them is neutralised like text.
 */
export function formulaSafeCell(cell: string, numeric = false): string {
  if (!FORMULA_START.test(cell)) return cell;
  if (numeric && PLAIN_NUMBER.test(cell)) return cell;
  return `'${cell}`;
}

/** Every cell of `rows` made safe; `numericColumns` are the 0-based figure columns. */
export function neutraliseFormulas(rows: readonly (readonly string[])[], numericColumns: readonly number[] = []): string[][] {
  const numeric = new Set(numericColumns);
  return rows.map((row) => row.map((cell, c) => formulaSafeCell(cell, numeric.has(c))));
}

/** The apostrophe `formulaSafeCell` put before a trigger, taken off again on import. */
export function unneutralise(cell: string): string {
  return cell.replace(NEUTRALISED, '');
}

/**
 * A CSV file for download: UTF-8 with a BOM (Excel reads it as Shift_JIS without), RFC 4180
 * quoting, CRLF line ends, and formula-looking cells neutralised.
 */
export function toCsv(rows: readonly (readonly string[])[], numericColumns: readonly number[] = []): string {
  return CSV_BOM + toDelimited(neutraliseFormulas(rows, numericColumns), ',');
}
