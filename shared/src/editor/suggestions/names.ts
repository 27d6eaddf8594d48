/**
 * The names of the suggestion marks as the prose JSON and Yjs store them. Apart from the
 * TipTap marks (marks.ts) so that readers of stored prose (exports, the 新旧対照表, views of
 * the package root) take the same names without loading the editor.
 */
export const SUGGESTION_INSERT = 'suggestionInsert';
export const SUGGESTION_DELETE = 'suggestionDelete';
/** Proposed formatting of others' text (太字にする…): the text keeps its formatting until accepted. */
export const SUGGESTION_FORMAT = 'suggestionFormat';
/** A proposed change of blocks (a new paragraph, a line break, joining, retyping), on its marker character. */
export const SUGGESTION_STRUCTURE = 'suggestionStructure';

const NAMES: ReadonlySet<string> = new Set([SUGGESTION_INSERT, SUGGESTION_DELETE, SUGGESTION_FORMAT, SUGGESTION_STRUCTURE]);

/** Whether a mark of this name is part of a suggestion. */
export function isSuggestionMarkName(name: string): boolean {
  return NAMES.has(name);
}

/**
 * The formatting marks a suggestion may propose to add or remove: those without attributes
 * that sit beside other marks. Not `code`: it excludes every other mark, suggestion marks
 * included, so adopting it would adopt or drop others' proposals underneath.
 */
export const SUGGESTIBLE_FORMATS = ['bold', 'italic', 'underline', 'strike'] as const;
export type SuggestibleFormat = (typeof SUGGESTIBLE_FORMATS)[number];
export const isSuggestibleFormat = (name: string): name is SuggestibleFormat => (SUGGESTIBLE_FORMATS as readonly string[]).includes(name);

/**
 * What a structure suggestion proposes. Yjs keeps a paragraph's text as text, and y-prosemirror
 * rewrites that text when a block is split, joined or retyped, which a suggest-only connection
 * may not do; so the proposal is a character of the proposer's own suggested text, a marker,
 * and the change is made only when it is accepted.
 */
export const STRUCTURE_OPS = ['split', 'line', 'join', 'type'] as const;
export type StructureOp = (typeof STRUCTURE_OPS)[number];

/** Each op's marker: a paragraph or line separator where the break goes, an invisible separator at the start of a block joined or retyped. */
export const STRUCTURE_MARKERS: Readonly<Record<StructureOp, string>> = { split: '\u2029', line: '\u2028', join: '\u2063', type: '\u2063' };

export const isStructureOp = (op: unknown): op is StructureOp => (STRUCTURE_OPS as readonly unknown[]).includes(op);

/** The marker characters, each once (a join and a retyping share one). */
export const MARKER_CHARS: readonly string[] = [...new Set(Object.values(STRUCTURE_MARKERS))];
const MARKER_SET: ReadonlySet<string> = new Set(MARKER_CHARS);
const ANY_MARKER = new RegExp(`[${MARKER_CHARS.join('')}]`);
const EVERY_MARKER = new RegExp(ANY_MARKER.source, 'g');
const EVERY_INVISIBLE_MARKER = new RegExp(STRUCTURE_MARKERS.join, 'g');
const BREAK_MARKER = new RegExp(`[${STRUCTURE_MARKERS.split}${STRUCTURE_MARKERS.line}]`);

/** Whether `ch` is one marker character. */
export const isMarkerChar = (ch: string) => MARKER_SET.has(ch);

/** Whether `text` holds a marker character. */
export const hasMarkerChar = (text: string) => ANY_MARKER.test(text);

/** `text` with every marker character replaced by `by` (the 新旧対照表 shows a proposal's marker as its symbol). */
export const replaceMarkers = (text: string, by: string) => text.replace(EVERY_MARKER, by);

/**
 * Text with no marker character left, for a reader who is not shown suggestions: a paragraph
 * or line separator reads as a line break, the invisible separator as nothing. A marker
 * should never stand outside a suggestion (the clean view drops them with their proposed
 * text), but text pasted from elsewhere may hold the same characters, and no export, table
 * or search should carry them.
 */
export function markerFree(text: string): string {
  if (!hasMarkerChar(text)) return text;
  return text.replace(EVERY_MARKER, (ch) => (ch === STRUCTURE_MARKERS.join ? '' : '\n'));
}

/**
 * The lines `text` reads as where a stray marker character stands (as markerFree reads it):
 * cut at each paragraph or line separator, the invisible separator dropped. For renderers that
 * make the break themselves (`<br>`, Word's `w:br`); a newline already in the text stays.
 */
export const markerLines = (text: string): string[] => text.replace(EVERY_INVISIBLE_MARKER, '').split(BREAK_MARKER);

/** The block types a type suggestion may propose. */
export const SUGGESTIBLE_BLOCKS = ['paragraph', 'heading'] as const;
