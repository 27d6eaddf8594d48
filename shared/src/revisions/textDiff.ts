import { EXACT_LIMIT, commonSubsequence, internKeys } from './lcs';
import type { FormatProposal, TextSuggestion } from './suggestionText';

/**
 * A run of text that is unchanged, only in the new text, or only in the old. With
 * `suggestion`, the run is also a pending suggestion of the new side (見え消し), shown only when
 * a 新旧対照表 is asked for them (suggestionOverlay.ts).
 */
export type DiffSegment = {
  kind: 'equal' | 'insert' | 'delete';
  text: string;
  suggestion?: TextSuggestion;
  /** Pending proposals to format this text (太字にする…), shown with the suggestions. */
  formats?: FormatProposal[];
};

const formatsKey = (formats: readonly FormatProposal[] | undefined) => (formats ?? []).map((f) => `${f.id}\u0000${f.mark}\u0000${f.action}`).join('\u0001');
/** Whether two runs show the same suggestion and the same formatting proposals, so they may be one run. */
const sameSuggestion = (a: DiffSegment, b: DiffSegment) =>
  a.suggestion?.id === b.suggestion?.id && a.suggestion?.kind === b.suggestion?.kind && a.suggestion?.structure?.op === b.suggestion?.structure?.op && formatsKey(a.formats) === formatsKey(b.formats);
const suggestionOf = (segment: DiffSegment | undefined) => ({
  ...(segment?.suggestion ? { suggestion: segment.suggestion } : {}),
  ...(segment?.formats?.length ? { formats: segment.formats } : {}),
});
const isOverlaid = (segment: DiffSegment) => segment.suggestion !== undefined || (segment.formats?.length ?? 0) > 0;

/**
 * Tokens for comparing Japanese plan text. Japanese has no spaces, so every character of
 * it is a token of its own; a number is one token (`2,000` → `2,500` is a new figure, not
 * a changed digit) and so is a Latin word, while `令和7年度` → `令和8年度` still marks only
 * the `7`. Full-width digits and letters count as digits and letters.
 */
const TOKEN =
  /[0-9０-９]+(?:[,，][0-9０-９]{3}(?![0-9０-９]))*(?:[.．][0-9０-９]+)?|[A-Za-zＡ-Ｚａ-ｚ]+|\s+|[\s\S]/gu;

