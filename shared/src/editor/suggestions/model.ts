import type { Mark, Node as PMNode } from '@tiptap/pm/model';
import { type StructureProposal, formatOfAttrs, markerFree, structureOfAttrs } from '../../revisions/suggestionText';
import {
  SUGGESTION_DELETE,
  SUGGESTION_FORMAT,
  SUGGESTION_INSERT,
  SUGGESTION_STRUCTURE,
  type SuggestionAttrs,
  isSuggestionMarkName,
} from './marks';

/** A formatting change a suggestion proposes, and the text it applies to. */
export type FormatChange = { mark: string; action: 'add' | 'remove'; text: string };
/** A change of blocks a suggestion proposes (marks.ts: SuggestionStructureMark). */
export type StructureChange = StructureProposal;

/** One pending suggestion as a reader sees it: who proposed what, where, and what it competes with. */
export type SuggestionSummary = {
  id: string;
  author: string;
  at: number;
  /** The proposed text ('' for a pure deletion). A hard break, a proposed line or paragraph break reads as a newline. */
  inserted: string;
  /** The text proposed for removal ('' for a pure insertion). */
  deleted: string;
  /** ProseMirror positions spanning all its marked text. */
  from: number;
  to: number;
  /** The nearest heading above it: its top-level block index and text; null before the first heading. */
  section: { index: number; title: string } | null;
  /** Other suggestions that also propose to remove some of the same characters, in document order. */
  conflictsWith: string[];
  /** Formatting it proposes for others' text, one entry per change and format. */
  formats: FormatChange[];
  /** Changes of blocks it proposes, in document order. */
  structure: StructureChange[];
};

export function isSuggestionMark(mark: Mark): boolean {
  return isSuggestionMarkName(mark.type.name);
}

/** The structure change a structure mark proposes, as the record keeps it (revisions/suggestionText.ts: structureOfAttrs). */
export const structureOf = (mark: Mark): StructureChange => structureOfAttrs(mark.attrs);

export function suggestionAttrsOf(mark: Mark): SuggestionAttrs {
  return { id: String(mark.attrs.id ?? ''), author: String(mark.attrs.author ?? ''), at: Number(mark.attrs.at) || 0 };
}

/**
 * The text an inline node stands for in a card: its text, a newline for a hard break or a
 * proposed break, nothing for the marker of a proposed join or retyping.
 */
function inlineText(node: PMNode): string {
  const structure = node.marks.find((m) => m.type.name === SUGGESTION_STRUCTURE);
  // Each marker character is one change: two Enters are two new paragraphs.
  if (structure) return structureOf(structure).op === 'split' || structureOf(structure).op === 'line' ? '\n'.repeat(node.text?.length ?? 1) : '';
  // A marker character that lost its mark (pasted into adopted text) reads as the break it stands for.
  return node.isText ? markerFree(node.text ?? '') : node.type.name === 'hardBreak' ? '\n' : '';
}

/**
 * Every pending suggestion of a document, in document order. One walk: each inline node adds
 * its text to the suggestions whose marks it carries; characters that carry two deletions
 * make those two suggestions conflict.
 */
export function listSuggestions(doc: PMNode): SuggestionSummary[] {
  const byId = new Map<string, SuggestionSummary>();
  const conflicts = new Map<string, Set<string>>();
  // Headings are met in order while walking, so each suggestion takes the one above it.
  let section: SuggestionSummary['section'] = null;
  let blockIndex = -1;
  doc.descendants((node, pos, parent) => {
    if (parent === doc) {
      blockIndex++;
      if (node.type.name === 'heading') section = { index: blockIndex, title: markerFree(node.textContent) };
    }
    if (!node.isInline) return true;
    const deletions: string[] = [];
    for (const mark of node.marks) {
      if (!isSuggestionMark(mark)) continue;
      const attrs = suggestionAttrsOf(mark);
      let entry = byId.get(attrs.id);
      if (!entry) {
        entry = { ...attrs, inserted: '', deleted: '', from: pos, to: pos + node.nodeSize, section, conflictsWith: [], formats: [], structure: [] };
        byId.set(attrs.id, entry);
      }
      entry.to = pos + node.nodeSize;
      const kind = mark.type.name;
      if (kind === SUGGESTION_INSERT) entry.inserted += inlineText(node);
      else if (kind === SUGGESTION_DELETE) {
        entry.deleted += inlineText(node);
        deletions.push(attrs.id);
      } else if (kind === SUGGESTION_FORMAT) addFormat(entry.formats, mark, inlineText(node));
      else entry.structure.push(structureOf(mark));
    }
    for (const a of deletions) {
      for (const b of deletions) {
        if (a === b) continue;
        let set = conflicts.get(a);
        if (!set) conflicts.set(a, (set = new Set()));
        set.add(b);
      }
    }
    return false;
  });
  const order = [...byId.keys()];
  for (const [id, others] of conflicts) {
    const entry = byId.get(id);
    if (entry) entry.conflictsWith = order.filter((other) => others.has(other));
  }
  return [...byId.values()];
}

/** Adds text to the entry of the same format change, or starts one: a proposal made on one selection lists each format once. */
function addFormat(formats: FormatChange[], mark: Mark, text: string): void {
  const { mark: name, action } = formatOfAttrs(mark.attrs);
  const same = formats.find((f) => f.mark === name && f.action === action);
  if (same) same.text += text;
  else formats.push({ mark: name, action, text });
}
