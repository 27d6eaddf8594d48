import { SuggestionDeciders } from '@sakutei/shared';
import { DECISION_COLUMNS, SELECT_SUGGESTION_DECISIONS, type SuggestionDecisionRow, type SuggestionStore, decisionValues, toSuggestionDecision } from '../suggestions';
import { appendAuditIn } from './audit';
import { type Pool, inTransaction } from './database';

export function createPostgresSuggestionStore(pool: Pool): SuggestionStore {
  return {
    async record(decisions, audit) {
      if (decisions.length === 0 && audit.length === 0) return;
      await inTransaction(pool, async (client) => {
        for (const d of decisions) {
          await client.query(
            `INSERT INTO suggestion_decisions (${DECISION_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
            [...decisionValues(d)],
          );
        }
        for (const entry of audit) await appendAuditIn(client, entry);
      });
    },
    async listForPlan(planId, limit, before) {
      const { rows } = await pool.query<SuggestionDecisionRow>(
        `${SELECT_SUGGESTION_DECISIONS} WHERE s.plan_id = $1 AND s.seq < $2 ORDER BY s.seq DESC LIMIT $3`,
        [planId, before ?? Number.MAX_SAFE_INTEGER, limit],
      );
      return rows.map(toSuggestionDecision);
    },
    async decidersOf(workspaceId) {
      const row = (await pool.query<{ suggestion_deciders: string }>('SELECT suggestion_deciders FROM workspaces WHERE id = $1', [workspaceId])).rows[0];
      return SuggestionDeciders.catch('editors').parse(row?.suggestion_deciders ?? 'editors');
    },
    async setDeciders(workspaceId, deciders, audit) {
      await inTransaction(pool, async (client) => {
        await client.query('UPDATE workspaces SET suggestion_deciders = $1 WHERE id = $2', [deciders, workspaceId]);
        await appendAuditIn(client, audit);
      });
    },
  };
}
