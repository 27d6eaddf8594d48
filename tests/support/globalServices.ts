import type { TestProject } from 'vitest/node';
import { type Service, ensureServicePackages, startPostgres, startRedis } from './services';

/** What a test file learns about a shared server: where it is, or why there is none. */
export type ServiceInfo = { url: string; error: null } | { url: null; error: string };

declare module 'vitest' {
  export interface ProvidedContext {
    postgres: ServiceInfo;
    redis: ServiceInfo;
  }
}

/**
 * Vitest's globalSetup: one PostgreSQL and one Redis for the whole run (about two seconds),
 * each test file making its own databases on them. A server that cannot start is reported to
 * the tests that need it, which then fail saying why; the other tests run as usual.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const started: Service[] = [];
  let postgres: Promise<Service>;
  let redis: Promise<Service>;
  try {
    ensureServicePackages();
    [postgres, redis] = [startPostgres(), startRedis()];
  } catch (err) {
    postgres = redis = Promise.reject(err);
  }
  const [pg, rd] = await Promise.allSettled([postgres, redis]);
  for (const [key, outcome] of [['postgres', pg], ['redis', rd]] as const) {
    if (outcome.status === 'fulfilled') {
      started.push(outcome.value);
      project.provide(key, { url: outcome.value.url, error: null });
    } else {
      const error = outcome.reason instanceof Error ? outcome.reason.message : String(outcome.reason);
      console.error(`✖ ${key} for the tests did not start: ${error}`);
      project.provide(key, { url: null, error });
    }
  }
  return async () => {
    await Promise.all(started.map((service) => service.stop()));
  };
}
