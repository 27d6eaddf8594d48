/**
 * Meeting materials (資料, issue 17 item 3): what an upload is, judged by its bytes alone, and
 * how materials are numbered. The name and the type a browser sends are never trusted: a
 * renamed page or program must not be served back as a PDF.
 */

export type MaterialFileType = 'pdf' | 'docx' | 'xlsx';

export const MATERIAL_CONTENT_TYPES: Record<MaterialFileType, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** Bytes one uploaded material may have by default (SAKUTEI_MATERIAL_MAX_BYTES changes it). */
export const DEFAULT_MATERIAL_MAX_BYTES = 20 * 1024 * 1024;
export const MAX_MATERIALS_PER_MEETING = 30;
/** Bytes of uploaded materials one council may keep across all its meetings. */
export const MAX_COUNCIL_MATERIAL_BYTES = 500 * 1024 * 1024;

/**
 * A bundle (一括ダウンロード) is built in memory, so it holds at most the bytes of ten files of the
 * largest size an upload may have; past that the materials are downloaded one by one.
 */
export const BUNDLE_FILES_OF_MAX_SIZE = 10;

/** Whether materials of these sizes fit in one bundle under an upload limit of `maxBytes`. */
export function bundleFits(sizes: readonly number[], maxBytes: number): boolean {
  return sizes.reduce((sum, size) => sum + size, 0) <= BUNDLE_FILES_OF_MAX_SIZE * maxBytes;
}

/**
 * What a generated material renders from a frozen revision (issue 17 item 3): the revision
 * itself as Word, its 新旧対照表 against the revision before it, or the 委員意見と対応 table of
 * the opinions given on it. Its bytes are made when it is downloaded, never stored.
 */
export const GENERATED_MATERIAL_KINDS = ['revision', 'compare', 'opinions'] as const;
export type GeneratedMaterialKind = (typeof GENERATED_MATERIAL_KINDS)[number];

export const GENERATED_MATERIAL_FILE_TYPES: Record<GeneratedMaterialKind, MaterialFileType> = { revision: 'docx', compare: 'docx', opinions: 'xlsx' };

/**
 * The bytes a material counts for in a bundle's bound: an upload its size; a generated one,
 * whose size is only known once rendered, one file of the largest upload size.
 */
export const bundleCost = (material: { kind: string; size: number }, maxBytes: number): number => (material.kind === 'file' ? material.size : maxBytes);

/** The title a generated material gets unless another is given. */
export function generatedMaterialTitle(kind: GeneratedMaterialKind, revision: { number: number; name: string }, previousNumber: number | null): string {
  if (kind === 'revision') return `第${revision.number}版 ${revision.name}`.trim();
  if (kind === 'compare') return `新旧対照表（第${previousNumber ?? revision.number - 1}版→第${revision.number}版）`;
  return `委員意見と対応（第${revision.number}版）`;
}
export const MAX_MATERIAL_TITLE_CHARS = 200;
export const MAX_MATERIAL_FILE_NAME_CHARS = 200;

const ascii = (bytes: Uint8Array, from: number, length: number) => String.fromCharCode(...bytes.subarray(from, from + length));
const u16 = (b: Uint8Array, at: number) => b[at]! | (b[at + 1]! << 8);
const u32 = (b: Uint8Array, at: number) => (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16) | (b[at + 3]! << 24)) >>> 0;

const EOCD = 0x06054b50;
const CENTRAL_ENTRY = 0x02014b50;
/** The end record sits in the last 22 bytes plus a comment of at most 65535. */
const EOCD_SEARCH = 22 + 0xffff;
/** Enough entries for any real document; more is not an Office file worth reading. */
const MAX_ZIP_ENTRIES = 20_000;

/**
 * The entry names of a zip file from its central directory, or null when the bytes are not a
 * readable zip. Only names are read, nothing is inflated, so a zip bomb costs nothing here.
 */
export function zipEntryNames(bytes: Uint8Array): string[] | null {
  if (bytes.length < 22 || u32(bytes, 0) !== 0x04034b50) return null;
  let end = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - EOCD_SEARCH); at--) {
    if (u32(bytes, at) === EOCD) {
      end = at;
      break;
    }
  }
  if (end < 0) return null;
  const count = u16(bytes, end + 10);
  let at = u32(bytes, end + 16);
  if (count > MAX_ZIP_ENTRIES) return null;
  const names: string[] = [];
  const decoder = new TextDecoder('utf-8', { fatal: false });
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || u32(bytes, at) !== CENTRAL_ENTRY) return null;
    const nameLength = u16(bytes, at + 28);
    const extraLength = u16(bytes, at + 30);
    const commentLength = u16(bytes, at + 32);
    if (at + 46 + nameLength > bytes.length) return null;
    names.push(decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength)));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

/** What the bytes are: a PDF, a Word document, an Excel workbook — or null for anything else. */
export function sniffMaterial(bytes: Uint8Array): MaterialFileType | null {
  if (bytes.length >= 5 && ascii(bytes, 0, 5) === '%PDF-') return 'pdf';
  const names = zipEntryNames(bytes);
  if (!names) return null;
  const has = (name: string) => names.includes(name);
  if (!has('[Content_Types].xml')) return null;
  if (has('word/document.xml')) return 'docx';
  if (has('xl/workbook.xml')) return 'xlsx';
  return null;
}

/** The label of the material at a 1-based position: 資料1, 資料2 … (derived from the order, never stored). */
export const materialLabel = (position: number): string => `資料${position}`;

/**
 * The file name a material is downloaded under: 「資料1_{title}.{ext}」, with characters no file
 * system accepts replaced, so the bundle's entries and single downloads read the same.
 */
export function materialFileName(position: number, title: string, type: MaterialFileType): string {
  // eslint-disable-next-line no-control-regex
  const safe = title.replace(/[\\/:*?"<>|\u0000-\u001f\u007f]/g, '_').replace(/^\.+/, '').trim().slice(0, 120);
  return `${materialLabel(position)}${safe ? `_${safe}` : ''}.${type}`;
}

/** The title a file gets when none is given: its name without the extension. */
export function titleFromFileName(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  return base.replace(/\.[A-Za-z0-9]{1,5}$/, '').trim();
}
