import type { ProseNode } from './canonical';
import { commonSubsequence, internKeys } from './lcs';
import { flattenProse, type ProseBlock } from './proseBlocks';
import { type DiffSegment, diffText, interleave, newSide, oldSide } from './textDiff';

export { TABLE_CELL_SEPARATOR, flattenProse, type ProseBlock, type ProseBlockType } from './proseBlocks';
export { diffText, tokenize, type DiffSegment } from './textDiff';

/**
 * The prose half of a 新旧対照表: 現行 (old) on the left, 改定案 (new) on the right, one row
 * per block. Blocks are aligned by their text; a block edited in place is one `changed` row
 * with the edit marked inside it, and a block moved elsewhere shows as removed here and
 * added there (a council reads a move as exactly that).
 */

/** One side of a row: the block and its text cut into marked segments. */
export type ProseDiffSide = ProseBlock & { segments: DiffSegment[] };

export type ProseDiffRow = {
  kind: 'same' | 'changed' | 'added' | 'removed';
  /** Equal and delete segments; null for an added block. */
  old: ProseDiffSide | null;
  /** Equal and insert segments; null for a removed block. */
  new: ProseDiffSide | null;
};

/** Blocks at least this alike (0 to 1) are shown as one edited block, not a removal and an addition. */
export const CHANGED_BLOCK_SIMILARITY = 0.4;

/** Beyond this many candidate pairs in one stretch of unmatched blocks, pair them greedily. */
const PAIRING_LIMIT = 40_000;
const GREEDY_WINDOW = 8;

/** Text as compared for alignment: width-folded, whitespace collapsed. */
function normalise(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, ' ').trim();
}

function blockKey(block: ProseBlock): string {
  return `${block.blockType}\u0000${block.level ?? ''}\u0000${normalise(block.text)}`;
}

/** Character-bigram counts of a block's text, with its ends marked so one character still counts. */
function bigrams(text: string): Map<string, number> {
  const chars = ['\u0002', ...normalise(text), '\u0003'];
  const counts = new Map<string, number>();
  for (let k = 0; k + 1 < chars.length; k++) {
    const gram = chars[k]! + chars[k + 1]!;
    counts.set(gram, (counts.get(gram) ?? 0) + 1);
  }
  return counts;
}

/** Dice coefficient of two bigram multisets: 1 for the same text, 0 for nothing in common. */
function similarity(a: Map<string, number>, b: Map<string, number>): number {
  let sizeA = 0;
  let sizeB = 0;
  for (const count of a.values()) sizeA += count;
  for (const count of b.values()) sizeB += count;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const [gram, count] of small) shared += Math.min(count, large.get(gram) ?? 0);
  return sizeA + sizeB === 0 ? 1 : (2 * shared) / (sizeA + sizeB);
}

/** Old and new block indices paired as one block: equal text first, then similar text. */
type Pairing = Array<readonly [oldIndex: number, newIndex: number]>;

function pairBlocks(oldBlocks: readonly ProseBlock[], newBlocks: readonly ProseBlock[]): Pairing {
  const [ka, kb] = internKeys(oldBlocks.map(blockKey), newBlocks.map(blockKey));
  const exact = commonSubsequence(ka, kb);
  const grams = new Map<ProseBlock, Map<string, number>>();
  const gramsOf = (block: ProseBlock) => {
    let counts = grams.get(block);
    if (!counts) grams.set(block, (counts = bigrams(block.text)));
    return counts;
  };
  const score = (i: number, j: number): number => {
    const a = oldBlocks[i]!;
    const b = newBlocks[j]!;
    if (a.blockType !== b.blockType) return 0;
    const s = similarity(gramsOf(a), gramsOf(b));
    return s >= CHANGED_BLOCK_SIMILARITY ? s : 0;
  };

  const pairs: Pairing = [];
  let i = 0;
  let j = 0;
  for (const match of [...exact, [oldBlocks.length, newBlocks.length] as const]) {
    const [mi, mj] = match;
    pairs.push(...pairGap(i, mi, j, mj, score));
    if (mi < oldBlocks.length) pairs.push(match);
    i = mi + 1;
    j = mj + 1;
  }
  return pairs;
}

