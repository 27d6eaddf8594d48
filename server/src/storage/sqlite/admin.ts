import type { Role } from '@sakutei/shared';
import { type AccountOverview, type AccountTokenStore, type AdminStore, type CouncilRow, type LeaderRow, type TokenRow, toCouncils, toToken } from '../admin';
import type { SqliteDatabase } from './database';

type AccountRow = { id: string; email: string; name: string; is_admin: number; is_demo: number; deactivated_at: number | null };
export function createSqliteAdminStore(db: SqliteDatabase): AdminStore {
  const q = {
    status: db.prepare<[string], { is_admin: number; deactivated_at: number | null }>('SELECT is_admin, deactivated_at FROM users WHERE id = ?'),
    setAdmin: db.prepare('UPDATE users SET is_admin = ? WHERE id = ?'),
    countAdmins: db.prepare<[number], { n: number }>('SELECT count(*) AS n FROM users WHERE is_admin = 1 AND deactivated_at IS NULL AND (is_demo = 0 OR ?)'),
    setDeactivated: db.prepare('UPDATE users SET deactivated_at = ? WHERE id = ?'),
    accounts: db.prepare<[], AccountRow>('SELECT id, email, name, is_admin, is_demo, deactivated_at FROM users ORDER BY name, email'),
    memberships: db.prepare<[], { user_id: string; workspace_id: string; workspace_name: string; role: Role }>(
      `SELECT m.user_id, m.workspace_id, w.name AS workspace_name, m.role FROM memberships m
       JOIN workspaces w ON w.id = m.workspace_id ORDER BY w.created_at, w.rowid`,
    ),
    councils: db.prepare<[], CouncilRow>(
      `SELECT w.id, w.name, w.archived_at, w.created_at,
         (SELECT count(*) FROM memberships m WHERE m.workspace_id = w.id) AS member_count,
         (SELECT count(*) FROM plans p WHERE p.workspace_id = w.id) AS plan_count
       FROM workspaces w ORDER BY w.created_at, w.rowid`,
    ),
    leaders: db.prepare<[], LeaderRow>(
      `SELECT m.workspace_id, m.user_id, u.name, u.email, m.role FROM memberships m JOIN users u ON u.id = m.user_id
       WHERE m.role IN ('chair', 'vice_chair', 'staff') ORDER BY m.role, u.name`,
    ),
    rename: db.prepare('UPDATE workspaces SET name = ? WHERE id = ?'),
    archive: db.prepare('UPDATE workspaces SET archived_at = ? WHERE id = ?'),
    archivedAt: db.prepare<[string], { archived_at: number | null }>('SELECT archived_at FROM workspaces WHERE id = ?'),
  };
  return {
    async userStatus(userId) {
      const r = q.status.get(userId);
      return r ? { isAdmin: r.is_admin === 1, deactivatedAt: r.deactivated_at } : null;
    },
    async setAdmin(userId, isAdmin) {
      q.setAdmin.run(isAdmin ? 1 : 0, userId);
    },
    async countActiveAdmins(includeDemo = false) {
      return q.countAdmins.get(includeDemo ? 1 : 0)!.n;
    },
    async setDeactivated(userId, at) {
      q.setDeactivated.run(at, userId);
    },
    async listAccounts() {
      const byUser = new Map<string, AccountOverview['memberships']>();
      for (const m of q.memberships.all()) {
        const list = byUser.get(m.user_id) ?? [];
        list.push({ workspaceId: m.workspace_id, workspaceName: m.workspace_name, role: m.role });
        byUser.set(m.user_id, list);
      }
      return q.accounts.all().map((r) => ({
        id: r.id,
        email: r.email,
        name: r.name,
        isAdmin: r.is_admin === 1,
        isDemo: r.is_demo === 1,
        deactivatedAt: r.deactivated_at,
        memberships: byUser.get(r.id) ?? [],
      }));
    },
    async listCouncils() {
      return toCouncils(q.councils.all(), q.leaders.all());
    },
    async renameWorkspace(id, name) {
      q.rename.run(name, id);
    },
    async setWorkspaceArchived(id, at) {
      q.archive.run(at, id);
    },
    async workspaceArchivedAt(id) {
      const r = q.archivedAt.get(id);
      return r ? r.archived_at : undefined;
    },
  };
}

export function createSqliteAccountTokenStore(db: SqliteDatabase): AccountTokenStore {
  const q = {
    insert: db.prepare(
      'INSERT INTO account_tokens (token_hash, kind, user_id, created_by, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)',
    ),
    consume: db.prepare<[number, string, string, number], TokenRow>(
      `UPDATE account_tokens SET used_at = ? WHERE token_hash = ? AND kind = ? AND used_at IS NULL AND expires_at > ?
       RETURNING token_hash, kind, user_id, created_by, created_at, expires_at`,
    ),
    usable: db.prepare<[string, string, number], { one: number }>(
      'SELECT 1 AS one FROM account_tokens WHERE token_hash = ? AND kind = ? AND used_at IS NULL AND expires_at > ?',
    ),
    // A revoked link is one that expired now: it stays in the table, unusable.
    revoke: db.prepare('UPDATE account_tokens SET expires_at = ? WHERE kind = ? AND user_id IS ? AND used_at IS NULL AND expires_at > ?'),
  };
  return {
    async create(t) {
      q.insert.run(t.tokenHash, t.kind, t.userId, t.createdBy, t.createdAt, t.expiresAt);
    },
    async consume(tokenHash, kind, at) {
      const r = q.consume.get(at, tokenHash, kind, at);
      return r ? toToken(r) : null;
    },
    async isUsable(tokenHash, kind, at) {
      return q.usable.get(tokenHash, kind, at) !== undefined;
    },
    async revokeUnused(kind, userId, at) {
      q.revoke.run(at, kind, userId, at);
    },
  };
}
