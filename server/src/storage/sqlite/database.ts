import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { SQLITE_MIGRATIONS } from '../migrations/sqlite';

export type SqliteDatabase = Database.Database;

/** The database's name inside the data folder. */
export const DATABASE_FILE = 'sakutei.db';

/** Opens (creating if needed) the database file in `dataDir` and brings its schema up to date. */
export function openSqlite(dataDir: string, fileName = DATABASE_FILE): SqliteDatabase {
  fs.mkdirSync(dataDir, { recursive: true });
  const db = new Database(path.join(dataDir, fileName));
  // WAL lets readers (backups, the CLI) work beside the server; NORMAL keeps every
  // committed transaction across a process crash, which is the guarantee we state.
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db);
  return db;
}

/** Applies the migrations this database has not seen, each in its own transaction. */
export function migrate(db: SqliteDatabase): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > SQLITE_MIGRATIONS.length) {
    throw new Error(`Database schema ${current} is newer than this server knows (${SQLITE_MIGRATIONS.length}).`);
  }
  SQLITE_MIGRATIONS.slice(current).forEach((sql, i) => {
    db.transaction(() => {
      db.exec(sql);
      db.pragma(`user_version = ${current + i + 1}`);
    })();
  });
}
