import type { Role } from '@sakutei/shared';
import type { PlanRecord, VisiblePlan, WorkspaceStore } from '../index';
import { type PlanRow, toPlan } from '../rows';
import type { Pool } from './database';


const PLAN = 'SELECT id, workspace_id, title, doc_name FROM plans';

// Orders follow SQLite's: by creation time, ties in insertion order (row_order stands in for
// its rowid), and text in code-point order (COLLATE "C" is SQLite's BINARY in UTF-8, whatever
// locale the database was created with).
export function createPostgresWorkspaceStore(pool: Pool): WorkspaceStore {
  return {
    async isEmpty() {
      return (await pool.query('SELECT 1 FROM workspaces LIMIT 1')).rowCount === 0;
    },
    async createWorkspace(w) {
      await pool.query('INSERT INTO workspaces (id, name, created_at) VALUES ($1, $2, $3)', [w.id, w.name, Date.now()]);
    },
    async findWorkspace(id) {
      return (await pool.query<{ id: string; name: string }>('SELECT id, name FROM workspaces WHERE id = $1', [id])).rows[0] ?? null;
    },
    async listWorkspaces() {
      return (await pool.query<{ id: string; name: string }>('SELECT id, name FROM workspaces ORDER BY created_at, row_order')).rows;
    },
    async setMembership(workspaceId, userId, role) {
      await pool.query(
        `INSERT INTO memberships (workspace_id, user_id, role) VALUES ($1, $2, $3)
         ON CONFLICT (workspace_id, user_id) DO UPDATE SET role = excluded.role`,
        [workspaceId, userId, role],
      );
    },
    async removeMembership(workspaceId, userId) {
      const result = await pool.query('DELETE FROM memberships WHERE workspace_id = $1 AND user_id = $2', [workspaceId, userId]);
      return (result.rowCount ?? 0) > 0;
    },
    async roleOf(workspaceId, userId) {
      const { rows } = await pool.query<{ role: Role }>('SELECT role FROM memberships WHERE workspace_id = $1 AND user_id = $2', [
        workspaceId,
        userId,
      ]);
      return rows[0]?.role ?? null;
    },
    async listMembers(workspaceId) {
      const { rows } = await pool.query<{ user_id: string; email: string; name: string; role: Role }>(
        `SELECT m.user_id, u.email, u.name, m.role FROM memberships m JOIN users u ON u.id = m.user_id
         WHERE m.workspace_id = $1 ORDER BY u.name COLLATE "C"`,
        [workspaceId],
      );
      return rows.map((r) => ({ userId: r.user_id, email: r.email, name: r.name, role: r.role }));
    },
    async listMembershipsOf(userId) {
      const { rows } = await pool.query<{ id: string; name: string; role: Role }>(
        `SELECT w.id, w.name, m.role FROM memberships m JOIN workspaces w ON w.id = m.workspace_id
         WHERE m.user_id = $1 ORDER BY w.created_at, w.row_order`,
        [userId],
      );
      return rows.map((r) => ({ workspace: { id: r.id, name: r.name }, role: r.role }));
    },
    async createPlan(p) {
      await pool.query('INSERT INTO plans (id, workspace_id, title, doc_name, created_at) VALUES ($1, $2, $3, $4, $5)', [
        p.id,
        p.workspaceId,
        p.title,
        p.docName,
        Date.now(),
      ]);
    },
    async findPlan(id) {
      return toPlan((await pool.query<PlanRow>(`${PLAN} WHERE id = $1`, [id])).rows[0]);
    },
    async findPlanByDocName(docName) {
      return toPlan((await pool.query<PlanRow>(`${PLAN} WHERE doc_name = $1`, [docName])).rows[0]);
    },
    async listPlansVisibleTo(userId): Promise<VisiblePlan[]> {
      const { rows } = await pool.query<PlanRow & { workspace_name: string; role: Role }>(
        `SELECT p.id, p.workspace_id, p.title, p.doc_name, w.name AS workspace_name, m.role FROM plans p
         JOIN memberships m ON m.workspace_id = p.workspace_id AND m.user_id = $1
         JOIN workspaces w ON w.id = p.workspace_id
         ORDER BY p.created_at, p.row_order`,
        [userId],
      );
      return rows.map((r) => ({ ...(toPlan(r) as PlanRecord), workspaceName: r.workspace_name, role: r.role }));
    },
  };
}
