import { randomBytes } from 'node:crypto';
import { SECRET_BYTES } from '../../auth/serverSecret';
import type { Pool } from './database';

/**
 * The signing key every process on this database shares. The first process to ask stores
 * one; the others' inserts do nothing and they all read the same row back.
 */
export async function loadSharedSecret(pool: Pool): Promise<Uint8Array> {
  await pool.query('INSERT INTO server_secret (id, key, created_at) VALUES (1, $1, $2) ON CONFLICT (id) DO NOTHING', [
    randomBytes(SECRET_BYTES),
    Date.now(),
  ]);
  const { rows } = await pool.query<{ key: Buffer }>('SELECT key FROM server_secret WHERE id = 1');
  return new Uint8Array(rows[0]!.key);
}
