import ExcelJS from 'exceljs';
import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { inflatesWithin } from './zipBudget';

/** A one-entry zip whose entry inflates to `size` zero bytes. */
function zipOf(name: string, content: Buffer): Buffer {
  const data = deflateRawSync(content);
  const nameBytes = Buffer.from(name);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(1, 22); // a lie: declares 1 byte uncompressed
  local.writeUInt16LE(nameBytes.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(1, 24);
  central.writeUInt16LE(nameBytes.length, 28);
  central.writeUInt32LE(0, 42);
  const centralOffset = local.length + nameBytes.length + data.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + nameBytes.length, 12);
  end.writeUInt32LE(centralOffset, 16);
  return Buffer.concat([local, nameBytes, data, central, nameBytes, end]);
}

describe('zip inflation budget', () => {
  it('accepts a real workbook', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('成果指標一覧').addRow(['No', '成果指標']);
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    expect(inflatesWithin(bytes, 20 * 1024 * 1024)).toBe(true);
  });

  it('refuses an entry that inflates past the budget, whatever size it declares', () => {
    const bomb = zipOf('xl/worksheets/sheet1.xml', Buffer.alloc(50 * 1024 * 1024));
    expect(bomb.length).toBeLessThan(200 * 1024);
    expect(inflatesWithin(bomb, 20 * 1024 * 1024)).toBe(false);
    expect(inflatesWithin(zipOf('a.xml', Buffer.alloc(1000)), 20 * 1024 * 1024)).toBe(true);
  });

  it('refuses what is not a zip', () => {
    expect(inflatesWithin(Buffer.from('not a zip at all, just text'), 1000)).toBe(false);
    expect(inflatesWithin(Buffer.alloc(10), 1000)).toBe(false);
  });
});
