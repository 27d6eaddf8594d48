import { CLOSE_CODES, COLLAB_PATH, isPermanentRefusal } from '@sakutei/shared';
import { useEffect, useRef, useState } from 'react';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { useSession } from '../../app/session';
import { readUnsentCount, writeUnsentCount } from '../../lib/offlineCopies';
import { openOfflineCopy } from '../../lib/offlineStore';
import type { PresenceUser } from './presence';
import { SaveTracker } from './saveTracker';
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
 */
export function useCollabDoc({ docName, user, onAccessChanged, keepOffline = false }: Options): {
  session: CollabSession | null;
  refusedWith: number | null;
} {
  const [session, setSession] = useState<CollabSession | null>(null);
  const [refusedWith, setRefusedWith] = useState<number | null>(null);
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
    const copy = keepOffline ? openOfflineCopy(ydoc, id, docName) : null;
    const saves = keepOffline
      ? new SaveTracker(provider, ydoc, {
          restoredUnsent: readUnsentCount(id, docName),
          onUnsentChange: (unsent) => writeUnsentCount(id, docName, unsent),
        })
      : null;
    if (copy && saves) saves.ignoreOrigin(copy.origin);
    void (copy?.loaded ?? Promise.resolve()).then(() => {
      if (!destroyed) provider.connect();
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
    setSession({ ydoc, provider, saves });
    return () => {
      destroyed = true;
      saves?.destroy();
      void copy?.destroy();
      provider.destroy();
      ydoc.destroy();
    };
  }, [docName, id, name, color, keepOffline]);

  // Signed in again after the session ended: the new cookie lets the socket back in.
  useEffect(() => {
    if (!signedIn || !session || !awaitingSignIn.current) return;
    awaitingSignIn.current = false;
    session.provider.connect();
  }, [signedIn, session]);

  useUnsentEdits(session?.saves ?? null);
  return { session, refusedWith };
}
