import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { SECRET_BYTES, SECRET_FILE } from '../../auth/serverSecret';
import { SQLITE_MIGRATIONS } from '../migrations/sqlite';
import { runningServerPid } from '../serverPid';
import { DATABASE_FILE } from './database';

/** A refusal or failure with a message meant for the operator as it stands. */
export class BackupError extends Error {}

/** What a verified database file holds. */
export type DatabaseFacts = {
  file: string;
  bytes: number;
  schema: number;
  counts: { plans: number; threads: number; revisions: number; docUpdates: number };
};

/**
 * How the server secret travelled with a restore. It only signs collab tokens (minutes long);
 * sessions are stored hashed in the database and survive a restore either way.
 */
export type SecretOutcome = 'copied' | 'kept' | 'created at first start';

/** Tables every Sakutei database has had since migration 1. */
const CORE_TABLES = ['users', 'workspaces', 'plans', 'doc_updates', 'doc_snapshots'];

/**
 * Copies the live database to `to` with SQLite's online backup API, safely beside a running
 * server: the copy is one consistent snapshot, written to a temporary file, verified, then
 * renamed into place, so `to` is never a half-written backup (an older one stays until then).
 */
export async function backupDatabase(dataDir: string, to: string): Promise<DatabaseFacts> {
  const source = path.join(dataDir, DATABASE_FILE);
  if (!fs.existsSync(source)) throw new BackupError(`no database at ${source} (is SAKUTEI_DATA_DIR right?)`);
  const dest = path.resolve(to);
  if (!fs.existsSync(path.dirname(dest))) throw new BackupError(`folder ${path.dirname(dest)} does not exist`);
  if (fs.existsSync(dest) && fs.statSync(dest).isDirectory()) throw new BackupError(`${dest} is a folder; name the backup file`);
  if (sameFile(dest, source) || [source + '-wal', source + '-shm'].includes(dest)) {
    throw new BackupError(`${dest} is the live database; back up to another file`);
  }

  const tmp = `${dest}.tmp-${process.pid}`;
  removeDatabaseFiles(tmp);
  try {
    const db = new Database(source, { fileMustExist: true });
    try {
      db.pragma('busy_timeout = 5000');
      // All pages in one step: one read transaction, so one consistent snapshot. In WAL mode
      // that does not block the server's writes, and small steps would restart on every one
      // of them (the server writes as often as people type).
      await db.backup(tmp, { progress: () => 0x7fffffff });
    } finally {
      db.close();
    }
    const facts = verifyDatabase(tmp);
    fsyncFile(tmp);
    fs.renameSync(tmp, dest);
    fsyncFile(path.dirname(dest));
    return { ...facts, file: dest };
  } catch (err) {
    removeDatabaseFiles(tmp);
    throw err;
  }
}

/**
 * Puts a backup in place as the data folder's database. Refuses beside a running server, over
 * an existing database without `force`, and a file that is damaged or from a newer Sakutei;
 * everything is checked before anything in the data folder changes. A replaced database is
 * kept beside the new one (`sakutei.db.replaced-<time>`), never deleted.
 */
