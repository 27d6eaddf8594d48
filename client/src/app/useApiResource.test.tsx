import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../lib/api';
import { type ApiKey, type ApiResourceOptions, apiQueryKey, useApiResource } from './useApiResource';

const expire = vi.fn();
vi.mock('./session', () => ({ useSession: () => ({ expire }) }));
afterEach(() => expire.mockClear());

function Shows({ name, load, options }: { name: ApiKey; load: () => Promise<string>; options?: ApiResourceOptions }) {
  const { resource } = useApiResource(name, load, options);
  return <p data-testid="shown">{resource.status === 'loaded' ? resource.data : resource.status}</p>;
}

const client = () => new QueryClient({ defaultOptions: { queries: { retry: false } } });

describe('useApiResource', () => {
  it('keeps a resource under api, by name or by its parts, so a family is invalidated by a prefix', async () => {
    expect(apiQueryKey('plans')).toEqual(['api', 'plans']);
    expect(apiQueryKey(['meetings', 'w-1', 'm-1'])).toEqual(['api', 'meetings', 'w-1', 'm-1']);
    const queries = client();
    let reads = 0;
    render(
      <QueryClientProvider client={queries}>
        <Shows name={['meetings', 'w-1', 'm-1']} load={async () => `read ${++reads}`} />
      </QueryClientProvider>,
    );
    await waitFor(() => expect(screen.getByTestId('shown').textContent).toBe('read 1'));
    await queries.invalidateQueries({ queryKey: apiQueryKey(['meetings', 'w-1']) });
    await waitFor(() => expect(screen.getByTestId('shown').textContent).toBe('read 2'));
  });

  it('reads again on its own with a polling interval (meetings have no event stream)', async () => {
    let reads = 0;
    render(
      <QueryClientProvider client={client()}>
        <Shows name="polled" load={async () => `read ${++reads}`} options={{ refetchInterval: 20 }} />
      </QueryClientProvider>,
    );
    await waitFor(() => expect(reads).toBeGreaterThanOrEqual(3));
    await waitFor(() => expect(screen.getByTestId('shown').textContent).toMatch(/^read [3-9]/));
  });

  it('says a 401 through the session instead of failing the page alone', async () => {
    render(
      <QueryClientProvider client={client()}>
        <Shows name="gone" load={async () => Promise.reject(new ApiError(401, 'unauthenticated', 'Sign in.'))} />
      </QueryClientProvider>,
    );
    await waitFor(() => expect(screen.getByTestId('shown').textContent).toBe('failed'));
    expect(expire).toHaveBeenCalled();
  });
});
