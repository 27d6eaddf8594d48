import type { Role } from '@sakutei/shared';
import { PLAN_DETAILS_COLUMNS, type PlanDetailsRow, type PlanStore, planUpdateSet, toPlanDetails } from '../plans';
import type { Pool } from './database';

// Orders follow SQLite's: creation time, ties in insertion order (row_order stands in for rowid).
export function createPostgresPlanStore(pool: Pool): PlanStore {
  return {
    async create(p, at) {
      await pool.query(
        `INSERT INTO plans (id, workspace_id, title, doc_name, created_at, period_from, period_to, status, previous_plan_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [p.id, p.workspaceId, p.title, p.docName, at, p.periodFrom, p.periodTo, p.status, p.previousPlanId],
      );
    },
    async find(id) {
      const { rows } = await pool.query<PlanDetailsRow>(`SELECT ${PLAN_DETAILS_COLUMNS} FROM plans p WHERE p.id = $1`, [id]);
      return rows[0] ? toPlanDetails(rows[0]) : null;
    },
    async listVisibleTo(userId) {
      const { rows } = await pool.query<PlanDetailsRow & { workspace_name: string; role: Role }>(
        `SELECT ${PLAN_DETAILS_COLUMNS}, w.name AS workspace_name, m.role FROM plans p
         JOIN memberships m ON m.workspace_id = p.workspace_id AND m.user_id = $1
         JOIN workspaces w ON w.id = p.workspace_id
         WHERE w.archived_at IS NULL
         ORDER BY p.created_at, p.row_order`,
        [userId],
      );
      return rows.map((r) => ({ ...toPlanDetails(r), workspaceName: r.workspace_name, role: r.role }));
    },
    async update(id, changes) {
      const { set, values } = planUpdateSet(changes, (i) => `$${i}`);
      if (set) await pool.query(`UPDATE plans SET ${set} WHERE id = $${values.length + 1}`, [...values, id]);
    },
    async archive(id, at) {
      const result = await pool.query('UPDATE plans SET archived_at = $1 WHERE id = $2 AND archived_at IS NULL', [at, id]);
      return (result.rowCount ?? 0) > 0;
    },
    async unarchive(id) {
      await pool.query('UPDATE plans SET archived_at = NULL WHERE id = $1', [id]);
    },
    async touchEdited(docName, at) {
      await pool.query('UPDATE plans SET edited_at = $1 WHERE doc_name = $2 AND (edited_at IS NULL OR edited_at < $1)', [at, docName]);
    },
    async nextEditionOf(id) {
      const { rows } = await pool.query<{ id: string }>(
        'SELECT id FROM plans WHERE previous_plan_id = $1 ORDER BY created_at, row_order LIMIT 1',
        [id],
      );
      return rows[0]?.id ?? null;
    },
  };
}
