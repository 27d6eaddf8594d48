/**
 * lib0's variable-length encoding, the little of it the load clients need (lib0 is not a
 * direct dependency of the tests package): unsigned integers in 7-bit groups, low first,
 * the high bit set on all but the last; strings and byte arrays prefixed by their length.
 */
const utf8 = new TextEncoder();

export class FrameWriter {
  private readonly parts: Uint8Array[] = [];
  private small: number[] = [];
  private length = 0;

  varUint(n: number): void {
    while (n > 0x7f) {
      this.small.push(0x80 | (n & 0x7f));
      n = Math.floor(n / 128);
    }
    this.small.push(n);
  }

  bytes(b: Uint8Array): void {
    this.flushSmall();
    this.parts.push(b);
    this.length += b.length;
  }

  varBytes(b: Uint8Array): void {
    this.varUint(b.length);
    this.bytes(b);
  }

  varString(s: string): void {
    this.varBytes(utf8.encode(s));
  }

  private flushSmall(): void {
    if (this.small.length === 0) return;
    this.parts.push(Uint8Array.from(this.small));
    this.length += this.small.length;
    this.small = [];
  }

  done(): Uint8Array {
    this.flushSmall();
    const out = new Uint8Array(this.length);
    let at = 0;
    for (const p of this.parts) {
      out.set(p, at);
      at += p.length;
    }
    return out;
  }
}

export function varString(s: string): Uint8Array {
  const w = new FrameWriter();
  w.varString(s);
  return w.done();
}

/** Reads an unsigned varint at `pos`: its value and the position after it. */
export function readVarUint(b: Uint8Array, pos: number): { value: number; next: number } {
  let value = 0;
  let mult = 1;
  for (;;) {
    const byte = b[pos++];
    if (byte === undefined) throw new Error('truncated varint');
    value += (byte & 0x7f) * mult;
    if (byte < 0x80) return { value, next: pos };
    mult *= 128;
  }
}

/** The length-prefixed bytes at `pos` (a view, not a copy). */
export function readVarBytes(b: Uint8Array, pos: number): Uint8Array {
  const { value, next } = readVarUint(b, pos);
  if (next + value > b.length) throw new Error('truncated bytes');
  return b.subarray(next, next + value);
}
