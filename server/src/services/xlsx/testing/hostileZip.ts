import ExcelJS from 'exceljs';
import { deflateRawSync } from 'node:zlib';
import { unzip } from '../../export/testing/unzip';

/** Zip archives written field by field, so that tests can make their directories lie. */

export type Part = { name: string; data: Buffer; method?: 0 | 8 };
export type Lies = { declaredCount?: number; localName?: (name: string) => string; declaredSize?: number };

/** A zip of `parts`, written field by field so that tests can make it lie. */
export function zipOf(parts: Part[], lies: Lies = {}): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const method = part.method ?? 8;
    const data = method === 8 ? deflateRawSync(part.data) : part.data;
    const name = Buffer.from(part.name);
    const localName = Buffer.from(lies.localName?.(part.name) ?? part.name);
    const declared = lies.declaredSize ?? part.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(declared, 22);
    local.writeUInt16LE(localName.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(declared, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, localName, data);
    centrals.push(central, name);
    offset += local.length + localName.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(lies.declaredCount ?? parts.length, 8);
  end.writeUInt16LE(lies.declaredCount ?? parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** The parts of a real workbook written by ExcelJS, to rebuild with extra or altered parts. */
export async function workbookParts(build: (workbook: ExcelJS.Workbook) => void): Promise<Part[]> {
  const workbook = new ExcelJS.Workbook();
  build(workbook);
  const entries = unzip(Buffer.from(await workbook.xlsx.writeBuffer()));
  return [...entries].map(([name, text]) => ({ name, data: Buffer.from(text) }));
}

