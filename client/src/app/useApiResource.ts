import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useCallback, useEffect } from 'react';
import { ApiError } from '../lib/api';
import { useSession } from './session';

export type Resource<T> =
  | { status: 'loading' }
  | { status: 'loaded'; data: T }
  | { status: 'failed'; error: unknown };

/**
 * What identifies a resource in the app's query cache: a name, or its parts in order
 * (['meetings', workspaceId, meetingId]) so that a feature can invalidate a whole family at
 * once through a prefix of them.
 */
export type ApiKey = string | readonly string[];

/** The cache key under which useApiResource keeps a resource (all under 'api'). */
export function apiQueryKey(key: ApiKey): readonly string[] {
  return typeof key === 'string' ? ['api', key] : ['api', ...key];
}

/**
 * How often a resource is read again. The app's default is once, then on demand: most pages
 * learn of changes through their event stream. A resource without one (meetings) polls and
 * reads again when the window regains focus instead.
 */
export type ApiResourceOptions = {
  refetchInterval?: number;
  refetchOnWindowFocus?: boolean;
  /** 'always': read afresh each time a page opens it, even if the cached copy is recent. */
  refetchOnMount?: boolean | 'always';
  /**
   * While a new key loads, keep showing what the previous key loaded (a calendar moving to the
   * next year): the page and the control just used stay in place, and so does the keyboard focus.
   */
  keepPrevious?: boolean;
};

/**
 * Loads one API resource for a page through the app's query cache, and reloads it on
 * demand. A 401 means the session ended behind our back, so it says so through the session
 * instead of showing a page error. `key` identifies what is loaded; changing it starts over.
 */
export function useApiResource<T>(
  key: ApiKey,
  load: (signal: AbortSignal) => Promise<T>,
  options: ApiResourceOptions = {},
): { resource: Resource<T>; reload: () => void } {
  const { expire } = useSession();
  const { keepPrevious, ...refetching } = options;
  const query = useQuery({
    queryKey: apiQueryKey(key),
    queryFn: ({ signal }) => load(signal),
    ...refetching,
    ...(keepPrevious ? { placeholderData: keepPreviousData } : {}),
  });
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
