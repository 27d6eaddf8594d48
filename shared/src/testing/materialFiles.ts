/**
 * Small real files of each kind a meeting material may be, and look-alikes that must be
 * refused. The zips are written here (stored, with CRCs) so the tests need no zip library.
 */

export function pdfBytes(text = 'Sakutei'): Uint8Array {
  const body = `%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n% ${text}\ntrailer << /Root 1 0 R >>\n%%EOF\n`;
  return new TextEncoder().encode(body);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (bytes: Uint8Array) => {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};

/** A zip archive of the entries, stored without compression. */
export async function zipOf(entries: Record<string, string>): Promise<Uint8Array> {
  const enc = new TextEncoder();
  const locals: number[] = [];
  const central: number[] = [];
  const u16 = (n: number) => [n & 0xff, (n >>> 8) & 0xff];
  const u32 = (n: number) => [n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, (n >>> 24) & 0xff];
  let count = 0;
  for (const [name, text] of Object.entries(entries)) {
    const nameBytes = [...enc.encode(name)];
    const data = enc.encode(text);
    const crc = crc32(data);
    const offset = locals.length;
    const common = [...u16(20), ...u16(0x0800), ...u16(0), ...u16(0), ...u16(0x21), ...u32(crc), ...u32(data.length), ...u32(data.length), ...u16(nameBytes.length), ...u16(0)];
    locals.push(...u32(0x04034b50), ...common, ...nameBytes, ...data);
    central.push(...u32(0x02014b50), ...u16(20), ...common, ...u16(0), ...u16(0), ...u16(0), ...u32(0), ...u32(offset), ...nameBytes);
    count++;
  }
  const end = [...u32(0x06054b50), ...u16(0), ...u16(0), ...u16(count), ...u16(count), ...u32(central.length), ...u32(locals.length), ...u16(0)];
  return new Uint8Array([...locals, ...central, ...end]);
}

const CONTENT_TYPES = '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>';

export const docxBytes = () => zipOf({ '[Content_Types].xml': CONTENT_TYPES, 'word/document.xml': '<w:document/>', '_rels/.rels': '<Relationships/>' });
export const xlsxBytes = () => zipOf({ '[Content_Types].xml': CONTENT_TYPES, 'xl/workbook.xml': '<workbook/>', '_rels/.rels': '<Relationships/>' });
/** A zip that is neither: an archive of a web page. */
export const plainZipBytes = () => zipOf({ 'index.html': '<script>alert(1)</script>', '[Content_Types].xml': CONTENT_TYPES });
/** A Windows program's first bytes, as a renamed .exe would send. */
export const exeBytes = () => new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, ...new TextEncoder().encode('This program cannot be run in DOS mode.')]);
export const htmlBytes = () => new TextEncoder().encode('<!doctype html><html><script>alert(document.cookie)</script></html>');
