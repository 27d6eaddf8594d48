import type { AccountStore, UserRecord } from '../index';
import type { Pool } from './database';

type UserRow = { id: string; email: string; name: string; password_hash: string; is_demo: boolean };
const toUser = (r: UserRow | undefined): UserRecord | null =>
  r ? { id: r.id, email: r.email, name: r.name, passwordHash: r.password_hash, isDemo: r.is_demo } : null;

const USER = 'SELECT id, email, name, password_hash, is_demo FROM users';

export function createPostgresAccountStore(pool: Pool): AccountStore {
  return {
    async createUser(u) {
      await pool.query('INSERT INTO users (id, email, name, password_hash, is_demo, created_at) VALUES ($1, $2, $3, $4, $5, $6)', [
        u.id,
        u.email,
        u.name,
        u.passwordHash,
        u.isDemo,
        Date.now(),
      ]);
    },
    async findUserByEmail(email) {
      // lower() on both sides, as the unique index is on lower(email): SQLite's NOCASE.
      return toUser((await pool.query<UserRow>(`${USER} WHERE lower(email) = lower($1)`, [email])).rows[0]);
    },
    async findUserById(id) {
      return toUser((await pool.query<UserRow>(`${USER} WHERE id = $1`, [id])).rows[0]);
    },
    async setPassword(userId, hash) {
      await pool.query('UPDATE users SET password_hash = $1 WHERE id = $2', [hash, userId]);
    },
    async createSession(s) {
      await pool.query('INSERT INTO sessions (id, user_id, expires_at) VALUES ($1, $2, $3)', [s.id, s.userId, s.expiresAt]);
    },
    async findSession(id) {
      const { rows } = await pool.query<{ id: string; user_id: string; expires_at: number }>(
        'SELECT id, user_id, expires_at FROM sessions WHERE id = $1',
        [id],
      );
      const r = rows[0];
      return r ? { id: r.id, userId: r.user_id, expiresAt: r.expires_at } : null;
    },
    async setSessionExpiry(id, expiresAt) {
      await pool.query('UPDATE sessions SET expires_at = $1 WHERE id = $2', [expiresAt, id]);
    },
    async deleteSession(id) {
      await pool.query('DELETE FROM sessions WHERE id = $1', [id]);
    },
    async deleteUserSessions(userId) {
      await pool.query('DELETE FROM sessions WHERE user_id = $1', [userId]);
    },
  };
}
