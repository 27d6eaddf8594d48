import { inflateRawSync } from 'node:zlib';

/**
 * A zip archive (an uploaded XLSX) read defensively. Nothing the archive says about itself is
 * believed where believing it costs memory: the directory must agree with itself (entry count,
 * offsets, local headers, unique names) or the file is refused, and every entry read is
 * charged by the bytes it ACTUALLY inflates to, against one budget for the whole archive.
 * Only the entries a caller asks for are ever inflated, so a workbook's other sheets, images
 * and padding cost nothing.
 */

export type ZipLimits = {
  /** More entries than any honest workbook has (a sheet is two or three). */
  maxEntries: number;
  /** Inflated bytes for all entries read, together. */
  maxInflatedBytes: number;
};

/** Why an archive was refused: `unreadable` (not a zip we read) or `too_large` (past a budget). */
export class ZipRefusedError extends Error {
  constructor(
    readonly reason: 'unreadable' | 'too_large',
    message: string,
  ) {
    super(message);
  }
}

type Entry = { method: number; dataStart: number; compressedSize: number };

export type ZipArchive = {
  readonly names: readonly string[];
  has(name: string): boolean;
  /** The entry's bytes; charged to the archive's budget, so reading it twice costs twice. */
  read(name: string): Buffer;
  /** Bytes inflated so far. */
  readonly inflated: number;
};

const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const END = 0x06054b50;

const unreadable = (why: string) => new ZipRefusedError('unreadable', why);

/** Reads the directory of `bytes`; throws `ZipRefusedError` when it is not a consistent, plain zip. */
export function openZip(bytes: Buffer, limits: ZipLimits): ZipArchive {
  const end = findEnd(bytes);
  if (end < 0) throw unreadable('no end of central directory');
  const onDisk = bytes.readUInt16LE(end + 8);
  const declared = bytes.readUInt16LE(end + 10);
  const dirSize = bytes.readUInt32LE(end + 12);
  const dirStart = bytes.readUInt32LE(end + 16);
  // Multi-disk and Zip64 archives have no business in a spreadsheet upload.
  if (bytes.readUInt16LE(end + 4) !== 0 || bytes.readUInt16LE(end + 6) !== 0 || onDisk !== declared) throw unreadable('multi-disk archive');
  if (declared === 0xffff || dirStart === 0xffffffff || dirStart + dirSize > end) throw unreadable('directory out of bounds');
  const entries = new Map<string, Entry>();
  let offset = dirStart;
  // Walk the records that are actually there, not the count the end record claims.
  while (offset < dirStart + dirSize) {
    if (offset + 46 > end || bytes.readUInt32LE(offset) !== CENTRAL) throw unreadable('broken directory record');
    if (entries.size >= limits.maxEntries) throw new ZipRefusedError('too_large', `more than ${limits.maxEntries} entries`);
    const flags = bytes.readUInt16LE(offset + 8);
    const method = bytes.readUInt16LE(offset + 10);
    const compressedSize = bytes.readUInt32LE(offset + 20);
    const nameLength = bytes.readUInt16LE(offset + 28);
    const recordLength = 46 + nameLength + bytes.readUInt16LE(offset + 30) + bytes.readUInt16LE(offset + 32);
    const localOffset = bytes.readUInt32LE(offset + 42);
    if (offset + recordLength > dirStart + dirSize) throw unreadable('directory record out of bounds');
    const name = bytes.toString('utf8', offset + 46, offset + 46 + nameLength);
    offset += recordLength;
    if (flags & 1) throw unreadable('encrypted entry');
    if (method !== 0 && method !== 8) throw unreadable('unknown compression');
    if (compressedSize === 0xffffffff || localOffset === 0xffffffff) throw unreadable('zip64 entry');
    if (entries.has(name)) throw unreadable('duplicate entry name');
    // The local header must name the same entry and method: readers that follow local headers
    // (streaming unzippers) would otherwise see a different archive than this one.
    if (localOffset + 30 > dirStart || bytes.readUInt32LE(localOffset) !== LOCAL) throw unreadable('broken local header');
    const localNameLength = bytes.readUInt16LE(localOffset + 26);
    if (bytes.readUInt16LE(localOffset + 8) !== method || bytes.toString('utf8', localOffset + 30, localOffset + 30 + localNameLength) !== name) {
      throw unreadable('local header disagrees with the directory');
    }
    const dataStart = localOffset + 30 + localNameLength + bytes.readUInt16LE(localOffset + 28);
    if (dataStart + compressedSize > dirStart) throw unreadable('entry data out of bounds');
    entries.set(name, { method, dataStart, compressedSize });
  }
  if (offset !== dirStart + dirSize || entries.size !== declared) throw unreadable('the directory disagrees with its own entry count');

  let inflated = 0;
  return {
    names: [...entries.keys()],
    has: (name) => entries.has(name),
    get inflated() {
      return inflated;
    },
    read(name) {
      const entry = entries.get(name);
      if (!entry) throw unreadable(`no entry ${name}`);
      const data = bytes.subarray(entry.dataStart, entry.dataStart + entry.compressedSize);
      const remaining = limits.maxInflatedBytes - inflated;
      let out: Buffer;
      if (entry.method === 0) {
        out = data;
      } else {
        try {
          // zlib stops (and throws) as soon as its output passes the cap: the count is of bytes
          // really produced, whatever sizes the headers declare.
          out = inflateRawSync(data, { maxOutputLength: Math.max(1, remaining) });
        } catch (err) {
          if (err instanceof RangeError) throw new ZipRefusedError('too_large', `unpacks to more than ${limits.maxInflatedBytes} bytes`);
          throw unreadable(`entry ${name} does not inflate`);
        }
      }
      inflated += out.length;
      if (inflated > limits.maxInflatedBytes) throw new ZipRefusedError('too_large', `unpacks to more than ${limits.maxInflatedBytes} bytes`);
      return out;
    },
  };
}

function findEnd(bytes: Buffer): number {
  // The record is 22 bytes plus a comment of up to 64 KiB, at the very end.
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--) {
    if (bytes.readUInt32LE(at) === END) return at;
  }
  return -1;
}
