import { describe, expect, it } from 'vitest';
import { docxBytes, exeBytes, htmlBytes, pdfBytes, plainZipBytes, xlsxBytes } from '../testing/materialFiles';
import { bundleFits, materialFileName, materialLabel, sniffMaterial, titleFromFileName, zipEntryNames } from './materials';

describe('sniffMaterial', () => {
  it('knows a PDF, a Word document and an Excel workbook by their bytes', async () => {
    expect(sniffMaterial(pdfBytes())).toBe('pdf');
    expect(sniffMaterial(await docxBytes())).toBe('docx');
    expect(sniffMaterial(await xlsxBytes())).toBe('xlsx');
  });

  it('refuses a renamed program or web page, and a zip that is not an Office file', async () => {
    expect(sniffMaterial(exeBytes())).toBeNull();
    expect(sniffMaterial(htmlBytes())).toBeNull();
    expect(sniffMaterial(await plainZipBytes())).toBeNull();
    expect(sniffMaterial(new Uint8Array())).toBeNull();
    // %PDF- must open the file, not merely appear in it.
    expect(sniffMaterial(new TextEncoder().encode('<html>%PDF-1.4</html>'))).toBeNull();
  });

  it('refuses a truncated zip and one whose directory points outside the file', async () => {
    const docx = await docxBytes();
    expect(sniffMaterial(docx.subarray(0, docx.length - 30))).toBeNull();
    const broken = docx.slice();
    // The end record's directory offset, made to point past the end.
    const end = broken.length - 22;
    broken[end + 16] = 0xff;
    broken[end + 17] = 0xff;
    broken[end + 18] = 0xff;
    expect(zipEntryNames(broken)).toBeNull();
    expect(sniffMaterial(broken)).toBeNull();
  });
});

describe('numbering and names', () => {
  it('labels by position and names downloads 資料n_title.ext, replacing characters no file system takes', () => {
    expect(materialLabel(1)).toBe('資料1');
    expect(materialLabel(12)).toBe('資料12');
    expect(materialFileName(2, '計画案（概要）', 'pdf')).toBe('資料2_計画案（概要）.pdf');
    expect(materialFileName(3, 'a/b:c*?', 'docx')).toBe('資料3_a_b_c__.docx');
    expect(materialFileName(1, '', 'xlsx')).toBe('資料1.xlsx');
    expect(materialFileName(1, '..', 'pdf')).toBe('資料1.pdf');
  });

  it('takes a title from a file name without its extension or folders', () => {
    expect(titleFromFileName('令和7年度 実施状況.pdf')).toBe('令和7年度 実施状況');
    expect(titleFromFileName('C:\\Users\\me\\表.xlsx')).toBe('表');
    expect(titleFromFileName('no-extension')).toBe('no-extension');
  });
});

describe('a bundle of materials', () => {
  it('fits up to ten files of the largest upload size, and no further', () => {
    const max = 1000;
    expect(bundleFits(Array.from({ length: 10 }, () => max), max)).toBe(true);
    expect(bundleFits([...Array.from({ length: 10 }, () => max), 1], max)).toBe(false);
    expect(bundleFits(Array.from({ length: 30 }, () => 300), max)).toBe(true);
    expect(bundleFits([], max)).toBe(true);
  });
});
