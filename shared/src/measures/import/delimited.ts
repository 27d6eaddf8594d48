/**
 * Tab- and comma-separated text as Excel writes it: to the clipboard (TSV) and to files
 * (CSV). Quoting follows RFC 4180, which is also what Excel does when a cell holds a line
 * break, a quote or the delimiter.
 */

export type Delimiter = '\t' | ',';

/** Prepended to exported CSV: without it Excel reads the file as Shift_JIS and garbles it. */
export const CSV_BOM = '\uFEFF';

/**
 * Rows of cells. Every row has at least one cell. Rows are not padded to a common width,
 * because a paste from Word or a hand-typed list is ragged and callers read by position.
 * Interior empty rows are kept so that row indexes stay the user's line numbers; trailing
 * empty rows (the clipboard's final line break, Excel's empty trailing lines) are dropped.
 * Without a delimiter, the first line with a tab or comma decides (tab if it has one).
 */
export function parseDelimited(text: string, delimiter?: Delimiter): string[][] {
  const source = text.startsWith(CSV_BOM) ? text.slice(CSV_BOM.length) : text;
  const sep = delimiter ?? detectDelimiter(source);
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  const n = source.length;
  // True after a delimiter: the row then has one more (possibly empty) cell still to come.
  let cellPending = false;

  while (i < n) {
    let cell: string;
    if (source[i] === '"') {
      const quoted = readQuoted(source, i + 1);
      if (quoted === null) {
        // An opening quote that never closes is a stray quote mark typed into a cell, not
        // quoting; reading on to the end would swallow the rest of the paste into one cell.
        const plain = readPlain(source, i, sep);
        cell = plain.cell;
        i = plain.end;
      } else {
        cell = quoted.cell;
        // Excel never writes text after a closing quote, but a hand-edited file may; keep it.
        const tail = readPlain(source, quoted.end, sep);
        cell += tail.cell;
        i = tail.end;
      }
    } else {
      const plain = readPlain(source, i, sep);
      cell = plain.cell;
      i = plain.end;
    }
    row.push(cell);
    cellPending = false;

    if (i >= n) break;
    const char = source[i];
    if (char === sep) {
      i += 1;
      cellPending = true;
      continue;
    }
    // A line end: CRLF, CR or LF.
    i += char === '\r' && source[i + 1] === '\n' ? 2 : 1;
    rows.push(row);
    row = [];
  }
  if (row.length > 0 || cellPending) {
    if (cellPending) row.push('');
    rows.push(row);
  }

  while (rows.length > 0 && rows[rows.length - 1]!.every((cell) => cell === '')) rows.pop();
  return rows;
}

/**
 * The first line with a tab or a comma decides: tab when it has one. Lines with neither (a
 * caption copied along with the table, a one-column list) say nothing either way.
 */
function detectDelimiter(text: string): Delimiter {
  // Far enough to pass the captions above a header, which may come as late as row 30.
  for (const line of text.split(/\r\n|\r|\n/, 200)) {
    if (line.includes('\t')) return '\t';
    if (line.includes(',')) return ',';
  }
  return ',';
}

/** Reads a quoted cell whose content starts at `start`; null when the quote never closes. */
function readQuoted(text: string, start: number): { cell: string; end: number } | null {
  let cell = '';
  let i = start;
  for (;;) {
    const close = text.indexOf('"', i);
    if (close < 0) return null;
    cell += text.slice(i, close);
    if (text[close + 1] === '"') {
      cell += '"';
      i = close + 2;
    } else {
      return { cell, end: close + 1 };
    }
  }
}

/** Reads up to the next delimiter or line end; quotes inside are ordinary characters. */
function readPlain(text: string, start: number, sep: Delimiter): { cell: string; end: number } {
  let i = start;
  while (i < text.length) {
    const char = text[i];
    if (char === sep || char === '\n' || char === '\r') break;
    i += 1;
  }
  return { cell: text.slice(start, i), end: i };
}

/**
 * The inverse of `parseDelimited`. CSV gets CRLF line ends (RFC 4180, and what Excel
 * writes); TSV gets LF, as it goes to the clipboard or a text area. No trailing line end,
 * so pasting into Excel does not add an empty row.
 */
export function toDelimited(rows: string[][], delimiter: Delimiter): string {
  const lineEnd = delimiter === ',' ? '\r\n' : '\n';
  return rows
    .map((row, r) => row.map((cell, c) => quoteIfNeeded(cell, delimiter, r === 0 && c === 0)).join(delimiter))
    .join(lineEnd);
}

function quoteIfNeeded(cell: string, delimiter: Delimiter, first: boolean): string {
  const needsQuotes =
    cell.includes(delimiter) ||
    cell.includes('"') ||
    cell.includes('\n') ||
    cell.includes('\r') ||
    // A leading BOM in the very first cell would be taken for the file's own BOM.
    (first && cell.startsWith(CSV_BOM));
  return needsQuotes ? `"${cell.replaceAll('"', '""')}"` : cell;
}
