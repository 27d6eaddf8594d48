import type ExcelJS from 'exceljs';
import { type Calendar, formatDate, xmlSafeText } from '@sakutei/shared';
import { MAX_IMPORT_COLUMNS, MAX_IMPORT_ROWS } from '@sakutei/shared/measures';
import { AppError } from '../../errors';
import { textWidth } from '../export/docTable';
import { dateStyles, sharedStrings } from './cellText';
import { SheetTooWideError, sheetRows } from './sheetRows';
import { workbookParts } from './workbookParts';
import { ZipRefusedError, openZip } from './zipArchive';

/**
 * Reading and writing workbooks on the thread that calls: what the heavy-work threads run
 * (work/tasks.ts). The event loop calls the wrappers in services/spreadsheet.ts instead.
 *
 * ExcelJS is loaded on first use: it adds some 30 MB to a server that may never read or
 * write a spreadsheet, and a larger heap makes every garbage collection pause longer.
 */
const loadExcel = async () => (await import('exceljs')).default;

/**
 * Limits on what an uploaded workbook may expand to once unzipped. As wide as an import may
 * be, so a workbook and the same table pasted as text are refused at the same width; read one
 * row past the import's limit, so the import still says "too many rows" (and nothing more is
 * parsed). Entries and inflated bytes are counted as they really are, not as the zip declares.
 */
export const SHEET_LIMITS = {
  rows: MAX_IMPORT_ROWS + 1,
  columns: MAX_IMPORT_COLUMNS,
  cellChars: 10_000,
  entries: 1000,
  inflatedBytes: 20 * 1024 * 1024,
} as const;

/** `readFirstSheet` on the calling thread. */
export async function parseFirstSheet(bytes: Buffer): Promise<{ sheetName: string; rows: string[][] }> {
  try {
    const zip = openZip(bytes, { maxEntries: SHEET_LIMITS.entries, maxInflatedBytes: SHEET_LIMITS.inflatedBytes });
    const parts = workbookParts(zip);
    // Only the parts the first sheet's cells need are inflated; the other sheets never are.
    const strings = parts.sharedStrings ? sharedStrings(zip.read(parts.sharedStrings).toString('utf8'), SHEET_LIMITS.cellChars) : [];
    const dates = parts.styles ? dateStyles(zip.read(parts.styles).toString('utf8')) : [];
    const rows = sheetRows(zip.read(parts.sheetPart).toString('utf8'), strings, dates, {
      maxRows: SHEET_LIMITS.rows,
      maxColumns: SHEET_LIMITS.columns,
      cellChars: SHEET_LIMITS.cellChars,
    });
    return { sheetName: parts.sheetName, rows };
  } catch (err) {
    if (err instanceof SheetTooWideError) {
      throw new AppError(400, 'spreadsheet_too_large', `A sheet may have at most ${SHEET_LIMITS.columns} columns.`);
    }
    if (err instanceof ZipRefusedError && err.reason === 'too_large') {
      throw new AppError(400, 'unreadable_spreadsheet', `The workbook unpacks to more than ${SHEET_LIMITS.inflatedBytes / 1024 / 1024} MB or has too many parts.`);
    }
    if (err instanceof ZipRefusedError) throw new AppError(400, 'unreadable_spreadsheet', 'The file is not a readable XLSX workbook.');
    throw err;
  }
}

/** Where the header rows of a sheet merge: a cell above an empty one spans down; an empty cell in the top row joins the one to its left. */
export function headerMerges(rows: readonly string[][], headerRows: number): Array<[top: number, left: number, bottom: number, right: number]> {
  if (headerRows !== 2 || rows.length < 2) return [];
  const [first = [], second = []] = rows;
  const merges: Array<[number, number, number, number]> = [];
  const width = Math.max(first.length, second.length);
  for (let c = 0; c < width; c++) {
    const top = first[c] ?? '';
    if (top === '') continue;
    if ((second[c] ?? '') === '') {
      merges.push([1, c + 1, 2, c + 1]);
      continue;
    }
    // 実績値 over its years: the top cell runs right across the empty cells after it.
    let end = c;
    while (end + 1 < width && (first[end + 1] ?? '') === '' && (second[end + 1] ?? '') !== '') end++;
    if (end > c) merges.push([1, c + 1, 1, end + 1]);
  }
  return merges;
}

