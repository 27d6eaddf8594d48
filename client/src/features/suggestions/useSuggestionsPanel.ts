import { useSideDock } from '../../app/useSideDock';

/**
 * Whether the suggestion cards are showing (the app shell's dock: remembered beside the text,
 * closed at first as a sheet). Beside the text, with nothing pending, the panel folds to its
 * toggle so the comments keep the room.
 */
export function useSuggestionsPanel(pending: number) {
  return useSideDock({ storageKey: 'sakutei.suggestions.panel', idle: pending === 0 });
}
