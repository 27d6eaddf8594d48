import type { Role } from '@sakutei/shared';
import { PLAN_DETAILS_COLUMNS, type PlanDetailsRow, type PlanStore, planUpdateSet, toPlanDetails } from '../plans';
import type { SqliteDatabase } from './database';

export function createSqlitePlanStore(db: SqliteDatabase): PlanStore {
  const q = {
    insert: db.prepare(
      `INSERT INTO plans (id, workspace_id, title, doc_name, created_at, period_from, period_to, status, previous_plan_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    find: db.prepare<[string], PlanDetailsRow>(`SELECT ${PLAN_DETAILS_COLUMNS} FROM plans p WHERE p.id = ?`),
    visible: db.prepare<[string], PlanDetailsRow & { workspace_name: string; role: Role }>(
      `SELECT ${PLAN_DETAILS_COLUMNS}, w.name AS workspace_name, m.role FROM plans p
       JOIN memberships m ON m.workspace_id = p.workspace_id AND m.user_id = ?
       JOIN workspaces w ON w.id = p.workspace_id
       WHERE w.archived_at IS NULL
       ORDER BY p.created_at, p.rowid`,
    ),
    archive: db.prepare('UPDATE plans SET archived_at = ? WHERE id = ? AND archived_at IS NULL'),
    unarchive: db.prepare('UPDATE plans SET archived_at = NULL WHERE id = ?'),
    touch: db.prepare('UPDATE plans SET edited_at = ? WHERE doc_name = ? AND (edited_at IS NULL OR edited_at < ?)'),
    next: db.prepare<[string], { id: string }>('SELECT id FROM plans WHERE previous_plan_id = ? ORDER BY created_at, rowid LIMIT 1'),
  };
  return {
    async create(p, at) {
      q.insert.run(p.id, p.workspaceId, p.title, p.docName, at, p.periodFrom, p.periodTo, p.status, p.previousPlanId);
    },
    async find(id) {
      const row = q.find.get(id);
      return row ? toPlanDetails(row) : null;
    },
    async listVisibleTo(userId) {
      return q.visible.all(userId).map((r) => ({ ...toPlanDetails(r), workspaceName: r.workspace_name, role: r.role }));
    },
    async update(id, changes) {
      const { set, values } = planUpdateSet(changes, () => '?');
      if (set) db.prepare(`UPDATE plans SET ${set} WHERE id = ?`).run(...values, id);
    },
    async archive(id, at) {
      return q.archive.run(at, id).changes > 0;
    },
    async unarchive(id) {
      q.unarchive.run(id);
    },
    async touchEdited(docName, at) {
      q.touch.run(at, docName, at);
    },
    async nextEditionOf(id) {
      return q.next.get(id)?.id ?? null;
    },
  };
}
