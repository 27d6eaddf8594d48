/**
 * The names of the two suggestion marks as the prose JSON and Yjs store them. Apart from the
 * TipTap marks (marks.ts) so that readers of stored prose (exports, the 新旧対照表, views of
 * the package root) take the same names without loading the editor.
 */
export const SUGGESTION_INSERT = 'suggestionInsert';
export const SUGGESTION_DELETE = 'suggestionDelete';

/** Whether a mark of this name is part of a suggestion. */
export function isSuggestionMarkName(name: string): boolean {
  return name === SUGGESTION_INSERT || name === SUGGESTION_DELETE;
}
