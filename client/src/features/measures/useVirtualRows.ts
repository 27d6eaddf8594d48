import { useWindowVirtualizer, type VirtualItem } from '@tanstack/react-virtual';
import { useLayoutEffect, useState, type RefObject } from 'react';
import { usePrinting } from './usePrinting';

/**
 * From how many rows the grid renders only those near the screen. A usual plan (tens of
 * rows, a hundred or two) is rendered whole, so the browser's find, print and a screen
 * reader's table reading see every row; 2,000 rows would make every keystroke re-lay out
 * the page, so from here on rows are virtualised.
 */
export const VIRTUALISE_FROM = 200;

/** Where a row is first guessed to end before it is measured (one line of text). */
const ESTIMATED_ROW_PX = 38;

export type VirtualRows = {
  /** False for a short table and while printing: every row is rendered. */
  enabled: boolean;
  items: readonly VirtualItem[];
  /** Space for the rows above and below those rendered, so the scrollbar tells the truth. */
  paddingTop: number;
  paddingBottom: number;
  measureElement: (element: HTMLTableRowElement | null) => void;
  /** Brings a row into view whether or not it is rendered (keyboard moves, jumps). */
  scrollToRow: (index: number) => void;
};

/**
 * The grid's rows virtualised against the page's own scroll, not an inner scroll box: the
 * page is the one scroller, so nothing traps the wheel and the KPI panel beside it stays in view.
 */
export function useVirtualRows(count: number, bodyRef: RefObject<HTMLElement | null>, headerPx: number): VirtualRows {
  const printing = usePrinting();
  const enabled = count >= VIRTUALISE_FROM && !printing;
  const [scrollMargin, setScrollMargin] = useState(0);

  // The rows start where the table body does; what is above it (toolbar, notes) may change height.
  useLayoutEffect(() => {
    const body = bodyRef.current;
    if (!enabled || !body) return;
    const top = body.getBoundingClientRect().top + window.scrollY;
    if (Math.abs(top - scrollMargin) > 1) setScrollMargin(top);
  });

  const virtualizer = useWindowVirtualizer({
    count: enabled ? count : 0,
    estimateSize: () => ESTIMATED_ROW_PX,
    overscan: 12,
    scrollMargin,
    // Under the sticky column headings, a row scrolled "into view" would still be hidden.
    scrollPaddingStart: headerPx,
  });

  const items = enabled ? virtualizer.getVirtualItems() : [];
  const first = items[0];
  const last = items[items.length - 1];
  const paddingTop = first ? first.start - scrollMargin : 0;
  const paddingBottom = last ? Math.max(0, virtualizer.getTotalSize() - (last.end - scrollMargin)) : 0;

  const scrollToRow = (index: number) => {
    if (!enabled) return;
    const rendered = items.some((item) => item.index === index);
    // A rendered row is scrolled to by focus() itself; an unrendered one must be brought in first.
    if (!rendered) virtualizer.scrollToIndex(index, { align: 'center' });
  };

  return { enabled, items, paddingTop, paddingBottom, measureElement: virtualizer.measureElement, scrollToRow };
}
