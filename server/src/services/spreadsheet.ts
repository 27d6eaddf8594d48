import type ExcelJS from 'exceljs';

/**
 * ExcelJS is loaded on first use: it adds some 30 MB to a server that may never read or
 * write a spreadsheet, and a larger heap makes every garbage collection pause longer.
 */
const loadExcel = async () => (await import('exceljs')).default;
import { AppError } from '../errors';
import { inflatesWithin } from './zipBudget';

/** Limits on what an uploaded workbook may expand to once unzipped. */
export const SHEET_LIMITS = { rows: 5000, columns: 60, cellChars: 10_000, inflatedBytes: 20 * 1024 * 1024 } as const;

function cellText(cell: ExcelJS.Cell): string {
  // `text` renders rich text, formulas' results, dates and numbers as Excel displays them.
  const text = cell.text ?? '';
  return text.length > SHEET_LIMITS.cellChars ? text.slice(0, SHEET_LIMITS.cellChars) : text;
}

/** The first worksheet of an XLSX file as rows of cell text, the same shape a TSV paste gives. */
export async function readFirstSheet(bytes: Buffer): Promise<{ sheetName: string; rows: string[][] }> {
  if (!inflatesWithin(bytes, SHEET_LIMITS.inflatedBytes)) {
    throw new AppError(400, 'unreadable_spreadsheet', 'The file is not a readable XLSX workbook, or it unpacks to more than 20 MB.');
  }
  const workbook = new (await loadExcel()).Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new AppError(400, 'unreadable_spreadsheet', 'The file is not a readable XLSX workbook.');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new AppError(400, 'unreadable_spreadsheet', 'The workbook has no worksheet.');
  if (sheet.rowCount > SHEET_LIMITS.rows || sheet.columnCount > SHEET_LIMITS.columns) {
    throw new AppError(
      400,
      'spreadsheet_too_large',
      `A sheet may have at most ${SHEET_LIMITS.rows} rows and ${SHEET_LIMITS.columns} columns.`,
    );
  }
  const rows: string[][] = [];
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const cells: string[] = [];
    for (let c = 1; c <= sheet.columnCount; c++) cells.push(cellText(row.getCell(c)));
    while (cells.length > 0 && cells.at(-1) === '') cells.pop();
    rows.push(cells);
  }
  while (rows.length > 0 && rows.at(-1)!.length === 0) rows.pop();
  return { sheetName: sheet.name, rows };
}

/** One worksheet of text cells, with the header rows bold and frozen. */
export async function writeSheet(sheetName: string, rows: string[][], headerRows: number): Promise<Buffer> {
  const workbook = new (await loadExcel()).Workbook();
  workbook.creator = 'Sakutei';
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: headerRows }] });
  for (const row of rows) sheet.addRow(row);
  for (let r = 1; r <= headerRows; r++) sheet.getRow(r).font = { bold: true };
  sheet.columns.forEach((column) => {
    column.alignment = { wrapText: true, vertical: 'top' };
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
