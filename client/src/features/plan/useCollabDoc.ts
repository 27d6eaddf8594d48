import { CLOSE_CODES, COLLAB_PATH, isPermanentRefusal } from '@sakutei/shared';
import { useCallback, useEffect, useRef, useState } from 'react';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { useSession } from '../../app/session';
import { dropOfflineCopy, readUnsentCount, writeUnsentCount } from '../../lib/offlineCopies';
import { openOfflineCopy, type OfflineCopy } from '../../lib/offlineStore';
import type { PresenceUser } from './presence';
import { SaveTracker } from './saveTracker';
import { watchUpdateRefusals } from './updateRefusals';
import { useUnsentEdits } from './useUnsentEdits';

/** One live connection to a plan's shared document. */
export interface CollabSession {
  ydoc: Y.Doc;
  provider: WebsocketProvider;
  /** Which edits the server has stored; null for a read-only connection, which makes none. */
  saves: SaveTracker | null;
}

function collabServerUrl(): string {
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  return `${scheme}://${location.host}${COLLAB_PATH}`;
}

interface Options {
  docName: string;
  user: PresenceUser;
  /** The server closed with "access changed": the caller should re-read the member's role. */
  onAccessChanged: () => void;
  /**
   * Keep the document in this browser (IndexedDB) so unsent edits survive closing the page, and
   * track which edits the server stored. For members who may edit; a read-only connection has
   * nothing to keep, and must not show edits its role could never send.
   */
  keepOffline?: boolean;
}

/**
 * Opens a plan's Y.Doc over y-websocket and owns its lifetime. The session cookie
 * authenticates the socket (same origin), so no token is passed. Returns the live session
 * (null until the effect has run) and, after a permanent refusal, its close code; from then
 * on it no longer reconnects. An expired session is no refusal: the app asks the person to
 * sign in again, the page and its edits stay, and the socket reconnects once they have.
 *
 * When the room refuses one of our updates (`updateRefused`, its reason), the session stops
 * resyncing and the page must stop editing: the refused items stay in this doc and every
 * later change depends on them. `reopen()` forgets this browser's copy and opens the
 * document afresh from the server (a new doc and socket); `reopened` then says it did.
 */
export function useCollabDoc({ docName, user, onAccessChanged, keepOffline = false }: Options): {
  session: CollabSession | null;
  refusedWith: number | null;
  updateRefused: string | null;
  reopened: boolean;
  reopen: () => void;
} {
  const [session, setSession] = useState<CollabSession | null>(null);
  const [refusedWith, setRefusedWith] = useState<number | null>(null);
  const [updateRefused, setUpdateRefused] = useState<string | null>(null);
  /** Bumped to open the document afresh; `dropCopy` says to forget the offline copy first. */
  const [generation, setGeneration] = useState(0);
  const dropCopy = useRef(false);
  const { state: sessionState, expire } = useSession();
  const signedIn = sessionState.status === 'signedIn' && !sessionState.expired;
  const callbacks = useRef({ onAccessChanged, expire });
  useEffect(() => {
    callbacks.current = { onAccessChanged, expire };
  }, [onAccessChanged, expire]);
  /** Set while the socket waits for the person to sign in again. */
  const awaitingSignIn = useRef(false);
  const { id, name, color } = user;

  useEffect(() => {
    // Created in an effect, not during render: StrictMode mounts twice, and each mount must
    // own, and on cleanup destroy, its own doc and socket.
    const ydoc = new Y.Doc();
    // Not connected yet: the offline copy goes in first, so the first sync sends what it holds.
    const provider = new WebsocketProvider(collabServerUrl(), docName, ydoc, { connect: false });
    // The server overwrites this with the authenticated identity; setting it here lets our
    // own chip and caret show before the first round trip.
    provider.awareness.setLocalStateField('user', { id, name, color });
    let destroyed = false;
    let copy: OfflineCopy | null = null;
    // Reopening after a refused update: the copy holds the refused items, so it goes first.
    const fresh = dropCopy.current;
    dropCopy.current = false;
    const copyDropped = fresh && keepOffline ? dropOfflineCopy(id, docName) : Promise.resolve();
    const saves = keepOffline
      ? new SaveTracker(provider, ydoc, {
          restoredUnsent: fresh ? 0 : readUnsentCount(id, docName),
          onUnsentChange: (unsent) => writeUnsentCount(id, docName, unsent),
        })
      : null;
    void copyDropped
      .then(() => {
        if (destroyed || !keepOffline) return;
        copy = openOfflineCopy(ydoc, id, docName);
        saves?.ignoreOrigin(copy.origin);
        return copy.loaded;
      })
      .then(() => {
        if (!destroyed) provider.connect();
      });
    const unwatch = watchUpdateRefusals(provider, (reason) => {
      saves?.halt();
      setUpdateRefused((current) => current ?? reason);
    });

    provider.on('connection-close', (event) => {
      if (!event) return;
      if (event.code === CLOSE_CODES.unauthenticated) {
        // The session ended (expired, or signed out elsewhere). Wait for a new one rather than
        // refuse: the edits stay in the doc (and the offline copy) and go out on reconnect.
        queueMicrotask(() => provider.disconnect());
        awaitingSignIn.current = true;
        callbacks.current.expire();
      } else if (isPermanentRefusal(event.code)) {
        // disconnect() also leaves the cross-tab BroadcastChannel, which would otherwise keep
        // syncing. Deferred because y-websocket is still tearing this socket down right now.
        queueMicrotask(() => provider.disconnect());
        setRefusedWith(event.code);
      } else if (event.code === CLOSE_CODES.accessChanged) {
        callbacks.current.onAccessChanged();
      }
    });
    // Every new connection is authorised afresh, so the role may have changed again while we
    // were away (say, demoted then restored before the reconnect): re-read it on each reconnect.
    let connectedBefore = false;
    provider.on('status', ({ status }) => {
      if (status !== 'connected') return;
      if (connectedBefore) callbacks.current.onAccessChanged();
      connectedBefore = true;
    });

    awaitingSignIn.current = false;
    setRefusedWith(null);
    setUpdateRefused(null);
    setSession({ ydoc, provider, saves });
    return () => {
      destroyed = true;
      unwatch();
      saves?.destroy();
      void copy?.destroy();
      provider.destroy();
      ydoc.destroy();
    };
  }, [docName, id, name, color, keepOffline, generation]);

  const reopen = useCallback(() => {
    dropCopy.current = true;
    setGeneration((g) => g + 1);
  }, []);

  // Signed in again after the session ended: the new cookie lets the socket back in.
  useEffect(() => {
    if (!signedIn || !session || !awaitingSignIn.current) return;
    awaitingSignIn.current = false;
    session.provider.connect();
  }, [signedIn, session]);

  useUnsentEdits(session?.saves ?? null);
  return { session, refusedWith, updateRefused, reopened: generation > 0 && updateRefused === null, reopen };
}