/** A column as wide as its widest line (full-width characters count two), within bounds. */
export function fittedWidths(rows: readonly string[][]): number[] {
  const columns = Math.max(0, ...rows.map((row) => row.length));
  return Array.from({ length: columns }, (_, c) => {
    const widest = Math.max(0, ...rows.map((row) => textWidth(row[c] ?? '')));
    return Math.min(60, Math.max(6, widest + 2));
  });
}

/** Header and footer text is a little language of its own: `&` starts a code. */
const headerText = (text: string) => text.replace(/&/g, '&&');

export type SheetOptions = {
  /** The plan's name, printed in the page header. */
  planTitle?: string;
  calendar?: Calendar;
  now?: Date;
};

/** `writeSheet` on the calling thread. */
export function buildSheet(sheetName: string, rows: string[][], headerRows: number, options: SheetOptions = {}): Promise<Buffer> {
  // Every workbook is written here, so here its text is made fit for XML 1.0: ExcelJS drops
  // most controls from cells but writes U+FFFE / U+FFFF and unpaired surrogates as they come,
  // and one of them makes Excel "repair" the file and a strict reader refuse it.
  const planTitle = options.planTitle === undefined ? undefined : xmlSafeText(options.planTitle);
  return writeSafeSheet(xmlSafeText(sheetName), rows.map((row) => row.map(xmlSafeText)), headerRows, { ...options, planTitle });
}

async function writeSafeSheet(sheetName: string, rows: string[][], headerRows: number, options: SheetOptions): Promise<Buffer> {
  const workbook = new (await loadExcel()).Workbook();
  workbook.creator = 'Sakutei';
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: headerRows }] });
  for (const row of rows) sheet.addRow(row);
  const widths = fittedWidths(rows);
  widths.forEach((width, c) => {
    const column = sheet.getColumn(c + 1);
    column.width = width;
    column.alignment = { wrapText: true, vertical: 'top' };
  });
  for (let r = 1; r <= headerRows; r++) {
    const row = sheet.getRow(r);
    row.font = { bold: true };
    row.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
    row.eachCell({ includeEmpty: true }, (cell) => {
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8E8E8' } };
      cell.border = { top: { style: 'thin' }, bottom: { style: 'thin' }, left: { style: 'thin' }, right: { style: 'thin' } };
    });
  }
  const thin = { style: 'thin' as const, color: { argb: 'FF999999' } };
  rows.forEach((values, r) => {
    const row = sheet.getRow(r + 1);
    // Row heights are set, not left to the reader: LibreOffice does not grow a row for wrapped text.
    const lines = Math.max(1, ...values.map((value, c) => value.split('\n').reduce((sum, line) => sum + Math.max(1, Math.ceil(textWidth(line) / Math.max(1, widths[c]! - 1))), 0)));
    row.height = Math.max(18, lines * 15);
    if (r >= headerRows) row.eachCell({ includeEmpty: true }, (cell) => (cell.border = { top: thin, bottom: thin, left: thin, right: thin }));
  });
  for (const [top, left, bottom, right] of headerMerges(rows, headerRows)) sheet.mergeCells(top, left, bottom, right);
  const total = widths.reduce((a, b) => a + b, 0);
  sheet.pageSetup = {
    paperSize: 9,
    // About 95 characters of width fit across portrait A4 at 100 %; wider sheets turn.
    orientation: total > 95 ? 'landscape' : 'portrait',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    printTitlesRow: headerRows > 0 ? `1:${headerRows}` : undefined,
    margins: { left: 0.6, right: 0.6, top: 0.8, bottom: 0.8, header: 0.3, footer: 0.3 },
  };
  const title = [options.planTitle, sheetName].filter(Boolean).join('　');
  sheet.headerFooter = {
    oddHeader: `&L${headerText(title)}&R出力 ${headerText(formatDate(options.now ?? new Date(), options.calendar ?? 'wareki'))}`,
    oddFooter: '&C&P / &N ページ',
  };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
