import { useSyncExternalStore } from 'react';
import type { SaveSnapshot, SaveTracker } from './saveTracker';

/** Whether the plan's edits are stored, on their way, or waiting for a connection; re-renders on change. */
export function useSaveState(tracker: SaveTracker): SaveSnapshot {
  return useSyncExternalStore(tracker.subscribe, tracker.getSnapshot);
}
