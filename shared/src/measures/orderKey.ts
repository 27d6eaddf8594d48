/**
 * Fractional order keys: strings that sort between their neighbours, so a row can be
 * inserted or moved by writing one key, without touching its siblings. Two users who insert
 * at the same spot at once would compute the same midpoint, so every generated key ends in
 * random digits; rows whose keys still tie are ordered by id, which keeps both rows and
 * gives every replica the same order.
 */

const DIGITS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const BASE = DIGITS.length;

export type RandomSource = () => number;

function digitAt(key: string, index: number): number {
  const char = key[index];
  if (char === undefined) return 0;
  const value = DIGITS.indexOf(char);
  if (value < 0) throw new Error(`invalid order key character ${JSON.stringify(char)}`);
  return value;
}

function randomDigit(low: number, high: number, random: RandomSource): string {
  // A digit strictly between low and high; callers guarantee high - low > 1.
  const span = high - low - 1;
  const draw = random();
  const offset = Number.isFinite(draw) ? Math.floor(Math.abs(draw) * span) : 0;
  return DIGITS[low + 1 + Math.min(span - 1, offset)]!;
}

function randomTail(random: RandomSource): string {
  // Non-zero digits, so the key never ends in 0 and a key can always be found before it.
  return randomDigit(0, BASE, random) + randomDigit(0, BASE, random);
}

/**
 * A key strictly between `before` and `after` (null: open end). Keys are compared as plain
 * strings (`a < b`), which is how every reader must sort them.
 */
export function keyBetween(
  before: string | null,
  after: string | null,
  random: RandomSource = Math.random,
): string {
  const low = before ?? '';
  if (after !== null && low >= after) {
    throw new Error(`order keys out of order: ${JSON.stringify(before)} >= ${JSON.stringify(after)}`);
  }
  let prefix = '';
  for (let i = 0; ; i++) {
    const lowDigit = digitAt(low, i);
    const highDigit = after === null || i >= after.length ? BASE : digitAt(after, i);
    if (after !== null && i >= after.length) {
      // `after` is a prefix of `low` padded with zeros; cannot happen for valid keys.
      throw new Error('order key has trailing zeros');
    }
    if (highDigit - lowDigit > 1) {
      return prefix + randomDigit(lowDigit, highDigit, random) + randomTail(random);
    }
    if (highDigit - lowDigit === 1) {
      // No room at this digit: keep low's digit and go on with no upper bound below it.
      prefix += DIGITS[lowDigit];
      return prefix + keyAfter(low.slice(i + 1), random);
    }
    prefix += DIGITS[lowDigit];
  }
}

function keyAfter(low: string, random: RandomSource): string {
  let prefix = '';
  for (let i = 0; ; i++) {
    const lowDigit = digitAt(low, i);
    // Stay close to the low end: appending row after row then uses the key space slowly.
    if (BASE - lowDigit > 1) {
      return prefix + randomDigit(lowDigit, Math.min(BASE, lowDigit + 4), random) + randomTail(random);
    }
    prefix += DIGITS[lowDigit];
  }
}

/**
 * `count` keys in increasing order, all strictly between `before` and `after`. Bisecting
 * (rather than appending one after another) keeps keys short for large imports.
 */
export function keysBetween(
  before: string | null,
  after: string | null,
  count: number,
  random: RandomSource = Math.random,
): string[] {
  if (count <= 0) return [];
  const middle = keyBetween(before, after, random);
  const left = Math.floor((count - 1) / 2);
  return [
    ...keysBetween(before, middle, left, random),
    middle,
    ...keysBetween(middle, after, count - 1 - left, random),
  ];
}

export function isOrderKey(value: unknown): value is string {
  return (
    typeof value === 'string' &&
    value.length > 0 &&
    value.length <= 400 &&
    [...value].every((char) => DIGITS.includes(char)) &&
    !value.endsWith('0')
  );
}

/** Sorts by key, then by id, so equal keys from concurrent inserts still order the same everywhere. */
export function compareByKey(a: { key: string; id: string }, b: { key: string; id: string }): number {
  if (a.key !== b.key) return a.key < b.key ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