/** `text` cut into those tokens; joined, they give `text` back. */
export function tokenize(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

/** Sentence-sized pieces (each keeps its 。 or line break), for the coarse pass over long text. */
const SENTENCE = /[^。．！？!?\n]*(?:[。．！？!?]+|\n|$)/gu;

function sentences(text: string): string[] {
  return (text.match(SENTENCE) ?? []).filter((piece) => piece !== '');
}

/**
 * The edit from `oldText` to `newText` as one sequence of segments in reading order,
 * deletions before insertions where both happen at one place. Joining the equal and delete
 * segments gives `oldText`; joining the equal and insert segments gives `newText`.
 */
export function diffText(oldText: string, newText: string): DiffSegment[] {
  // Most edits touch a little of a long text: cut the common ends off before tokenizing.
  const limit = Math.min(oldText.length, newText.length);
  let start = 0;
  while (start < limit && oldText.charCodeAt(start) === newText.charCodeAt(start)) start++;
  // Cut only where a token ends in both texts whatever follows: after a character that is
  // always a token of its own, and before one.
  while (start > 0 && !isLoneToken(oldText, start - 1)) start--;
  let end = 0;
  while (end < limit - start && oldText.charCodeAt(oldText.length - 1 - end) === newText.charCodeAt(newText.length - 1 - end)) end++;
  while (end > 0 && !isLoneToken(oldText, oldText.length - end)) end--;

  const out: DiffSegment[] = [{ kind: 'equal', text: oldText.slice(0, start) }];
  diffInto(tokenize(oldText.slice(start, oldText.length - end)), tokenize(newText.slice(start, newText.length - end)), out, true);
  out.push({ kind: 'equal', text: oldText.slice(oldText.length - end) });
  return cleanupSemantic(merge(out));
}

/** Characters that may belong to a token of more than one: digits, Latin letters, separators, spaces. */
const JOINING = /[0-9０-９A-Za-zＡ-Ｚａ-ｚ,，.．\s]/;

/** Whether `text[at]` is a whole code point that can only ever be a token by itself (a kana, a kanji, 、). */
function isLoneToken(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  return !(code >= 0xd800 && code <= 0xdfff) && !JOINING.test(text[at]!);
}

function diffInto(a: string[], b: string[], out: DiffSegment[], coarseAllowed: boolean): void {
  if (coarseAllowed && a.length * b.length > EXACT_LIMIT) {
    // Long text: match whole sentences first, then compare tokens inside what differs.
    const sa = sentences(a.join(''));
    const sb = sentences(b.join(''));
    if (sa.length > 1 || sb.length > 1) {
      walk(sa, sb, out, (ga, gb) => diffInto(tokenize(ga.join('')), tokenize(gb.join('')), out, false));
      return;
    }
  }
  walk(a, b, out, (ga, gb) => {
    if (ga.length > 0) out.push({ kind: 'delete', text: ga.join('') });
    if (gb.length > 0) out.push({ kind: 'insert', text: gb.join('') });
  });
}

/** Emits the common pieces as equal and hands every gap between them to `gap`. */
function walk(a: string[], b: string[], out: DiffSegment[], gap: (a: string[], b: string[]) => void): void {
  const [ka, kb] = internKeys(a, b);
  let i = 0;
  let j = 0;
  for (const [mi, mj] of commonSubsequence(ka, kb)) {
    if (mi > i || mj > j) gap(a.slice(i, mi), b.slice(j, mj));
    out.push({ kind: 'equal', text: a[mi]! });
    i = mi + 1;
    j = mj + 1;
  }
  if (i < a.length || j < b.length) gap(a.slice(i), b.slice(j));
}

/** Joins neighbours of one kind and orders each change as deletions, then insertions. */
function merge(segments: readonly DiffSegment[]): DiffSegment[] {
  const out: DiffSegment[] = [];
  let del = '';
  let ins = '';
  const flush = () => {
    if (del !== '') out.push({ kind: 'delete', text: del });
    if (ins !== '') out.push({ kind: 'insert', text: ins });
    del = '';
    ins = '';
  };
  for (const segment of segments) {
    if (segment.text === '') continue;
    if (isOverlaid(segment)) {
      // A suggestion keeps its place and its own run: it joins only more of itself.
      flush();
      const last = out[out.length - 1];
      if (last && last.kind === segment.kind && sameSuggestion(last, segment)) last.text += segment.text;
      else out.push({ ...segment });
    } else if (segment.kind === 'delete') del += segment.text;
    else if (segment.kind === 'insert') ins += segment.text;
    else {
      flush();
      const last = out[out.length - 1];
      if (last?.kind === 'equal' && !isOverlaid(last)) last.text += segment.text;
      else out.push({ ...segment });
    }
  }
  flush();
  return out;
}

/**
 * A rewritten sentence shares stray characters (の, を, 、) with the old one; marking each as
 * unchanged chops the change into confetti. An equal run no longer than the change on either
 * side of it is folded into the change, as diff-match-patch's semantic cleanup does.
 */
function cleanupSemantic(segments: DiffSegment[]): DiffSegment[] {
  let current = segments;
  // Folding one equality can make the next one foldable; a few passes settle it.
  for (let pass = 0; pass < 8; pass++) {
    let folded = false;
    const next: DiffSegment[] = [];
    let deleted = 0;
    let inserted = 0;
    for (let k = 0; k < current.length; k++) {
      const segment = current[k]!;
      const length = codePoints(segment.text);
      next.push(segment);
      if (segment.kind === 'delete') deleted += length;
      else if (segment.kind === 'insert') inserted += length;
      else {
        const before = Math.max(deleted, inserted);
        const after = changeAfter(current, k + 1);
        if (before > 0 && after > 0 && length <= before && length <= after) {
          next.splice(-1, 1, { kind: 'delete', text: segment.text }, { kind: 'insert', text: segment.text });
          deleted += length;
          inserted += length;
          folded = true;
        } else {
          deleted = 0;
          inserted = 0;
        }
      }
    }
    current = merge(next);
    if (!folded) break;
  }
  return current;
}

/** The larger of the deleted and inserted lengths of the change starting at `from`. */
function changeAfter(segments: readonly DiffSegment[], from: number): number {
  let deleted = 0;
  let inserted = 0;
  for (let k = from; k < segments.length && segments[k]!.kind !== 'equal'; k++) {
    const segment = segments[k]!;
    if (segment.kind === 'delete') deleted += codePoints(segment.text);
    else inserted += codePoints(segment.text);
  }
  return Math.max(deleted, inserted);
}

function codePoints(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}

/** The old side of a diff (equal and delete), merged. */
export function oldSide(segments: readonly DiffSegment[]): DiffSegment[] {
  return merge(segments.filter((segment) => segment.kind !== 'insert'));
}

/** The new side of a diff (equal and insert), merged. */
export function newSide(segments: readonly DiffSegment[]): DiffSegment[] {
  return merge(segments.filter((segment) => segment.kind !== 'delete'));
}

/**
 * Interleaves an old side and a new side back into one reading-order sequence. Both sides
 * hold the same unchanged text, possibly split differently, so it is consumed from both at
 * once, up to whichever piece ends first.
 */
export function interleave(oldSegments: readonly DiffSegment[], newSegments: readonly DiffSegment[]): DiffSegment[] {
  const out: DiffSegment[] = [];
  let o = 0;
  let n = 0;
  let oOffset = 0;
  let nOffset = 0;
  while (o < oldSegments.length || n < newSegments.length) {
    const os = oldSegments[o];
    const ns = newSegments[n];
    if (os !== undefined && os.kind !== 'equal') {
      out.push({ kind: 'delete', text: os.text.slice(oOffset) });
      o++;
      oOffset = 0;
    } else if (ns !== undefined && ns.kind !== 'equal') {
      out.push({ kind: 'insert', text: ns.text.slice(nOffset), ...suggestionOf(ns) });
      n++;
      nOffset = 0;
    } else if (os !== undefined && ns !== undefined) {
      const take = Math.min(os.text.length - oOffset, ns.text.length - nOffset);
      out.push({ kind: 'equal', text: os.text.slice(oOffset, oOffset + take), ...suggestionOf(ns) });
      oOffset += take;
      nOffset += take;
      if (oOffset === os.text.length) [o, oOffset] = [o + 1, 0];
      if (nOffset === ns.text.length) [n, nOffset] = [n + 1, 0];
    } else {
      // Only one side has unchanged text left: the sides were not from one diff.
      const rest = (os ?? ns)!;
      out.push({ kind: os ? 'delete' : 'insert', text: rest.text.slice(os ? oOffset : nOffset), ...(os ? {} : suggestionOf(ns)) });
      if (os) [o, oOffset] = [o + 1, 0];
      else [n, nOffset] = [n + 1, 0];
    }
  }
  return merge(out);
}
