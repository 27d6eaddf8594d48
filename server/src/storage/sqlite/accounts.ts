import type { AccountStore, SessionRecord, UserRecord } from '../index';
import type { SqliteDatabase } from './database';

type UserRow = { id: string; email: string; name: string; password_hash: string; is_demo: number };
const toUser = (r: UserRow | undefined): UserRecord | null =>
  r ? { id: r.id, email: r.email, name: r.name, passwordHash: r.password_hash, isDemo: r.is_demo === 1 } : null;

export function createSqliteAccountStore(db: SqliteDatabase): AccountStore {
  const q = {
    insertUser: db.prepare(
      'INSERT INTO users (id, email, name, password_hash, is_demo, created_at) VALUES (?, ?, ?, ?, ?, ?)',
    ),
    userByEmail: db.prepare<[string], UserRow>('SELECT * FROM users WHERE email = ?'),
    userById: db.prepare<[string], UserRow>('SELECT * FROM users WHERE id = ?'),
    setPassword: db.prepare('UPDATE users SET password_hash = ? WHERE id = ?'),
    insertSession: db.prepare('INSERT INTO sessions (id, user_id, expires_at) VALUES (?, ?, ?)'),
    session: db.prepare<[string], { id: string; user_id: string; expires_at: number }>(
      'SELECT id, user_id, expires_at FROM sessions WHERE id = ?',
    ),
    setExpiry: db.prepare('UPDATE sessions SET expires_at = ? WHERE id = ?'),
    deleteSession: db.prepare('DELETE FROM sessions WHERE id = ?'),
    deleteUserSessions: db.prepare('DELETE FROM sessions WHERE user_id = ?'),
  };
  return {
    async createUser(u) {
      q.insertUser.run(u.id, u.email, u.name, u.passwordHash, u.isDemo ? 1 : 0, Date.now());
    },
    async findUserByEmail(email) {
      return toUser(q.userByEmail.get(email));
    },
    async findUserById(id) {
      return toUser(q.userById.get(id));
    },
    async setPassword(userId, hash) {
      q.setPassword.run(hash, userId);
    },
    async createSession(s: SessionRecord) {
      q.insertSession.run(s.id, s.userId, s.expiresAt);
    },
    async findSession(id) {
      const r = q.session.get(id);
      return r ? { id: r.id, userId: r.user_id, expiresAt: r.expires_at } : null;
    },
    async setSessionExpiry(id, expiresAt) {
      q.setExpiry.run(expiresAt, id);
    },
    async deleteSession(id) {
      q.deleteSession.run(id);
    },
    async deleteUserSessions(userId) {
      q.deleteUserSessions.run(userId);
    },
  };
}
