import { useCallback, useEffect, useState } from 'react';
import { SIDE_PANEL_QUERY, useMediaQuery } from '../../app/useMediaQuery';

/** Where the comments stand: a column beside the content, or a bottom sheet over it (phones, tablets). */
export type PanelLayout = 'side' | 'sheet';

const STORAGE_KEY = 'sakutei.comments.panel';

function rememberedSideOpen(): boolean {
  try {
    return localStorage.getItem(STORAGE_KEY) !== 'closed';
  } catch {
    return true;
  }
}

/**
 * Whether the comments panel is open. Beside the content, the choice is remembered across
 * pages and visits; as a sheet it starts closed, since it covers part of what is being read.
 * Starting a thread or following a link to one opens it, whatever was chosen.
 */
export function useCommentsPanel({ draftSeq, focusSeq }: { draftSeq: number | null; focusSeq: number | null }) {
  const layout: PanelLayout = useMediaQuery(SIDE_PANEL_QUERY) ? 'side' : 'sheet';
  const [sideOpen, setSideOpen] = useState(rememberedSideOpen);
  const [sheetOpen, setSheetOpen] = useState(false);

  // Opened during render, not in an effect: the composer focuses its field when it mounts,
  // which it cannot do inside a panel that is still hidden.
  const [seen, setSeen] = useState({ draftSeq, focusSeq });
  if (seen.draftSeq !== draftSeq || seen.focusSeq !== focusSeq) {
    const asked = (draftSeq !== null && draftSeq !== seen.draftSeq) || (focusSeq !== null && focusSeq !== seen.focusSeq);
    setSeen({ draftSeq, focusSeq });
    if (asked) {
      if (layout === 'side') setSideOpen(true);
      else setSheetOpen(true);
    }
  }

  useEffect(() => {
    try {
      localStorage.setItem(STORAGE_KEY, sideOpen ? 'open' : 'closed');
    } catch {
      // Private mode without storage: the choice lasts for this page only.
    }
  }, [sideOpen]);

  const open = layout === 'side' ? sideOpen : sheetOpen;
  const setOpen = useCallback(
    (next: boolean) => (layout === 'side' ? setSideOpen(next) : setSheetOpen(next)),
    [layout],
  );
  return { layout, open, setOpen };
}
