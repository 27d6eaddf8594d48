import { base64ToBytes } from '@sakutei/shared';
import { useEffect, useState } from 'react';
import * as Y from 'yjs';

/**
 * A local Y.Doc holding a revision's frozen state; null until built. Made in an effect so
 * each mount owns (and destroys) its own, as with the live document.
 */
export function useFrozenDoc(stateBase64: string): Y.Doc | null {
  const [doc, setDoc] = useState<Y.Doc | null>(null);
  useEffect(() => {
    const frozen = new Y.Doc();
    Y.applyUpdate(frozen, base64ToBytes(stateBase64));
    setDoc(frozen);
    return () => {
      setDoc(null);
      frozen.destroy();
    };
  }, [stateBase64]);
  return doc;
}
