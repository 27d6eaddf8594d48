import fc from 'fast-check';

/*
 * For tests: hostile text to feed the exports (formula triggers in half- and full-width, the
 * controls XML 1.0 forbids, unpaired surrogates, among Japanese), and a strict RFC 4180 CSV
 * reader, written here rather than reusing the importer's forgiving one, so that the CSV
 * writer is not checked against itself.
 */

/** What makes a spreadsheet run a cell, as the first characters of a cell. */
export const FORMULA_TRIGGERS = ['=', '+', '-', '@', '＝', '＋', '－', '＠', '\t', '\r', '\n', '-1', '-.5', '-3.5+A1', '=HYPERLINK("http://x","y")', '@SUM(A1)', '-2+3+cmd|\' /C calc\'!A0'];
/** The characters XML 1.0 forbids, and unpaired surrogates. */
export const XML_FORBIDDEN = [
  ...Array.from({ length: 32 }, (_, i) => String.fromCharCode(i)).filter((c) => !'\t\n\r'.includes(c)),
  '\uFFFE',
  '\uFFFF',
  '\uD800',
  '\uDBFF',
  '\uDC00',
  '\uDFFF',
];
const JAPANESE = ['施策', '成果指標', '委員の意見', 'ｶﾀｶﾅ', '𠮷野家', '令和７年度', '　', '①', '＆', '<b>', '"引用"', ',', '\'', '😀'];

/** A piece of hostile text: Japanese, a control, a stray surrogate or ordinary characters. */
const piece = fc.oneof(fc.constantFrom(...JAPANESE), fc.constantFrom(...XML_FORBIDDEN), fc.constantFrom(...FORMULA_TRIGGERS), fc.string({ maxLength: 3 }));

/** Text that starts with a formula trigger and carries XML-forbidden characters among Japanese. */
export const hostileText = fc
  .tuple(fc.constantFrom(...FORMULA_TRIGGERS), fc.constantFrom(...XML_FORBIDDEN), fc.array(piece, { minLength: 1, maxLength: 6 }))
  .map(([trigger, control, rest]) => `${trigger}${rest.join('')}${control}施策`);

/**
 * RFC 4180, strictly: a quoted field is closed by a quote followed by a comma, a line end or
 * the end; a quote inside an unquoted field is an error. A leading BOM is dropped.
 */
export function readCsvStrict(text: string): string[][] {
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  for (;;) {
    let cell = '';
    if (source[i] === '"') {
      i++;
      for (;;) {
        if (i >= source.length) throw new Error('unterminated quoted field');
        if (source[i] === '"') {
          if (source[i + 1] === '"') {
            cell += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        cell += source[i++];
      }
      if (i < source.length && source[i] !== ',' && !source.startsWith('\r\n', i)) throw new Error(`text after a closing quote at ${i}`);
    } else {
      while (i < source.length && source[i] !== ',' && !source.startsWith('\r\n', i)) {
        if (source[i] === '"') throw new Error(`quote in an unquoted field at ${i}`);
        if (source[i] === '\r' || source[i] === '\n') throw new Error(`bare line break in an unquoted field at ${i}`);
        cell += source[i++];
      }
    }
    row.push(cell);
    if (i >= source.length) break;
    if (source[i] === ',') {
      i++;
      continue;
    }
    i += 2;
    rows.push(row);
    row = [];
    if (i >= source.length) return rows;
  }
  rows.push(row);
  return rows;
}

/** A number a spreadsheet reads as a number (so it cannot run as a formula); the oracle keeps its own copy of csv.ts's rule, private. */
const PLAIN_NUMBER = /^-?(?:(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+)$/;
const TRIGGER_START = /^[=+\-@＝＋－＠\t\r\n]/;

/** The cells a spreadsheet would run as a formula. */
export function runnableCells(rows: readonly string[][]): string[] {
  return rows.flat().filter((cell) => TRIGGER_START.test(cell) && !PLAIN_NUMBER.test(cell));
}
