import ExcelJS from 'exceljs';
import { MAX_IMPORT_ROWS } from '@sakutei/shared/measures';
import { describe, expect, it } from 'vitest';
import { AppError } from '../errors';
import { workbookParts, zipOf } from './xlsx/testing/hostileZip';
import { parseFirstSheet as readFirstSheet } from './xlsx/sheetFile';

/*
 * Uploaded workbooks are hostile until read: these archives are built by hand so their
 * directories can lie (entry counts, sizes, names), and the reader must count what it
 * really inflates and read only the first sheet, up to the import's row limit.
 */

const simple = (workbook: ExcelJS.Workbook) => {
  const sheet = workbook.addWorksheet('施策体系');
  sheet.addRow(['No', '施策名', '目標値']);
  sheet.addRow(['①', '子育て支援の充実', 120]);
};

async function refusal(bytes: Buffer): Promise<AppError> {
  const err = await readFirstSheet(bytes).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

const MB = 1024 * 1024;

describe('readFirstSheet', () => {
  it('reads the first sheet as ExcelJS writes it: strings, numbers, dates, merged headers', async () => {
    const bytes = new ExcelJS.Workbook();
    const sheet = bytes.addWorksheet('成果指標一覧');
    sheet.addRow(['No', '成果指標', '実績値', '']);
    sheet.addRow(['', '', 'R5', 'R6']);
    sheet.addRow([1, { richText: [{ text: '待機児童' }, { text: '数', font: { bold: true } }] }, 0.5, new Date(Date.UTC(2025, 3, 1))]);
    sheet.mergeCells('A1:A2');
    sheet.mergeCells('C1:D1');
    bytes.addWorksheet('別シート').addRow(['not read']);
    const result = await readFirstSheet(Buffer.from(await bytes.xlsx.writeBuffer()));
    expect(result.sheetName).toBe('成果指標一覧');
    expect(result.rows).toEqual([
      ['No', '成果指標', '実績値'],
      ['', '', 'R5', 'R6'],
      ['1', '待機児童数', '0.5', '2025-04-01'],
    ]);
  });

  it('refuses a directory that lists more entries than its end record declares (JSZip would inflate them all)', async () => {
    const parts = await workbookParts(simple);
    const padding = Array.from({ length: 8 }, (_, i) => ({ name: `xl/media/pad${i}.bin`, data: Buffer.alloc(4 * MB) }));
    const bytes = zipOf([...parts, ...padding], { declaredCount: parts.length });
    expect(bytes.length).toBeLessThan(200 * 1024);
    expect((await refusal(bytes)).code).toBe('unreadable_spreadsheet');
  });

  it('refuses an archive of thousands of tiny entries', async () => {
    const parts = await workbookParts(simple);
    const many = Array.from({ length: 1500 }, (_, i) => ({ name: `xl/media/m${i}.bin`, data: Buffer.from('x'), method: 0 as const }));
    expect((await refusal(zipOf([...parts, ...many]))).code).toBe('unreadable_spreadsheet');
  });

  it('counts the bytes a sheet really inflates to, not the size its headers declare', async () => {
    const parts = await workbookParts(simple);
    const bomb = parts.map((part) =>
      part.name === 'xl/worksheets/sheet1.xml'
        ? { ...part, data: Buffer.concat([Buffer.from('<worksheet><sheetData>'), Buffer.alloc(40 * MB, 0x20), Buffer.from('</sheetData></worksheet>')]) }
        : part,
    );
    const bytes = zipOf(bomb, { declaredSize: 1000 });
    expect(bytes.length).toBeLessThan(MAX_BYTES_OF_UPLOAD);
    const err = await refusal(bytes);
    expect(err.code).toBe('unreadable_spreadsheet');
    expect(err.message).toMatch(/20 MB/);
  });

  it('refuses an entry whose local header names another file than the directory', async () => {
    const parts = await workbookParts(simple);
    const bytes = zipOf(parts, { localName: (name) => (name === 'xl/worksheets/sheet1.xml' ? 'xl/worksheets/sheet9.xml' : name) });
    expect((await refusal(bytes)).code).toBe('unreadable_spreadsheet');
  });

  it('never parses the other sheets: a broken second sheet does not stop the first from being read', async () => {
    const parts = await workbookParts((workbook) => {
      simple(workbook);
      workbook.addWorksheet('メモ').addRow(['x']);
    });
    const broken = parts.map((part) => (part.name === 'xl/worksheets/sheet2.xml' ? { ...part, data: Buffer.from('<worksheet><sheetData><row><c') } : part));
    const result = await readFirstSheet(zipOf(broken));
    expect(result.rows).toEqual([
      ['No', '施策名', '目標値'],
      ['①', '子育て支援の充実', '120'],
    ]);
  });

  it('stops reading at the row after the import limit, however long the sheet', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('長い表');
    for (let r = 0; r < 10_000; r++) sheet.addRow([`事業${r}`, r]);
    const { rows } = await readFirstSheet(Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(rows).toHaveLength(MAX_IMPORT_ROWS + 1);
    expect(rows.at(-1)).toEqual([`事業${MAX_IMPORT_ROWS}`, String(MAX_IMPORT_ROWS)]);
  });

  it('refuses a filled cell past the last column an import reads', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('広い表').getCell(1, 101).value = 'too far';
    expect((await refusal(Buffer.from(await workbook.xlsx.writeBuffer()))).code).toBe('spreadsheet_too_large');
  });

  it('refuses what is not a workbook', async () => {
    expect((await refusal(Buffer.from('not a zip at all, just text'))).code).toBe('unreadable_spreadsheet');
    expect((await refusal(zipOf([{ name: 'a.txt', data: Buffer.from('hello') }]))).code).toBe('unreadable_spreadsheet');
  });
});

const MAX_BYTES_OF_UPLOAD = 2 * MB;
