import { useEffect, useState } from 'react';
import type * as Y from 'yjs';

/**
 * A plain reading of part of the document, read again whenever anyone changes that part.
 * Reads are batched to one per animation frame: a paste of 200 rows arrives as many small
 * events. `types` and `read` must not change between renders for the same doc (module-level
 * functions), since the subscription follows the doc only.
 */
export function useDocRead<T>(doc: Y.Doc, types: (doc: Y.Doc) => Array<Y.AbstractType<any>>, read: (doc: Y.Doc) => T): T {
  const [value, setValue] = useState(() => read(doc));

  useEffect(() => {
    let frame: number | null = null;
    const schedule = () => {
      if (frame !== null) return;
      frame = requestAnimationFrame(() => {
        frame = null;
        setValue(read(doc));
      });
    };
    const observed = types(doc);
    for (const type of observed) type.observeDeep(schedule);
    setValue(read(doc));
    return () => {
      for (const type of observed) type.unobserveDeep(schedule);
      if (frame !== null) cancelAnimationFrame(frame);
    };
    // The readers are module-level functions: the document alone decides what is observed.
  }, [doc]);

  return value;
}
