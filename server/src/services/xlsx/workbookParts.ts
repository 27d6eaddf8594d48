import { type ZipArchive, ZipRefusedError } from './zipArchive';
import { attr, scanXml } from './xmlScan';

/**
 * Where the parts the import reads live in a workbook: the first sheet (its name and part),
 * the shared strings and the styles, found through the workbook's relationships as Excel and
 * LibreOffice write them.
 */
export type WorkbookParts = { sheetName: string; sheetPart: string; sharedStrings: string | null; styles: string | null };

const text = (zip: ZipArchive, name: string) => zip.read(name).toString('utf8');

/** `target` of a relationship of `xl/workbook.xml`, as a path in the archive. */
function resolve(target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = ['xl'];
  for (const step of target.split('/')) {
    if (step === '..') parts.pop();
    else if (step !== '.' && step !== '') parts.push(step);
  }
  return parts.join('/');
}

/** The first worksheet of the workbook and the parts its cells refer to. */
export function workbookParts(zip: ZipArchive, sheetIndex = 0): WorkbookParts {
  if (!zip.has('xl/workbook.xml') || !zip.has('xl/_rels/workbook.xml.rels')) {
    throw new ZipRefusedError('unreadable', 'not a workbook');
  }
  const sheets: Array<{ name: string; rid: string }> = [];
  scanXml(text(zip, 'xl/workbook.xml'), (event) => {
    if (event.kind === 'open' && event.name === 'sheet') sheets.push({ name: event.attrs['name'] ?? '', rid: attr(event.attrs, 'id') ?? '' });
  });
  const relations = new Map<string, { type: string; target: string }>();
  scanXml(text(zip, 'xl/_rels/workbook.xml.rels'), (event) => {
    if (event.kind === 'open' && event.name === 'Relationship') {
      relations.set(event.attrs['Id'] ?? '', { type: event.attrs['Type'] ?? '', target: resolve(event.attrs['Target'] ?? '') });
    }
  });
  const sheet = sheets[sheetIndex];
  const sheetPart = sheet && relations.get(sheet.rid)?.target;
  if (!sheet || !sheetPart || !zip.has(sheetPart)) throw new ZipRefusedError('unreadable', 'the workbook has no worksheet');
  const partOf = (type: string) => {
    const found = [...relations.values()].find((r) => r.type.endsWith(`/${type}`));
    return found && zip.has(found.target) ? found.target : null;
  };
  return { sheetName: sheet.name, sheetPart, sharedStrings: partOf('sharedStrings'), styles: partOf('styles') };
}
