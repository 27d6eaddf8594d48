import { CLOSE_CODES, COLLAB_PATH, isPermanentRefusal } from '@sakutei/shared';
import { useEffect, useRef, useState } from 'react';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import type { PresenceUser } from './presence';

/** One live connection to a plan's shared document. */
export interface CollabSession {
  ydoc: Y.Doc;
  provider: WebsocketProvider;
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
}

/**
 * Opens a plan's Y.Doc over y-websocket and owns its lifetime. The session cookie
 * authenticates the socket (same origin), so no token is passed. Returns the live session
 * (null until the effect has run) and, after a permanent refusal, its close code; from then
 * on it no longer reconnects.
 */
export function useCollabDoc({ docName, user, onAccessChanged }: Options): {
  session: CollabSession | null;
  refusedWith: number | null;
} {
  const [session, setSession] = useState<CollabSession | null>(null);
  const [refusedWith, setRefusedWith] = useState<number | null>(null);
  const onAccessChangedRef = useRef(onAccessChanged);
  useEffect(() => {
    onAccessChangedRef.current = onAccessChanged;
  }, [onAccessChanged]);
  const { id, name, color } = user;

  useEffect(() => {
    // Created in an effect, not during render: StrictMode mounts twice, and each mount must
    // own, and on cleanup destroy, its own doc and socket.
    const ydoc = new Y.Doc();
    const provider = new WebsocketProvider(collabServerUrl(), docName, ydoc);
    // The server overwrites this with the authenticated identity; setting it here lets our
    // own chip and caret show before the first round trip.
    provider.awareness.setLocalStateField('user', { id, name, color });

    provider.on('connection-close', (event) => {
      if (!event) return;
      if (isPermanentRefusal(event.code)) {
        // disconnect() also leaves the cross-tab BroadcastChannel, which would otherwise keep
        // syncing. Deferred because y-websocket is still tearing this socket down right now.
        queueMicrotask(() => provider.disconnect());
        setRefusedWith(event.code);
      } else if (event.code === CLOSE_CODES.accessChanged) {
        onAccessChangedRef.current();
      }
    });
    // Every new connection is authorised afresh, so the role may have changed again while we
    // were away (say, demoted then restored before the reconnect): re-read it on each reconnect.
    let connectedBefore = false;
    provider.on('status', ({ status }) => {
      if (status !== 'connected') return;
      if (connectedBefore) onAccessChangedRef.current();
      connectedBefore = true;
    });

    setRefusedWith(null);
    setSession({ ydoc, provider });
    return () => {
      provider.destroy();
      ydoc.destroy();
    };
  }, [docName, id, name, color]);

  return { session, refusedWith };
}
