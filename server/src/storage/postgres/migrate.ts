import { POSTGRES_MIGRATIONS } from '../migrations/postgres';
import { LOCK_SPACE } from './locks';
import type { Pool } from './database';

/**
 * Applies the migrations this database has not seen, each in its own transaction. Holds an
 * advisory lock throughout, so processes starting together on an empty database take turns:
 * the first migrates, the others then find nothing left to do.
 */
export async function migrate(pool: Pool): Promise<void> {
  const client = await pool.connect();
  let healthy = false;
  try {
    await client.query('SELECT pg_advisory_lock($1, 0)', [LOCK_SPACE.migrations]);
    await client.query('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at BIGINT NOT NULL)');
    const { rows } = await client.query<{ version: number | null }>('SELECT MAX(version) AS version FROM schema_migrations');
    const current = rows[0]?.version ?? 0;
    if (current > POSTGRES_MIGRATIONS.length) {
      throw new Error(`Database schema ${current} is newer than this server knows (${POSTGRES_MIGRATIONS.length}).`);
    }
    for (const [i, sql] of POSTGRES_MIGRATIONS.entries()) {
      if (i < current) continue;
      await client.query('BEGIN');
      await client.query(sql);
      await client.query('INSERT INTO schema_migrations (version, applied_at) VALUES ($1, $2)', [i + 1, Date.now()]);
      await client.query('COMMIT');
    }
    await client.query('SELECT pg_advisory_unlock($1, 0)', [LOCK_SPACE.migrations]);
    healthy = true;
  } finally {
    // On any failure the connection is closed rather than rolled back: that aborts an open
    // transaction and releases the lock in one step, whatever state the session was left in.
    client.release(!healthy);
  }
}
