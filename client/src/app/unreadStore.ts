import { useSyncExternalStore } from 'react';

/**
 * The unread-notification count, shared by the header bell and the plan page. A plan page
 * holds an event stream that pushes the count; while one is open the bell need not poll.
 */
interface UnreadState {
  /** Null until the first count arrives. */
  unread: number | null;
  /** How many live event streams are reporting the count right now. */
  streams: number;
  /** Bumped whenever a stream says the count changed, so an open list can re-read itself. */
  revision: number;
}

let state: UnreadState = { unread: null, streams: 0, revision: 0 };
const listeners = new Set<() => void>();

function update(next: Partial<UnreadState>): void {
  state = { ...state, ...next };
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useUnreadState(): UnreadState {
  return useSyncExternalStore(subscribe, () => state);
}

/** A count read from GET /api/notifications. */
export function setUnread(unread: number): void {
  if (unread !== state.unread) update({ unread });
}

/** A count pushed by a plan's event stream. */
export function reportUnreadFromStream(unread: number): void {
  update({ unread, revision: state.revision + 1 });
}

/** Registers a live stream; the returned function unregisters it. */
export function attachUnreadStream(): () => void {
  update({ streams: state.streams + 1 });
  let attached = true;
  return () => {
    if (!attached) return;
    attached = false;
    update({ streams: state.streams - 1 });
  };
}
