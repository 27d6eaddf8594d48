import { toCsv } from '@sakutei/shared/measures';
import { type SheetOptions, writeSheet } from '../services/spreadsheet';

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A download name: Japanese for browsers that read `filename*`, ASCII for the rest. */
export function attachment(fileName: string, asciiName: string): string {
  return `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/** A Word file handed out under a Japanese name (and an ASCII one for older browsers). */
export function docxDownload(bytes: Buffer | Uint8Array, fileName: string, asciiName: string) {
  return { body: new Uint8Array(bytes), headers: { 'content-type': DOCX_TYPE, 'content-disposition': attachment(fileName, asciiName) } };
}

export type TableFile = {
  fileName: string;
  asciiName: string;
  sheetName: string;
  headerRows: number;
  /** 0-based columns of figures, where a CSV keeps a plain negative number a number (see `formulaSafeCell`). */
  figureColumns?: readonly number[];
};

/**
 * A table handed out as CSV (UTF-8 with BOM for Excel, formula-looking cells defused) or as
 * an XLSX sheet; the same rows either way.
 */
export async function tableDownload(rows: string[][], file: TableFile, format: 'csv' | 'xlsx', sheet: SheetOptions = {}) {
  if (format === 'csv') {
    return {
      body: toCsv(rows, file.figureColumns),
      headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': attachment(`${file.fileName}.csv`, `${file.asciiName}.csv`) },
    };
  }
  return {
    body: new Uint8Array(await writeSheet(file.sheetName, rows, file.headerRows, sheet)),
    headers: { 'content-type': XLSX_TYPE, 'content-disposition': attachment(`${file.fileName}.xlsx`, `${file.asciiName}.xlsx`) },
  };
}
