import {
  SUGGESTIBLE_BLOCKS,
  SUGGESTION_DELETE,
  SUGGESTION_FORMAT,
  SUGGESTION_INSERT,
  SUGGESTION_STRUCTURE,
  type StructureOp,
  isStructureOp,
  isSuggestibleFormat,
  isSuggestionMarkName,
} from '../editor/suggestions/names';
import type { ProseMark, ProseNode } from './canonical';

/**
 * Reading pending suggestions (見え消し) off stored prose JSON, for the renderers that show
 * them: the Word file's tracked changes, the print page and the 新旧対照表. The mark names
 * come from editor/suggestions/names.ts, which loads no editor, so this stays free of @tiptap
 * like the rest of the package root.
 */

/** A proposed change of blocks, as its marker's mark names it (editor/suggestions/marks.ts). */
export type StructureProposal = { op: StructureOp; block: string; level: number };

/**
 * The suggestion a piece of text belongs to, as shown: proposed text, or text proposed for
 * removal. With `structure`, the text is the marker of a proposed block change (a new
 * paragraph, a line break, a join, a retyping), which a renderer shows as that change, never
 * as the marker character itself.
 */
export type TextSuggestion = { kind: 'insert' | 'delete'; id: string; author: string; at: number; structure?: StructureProposal };

/** Proposed formatting of a piece of others' text: `mark` added or removed, by whom and when. */
export type FormatProposal = { id: string; author: string; at: number; mark: string; action: 'add' | 'remove' };

const attrsOf = (mark: ProseMark) => ({
  id: String(mark.attrs?.['id'] ?? ''),
  author: String(mark.attrs?.['author'] ?? ''),
  at: Number(mark.attrs?.['at']) || 0,
});

/**
 * The one suggestion a text node is shown as. Proposed text wins over a proposal to remove it
 * (someone striking another's proposed words is a proposal on a proposal: the words are still
 * only proposed); of two competing removals, the earlier one is shown, as Word keeps one
 * deletion per run.
 */
export function textSuggestion(marks: readonly ProseMark[] | undefined): TextSuggestion | null {
  if (!marks || marks.length === 0) return null;
  const insert = marks.find((mark) => mark.type === SUGGESTION_INSERT);
  if (insert) {
    const structure = structureProposal(marks);
    return structure ? { kind: 'insert', ...attrsOf(insert), structure } : { kind: 'insert', ...attrsOf(insert) };
  }
  let first: TextSuggestion | null = null;
  for (const mark of marks) {
    if (mark.type !== SUGGESTION_DELETE) continue;
    const attrs = attrsOf(mark);
    if (!first || attrs.at < first.at) first = { kind: 'delete', ...attrs };
  }
  return first;
}

type MarkAttrs = Readonly<Record<string, unknown>> | undefined;

/**
 * The block change a structure mark's attributes propose, held to what may be proposed: an
 * unknown op reads as a paragraph break and an unknown block type as none, as the editor
 * reads them; a heading's level is 1–6. The one reader of these attributes: the editor's
 * cards and decisions (editor/suggestions/model.ts) and every export read the same change.
 */
export function structureOfAttrs(attrs: MarkAttrs): StructureProposal {
  const op: StructureOp = isStructureOp(attrs?.['op']) ? attrs['op'] : 'split';
  const block = (SUGGESTIBLE_BLOCKS as readonly unknown[]).includes(attrs?.['block']) ? String(attrs!['block']) : '';
  const level = block === 'heading' ? Math.min(6, Math.max(1, Math.trunc(Number(attrs!['level'])) || 1)) : 0;
  return op === 'type' || op === 'split' ? { op, block, level } : { op, block: '', level: 0 };
}

/**
 * The formatting change a format mark's attributes propose. Only offered formats are ever
 * applied (decide.ts); another name is kept as proposed, cut to what a decision's record keeps.
 */
export function formatOfAttrs(attrs: MarkAttrs): Pick<FormatProposal, 'mark' | 'action'> {
  const raw = String(attrs?.['mark'] ?? '');
  return { mark: isSuggestibleFormat(raw) ? raw : raw.slice(0, 32), action: attrs?.['action'] === 'remove' ? 'remove' : 'add' };
}

/** The block change a marker's marks propose (structureOfAttrs), or null when none does. */
export function structureProposal(marks: readonly ProseMark[] | undefined): StructureProposal | null {
  const mark = marks?.find((m) => m.type === SUGGESTION_STRUCTURE);
  return mark ? structureOfAttrs(mark.attrs) : null;
}

/** Every formatting proposal on a piece of text, earliest first (two people may propose on the same words). */
export function formatProposals(marks: readonly ProseMark[] | undefined): FormatProposal[] {
  const out: FormatProposal[] = [];
  for (const mark of marks ?? []) {
    if (mark.type === SUGGESTION_FORMAT) out.push({ ...attrsOf(mark), ...formatOfAttrs(mark.attrs) });
  }
  return out.sort((a, b) => a.at - b.at);
}

/**
 * The formatting a piece of text has once its proposals are accepted: `formats` (the mark
 * names it carries now) with each proposal added or removed, earliest first, so the later of
 * two contrary proposals wins as it would when both are accepted in order.
 */
export function proposedFormats(formats: ReadonlySet<string>, proposals: readonly FormatProposal[]): Set<string> {
  const out = new Set(formats);
  for (const p of proposals) {
    if (p.action === 'add') out.add(p.mark);
    else out.delete(p.mark);
  }
  return out;
}

/** The marker characters and plain text without them, defined once beside the markers (names.ts), offered at the package root too. */
export { MARKER_CHARS, hasMarkerChar, markerFree, markerLines } from '../editor/suggestions/names';

/** The symbols a proposed block change shows as where only a character fits (the 新旧対照表's text). */
export const STRUCTURE_SYMBOLS: Readonly<Record<StructureOp, string>> = { split: '¶', line: '↵', join: '↰', type: '→' };

/** The user ids of everyone with a pending suggestion in the prose, in the order their first one appears. */
export function suggestionAuthorIds(prose: ProseNode): string[] {
  const seen = new Set<string>();
  // Depth-first in document order without recursion: the prose may be deep.
  const stack: ProseNode[] = [prose];
  while (stack.length > 0) {
    const node = stack.pop()!;
    for (const mark of node.marks ?? []) {
      if (isSuggestionMarkName(mark.type)) seen.add(attrsOf(mark).author);
    }
    const content = node.content ?? [];
    for (let k = content.length - 1; k >= 0; k--) stack.push(content[k]!);
  }
  return [...seen];
}

/**
 * How an export or the 新旧対照表 treats pending suggestions: `clean` (the default) shows the
 * wording adopted so far, as if every suggestion were rejected; `markup` shows them as 見え消し
 * (Word's tracked changes in a DOCX).
 */
export const SUGGESTION_VIEWS = ['clean', 'markup'] as const;
export type SuggestionView = (typeof SUGGESTION_VIEWS)[number];
