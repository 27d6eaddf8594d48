import { useCallback, useEffect, useState } from 'react';
import { ApiError } from '../lib/api';
import { useSession } from './session';

export type Resource<T> =
  | { status: 'loading' }
  | { status: 'loaded'; data: T }
  | { status: 'failed'; error: unknown };

/**
 * Loads one API resource for a page and reloads it on demand. A 401 means the session
 * ended behind our back, so it signs the user out instead of showing a page error.
 * `key` identifies what is loaded; changing it starts over.
 */
export function useApiResource<T>(
  key: string,
  load: (signal: AbortSignal) => Promise<T>,
): { resource: Resource<T>; reload: () => void } {
  const { expire } = useSession();
  const [resource, setResource] = useState<Resource<T>>({ status: 'loading' });
  const [generation, setGeneration] = useState(0);
  const [loadedKey, setLoadedKey] = useState(key);

  if (loadedKey !== key) {
    // A different resource: do not show the previous one while the new one loads.
    setLoadedKey(key);
    setResource({ status: 'loading' });
  }

  useEffect(() => {
    const controller = new AbortController();
    load(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setResource({ status: 'loaded', data });
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        if (error instanceof ApiError && error.status === 401) expire();
        else setResource({ status: 'failed', error });
      },
    );
    return () => controller.abort();
    // `load` is a fresh closure on every render; `key` is what says it loads something new.
  }, [key, generation, expire]);

  // Reloading keeps the current data on screen until the fresh copy arrives.
  const reload = useCallback(() => setGeneration((count) => count + 1), []);
  return { resource, reload };
}
