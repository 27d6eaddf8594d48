import type { AnyExtension, Editor } from '@tiptap/core';
import { useLendProseEditor } from '../plan/proseEditor';
import { SuggestionFocus } from './suggestionFocus';

const EXTENSIONS: AnyExtension[] = [SuggestionFocus];

/** The prose editor's extensions for the suggestion cards: the outline of the card being looked at. */
export function useSuggestionExtensions(): AnyExtension[] {
  return EXTENSIONS;
}

/** Mounted beside the prose editor: lends it to the page so the suggestion cards can read its text. */
export function ProseSuggestions({ editor }: { editor: Editor }) {
  useLendProseEditor(editor);
  return null;
}
