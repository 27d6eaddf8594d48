import { useCallback, useEffect, useState } from 'react';
import { SIDE_PANEL_QUERY, useMediaQuery } from '../../app/useMediaQuery';

export type PanelLayout = 'side' | 'sheet';

const STORAGE_KEY = 'sakutei.suggestions.panel';

function rememberedSideOpen(): boolean {
  try {
    return localStorage.getItem(STORAGE_KEY) !== 'closed';
  } catch {
    return true;
  }
}

/**
 * Whether the suggestion cards are showing: beside the text the choice is remembered (open
 * unless closed before); as a sheet on a phone they start closed, as the comments do, since
 * the sheet covers part of the text.
 */
export function useSuggestionsPanel(pending: number) {
  const layout: PanelLayout = useMediaQuery(SIDE_PANEL_QUERY) ? 'side' : 'sheet';
  const [remembered] = useState(rememberedSideOpen);
  // Null until the reader opens or closes it on this page.
  const [sideChoice, setSideChoice] = useState<boolean | null>(null);
  const [sheetOpen, setSheetOpen] = useState(false);
  useEffect(() => {
    if (sideChoice === null) return;
    try {
      localStorage.setItem(STORAGE_KEY, sideChoice ? 'open' : 'closed');
    } catch {
      // Without storage the choice lasts for this page.
    }
  }, [sideChoice]);
  const setOpen = useCallback((next: boolean) => (layout === 'side' ? setSideChoice(next) : setSheetOpen(next)), [layout]);
  // Beside the text, with nothing pending, the panel folds to its toggle so the comments keep the room.
  const open = layout === 'side' ? (sideChoice ?? (remembered && pending > 0)) : sheetOpen;
  return { layout, open, setOpen };
}
