import { useEffect, useState } from 'react';
import type { WebsocketProvider } from 'y-websocket';
import type * as Y from 'yjs';

/**
 * A number that changes after the shared document changes, at most once a frame: anchors
 * move and detach with edits, so whatever shows them re-reads on this.
 */
export function useDocRevision(doc: Y.Doc | null): number {
  const [revision, setRevision] = useState(0);
  useEffect(() => {
    if (!doc) return;
    let frame: number | null = null;
    const onUpdate = () => {
      frame ??= requestAnimationFrame(() => {
        frame = null;
        setRevision((value) => value + 1);
      });
    };
    doc.on('update', onUpdate);
    return () => {
      doc.off('update', onUpdate);
      if (frame !== null) cancelAnimationFrame(frame);
    };
  }, [doc]);
  return revision;
}

/**
 * Whether the document has arrived from the server at least once; before that every anchor
 * would look deleted. A document without a provider (a frozen revision) is complete already.
 */
export function useHasSynced(provider: WebsocketProvider | null): boolean {
  const [synced, setSynced] = useState(provider?.synced ?? true);
  useEffect(() => {
    if (!provider || provider.synced) {
      setSynced(true);
      return;
    }
    const onSync = (isSynced: boolean) => {
      if (isSynced) setSynced(true);
    };
    provider.on('sync', onSync);
    return () => provider.off('sync', onSync);
  }, [provider]);
  return synced;
}
