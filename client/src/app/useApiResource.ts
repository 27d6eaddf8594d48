import { useQuery } from '@tanstack/react-query';
import { useCallback, useEffect } from 'react';
import { ApiError } from '../lib/api';
import { useSession } from './session';

export type Resource<T> =
  | { status: 'loading' }
  | { status: 'loaded'; data: T }
  | { status: 'failed'; error: unknown };

/**
 * Loads one API resource for a page through the app's query cache, and reloads it on
 * demand. A 401 means the session ended behind our back, so it says so through the session
 * instead of showing a page error. `key` identifies what is loaded; changing it starts over.
 */
export function useApiResource<T>(
  key: string,
  load: (signal: AbortSignal) => Promise<T>,
): { resource: Resource<T>; reload: () => void } {
  const { expire } = useSession();
  const query = useQuery({ queryKey: ['api', key], queryFn: ({ signal }) => load(signal) });
  const { error, refetch } = query;

  useEffect(() => {
    if (error instanceof ApiError && error.status === 401) expire();
  }, [error, expire]);

  // Reloading keeps the current data on screen until the fresh copy arrives.
  const reload = useCallback(() => void refetch(), [refetch]);
  const resource: Resource<T> =
    query.data !== undefined ? { status: 'loaded', data: query.data }
    : query.isError ? { status: 'failed', error: query.error }
    : { status: 'loading' };
  return { resource, reload };
}