/**
 * Pairs up the unmatched blocks between two exact matches, keeping order, so that the
 * total similarity is as high as it can be (a weighted LCS over the gap).
 */
function pairGap(aLo: number, aHi: number, bLo: number, bHi: number, score: (i: number, j: number) => number): Pairing {
  const n = aHi - aLo;
  const m = bHi - bLo;
  if (n === 0 || m === 0) return [];
  if (n * m > PAIRING_LIMIT) return pairGreedily(aLo, aHi, bLo, bHi, score);
  const scores = new Float64Array(n * m);
  const best = new Float64Array((n + 1) * (m + 1));
  const width = m + 1;
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      const s = score(aLo + i, bLo + j);
      scores[i * m + j] = s;
      const skip = Math.max(best[(i + 1) * width + j]!, best[i * width + j + 1]!);
      best[i * width + j] = s > 0 ? Math.max(skip, s + best[(i + 1) * width + j + 1]!) : skip;
    }
  }
  const pairs: Pairing = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    const s = scores[i * m + j]!;
    if (s > 0 && best[i * width + j] === s + best[(i + 1) * width + j + 1]!) {
      pairs.push([aLo + i, bLo + j]);
      i++;
      j++;
    } else if (best[(i + 1) * width + j]! >= best[i * width + j + 1]!) i++;
    else j++;
  }
  return pairs;
}

/** For very long stretches: each old block takes the first similar new block a few places ahead. */
function pairGreedily(aLo: number, aHi: number, bLo: number, bHi: number, score: (i: number, j: number) => number): Pairing {
  const pairs: Pairing = [];
  let j = bLo;
  for (let i = aLo; i < aHi && j < bHi; i++) {
    for (let k = j; k < Math.min(bHi, j + GREEDY_WINDOW); k++) {
      if (score(i, k) > 0) {
        pairs.push([i, k]);
        j = k + 1;
        break;
      }
    }
  }
  return pairs;
}

function side(block: ProseBlock, segments: DiffSegment[]): ProseDiffSide {
  return { ...block, segments };
}

function whole(kind: DiffSegment['kind'], text: string): DiffSegment[] {
  return text === '' ? [] : [{ kind, text }];
}

function sameBlock(a: ProseBlock, b: ProseBlock): boolean {
  return a.text === b.text && a.blockType === b.blockType && a.level === b.level;
}

/** The 新旧対照表 of two prose documents, in reading order; removals come before additions at one place. */
export function diffProse(oldDoc: ProseNode, newDoc: ProseNode): ProseDiffRow[] {
  const oldBlocks = flattenProse(oldDoc);
  const newBlocks = flattenProse(newDoc);
  const rows: ProseDiffRow[] = [];
  let i = 0;
  let j = 0;
  const flushUntil = (oi: number, nj: number) => {
    for (; i < oi; i++) rows.push({ kind: 'removed', old: side(oldBlocks[i]!, whole('delete', oldBlocks[i]!.text)), new: null });
    for (; j < nj; j++) rows.push({ kind: 'added', old: null, new: side(newBlocks[j]!, whole('insert', newBlocks[j]!.text)) });
  };
  for (const [oi, nj] of pairBlocks(oldBlocks, newBlocks)) {
    flushUntil(oi, nj);
    const a = oldBlocks[oi]!;
    const b = newBlocks[nj]!;
    if (sameBlock(a, b)) {
      rows.push({ kind: 'same', old: side(a, whole('equal', a.text)), new: side(b, whole('equal', b.text)) });
    } else {
      const segments = diffText(a.text, b.text);
      rows.push({ kind: 'changed', old: side(a, oldSide(segments)), new: side(b, newSide(segments)) });
    }
    i = oi + 1;
    j = nj + 1;
  }
  flushUntil(oldBlocks.length, newBlocks.length);
  return rows;
}

/** A row as one run of text with deletions and insertions marked in place, for the inline view. */
export function inlineSegments(row: ProseDiffRow): DiffSegment[] {
  return interleave(row.old?.segments ?? [], row.new?.segments ?? []);
}
