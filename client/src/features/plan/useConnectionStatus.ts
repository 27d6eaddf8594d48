import { useEffect, useState } from 'react';
import type { WebsocketProvider } from 'y-websocket';

export type ConnectionStatus = 'connected' | 'connecting' | 'offline';

function statusOf(provider: WebsocketProvider): ConnectionStatus {
  if (!navigator.onLine) return 'offline';
  if (provider.wsconnected) return 'connected';
  // shouldConnect stays true while y-websocket backs off and retries by itself.
  return provider.shouldConnect ? 'connecting' : 'offline';
}

/** The socket's state as the user should understand it, and whether the doc has synced. */
export function useConnectionStatus(provider: WebsocketProvider): {
  status: ConnectionStatus;
  synced: boolean;
} {
  const [status, setStatus] = useState(() => statusOf(provider));
  const [synced, setSynced] = useState(provider.synced);

  useEffect(() => {
    const refresh = () => {
      setStatus(statusOf(provider));
      setSynced(provider.synced);
    };
    refresh();
    provider.on('status', refresh);
    provider.on('sync', refresh);
    provider.on('connection-close', refresh);
    // Emitted once y-websocket has given up on a refused connection.
    provider.on('closed', refresh);
    window.addEventListener('online', refresh);
    window.addEventListener('offline', refresh);
    return () => {
      provider.off('status', refresh);
      provider.off('sync', refresh);
      provider.off('connection-close', refresh);
      provider.off('closed', refresh);
      window.removeEventListener('online', refresh);
      window.removeEventListener('offline', refresh);
    };
  }, [provider]);

  return { status, synced };
}
