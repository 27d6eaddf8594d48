import { inflateRawSync } from 'node:zlib';

/**
 * Whether a zip archive (an XLSX file) inflates to at most `maxBytes` in total. The sizes a
 * zip declares can lie, so every entry is actually inflated, with a hard output cap: a
 * 300 KB "zip bomb" cannot make the server allocate gigabytes before it is refused.
 */
export function inflatesWithin(bytes: Buffer, maxBytes: number): boolean {
  const end = findEndOfCentralDirectory(bytes);
  if (end < 0) return false;
  const entries = bytes.readUInt16LE(end + 10);
  let offset = bytes.readUInt32LE(end + 16);
  let budget = maxBytes;
  for (let i = 0; i < entries; i++) {
    if (offset + 46 > bytes.length || bytes.readUInt32LE(offset) !== 0x02014b50) return false;
    const method = bytes.readUInt16LE(offset + 10);
    const compressedSize = bytes.readUInt32LE(offset + 20);
    const nameLength = bytes.readUInt16LE(offset + 28);
    const extraLength = bytes.readUInt16LE(offset + 30);
    const commentLength = bytes.readUInt16LE(offset + 32);
    const localOffset = bytes.readUInt32LE(offset + 42);
    offset += 46 + nameLength + extraLength + commentLength;
    // Zip64 and anything but stored/deflated has no business in a spreadsheet.
    if (compressedSize === 0xffffffff || localOffset + 30 > bytes.length || bytes.readUInt32LE(localOffset) !== 0x04034b50) return false;
    const dataStart = localOffset + 30 + bytes.readUInt16LE(localOffset + 26) + bytes.readUInt16LE(localOffset + 28);
    const data = bytes.subarray(dataStart, dataStart + compressedSize);
    if (method === 0) {
      budget -= data.length;
    } else if (method === 8) {
      try {
        budget -= inflateRawSync(data, { maxOutputLength: Math.max(1, budget) }).length;
      } catch {
        return false;
      }
    } else {
      return false;
    }
    if (budget < 0) return false;
  }
  return true;
}

function findEndOfCentralDirectory(bytes: Buffer): number {
  // The record is 22 bytes plus a comment of up to 64 KiB, at the very end.
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--) {
    if (bytes.readUInt32LE(at) === 0x06054b50) return at;
  }
  return -1;
}
