import { docxBytes, exeBytes, htmlBytes, pdfBytes } from '@sakutei/shared/testing/materialFiles';
import { describe, expect, it } from 'vitest';
import { translatorFor } from '../../i18n';
import { ApiError } from '../../lib/api';
import { materialRefusal, materialsErrorText, sizeText } from './materials';

const ja = translatorFor('ja');
const en = translatorFor('en');
const blob = (bytes: Uint8Array) => new Blob([new Uint8Array(bytes)]);

describe('materials in the client', () => {
  it('refuses before sending what the server would refuse: not PDF/DOCX/XLSX by content, too large, empty', async () => {
    expect(await materialRefusal(blob(pdfBytes()), 1024 * 1024, ja)).toBeNull();
    expect(await materialRefusal(blob(await docxBytes()), 1024 * 1024, ja)).toBeNull();
    expect(await materialRefusal(blob(exeBytes()), 1024 * 1024, ja)).toContain('PDF・Word');
    expect(await materialRefusal(blob(htmlBytes()), 1024 * 1024, en)).toContain('none of them');
    expect(await materialRefusal(blob(pdfBytes()), 100, ja)).toBe('ファイルが大きすぎます。1ファイル 0 MB までです。');
    expect(await materialRefusal(blob(new Uint8Array()), 100, ja)).toBe('ファイルが空です。');
  });

  it("says each of the server's refusals in words", () => {
    const text = (code: string, status = 409) => materialsErrorText(new ApiError(status, code, 'x'), ja, 20 * 1024 * 1024);
    expect(text('unsupported_file_type', 415)).toContain('中身で判定');
    expect(text('payload_too_large', 413)).toContain('20 MB');
    expect(text('too_many_materials')).toContain('上限');
    expect(text('council_materials_full')).toContain('500 MB');
    expect(text('council_archived')).toBe(ja('meetings.error.archived'));
    expect(materialsErrorText(new Error('offline'), ja, 1)).toBe(ja('meetings.materials.error.failed'));
  });

  it('writes sizes as KB under a megabyte', () => {
    expect(sizeText(300)).toBe('1 KB');
    expect(sizeText(150 * 1024)).toBe('150 KB');
    expect(sizeText(3.25 * 1024 * 1024)).toBe('3.3 MB');
  });
});
