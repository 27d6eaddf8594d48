/**
 * Find-and-replace matching, free of ProseMirror: text in, ranges out, so that Japanese
 * folding rules can be tested on strings.
 *
 * Folding is done one source character at a time and remembers where each folded piece came
 * from, so a match in the folded text maps back to exact offsets in the original text.
 */

export interface SearchOptions {
  /** 大文字と小文字を区別する (off: "abc" finds "ABC"). */
  caseSensitive: boolean;
  /** 全角と半角を区別する (off: "ABC" finds "ＡＢＣ", 「ｶﾞｲﾄﾞ」 finds 「ガイド」). */
  widthSensitive: boolean;
}

export const DEFAULT_SEARCH_OPTIONS: SearchOptions = { caseSensitive: false, widthSensitive: false };

/** A match as offsets into the searched string: [start, end). */
export interface TextMatch {
  start: number;
  end: number;
}

interface Folded {
  text: string;
  /** Per folded code unit, the offset of the source character it came from. */
  source: number[];
  /** Per folded code unit, the offset just after that source character. */
  sourceEnd: number[];
  /** Per folded code unit, whether it opens the piece of its source character. */
  pieceStart: boolean[];
}

const COMBINING_MARK = /\p{M}/u;

/**
 * Full-width ASCII (Ａ, １, ！), the ideographic space and half-width katakana (ｶ, ﾞ): the
 * characters a 全角/半角-blind search treats as their other form. Deliberately not all of
 * NFKC: ① is not 1 and ㈱ is not (株) in a plan whose numbering styles are data.
 */
function isWidthVariant(code: number): boolean {
  return (code >= 0xff01 && code <= 0xff5e) || code === 0x3000 || (code >= 0xff61 && code <= 0xff9f);
}

function foldChar(char: string, options: SearchOptions): string {
  const code = char.codePointAt(0)!;
  let out = !options.widthSensitive && isWidthVariant(code) ? char.normalize('NFKD') : char;
  // Canonical decomposition on both sides, so ガ (one code point) meets ｶﾞ (カ + combining ゛).
  out = out.normalize('NFD');
  if (!options.caseSensitive) out = out.toLowerCase();
  return out;
}

function fold(text: string, options: SearchOptions): Folded {
  const folded: Folded = { text: '', source: [], sourceEnd: [], pieceStart: [] };
  const pieces: string[] = [];
  let offset = 0;
  for (const char of text) {
    const piece = foldChar(char, options);
    pieces.push(piece);
    for (let i = 0; i < piece.length; i++) {
      folded.source.push(offset);
      folded.sourceEnd.push(offset + char.length);
      folded.pieceStart.push(i === 0);
    }
    offset += char.length;
  }
  folded.text = pieces.join('');
  return folded;
}

/** The query as it is matched: folded like the text. Empty when there is nothing to find. */
export function foldQuery(query: string, options: SearchOptions): string {
  return fold(query, options).text;
}

/**
 * Every non-overlapping occurrence of `query` in `text`, left to right. A match never starts
 * or ends inside a character (a half-width ｶ followed by ﾞ is ガ, not カ), and never
 * stops just before a combining mark.
 */
export function findInText(text: string, query: string, options: SearchOptions = DEFAULT_SEARCH_OPTIONS): TextMatch[] {
  const needle = foldQuery(query, options);
  if (needle.length === 0 || text.length === 0) return [];
  const hay = fold(text, options);
  const matches: TextMatch[] = [];
  let from = 0;
  for (;;) {
    const at = hay.text.indexOf(needle, from);
    if (at < 0) break;
    const end = at + needle.length;
    const aligned = hay.pieceStart[at] && (end === hay.text.length || hay.pieceStart[end]);
    const cutsMark = end < hay.text.length && COMBINING_MARK.test(hay.text[end]!);
    if (aligned && !cutsMark) {
      matches.push({ start: hay.source[at]!, end: hay.sourceEnd[end - 1]! });
      from = end;
    } else {
      from = at + 1;
    }
  }
  return matches;
}

/** The index of the first match at or after `position`, wrapping to the first; -1 when none. */
export function matchIndexFrom<T extends { from: number }>(matches: readonly T[], position: number): number {
  if (matches.length === 0) return -1;
  const index = matches.findIndex((m) => m.from >= position);
  return index < 0 ? 0 : index;
}
