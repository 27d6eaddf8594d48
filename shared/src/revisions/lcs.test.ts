import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { commonSubsequence, type Match } from './lcs';

function lcsLength(a: Int32Array, b: Int32Array): number {
  const row = new Array<number>(b.length + 1).fill(0);
  for (const x of a) {
    let diagonal = 0;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!;
      row[j] = x === b[j - 1] ? diagonal + 1 : Math.max(above, row[j - 1]!);
      diagonal = above;
    }
  }
  return row[b.length]!;
}

function isCommonSubsequence(a: Int32Array, b: Int32Array, matches: readonly Match[]): boolean {
  return matches.every(([i, j], k) => {
    const previous = matches[k - 1];
    return a[i] === b[j] && (previous === undefined || (previous[0] < i && previous[1] < j));
  });
}

const sequence = fc.array(fc.integer({ min: 0, max: 5 }), { maxLength: 60 }).map((items) => Int32Array.from(items));

describe('commonSubsequence', () => {
  it('is a longest common subsequence when the problem is small', () => {
    fc.assert(
      fc.property(sequence, sequence, (a, b) => {
        const matches = commonSubsequence(a, b);
        expect(isCommonSubsequence(a, b, matches)).toBe(true);
        expect(matches).toHaveLength(lcsLength(a, b));
      }),
    );
  });

  it('is still a common subsequence when it has to split the problem coarsely', () => {
    fc.assert(
      fc.property(sequence, sequence, fc.integer({ min: 1, max: 30 }), (a, b, limit) => {
        expect(isCommonSubsequence(a, b, commonSubsequence(a, b, limit))).toBe(true);
      }),
    );
  });

  it('anchors on lines that occur once when the problem is large', () => {
    // Two long runs of repeated keys around a unique one; nothing exact fits the limit.
    const a = Int32Array.from([...Array(50).fill(1), 7, ...Array(50).fill(2)]);
    const b = Int32Array.from([...Array(40).fill(2), 7, ...Array(40).fill(1)]);
    const matches = commonSubsequence(a, b, 100);
    expect(matches).toContainEqual([50, 40]);
  });
});
