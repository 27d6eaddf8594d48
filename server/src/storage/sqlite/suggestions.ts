import { SuggestionDeciders } from '@sakutei/shared';
import type { NewAuditEntry } from '../index';
import {
  DECISION_COLUMNS,
  type NewSuggestionDecision,
  SELECT_SUGGESTION_DECISIONS,
  type SuggestionDecisionRow,
  type SuggestionStore,
  decisionValues,
  toSuggestionDecision,
} from '../suggestions';
import { sqliteAuditAppender } from './audit';
import type { SqliteDatabase } from './database';

export function createSqliteSuggestionStore(db: SqliteDatabase): SuggestionStore {
  const q = {
    insert: db.prepare(
      `INSERT INTO suggestion_decisions (${DECISION_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    list: db.prepare<[string, number, number], SuggestionDecisionRow>(
      `${SELECT_SUGGESTION_DECISIONS} WHERE s.plan_id = ? AND s.seq < ? ORDER BY s.seq DESC LIMIT ?`,
    ),
    deciders: db.prepare<[string], { suggestion_deciders: string }>('SELECT suggestion_deciders FROM workspaces WHERE id = ?'),
    setDeciders: db.prepare('UPDATE workspaces SET suggestion_deciders = ? WHERE id = ?'),
  };
  const appendAudit = sqliteAuditAppender(db);
  const record = db.transaction((decisions: NewSuggestionDecision[], audit: NewAuditEntry[]) => {
    for (const d of decisions) q.insert.run(...decisionValues(d));
    for (const entry of audit) appendAudit(entry);
  });
  const setDeciders = db.transaction((workspaceId: string, deciders: SuggestionDeciders, audit: NewAuditEntry) => {
    q.setDeciders.run(deciders, workspaceId);
    appendAudit(audit);
  });
  return {
    async record(decisions, audit) {
      // IMMEDIATE, like an audit append: the write lock first, so the chain's end read inside is the true one.
      record.immediate(decisions, audit);
    },
    async listForPlan(planId, limit, before) {
      return q.list.all(planId, before ?? Number.MAX_SAFE_INTEGER, limit).map(toSuggestionDecision);
    },
    async decidersOf(workspaceId) {
      const row = q.deciders.get(workspaceId);
      return SuggestionDeciders.catch('editors').parse(row?.suggestion_deciders ?? 'editors');
    },
    async setDeciders(workspaceId, deciders, audit) {
      setDeciders.immediate(workspaceId, deciders, audit);
    },
  };
}
