import { inflateRawSync } from 'node:zlib';

/**
 * The entries of a zip archive (a DOCX or XLSX file) by name, inflated: enough for tests to
 * read the XML inside. With `strictUtf8`, an entry that is not valid UTF-8 (an unpaired
 * surrogate encoded as is, say) throws instead of reading as U+FFFD, as Word would refuse it.
 */
export function unzip(bytes: Buffer, { strictUtf8 = false } = {}): Map<string, string> {
  const decoder = new TextDecoder('utf-8', { fatal: strictUtf8, ignoreBOM: true });
  let end = bytes.length - 22;
  while (end >= 0 && bytes.readUInt32LE(end) !== 0x06054b50) end--;
  if (end < 0) throw new Error('not a zip archive');
  const entries = new Map<string, string>();
  let offset = bytes.readUInt32LE(end + 16);
  for (let i = bytes.readUInt16LE(end + 10); i > 0; i--) {
    const method = bytes.readUInt16LE(offset + 10);
    const size = bytes.readUInt32LE(offset + 20);
    const nameLength = bytes.readUInt16LE(offset + 28);
    const skip = nameLength + bytes.readUInt16LE(offset + 30) + bytes.readUInt16LE(offset + 32);
    const name = bytes.subarray(offset + 46, offset + 46 + nameLength).toString('utf8');
    const local = bytes.readUInt32LE(offset + 42);
    const start = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
    const data = bytes.subarray(start, start + size);
    entries.set(name, decoder.decode(method === 8 ? inflateRawSync(data) : data));
    offset += 46 + skip;
  }
  return entries;
}
