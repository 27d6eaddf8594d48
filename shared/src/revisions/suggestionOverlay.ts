import { replaceMarkers } from '../editor/suggestions/names';
import type { ProseNode } from './canonical';
import { type ProseBlock, type ProseDiffRow, flattenProse } from './proseDiff';
import { type FormatProposal, STRUCTURE_SYMBOLS, type TextSuggestion, formatProposals, markerFree, textSuggestion } from './suggestionText';
import type { DiffSegment } from './textDiff';

/**
 * The 新旧対照表 with the newer side's pending suggestions shown as 見え消し. The table itself
 * compares clean texts (each side as if its suggestions were rejected: they are not yet the
 * plan's wording); this lays the suggestions of the newer side over its column afterwards, so
 * a reader sees 「支援を~~拡充~~__強化__する」 where the council has a proposal pending, and
 * the comparison with the older side is unchanged.
 *
 * The newer side's blocks are read with their marks by flattenProse itself, so a block is cut
 * exactly as the table cuts it: each text node's characters are swapped for a private-use code
 * point naming the node (one per UTF-16 unit, planes 15–16), and read back after flattening.
 *
 * A proposed block change is shown by its symbol (¶ a new paragraph, ↵ a line break, ↰ a join,
 * → a retyping) with `suggestion.structure` saying which, never by its marker character; text
 * with proposed formatting carries the proposals in `formats`.
 */

type Piece = { text: string; suggestion: TextSuggestion | null; formats: FormatProposal[] };
type Char = { ch: string; suggestion: TextSuggestion | null; formats: FormatProposal[] };

/** A text node's text as the overlay shows it: a marker as its change's symbol, a stray marker character as a plain reader reads it. */
function shownText(text: string, suggestion: TextSuggestion | null): string {
  const structure = suggestion?.structure;
  if (structure) return replaceMarkers(text, STRUCTURE_SYMBOLS[structure.op]);
  return markerFree(text);
}

const PLANE = 0xfffe; // code points per private-use plane, without its two noncharacters
const MAX_PIECES = 2 * PLANE;
const codeOf = (k: number) => (k < PLANE ? 0xf0000 + k : 0x100000 + (k - PLANE));
const pieceOf = (cp: number) => (cp >= 0x100000 ? PLANE + (cp - 0x100000) : cp - 0xf0000);

/** The document with each text node's text replaced by its piece's code; null when it has too many text nodes to name. */
function encoded(doc: ProseNode, pieces: Piece[]): ProseNode | null {
  let tooMany = false;
  const visit = (node: ProseNode): ProseNode => {
    const suggestion = textSuggestion(node.marks);
    const isText = node.type === 'text';
    // A proposed line break (or its removal) is read as text, so its mark is seen; flattenProse reads both as '\n'.
    const formats = formatProposals(node.marks);
    if (isText || (node.type === 'hardBreak' && suggestion)) {
      const text = isText ? shownText(node.text ?? '', suggestion) : '\n';
      if (pieces.length >= MAX_PIECES) tooMany = true;
      const code = String.fromCodePoint(codeOf(pieces.length));
      pieces.push({ text, suggestion, formats });
      return { type: 'text', text: code.repeat(text.length) };
    }
    return node.content ? { ...node, content: node.content.map(visit) } : node;
  };
  const out = visit(doc);
  return tooMany ? null : out;
}

/** An encoded block text read back as characters with their suggestions (cursors: how far each piece has been read). */
function decode(text: string, pieces: readonly Piece[], cursors: Map<number, number>): Char[] {
  const out: Char[] = [];
  for (const char of text) {
    const cp = char.codePointAt(0)!;
    if (cp < 0xf0000) {
      out.push({ ch: char, suggestion: null, formats: [] });
      continue;
    }
    const k = pieceOf(cp);
    const at = cursors.get(k) ?? 0;
    cursors.set(k, at + 1);
    out.push({ ch: pieces[k]!.text[at] ?? '', suggestion: pieces[k]!.suggestion, formats: pieces[k]!.formats });
  }
  return out;
}

const textOf = (chars: readonly Char[]) => chars.map((c) => c.ch).join('');

const sameFormats = (a: readonly FormatProposal[] | undefined, b: readonly FormatProposal[]) =>
  (a?.length ?? 0) === b.length && b.every((f, k) => a![k]!.id === f.id && a![k]!.mark === f.mark && a![k]!.action === f.action);

