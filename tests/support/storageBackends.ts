import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach } from 'vitest';
import type { Storage } from '../../server/src/storage/index';
import { openPostgresStorage } from '../../server/src/storage/postgres';
import { openSqliteStorage } from '../../server/src/storage/sqlite';
import { type TestDatabase, createTestDatabase } from './testServices';

/** One test case's storage, and a second handle on the same database (another process). */
export type OpenedStorage = { storage: Storage; another(): Promise<Storage> };

export type StorageBackend = readonly [name: 'sqlite' | 'postgres', open: () => Promise<OpenedStorage>];

/**
 * The two backends a storage contract runs on, each case on storage of its own: SQLite in a
 * fresh folder, PostgreSQL in a fresh database cloned from a migrated template (migrating
 * once per file, not per case). Registers the hooks that close and delete them, so call it
 * once at the top of a test file. `cleanups` takes whatever else a file opens.
 */
export function storageBackends(prefix: string) {
  const cleanups: Array<() => Promise<unknown> | unknown> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });
  let template: Promise<TestDatabase> | null = null;
  afterAll(async () => {
    await template?.then((database) => database.drop(), () => undefined);
  });

  const opener = (openOne: () => Promise<Storage>) => async (): Promise<OpenedStorage> => ({ storage: await openOne(), another: openOne });

  const sqlite = async (): Promise<OpenedStorage> => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), `sakutei-${prefix}-`));
    cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
    return opener(async () => {
      const storage = openSqliteStorage(dir);
      cleanups.push(() => storage.close());
      return storage;
    })();
  };

  const postgres = async (): Promise<OpenedStorage> => {
    template ??= (async () => {
      const database = await createTestDatabase();
      await (await openPostgresStorage(database.url)).close();
      return database;
    })();
    const database = await createTestDatabase({ template: await template });
    cleanups.push(() => database.drop());
    return opener(async () => {
      const storage = await openPostgresStorage(database.url);
      cleanups.push(() => storage.close());
      return storage;
    })();
  };

  const backends: StorageBackend[] = [
    ['sqlite', sqlite],
    ['postgres', postgres],
  ];
  return { backends, cleanups };
}
