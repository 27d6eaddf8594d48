import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';

/** The run's shared servers (tests/support/globalServices.ts); throws saying why one is missing. */
function serviceUrl(name: 'postgres' | 'redis'): string {
  const info = inject(name);
  if (!info) throw new Error(`no ${name} for the tests: vitest.config.ts must list tests/support/globalServices.ts in globalSetup`);
  if (info.url === null) throw new Error(`${name} for the tests did not start: ${info.error}`);
  return info.url;
}

export const postgresUrl = () => serviceUrl('postgres');
export const redisUrl = () => serviceUrl('redis');

export type TestDatabase = { name: string; url: string; drop(): Promise<void> };

/**
 * A new database on the shared PostgreSQL: empty, or a copy of `template` (which nothing may
 * be connected to meanwhile). Copying an already migrated database takes a fraction of the
 * time migrating a new one does. `drop` removes it, closing whatever is still connected.
 */
export async function createTestDatabase(options: { template?: TestDatabase } = {}): Promise<TestDatabase> {
  const admin = postgresUrl();
  // Generated here, never user input: CREATE DATABASE takes no parameters for its names.
  const name = `sakutei_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(admin, `CREATE DATABASE ${name}${options.template ? ` TEMPLATE ${options.template.name}` : ''}`);
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return { name, url: url.toString(), drop: () => adminQuery(admin, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

async function adminQuery(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
