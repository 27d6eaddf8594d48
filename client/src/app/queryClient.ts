import { QueryClient } from '@tanstack/react-query';
import { ApiError } from '../lib/api';

/**
 * Server state for the whole app (TanStack Query): one cache, so two parts of a page that
 * read the same resource make one request, and a page reloading a resource keeps what it
 * shows until the fresh copy arrives. A refusal (4xx) is an answer, not a glitch: only a
 * network failure or a 5xx is tried again, once.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: (failures, error) => failures < 1 && !(error instanceof ApiError && error.status < 500),
        // The plan page is long-lived and its data arrives through its event stream; a
        // refetch whenever the window regains focus would only flicker.
        refetchOnWindowFocus: false,
        staleTime: 10_000,
      },
    },
  });
}
