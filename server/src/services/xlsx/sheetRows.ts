import { cellValueText } from './cellText';
import { scanXml } from './xmlScan';

/** A cell with text beyond the last column an import reads. */
export class SheetTooWideError extends Error {}

export type SheetRowLimits = {
  /** Rows past this row number are not read at all: the scan stops there. */
  maxRows: number;
  /** A filled cell past this column refuses the sheet. */
  maxColumns: number;
  cellChars: number;
};

/** "BC12" → 55 (1-based column of a cell reference); 0 when there is none. */
function columnOf(ref: string | undefined): number {
  if (!ref) return 0;
  let column = 0;
  for (const ch of ref) {
    const code = ch.charCodeAt(0);
    if (code < 65 || code > 90) break;
    column = column * 26 + (code - 64);
    if (column > 16_384) return 16_385;
  }
  return column;
}

/**
 * A worksheet as rows of cell text (row n at index n-1, trailing empty cells and rows dropped),
 * the shape a TSV paste gives. Reading stops at the first row past `maxRows`; merged cells read
 * as written: the text in their first cell, the covered ones empty.
 */
export function sheetRows(xml: string, strings: readonly string[], dates: readonly boolean[], limits: SheetRowLimits): string[][] {
  const rows: string[][] = [];
  let rowNumber = 0;
  let column = 0;
  let cell: { type: string | undefined; style: number; column: number; value: string[] } | null = null;
  let inValue = 0;
  let inInlineText = 0;
  let inPhonetic = 0;
  scanXml(xml, (event) => {
    if (event.kind === 'open') {
      switch (event.name) {
        case 'row': {
          const declared = Number(event.attrs['r']);
          rowNumber = Number.isInteger(declared) && declared > rowNumber ? declared : rowNumber + 1;
          column = 0;
          if (rowNumber > limits.maxRows) return false;
          break;
        }
        case 'c':
          column = columnOf(event.attrs['r']) || column + 1;
          cell = { type: event.attrs['t'], style: Number(event.attrs['s'] ?? 0), column, value: [] };
          break;
        case 'v':
          inValue++;
          break;
        case 't':
          inInlineText++;
          break;
        case 'rPh':
          inPhonetic++;
          break;
      }
    } else if (event.kind === 'close') {
      switch (event.name) {
        case 'v':
          inValue--;
          break;
        case 't':
          inInlineText--;
          break;
        case 'rPh':
          inPhonetic--;
          break;
        case 'sheetData':
          return false;
        case 'c': {
          if (!cell) break;
          const isDate = dates[cell.style] ?? false;
          const text = cellValueText(cell.type, cell.value.join(''), strings, isDate).slice(0, limits.cellChars);
          if (text !== '') {
            if (cell.column > limits.maxColumns) throw new SheetTooWideError(`column ${cell.column}`);
            const row = (rows[rowNumber - 1] ??= []);
            while (row.length < cell.column - 1) row.push('');
            row[cell.column - 1] = text;
          }
          cell = null;
          break;
        }
      }
    } else if (cell && (inValue > 0 || (inInlineText > 0 && inPhonetic === 0))) {
      cell.value.push(event.text);
    }
  });
  const dense = Array.from({ length: rows.length }, (_, r) => rows[r] ?? []);
  blankCoveredCells(xml, dense);
  while (dense.length > 0 && dense.at(-1)!.length === 0) dense.pop();
  return dense;
}

/** Empties the cells a merge covers (all but its top-left), from the sheet's `mergeCell` list. */
function blankCoveredCells(xml: string, rows: string[][]) {
  const start = xml.lastIndexOf('mergeCells');
  if (start < 0) return;
  for (const match of xml.slice(start).matchAll(/<(?:[\w.-]+:)?mergeCell\s[^>]*?ref="([A-Z]+)(\d+):([A-Z]+)(\d+)"/g)) {
    const [left, top, right, bottom] = [columnOf(match[1]), Number(match[2]), columnOf(match[3]), Number(match[4])];
    for (let r = top; r <= Math.min(bottom, rows.length); r++) {
      const row = rows[r - 1]!;
      for (let c = left; c <= Math.min(right, row.length); c++) {
        if (r === top && c === left) continue;
        row[c - 1] = '';
      }
      while (row.length > 0 && row.at(-1) === '') row.pop();
    }
  }
}
