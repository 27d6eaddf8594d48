import { parseDelimited, type Delimiter } from '@sakutei/shared/measures';
import { readSpreadsheet } from '../../lib/api';

export type ImportSource = {
  rows: string[][];
  /** The sheet read from a workbook; null for text. */
  sheetName: string | null;
  /** How a text file was decoded, shown so a garbled preview can be explained. */
  encoding: 'utf-8' | 'shift_jis' | null;
};

export type ReadFailure = 'tooLarge' | 'legacyExcel' | 'unreadable';

export class ImportFileError extends Error {
  override readonly name = 'ImportFileError';
  constructor(readonly reason: ReadFailure) {
    super(reason);
  }
}

/** What the file pickers offer: text tables and Excel workbooks. */
export const IMPORT_ACCEPT = '.csv,.tsv,.txt,.xlsx';

/** A programme's tables are a few hundred kilobytes; anything far larger is the wrong file. */
const MAX_BYTES = 10 * 1024 * 1024;

function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? '' : name.slice(dot + 1).toLowerCase();
}

/**
 * Text from a CSV or TSV. Excel for Windows still saves "CSV" as Shift_JIS, so a file that
 * is not valid UTF-8 is read again as Shift_JIS. A UTF-8 BOM is dropped by the decoder.
 */
export function decodeText(bytes: ArrayBuffer): { text: string; encoding: 'utf-8' | 'shift_jis' } {
  const utf8 = new TextDecoder('utf-8').decode(bytes);
  if (!utf8.includes('\uFFFD')) return { text: utf8, encoding: 'utf-8' };
  try {
    return { text: new TextDecoder('shift_jis').decode(bytes), encoding: 'shift_jis' };
  } catch {
    // A browser without the Shift_JIS decoder: show what UTF-8 made of it rather than nothing.
    return { text: utf8, encoding: 'utf-8' };
  }
}

function delimiterFor(extension: string): Delimiter | undefined {
  if (extension === 'csv') return ',';
  if (extension === 'tsv') return '\t';
  return undefined;
}

/** Reads a chosen file into rows of cells; workbooks are parsed by the server. */
export async function readImportFile(planId: string, file: File): Promise<ImportSource> {
  if (file.size > MAX_BYTES) throw new ImportFileError('tooLarge');
  const extension = extensionOf(file.name);
  if (extension === 'xls') throw new ImportFileError('legacyExcel');
  if (extension === 'xlsx') {
    const { sheetName, rows } = await readSpreadsheet(planId, file);
    return { rows, sheetName, encoding: null };
  }
  let bytes: ArrayBuffer;
  try {
    bytes = await file.arrayBuffer();
  } catch {
    throw new ImportFileError('unreadable');
  }
  const { text, encoding } = decodeText(bytes);
  return { rows: parseDelimited(text, delimiterFor(extension)), sheetName: null, encoding };
}
