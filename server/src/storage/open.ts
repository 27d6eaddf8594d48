import type { Storage } from './index';
import { openPostgresStorage } from './postgres';
import { openSqliteStorage } from './sqlite';

/**
 * The storage the configuration names: PostgreSQL when a database URL is given (several
 * server processes may share it), otherwise the SQLite file in the data folder.
 */
export async function openStorage(options: {
  dataDir: string;
  databaseUrl?: string | null;
  /** SQLite: checkpoint the write-ahead log on a thread of its own (for the long-running server). */
  backgroundCheckpoints?: boolean;
}): Promise<Storage> {
  return options.databaseUrl
    ? openPostgresStorage(options.databaseUrl)
    : openSqliteStorage(options.dataDir, { backgroundCheckpoints: options.backgroundCheckpoints });
}
