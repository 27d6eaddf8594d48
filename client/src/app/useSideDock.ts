import { useCallback, useEffect, useState } from 'react';
import { SIDE_PANEL_QUERY, useMediaQuery } from './useMediaQuery';

/** Where a dock stands: a column beside the content, or a bottom sheet over it (phones, tablets). */
export type DockLayout = 'side' | 'sheet';

function remembered(storageKey: string): boolean {
  try {
    return localStorage.getItem(storageKey) !== 'closed';
  } catch {
    return true;
  }
}

interface Options {
  /** Where the reader's choice to show or hide it beside the content is kept across pages and visits. */
  storageKey: string;
  /** Nothing to show: beside the content it folds to its toggle, unless the reader opened it on this page. */
  idle?: boolean;
}

/**
 * Whether a dock (the comments, the suggestion cards) is open. Beside the content the reader's
 * choice is remembered (open unless closed before); as a sheet it starts closed, since it
 * covers part of what is being read.
 */
export function useSideDock({ storageKey, idle = false }: Options) {
  const layout: DockLayout = useMediaQuery(SIDE_PANEL_QUERY) ? 'side' : 'sheet';
  const [wasOpen] = useState(() => remembered(storageKey));
  // Null until the reader (or the feature, on their behalf) opens or closes it on this page.
  const [sideChoice, setSideChoice] = useState<boolean | null>(null);
  const [sheetOpen, setSheetOpen] = useState(false);
  useEffect(() => {
    if (sideChoice === null) return;
    try {
      localStorage.setItem(storageKey, sideChoice ? 'open' : 'closed');
    } catch {
      // Private mode without storage: the choice lasts for this page only.
    }
  }, [sideChoice, storageKey]);
  const setOpen = useCallback((next: boolean) => (layout === 'side' ? setSideChoice(next) : setSheetOpen(next)), [layout]);
  const open = layout === 'side' ? (sideChoice ?? (wasOpen && !idle)) : sheetOpen;
  return { layout, open, setOpen };
}
