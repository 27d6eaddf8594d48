import { Mark } from '@tiptap/core';

/**
 * The two marks of a suggestion (見え消し). A suggestion is text someone proposes to add
 * (suggestionInsert, shown underlined) and text they propose to remove (suggestionDelete,
 * shown struck through), both carrying the same attributes: one contiguous change is one
 * suggestion, named by its group id, with its author's user id and the time it was made.
 *
 * A character is inserted by exactly one suggestion, so suggestionInsert excludes itself (the
 * default). Deletions may overlap: a member and the secretariat may both propose to replace
 * the same words with different wording, so suggestionDelete excludes nothing, and Yjs keeps
 * one attribute per deletion (y-prosemirror names it `suggestionDelete--<hash>`).
 */
export const SUGGESTION_INSERT = 'suggestionInsert';
export const SUGGESTION_DELETE = 'suggestionDelete';
export const SUGGESTION_MARKS: readonly string[] = [SUGGESTION_INSERT, SUGGESTION_DELETE];

/** What every suggestion mark carries. `at` is epoch milliseconds. */
export type SuggestionAttrs = { id: string; author: string; at: number };

function suggestionAttributes() {
  return {
    id: { default: '' },
    author: { default: '' },
    at: { default: 0 },
  };
}

function renderedAttrs(kind: 'insert' | 'delete', attrs: Record<string, unknown>): Record<string, string> {
  return {
    class: `suggestion suggestion--${kind}`,
    'data-suggestion': String(attrs.id ?? ''),
    'data-author': String(attrs.author ?? ''),
    'data-at': String(attrs.at ?? 0),
  };
}

function parsedAttrs(element: HTMLElement): SuggestionAttrs | false {
  const id = element.getAttribute('data-suggestion');
  if (!id) return false;
  return { id, author: element.getAttribute('data-author') ?? '', at: Number(element.getAttribute('data-at')) || 0 };
}

export const SuggestionInsertMark = Mark.create({
  name: SUGGESTION_INSERT,
  inclusive: false,
  addAttributes: suggestionAttributes,
  parseHTML: () => [{ tag: 'ins[data-suggestion]', getAttrs: (node) => parsedAttrs(node as HTMLElement) }],
  renderHTML: ({ HTMLAttributes }) => ['ins', renderedAttrs('insert', HTMLAttributes), 0],
});

export const SuggestionDeleteMark = Mark.create({
  name: SUGGESTION_DELETE,
  inclusive: false,
  excludes: '',
  addAttributes: suggestionAttributes,
  parseHTML: () => [{ tag: 'del[data-suggestion]', getAttrs: (node) => parsedAttrs(node as HTMLElement) }],
  renderHTML: ({ HTMLAttributes }) => ['del', renderedAttrs('delete', HTMLAttributes), 0],
});
