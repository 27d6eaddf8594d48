/**
 * The colours pending suggestions print in, one per author in the legend's order (repeating
 * after six), dark enough to read on paper and apart from the 新旧対照表's red deletions.
 * The print page's `.sg-N` classes and the Word runs both come from this list.
 */
export const SUGGESTION_COLOURS = ['1D4ED8', 'B45309', '047857', '7C3AED', 'BE185D', '0E7490'] as const;
/** For an author not in the legend (an account that is gone). */
export const UNKNOWN_COLOUR = '555555';

export type SuggestionAuthors = ReadonlyArray<{ id: string; name: string }>;

/** The author's place in the palette (`sg-N`), or 'x' for one not in the list. */
export function colourClass(authors: SuggestionAuthors, authorId: string): string {
  const index = authors.findIndex((a) => a.id === authorId);
  return index < 0 ? 'x' : String(index % SUGGESTION_COLOURS.length);
}

export function colourOf(authors: SuggestionAuthors, authorId: string): string {
  const index = authors.findIndex((a) => a.id === authorId);
  return index < 0 ? UNKNOWN_COLOUR : SUGGESTION_COLOURS[index % SUGGESTION_COLOURS.length]!;
}

/** The print page's rules for the palette. */
export const paletteCss = () =>
  `${SUGGESTION_COLOURS.map((hex, k) => `.sg-${k}{color:#${hex}}`).join('')}.sg-x{color:#${UNKNOWN_COLOUR}}`;
