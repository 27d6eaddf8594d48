import type { Role } from '@sakutei/shared';
import type { PlanRecord, VisiblePlan, WorkspaceStore } from '../index';
import { type PlanRow, toPlan } from '../rows';
import type { SqliteDatabase } from './database';


// Lists in creation order: rowid (insertion order) breaks ties between equal millisecond times.
export function createSqliteWorkspaceStore(db: SqliteDatabase): WorkspaceStore {
  const q = {
    anyWorkspace: db.prepare('SELECT 1 FROM workspaces LIMIT 1'),
    insertWorkspace: db.prepare('INSERT INTO workspaces (id, name, created_at) VALUES (?, ?, ?)'),
    workspace: db.prepare<[string], { id: string; name: string }>('SELECT id, name FROM workspaces WHERE id = ?'),
    workspaces: db.prepare<[], { id: string; name: string }>('SELECT id, name FROM workspaces ORDER BY created_at, rowid'),
    upsertMembership: db.prepare(
      `INSERT INTO memberships (workspace_id, user_id, role) VALUES (?, ?, ?)
       ON CONFLICT (workspace_id, user_id) DO UPDATE SET role = excluded.role`,
    ),
    deleteMembership: db.prepare('DELETE FROM memberships WHERE workspace_id = ? AND user_id = ?'),
    role: db.prepare<[string, string], { role: Role }>(
      'SELECT role FROM memberships WHERE workspace_id = ? AND user_id = ?',
    ),
    members: db.prepare<[string], { user_id: string; email: string; name: string; role: Role }>(
      `SELECT m.user_id, u.email, u.name, m.role FROM memberships m JOIN users u ON u.id = m.user_id
       WHERE m.workspace_id = ? ORDER BY u.name`,
    ),
    membershipsOf: db.prepare<[string], { id: string; name: string; role: Role }>(
      `SELECT w.id, w.name, m.role FROM memberships m JOIN workspaces w ON w.id = m.workspace_id
       WHERE m.user_id = ? ORDER BY w.created_at, w.rowid`,
    ),
    insertPlan: db.prepare('INSERT INTO plans (id, workspace_id, title, doc_name, created_at) VALUES (?, ?, ?, ?, ?)'),
    plan: db.prepare<[string], PlanRow>('SELECT * FROM plans WHERE id = ?'),
    planByDoc: db.prepare<[string], PlanRow>('SELECT * FROM plans WHERE doc_name = ?'),
    visiblePlans: db.prepare<[string], PlanRow & { workspace_name: string; role: Role }>(
      `SELECT p.*, w.name AS workspace_name, m.role FROM plans p
       JOIN memberships m ON m.workspace_id = p.workspace_id AND m.user_id = ?
       JOIN workspaces w ON w.id = p.workspace_id
       ORDER BY p.created_at, p.rowid`,
    ),
  };
  return {
    async isEmpty() {
      return q.anyWorkspace.get() === undefined;
    },
    async createWorkspace(w) {
      q.insertWorkspace.run(w.id, w.name, Date.now());
    },
    async findWorkspace(id) {
      return q.workspace.get(id) ?? null;
    },
    async listWorkspaces() {
      return q.workspaces.all();
    },
    async setMembership(workspaceId, userId, role) {
      q.upsertMembership.run(workspaceId, userId, role);
    },
    async removeMembership(workspaceId, userId) {
      return q.deleteMembership.run(workspaceId, userId).changes > 0;
    },
    async roleOf(workspaceId, userId) {
      return q.role.get(workspaceId, userId)?.role ?? null;
    },
    async listMembers(workspaceId) {
      return q.members.all(workspaceId).map((r) => ({ userId: r.user_id, email: r.email, name: r.name, role: r.role }));
    },
    async listMembershipsOf(userId) {
      return q.membershipsOf.all(userId).map((r) => ({ workspace: { id: r.id, name: r.name }, role: r.role }));
    },
    async createPlan(p) {
      q.insertPlan.run(p.id, p.workspaceId, p.title, p.docName, Date.now());
    },
    async findPlan(id) {
      return toPlan(q.plan.get(id));
    },
    async findPlanByDocName(docName) {
      return toPlan(q.planByDoc.get(docName));
    },
    async listPlansVisibleTo(userId): Promise<VisiblePlan[]> {
      return q.visiblePlans.all(userId).map((r) => ({
        ...(toPlan(r) as PlanRecord),
        workspaceName: r.workspace_name,
        role: r.role,
      }));
    },
  };
}