export function restoreDatabase(
  dataDir: string,
  from: string,
  options: { force: boolean },
): { facts: DatabaseFacts; replaced: string | null; secret: SecretOutcome } {
  const backup = path.resolve(from);
  if (!fs.existsSync(backup) || !fs.statSync(backup).isFile()) throw new BackupError(`no backup file at ${backup}`);
  const target = path.join(dataDir, DATABASE_FILE);
  if (sameFile(backup, target)) throw new BackupError(`${backup} is the data folder's own database`);

  const pid = runningServerPid(dataDir);
  if (pid !== null) {
    throw new BackupError(
      `a server (pid ${pid}) is using ${dataDir}; stop it first. ` +
        `If no server runs there, delete ${path.join(dataDir, 'server.pid')}.`,
    );
  }
  const existing = fs.existsSync(target) || fs.existsSync(target + '-wal');
  if (existing && !options.force) {
    throw new BackupError(
      `${dataDir} already holds a database; restoring would replace it. ` +
        `Add --force to replace it (the current one is kept beside it, renamed).`,
    );
  }
  const secretSource = path.join(path.dirname(backup), SECRET_FILE);
  const secretTarget = path.join(dataDir, SECRET_FILE);
  const carrySecret = secretSource !== path.resolve(secretTarget) && fs.existsSync(secretSource);
  if (carrySecret && fs.statSync(secretSource).size < SECRET_BYTES) {
    throw new BackupError(`${secretSource} is not a server secret (shorter than ${SECRET_BYTES} bytes)`);
  }

  fs.mkdirSync(dataDir, { recursive: true });
  // Checked as the very copy that is installed, so what was verified is what the server opens.
  const tmp = path.join(dataDir, `${DATABASE_FILE}.restoring-${process.pid}`);
  removeDatabaseFiles(tmp);
  let facts: DatabaseFacts;
  try {
    fs.copyFileSync(backup, tmp);
    facts = { ...verifyDatabase(tmp, backup), file: backup };
    fsyncFile(tmp);
  } catch (err) {
    removeDatabaseFiles(tmp);
    throw err;
  }

  let replaced: string | null = null;
  if (existing) {
    replaced = `${target}.replaced-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    // The old log moves with it under the name SQLite pairs with it; left behind, it would be
    // replayed into the restored database and corrupt it.
    if (fs.existsSync(target)) fs.renameSync(target, replaced);
    if (fs.existsSync(target + '-wal')) fs.renameSync(target + '-wal', replaced + '-wal');
    fs.rmSync(target + '-shm', { force: true });
  }
  fs.renameSync(tmp, target);

  let secret: SecretOutcome = fs.existsSync(secretTarget) ? 'kept' : 'created at first start';
  if (carrySecret) {
    const secretTmp = `${secretTarget}.restoring-${process.pid}`;
    fs.copyFileSync(secretSource, secretTmp);
    fs.chmodSync(secretTmp, 0o600);
    fs.renameSync(secretTmp, secretTarget);
    secret = 'copied';
  }
  fsyncFile(dataDir);
  return { facts, replaced, secret };
}

/**
 * Checks a database file: SQLite's integrity check, a schema this server knows, the core
 * tables. Leaves it a single self-contained file (rollback journal, no -wal beside it); the
 * server switches it back to WAL when it opens it.
 */
export function verifyDatabase(file: string, shownAs = file): Omit<DatabaseFacts, 'file'> {
  let db: Database.Database;
  try {
    db = new Database(file, { fileMustExist: true });
  } catch (err) {
    throw new BackupError(`${shownAs} cannot be opened: ${(err as Error).message}`);
  }
  try {
    let problems: string[];
    let schema: number;
    try {
      db.pragma('journal_mode = DELETE');
      problems = (db.pragma('integrity_check') as Array<{ integrity_check: string }>).map((r) => r.integrity_check);
      schema = db.pragma('user_version', { simple: true }) as number;
    } catch (err) {
      throw new BackupError(`${shownAs} is not a usable SQLite database: ${(err as Error).message}`);
    }
    if (problems.join() !== 'ok') {
      throw new BackupError(`${shownAs} fails the integrity check: ${problems.slice(0, 5).join('; ')}`);
    }
    if (schema > SQLITE_MIGRATIONS.length) {
      throw new BackupError(`${shownAs} has schema ${schema}, newer than this Sakutei knows (${SQLITE_MIGRATIONS.length}); upgrade first`);
    }
    const tables = new Set(db.prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table'").all().map((r) => r.name));
    const missing = CORE_TABLES.filter((t) => !tables.has(t));
    if (schema < 1 || missing.length > 0) throw new BackupError(`${shownAs} is not a Sakutei database (schema ${schema}, missing ${missing.join(', ') || 'nothing'})`);
    // Tables a migration added later are absent from an older backup: zero rows, not an error.
    const count = (table: string) =>
      tables.has(table) ? db.prepare<[], { n: number }>(`SELECT count(*) AS n FROM ${table}`).get()!.n : 0;
    return {
      bytes: fs.statSync(file).size,
      schema,
      counts: { plans: count('plans'), threads: count('threads'), revisions: count('revisions'), docUpdates: count('doc_updates') },
    };
  } finally {
    db.close();
  }
}

function sameFile(a: string, b: string): boolean {
  try {
    return fs.realpathSync(a) === fs.realpathSync(b);
  } catch {
    return path.resolve(a) === path.resolve(b);
  }
}

function removeDatabaseFiles(file: string): void {
  for (const f of [file, file + '-wal', file + '-shm', file + '-journal']) fs.rmSync(f, { force: true });
}

/** A rename is only as durable as the data and the folder entry it points to. */
function fsyncFile(file: string): void {
  const fd = fs.openSync(file, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}