/** Neighbouring characters of one kind, one suggestion and the same formatting proposals as one segment. */
function segmentsOf(chars: ReadonlyArray<{ ch: string; kind: DiffSegment['kind']; suggestion: TextSuggestion | null; formats: FormatProposal[] }>): DiffSegment[] {
  const out: DiffSegment[] = [];
  for (const { ch, kind, suggestion, formats } of chars) {
    const last = out[out.length - 1];
    if (
      last &&
      last.kind === kind &&
      last.suggestion?.id === suggestion?.id &&
      last.suggestion?.kind === suggestion?.kind &&
      last.suggestion?.structure?.op === suggestion?.structure?.op &&
      sameFormats(last.formats, formats)
    )
      last.text += ch;
    else out.push({ kind, text: ch, ...(suggestion ? { suggestion } : {}), ...(formats.length > 0 ? { formats } : {}) });
  }
  return out;
}

/** Each UTF-16 unit of a side's text with the kind of segment it is in. */
function kindsOf(segments: readonly DiffSegment[]): Array<DiffSegment['kind']> {
  return segments.flatMap((segment) => Array.from({ length: segment.text.length }, () => segment.kind));
}

type MarkupBlock = { block: ProseBlock; chars: Char[]; cells: Char[][] | null; clean: string };

/**
 * `rows` (the table of the two clean sides) with the pending suggestions of `newerMarkup` (the
 * newer side as stored) shown in its column: proposed text as an insertion carrying
 * `suggestion`, text proposed for removal keeping its kind and carrying `suggestion`. A row
 * whose only change is a pending suggestion becomes `changed`, so a folded view shows it; a
 * block that is nothing but proposed text is an added row. When the sides cannot be matched
 * (which would mean the rows were not made from this document), the rows come back as they were.
 */
export function overlaySuggestions(rows: readonly ProseDiffRow[], newerMarkup: ProseNode): ProseDiffRow[] {
  const pieces: Piece[] = [];
  const doc = encoded(newerMarkup, pieces);
  if (!doc || !pieces.some((p) => p.suggestion || p.formats.length > 0)) return [...rows];
  const cursors = new Map<number, number>();
  const blocks: MarkupBlock[] = [];
  for (const block of flattenProse(doc)) {
    const before = new Map(cursors);
    const chars = decode(block.text, pieces, cursors);
    // flattenProse drops blocks with no words; judged on the encoded text, it keeps too many.
    if (textOf(chars).trim() === '') continue;
    const cells = block.cells ? block.cells.map((cell) => decode(cell, pieces, before)) : null;
    blocks.push({ block, chars, cells, clean: textOf(chars.filter((c) => c.suggestion?.kind !== 'insert')) });
  }
  const out: ProseDiffRow[] = [];
  let next = 0;
  const addedOnly = (m: MarkupBlock): ProseDiffRow => ({
    kind: 'added',
    old: null,
    new: {
      ...m.block,
      text: textOf(m.chars),
      ...(m.cells ? { cells: m.cells.map(textOf) } : {}),
      segments: segmentsOf(m.chars.map((c) => ({ ...c, kind: 'insert' as const }))),
    },
  });
  for (const row of rows) {
    if (!row.new) {
      out.push(row);
      continue;
    }
    // Blocks of proposed text only have no clean counterpart: they stand before the next that has.
    while (next < blocks.length && blocks[next]!.clean.trim() === '') out.push(addedOnly(blocks[next++]!));
    const m = blocks[next++];
    if (!m || m.clean !== row.new.text) return [...rows];
    if (!m.chars.some((c) => c.suggestion || c.formats.length > 0)) {
      out.push(row);
      continue;
    }
    const kinds = kindsOf(row.new.segments);
    let p = 0;
    const chars = m.chars.map((c) => ({ ...c, kind: c.suggestion?.kind === 'insert' ? ('insert' as const) : (kinds[p++] ?? 'equal') }));
    out.push({ ...row, kind: row.kind === 'same' ? 'changed' : row.kind, new: { ...row.new, segments: segmentsOf(chars) } });
  }
  while (next < blocks.length) {
    const m = blocks[next++]!;
    if (m.clean.trim() !== '') return [...rows];
    out.push(addedOnly(m));
  }
  return out;
}

/** The authors of the suggestions shown in the rows, in order of appearance (the legend's order). */
export function overlaidAuthorIds(rows: readonly ProseDiffRow[]): string[] {
  const seen = new Set<string>();
  for (const row of rows) {
    for (const segment of row.new?.segments ?? []) {
      if (segment.suggestion) seen.add(segment.suggestion.author);
      for (const format of segment.formats ?? []) seen.add(format.author);
    }
  }
  return [...seen];
}
