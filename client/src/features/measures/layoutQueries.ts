import { useSyncExternalStore } from 'react';

/** Whether a media query matches now, re-rendering when it changes (a window resized, a phone turned). */
export function useMediaQuery(query: string): boolean {
  return useSyncExternalStore(
    (onChange) => {
      const media = matchMedia(query);
      media.addEventListener('change', onChange);
      return () => media.removeEventListener('change', onChange);
    },
    () => matchMedia(query).matches,
    () => false,
  );
}

/** The KPI panel sits beside the grid from here; below, it opens as a sheet over the page. */
export const WIDE_LAYOUT = '(min-width: 75rem)';
/** Below this the table is a list of cards (phones). */
export const PHONE_LAYOUT = '(max-width: 40rem)';
