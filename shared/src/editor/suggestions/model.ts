import type { Mark, Node as PMNode } from '@tiptap/pm/model';
import { SUGGESTION_DELETE, SUGGESTION_INSERT, type SuggestionAttrs } from './marks';

/** One pending suggestion as a reader sees it: who proposed what, where, and what it competes with. */
export type SuggestionSummary = {
  id: string;
  author: string;
  at: number;
  /** The proposed text ('' for a pure deletion). A hard break reads as a newline. */
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
};

export function isSuggestionMark(mark: Mark): boolean {
  return mark.type.name === SUGGESTION_INSERT || mark.type.name === SUGGESTION_DELETE;
}

export function suggestionAttrsOf(mark: Mark): SuggestionAttrs {
  return { id: String(mark.attrs.id ?? ''), author: String(mark.attrs.author ?? ''), at: Number(mark.attrs.at) || 0 };
}

/** The text an inline node stands for in a card: its text, or a newline for a hard break. */
function inlineText(node: PMNode): string {
  return node.isText ? (node.text ?? '') : node.type.name === 'hardBreak' ? '\n' : '';
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
      if (node.type.name === 'heading') section = { index: blockIndex, title: node.textContent };
    }
    if (!node.isInline) return true;
    const deletions: string[] = [];
    for (const mark of node.marks) {
      if (!isSuggestionMark(mark)) continue;
      const attrs = suggestionAttrsOf(mark);
      let entry = byId.get(attrs.id);
      if (!entry) {
        entry = { ...attrs, inserted: '', deleted: '', from: pos, to: pos + node.nodeSize, section, conflictsWith: [] };
        byId.set(attrs.id, entry);
      }
      entry.to = pos + node.nodeSize;
      if (mark.type.name === SUGGESTION_INSERT) entry.inserted += inlineText(node);
      else {
        entry.deleted += inlineText(node);
        deletions.push(attrs.id);
      }
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
