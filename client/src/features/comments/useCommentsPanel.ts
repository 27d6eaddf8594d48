import { useState } from 'react';
import { useSideDock } from '../../app/useSideDock';

/**
 * Whether the comments panel is open (the app shell's dock: remembered beside the content,
 * closed at first as a sheet). Starting a thread or following a link to one opens it,
 * whatever was chosen.
 */
export function useCommentsPanel({ draftSeq, focusSeq }: { draftSeq: number | null; focusSeq: number | null }) {
  const { layout, open, setOpen } = useSideDock({ storageKey: 'sakutei.comments.panel' });

  // Opened during render, not in an effect: the composer focuses its field when it mounts,
  // which it cannot do inside a panel that is still hidden.
  const [seen, setSeen] = useState({ draftSeq, focusSeq });
  if (seen.draftSeq !== draftSeq || seen.focusSeq !== focusSeq) {
    const asked = (draftSeq !== null && draftSeq !== seen.draftSeq) || (focusSeq !== null && focusSeq !== seen.focusSeq);
    setSeen({ draftSeq, focusSeq });
    if (asked) setOpen(true);
  }
  return { layout, open, setOpen };
}
