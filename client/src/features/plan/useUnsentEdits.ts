import { useEffect } from 'react';
import type { SaveTracker } from './saveTracker';

/**
 * Asks the browser to confirm leaving the page while some edit is not yet confirmed stored
 * by the server. The edits would survive in this browser's offline copy, but the person may
 * be closing a borrowed PC's browser for good, or expect the council to see them now.
 */
export function useUnsentEdits(tracker: SaveTracker | null): void {
  useEffect(() => {
    if (!tracker) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (tracker.getSnapshot().unsent === 0) return;
      event.preventDefault();
      // Older Chromium and Safari ask only when returnValue is set.
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [tracker]);
}
