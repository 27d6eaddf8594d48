import { createContext, useContext } from 'react';

/**
 * The names of the authors of the suggestions a 新旧対照表 shows (the server sends them with
 * the comparison; the marks carry user ids), for the cells' screen-reader words and the legend.
 */
export const SuggestionAuthorsContext = createContext<ReadonlyMap<string, string>>(new Map());

export const useSuggestionAuthors = () => useContext(SuggestionAuthorsContext);
