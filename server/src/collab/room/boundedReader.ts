/**
 * A byte reader for untrusted input that checks every read against the end of the buffer.
 * lib0's decoder trusts its input: `readUint8` past the end yields `undefined`, and a length
 * or count is believed until the loop it drives runs out of bytes (or memory). Everything
 * here throws `MalformedUpdate` instead, and no count may exceed the bytes left to back it.
 */

/** The bytes are not a well-formed message; nothing of it may be applied. */
export class MalformedUpdate extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MalformedUpdate';
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

// lib0's `readAny` tags (127 - index into its lookup table).
const ANY = {
  undefined: 127,
  null: 126,
  varInt: 125,
  float32: 124,
  float64: 123,
  bigInt64: 122,
  false: 121,
  true: 120,
  string: 119,
  object: 118,
  array: 117,
  bytes: 116,
} as const;

/**
 * Deeper values than this are refused: JSON.stringify and lib0's writeAny recurse, so a value
 * nested a million levels deep would be accepted once and then throw on every later encode of
 * the document (every sync, every compaction).
 */
export const MAX_VALUE_DEPTH = 64;

export class BoundedReader {
  pos = 0;

  constructor(readonly bytes: Uint8Array) {}

  get remaining(): number {
    return this.bytes.length - this.pos;
  }

  fail(what: string): never {
    throw new MalformedUpdate(`${what} at byte ${this.pos}`);
  }

  readUint8(): number {
    if (this.pos >= this.bytes.length) this.fail('unexpected end');
    return this.bytes[this.pos++]!;
  }

  /** lib0's variable-length unsigned integer: 7 bits a byte, little end first, at most 2^53 − 1. */
  readVarUint(): number {
    let num = 0;
    let mult = 1;
    for (;;) {
      const byte = this.readUint8();
      num += (byte & 0x7f) * mult;
      if (byte < 0x80) break;
      mult *= 128;
      if (num > Number.MAX_SAFE_INTEGER || mult > 2 ** 56) this.fail('integer out of range');
    }
    if (num > Number.MAX_SAFE_INTEGER) this.fail('integer out of range');
    return num;
  }

  /** A signed lib0 varint: the first byte carries a continuation bit, a sign bit and 6 bits. */
  readVarInt(): number {
    let byte = this.readUint8();
    let num = byte & 0x3f;
    let mult = 64;
    while (byte >= 0x80) {
      byte = this.readUint8();
      num += (byte & 0x7f) * mult;
      mult *= 128;
      if (num > Number.MAX_SAFE_INTEGER || mult > 2 ** 60) this.fail('integer out of range');
    }
    return num;
  }

  /** A count of things that each take at least `bytesEach` bytes to encode: more than the buffer holds is a lie. */
  readCount(what: string, bytesEach = 1): number {
    const n = this.readVarUint();
    if (n * bytesEach > this.remaining) this.fail(`${what} ${n} exceeds the ${this.remaining} bytes left`);
    return n;
  }

  readBytes(length: number): Uint8Array {
    if (length > this.remaining) this.fail(`length ${length} exceeds the ${this.remaining} bytes left`);
    const view = this.bytes.subarray(this.pos, this.pos + length);
    this.pos += length;
    return view;
  }

  readVarBytes(maxBytes = Infinity): Uint8Array {
    const length = this.readVarUint();
    if (length > maxBytes) this.fail(`${length} bytes where at most ${maxBytes} may be`);
    return this.readBytes(length);
  }

  /** UTF-8 as lib0 reads it (its decoder is fatal too, so invalid UTF-8 would throw inside Yjs). */
  readVarString(maxBytes = Infinity): string {
    const bytes = this.readVarBytes(maxBytes);
    try {
      return utf8.decode(bytes);
    } catch {
      this.fail('invalid UTF-8');
    }
  }

  /** A string that must hold JSON, which Yjs will JSON.parse (and later JSON.stringify). */
  readJson(maxBytes = Infinity): unknown {
    return parseJson(this.readVarString(maxBytes), () => this.fail('invalid JSON'));
  }

  /** Skips one lib0 `writeAny` value, refusing what Yjs could decode but not encode again. */
  skipAny(depth = 0): void {
    if (depth > MAX_VALUE_DEPTH) this.fail('value nested too deeply');
    const tag = this.readUint8();
    switch (tag) {
      case ANY.undefined:
      case ANY.null:
      case ANY.false:
      case ANY.true:
        return;
      case ANY.varInt:
        this.readVarInt();
        return;
      case ANY.float32:
        this.readBytes(4);
        return;
      case ANY.float64:
        this.readBytes(8);
        return;
      case ANY.bigInt64:
        // Valid lib0, but a BigInt makes every JSON.stringify of the document throw.
        return this.fail('bigint value');
      case ANY.string:
        this.readVarString();
        return;
      case ANY.object: {
        const n = this.readCount('object size', 2);
        for (let i = 0; i < n; i++) {
          this.readVarString();
          this.skipAny(depth + 1);
        }
        return;
      }
      case ANY.array: {
        const n = this.readCount('array length');
        for (let i = 0; i < n; i++) this.skipAny(depth + 1);
        return;
      }
      case ANY.bytes:
        this.readVarBytes();
        return;
      default:
        return this.fail(`unknown value tag ${tag}`);
    }
  }

  /** Reads a lib0 `writeAny` value that must be a plain object (a sub-document's options). */
  readAnyObject(): void {
    if (this.bytes[this.pos] !== ANY.object) this.fail('expected an object');
    this.skipAny();
  }
}

/**
 * Parses JSON nested at most MAX_VALUE_DEPTH deep, or throws through `fail`. The depth is
 * measured first, without recursion, so a hostile string cannot overflow the stack.
 */
export function parseJson(text: string, fail: () => never): unknown {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > MAX_VALUE_DEPTH) fail();
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return fail();
  }
}
