import { SaxesParser } from 'saxes';
import { unzip } from './unzip';

/*
 * For tests: an Office file (DOCX, XLSX) opened as strictly as Word opens it. Every part must
 * be valid UTF-8 and parse with a strict XML 1.0 parser (saxes refuses the characters XML
 * forbids, where a lenient reader would skip them and hide the fault).
 */

/** Parses `xml` with a strict XML 1.0 parser; throws with the part's name on the first error. */
export function parseXmlStrict(xml: string, name = 'xml'): void {
  const parser = new SaxesParser({ xmlns: false, fragment: false });
  parser.on('error', (error) => {
    throw new Error(`${name}: ${error.message}`);
  });
  parser.write(xml).close();
}

/** Every XML part of an Office file (DOCX, XLSX), each parsed strictly; returns them by name. */
export function openOfficeStrict(bytes: Buffer): Map<string, string> {
  const parts = unzip(bytes, { strictUtf8: true });
  if (parts.size === 0) throw new Error('an empty archive');
  for (const [name, text] of parts) if (/\.(xml|rels)$/.test(name)) parseXmlStrict(text, name);
  return parts;
}

/**
 * The first worksheet as ExcelJS reads it (cell text, row by row): the library Excel-compatible
 * tools build on, and a stricter reader than the app's own upload parser, which skips what it
 * does not need.
 */
export async function loadWithExcelJs(bytes: Buffer): Promise<string[][]> {
  const ExcelJS = (await import('exceljs')).default;
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error('no worksheet');
  const rows: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell) => cells.push(cell.text ?? ''));
    rows.push(cells);
  });
  return rows;
}
