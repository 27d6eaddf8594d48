/**
 * Longest-common-subsequence matching of two sequences of keys, bounded so that a large
 * document cannot hang a request. Exact LCS (dynamic programming) where the sub-problem is
 * small enough; above that, patience matching on keys that occur once on each side, which
 * splits the problem into smaller ones, then exact LCS again inside them. Whatever is left
 * unsplittable and too large stays unmatched: the diff is coarser there, never wrong.
 */

/** Largest n × m solved exactly: 4 million cells, 8 MB of table, a few tens of ms. */
export const EXACT_LIMIT = 4_000_000;

/** Total elements the patience splitting may look at before giving up on finer matches. */
const SPLIT_BUDGET = 20_000_000;

/** Pairs (i, j) with a[i] === b[j], strictly increasing in both i and j. */
export type Match = readonly [i: number, j: number];

type Range = readonly [aLo: number, aHi: number, bLo: number, bHi: number];

/** Turns string keys into small integers, so comparing two is one machine compare. */
export function internKeys(a: readonly string[], b: readonly string[]): [Int32Array, Int32Array] {
  const ids = new Map<string, number>();
  const intern = (keys: readonly string[]) =>
    Int32Array.from(keys, (key) => {
      let id = ids.get(key);
      if (id === undefined) {
        id = ids.size;
        ids.set(key, id);
      }
      return id;
    });
  return [intern(a), intern(b)];
}

/** A common subsequence of `a` and `b`: the longest one when the input is small enough. */
export function commonSubsequence(a: Int32Array, b: Int32Array, limit = EXACT_LIMIT): Match[] {
  const matches: Match[] = [];
  const work: Range[] = [[0, a.length, 0, b.length]];
  let budget = SPLIT_BUDGET;
  while (work.length > 0) {
    let [aLo, aHi, bLo, bHi] = work.pop()!;
    while (aLo < aHi && bLo < bHi && a[aLo] === b[bLo]) matches.push([aLo++, bLo++]);
    while (aLo < aHi && bLo < bHi && a[aHi - 1] === b[bHi - 1]) matches.push([--aHi, --bHi]);
    const n = aHi - aLo;
    const m = bHi - bLo;
    if (n === 0 || m === 0) continue;
    if (n * m <= limit) {
      exact(a, b, [aLo, aHi, bLo, bHi], matches);
      continue;
    }
    budget -= n + m;
    if (budget < 0) continue;
    const anchors = uniqueAnchors(a, b, [aLo, aHi, bLo, bHi]);
    let [i, j] = [aLo, bLo];
    for (const [ai, bj] of anchors) {
      work.push([i, ai, j, bj]);
      matches.push([ai, bj]);
      [i, j] = [ai + 1, bj + 1];
    }
    if (anchors.length > 0) work.push([i, aHi, j, bHi]);
  }
  return matches.sort((x, y) => x[0] - y[0]);
}

/** Exact LCS by a suffix table; on ties the walk takes `a` first, so deletions lead. */
function exact(a: Int32Array, b: Int32Array, [aLo, aHi, bLo, bHi]: Range, out: Match[]): void {
  const n = aHi - aLo;
  const m = bHi - bLo;
  const width = m + 1;
  // An LCS is at most min(n, m) ≤ √limit long, far below 65 535.
  const table = new Uint16Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--) {
    const ai = a[aLo + i];
    for (let j = m - 1; j >= 0; j--) {
      table[i * width + j] =
        ai === b[bLo + j]
          ? table[(i + 1) * width + j + 1]! + 1
          : Math.max(table[(i + 1) * width + j]!, table[i * width + j + 1]!);
    }
  }
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[aLo + i] === b[bLo + j]) {
      out.push([aLo + i, bLo + j]);
      i++;
      j++;
    } else if (table[(i + 1) * width + j]! >= table[i * width + j + 1]!) i++;
    else j++;
  }
}

/**
 * Keys that occur exactly once in each range, kept in an order both sides agree on (the
 * longest increasing run of their positions in `b`): the anchors of patience diff.
 */
function uniqueAnchors(a: Int32Array, b: Int32Array, [aLo, aHi, bLo, bHi]: Range): Match[] {
  const count = (seq: Int32Array, lo: number, hi: number) => {
    const seen = new Map<number, number>();
    for (let k = lo; k < hi; k++) {
      const key = seq[k]!;
      // The position of a key seen once; -1 once it repeats.
      seen.set(key, seen.has(key) ? -1 : k);
    }
    return seen;
  };
  const inA = count(a, aLo, aHi);
  const inB = count(b, bLo, bHi);
  const candidates: Match[] = [];
  for (let k = aLo; k < aHi; k++) {
    const key = a[k]!;
    const j = inB.get(key);
    if (inA.get(key) === k && j !== undefined && j >= 0) candidates.push([k, j]);
  }
  return longestIncreasing(candidates);
}

/** Longest subsequence of `pairs` (already increasing in i) that is increasing in j. */
function longestIncreasing(pairs: Match[]): Match[] {
  const tails: number[] = [];
  const previous = new Int32Array(pairs.length).fill(-1);
  pairs.forEach(([, j], index) => {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (pairs[tails[mid]!]![1] < j) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) previous[index] = tails[lo - 1]!;
    tails[lo] = index;
  });
  const out: Match[] = [];
  for (let k = tails.length > 0 ? tails[tails.length - 1]! : -1; k >= 0; k = previous[k]!) out.push(pairs[k]!);
  return out.reverse();
}
