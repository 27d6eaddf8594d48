import type { Role } from '@sakutei/shared';
import { type AccountOverview, type AccountTokenStore, type AdminStore, type CouncilRow, type LeaderRow, type TokenRow, toCouncils, toToken } from '../admin';
import type { Pool } from './database';

type AccountRow = { id: string; email: string; name: string; is_admin: boolean; is_demo: boolean; deactivated_at: number | null };

// Orders follow SQLite's (see workspaces.ts): creation time with row_order for ties, text in
// code-point order.
export function createPostgresAdminStore(pool: Pool): AdminStore {
  return {
    async userStatus(userId) {
      const r = (await pool.query<{ is_admin: boolean; deactivated_at: number | null }>('SELECT is_admin, deactivated_at FROM users WHERE id = $1', [userId]))
        .rows[0];
      return r ? { isAdmin: r.is_admin, deactivatedAt: r.deactivated_at } : null;
    },
    async setAdmin(userId, isAdmin) {
      await pool.query('UPDATE users SET is_admin = $1 WHERE id = $2', [isAdmin, userId]);
    },
    async countActiveAdmins(includeDemo = false) {
      const { rows } = await pool.query<{ n: string }>('SELECT count(*) AS n FROM users WHERE is_admin AND deactivated_at IS NULL AND (NOT is_demo OR $1)', [includeDemo]);
      return Number(rows[0]!.n);
    },
    async setDeactivated(userId, at) {
      await pool.query('UPDATE users SET deactivated_at = $1 WHERE id = $2', [at, userId]);
    },
    async listAccounts() {
      const memberships = await pool.query<{ user_id: string; workspace_id: string; workspace_name: string; role: Role }>(
        `SELECT m.user_id, m.workspace_id, w.name AS workspace_name, m.role FROM memberships m
         JOIN workspaces w ON w.id = m.workspace_id ORDER BY w.created_at, w.row_order`,
      );
      const byUser = new Map<string, AccountOverview['memberships']>();
      for (const m of memberships.rows) {
        const list = byUser.get(m.user_id) ?? [];
        list.push({ workspaceId: m.workspace_id, workspaceName: m.workspace_name, role: m.role });
        byUser.set(m.user_id, list);
      }
      const accounts = await pool.query<AccountRow>(
        'SELECT id, email, name, is_admin, is_demo, deactivated_at FROM users ORDER BY name COLLATE "C", email COLLATE "C"',
      );
      return accounts.rows.map((r) => ({
        id: r.id,
        email: r.email,
        name: r.name,
        isAdmin: r.is_admin,
        isDemo: r.is_demo,
        deactivatedAt: r.deactivated_at,
        memberships: byUser.get(r.id) ?? [],
      }));
    },
    async listCouncils() {
      const [councils, leaders] = await Promise.all([
        pool.query<CouncilRow>(
          `SELECT w.id, w.name, w.archived_at, w.created_at,
             (SELECT count(*) FROM memberships m WHERE m.workspace_id = w.id) AS member_count,
             (SELECT count(*) FROM plans p WHERE p.workspace_id = w.id) AS plan_count
           FROM workspaces w ORDER BY w.created_at, w.row_order`,
        ),
        pool.query<LeaderRow>(
          `SELECT m.workspace_id, m.user_id, u.name, u.email, m.role FROM memberships m JOIN users u ON u.id = m.user_id
           WHERE m.role IN ('chair', 'vice_chair', 'staff') ORDER BY m.role COLLATE "C", u.name COLLATE "C"`,
        ),
      ]);
      return toCouncils(councils.rows, leaders.rows);
    },
    async renameWorkspace(id, name) {
      await pool.query('UPDATE workspaces SET name = $1 WHERE id = $2', [name, id]);
    },
    async setWorkspaceArchived(id, at) {
      await pool.query('UPDATE workspaces SET archived_at = $1 WHERE id = $2', [at, id]);
    },
    async workspaceArchivedAt(id) {
      const r = (await pool.query<{ archived_at: number | null }>('SELECT archived_at FROM workspaces WHERE id = $1', [id])).rows[0];
      return r ? r.archived_at : undefined;
    },
  };
}

export function createPostgresAccountTokenStore(pool: Pool): AccountTokenStore {
  return {
    async create(t) {
      await pool.query(
        'INSERT INTO account_tokens (token_hash, kind, user_id, created_by, created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6)',
        [t.tokenHash, t.kind, t.userId, t.createdBy, t.createdAt, t.expiresAt],
      );
    },
    async consume(tokenHash, kind, at) {
      const r = (
        await pool.query<TokenRow>(
          `UPDATE account_tokens SET used_at = $1 WHERE token_hash = $2 AND kind = $3 AND used_at IS NULL AND expires_at > $1
           RETURNING token_hash, kind, user_id, created_by, created_at, expires_at`,
          [at, tokenHash, kind],
        )
      ).rows[0];
      return r ? toToken(r) : null;
    },
    async isUsable(tokenHash, kind, at) {
      const { rowCount } = await pool.query(
        'SELECT 1 FROM account_tokens WHERE token_hash = $1 AND kind = $2 AND used_at IS NULL AND expires_at > $3',
        [tokenHash, kind, at],
      );
      return (rowCount ?? 0) > 0;
    },
    async revokeUnused(kind, userId, at) {
      await pool.query(
        'UPDATE account_tokens SET expires_at = $1 WHERE kind = $2 AND user_id IS NOT DISTINCT FROM $3 AND used_at IS NULL AND expires_at > $1',
        [at, kind, userId],
      );
    },
  };
}
