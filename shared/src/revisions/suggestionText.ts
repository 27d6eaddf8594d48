import { SUGGESTION_DELETE, SUGGESTION_INSERT, isSuggestionMarkName } from '../editor/suggestions/names';
import type { ProseMark, ProseNode } from './canonical';

/**
 * Reading pending suggestions (見え消し) off stored prose JSON, for the renderers that show
 * them: the Word file's tracked changes, the print page and the 新旧対照表. The mark names
 * come from editor/suggestions/names.ts, which loads no editor, so this stays free of @tiptap
 * like the rest of the package root.
 */

/** The suggestion a piece of text belongs to, as shown: proposed text, or text proposed for removal. */
export type TextSuggestion = { kind: 'insert' | 'delete'; id: string; author: string; at: number };

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
  if (insert) return { kind: 'insert', ...attrsOf(insert) };
  let first: TextSuggestion | null = null;
  for (const mark of marks) {
    if (mark.type !== SUGGESTION_DELETE) continue;
    const attrs = attrsOf(mark);
    if (!first || attrs.at < first.at) first = { kind: 'delete', ...attrs };
  }
  return first;
}

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
