import { runHeavy } from '../work/heavyWork';
import type { SheetOptions } from './xlsx/sheetFile';

export type { SheetOptions } from './xlsx/sheetFile';

/*
 * Workbooks as the event loop asks for them: read and written on a heavy-work thread
 * (work/), which runs the same-named functions of xlsx/sheetFile.ts.
 */

/** The first worksheet of an XLSX file as rows of cell text, the same shape a TSV paste gives; read on a heavy-work thread. */
export async function readFirstSheet(bytes: Buffer): Promise<{ sheetName: string; rows: string[][] }> {
  return runHeavy('readSheet', { bytes });
}

/**
 * One worksheet of text cells: the header rows bold, merged where they group, frozen and
 * repeated on each printed page; columns fitted to their text; an A4 page (landscape when
 * the sheet is wide) with the plan's name in the header and page numbers in the footer.
 */
export async function writeSheet(sheetName: string, rows: string[][], headerRows: number, options: SheetOptions = {}): Promise<Buffer> {
  // Laying out a sheet of a few thousand rows takes ExcelJS a good part of a second: not on the event loop.
  const bytes = await runHeavy('writeSheet', { sheetName, rows, headerRows, options });
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
