import { DECISION_COLUMNS, decisionValues } from '../meetingDecisions';
import { reviewStateSchema } from '@sakutei/shared';
import type { OpenReview, RevisionStore } from '../index';
import { type RevisionColumns, toRevision as toRevisionFrom } from '../rows';
import { appendAuditIn } from './audit';
import { type Pool, inTransaction } from './database';
import { nextNumber } from './numbering';

// pg hands the invitees back already parsed from JSON.
type RevisionRow = RevisionColumns & { invited: Array<{ id: string; name: string }> };

// Invitees in user id order, the order SQLite reads them from the invites table's key.
const SELECT = `SELECT r.id, r.plan_id, r.number, r.name, r.stage, r.author_id, a.name AS author_name, r.created_at, r.hash,
  r.review, r.delegate_id, d.name AS delegate_name, r.review_opened_at, r.decided_at, r.suggestions_only, r.require_suggestions_decided,
  r.invited_may_suggest,
  COALESCE((SELECT json_agg(json_build_object('id', u.id, 'name', u.name) ORDER BY i.user_id) FROM revision_invites i
     JOIN users u ON u.id = i.user_id WHERE i.revision_id = r.id), '[]'::json) AS invited
  FROM revisions r JOIN users a ON a.id = r.author_id LEFT JOIN users d ON d.id = r.delegate_id`;

const toRevision = (row: RevisionRow) => toRevisionFrom(row, row.invited);

type OpenReviewRow = { id: string; delegate_id: string | null; suggestions_only: boolean; invited_may_suggest: boolean; invited: string[] };

const toOpenReview = (row: OpenReviewRow): OpenReview => ({
  revisionId: row.id,
  delegateId: row.delegate_id,
  invitedIds: row.invited,
  suggestionsOnly: row.suggestions_only,
  invitedMaySuggest: row.invited_may_suggest,
});

export function createPostgresRevisionStore(pool: Pool): RevisionStore {
  return {
    async create(r) {
      await inTransaction(pool, async (client) => {
        const number = await nextNumber(client, 'revisions', r.planId);
        await client.query(
          `INSERT INTO revisions (id, plan_id, number, name, stage, author_id, created_at, state, canonical, hash, review)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
          [r.id, r.planId, number, r.name, r.stage, r.authorId, r.createdAt, r.state, r.canonical, r.hash, JSON.stringify(r.review)],
        );
      });
    },
    async find(id) {
      const row = (await pool.query<RevisionRow>(`${SELECT} WHERE r.id = $1`, [id])).rows[0];
      return row ? toRevision(row) : null;
    },
    async list(planId) {
      return (await pool.query<RevisionRow>(`${SELECT} WHERE r.plan_id = $1 ORDER BY r.number`, [planId])).rows.map(toRevision);
    },
    async content(id) {
      const row = (await pool.query<{ state: Buffer; canonical: string }>('SELECT state, canonical FROM revisions WHERE id = $1', [id])).rows[0];
      return row ? { state: new Uint8Array(row.state), canonical: row.canonical } : null;
    },
    async updateReview(id, expected, review, changes, audit) {
      return inTransaction(pool, async (client) => {
        // The row stays locked until commit: a second decision waits here, then reads the
        // state the first one left and is refused.
        const current = (await client.query<{ review: string }>('SELECT review FROM revisions WHERE id = $1 FOR NO KEY UPDATE', [id])).rows[0];
        if (!current || reviewStateSchema.parse(JSON.parse(current.review)).status !== expected) return false;
        await client.query(
          `UPDATE revisions SET review = $1, delegate_id = COALESCE($2::text, delegate_id),
             review_opened_at = COALESCE($3::bigint, review_opened_at), decided_at = COALESCE($4::bigint, decided_at),
             suggestions_only = COALESCE($6::boolean, suggestions_only),
             require_suggestions_decided = COALESCE($7::boolean, require_suggestions_decided),
             invited_may_suggest = COALESCE($8::boolean, invited_may_suggest)
           WHERE id = $5`,
          [
            JSON.stringify(review),
            changes.delegateId ?? null,
            changes.openedAt ?? null,
            changes.decidedAt ?? null,
            id,
            changes.suggestionsOnly ?? null,
            changes.requireSuggestionsDecided ?? null,
            changes.invitedMaySuggest ?? null,
          ],
        );
        if (changes.delegateId === null) await client.query('UPDATE revisions SET delegate_id = NULL WHERE id = $1', [id]);
        if (changes.invitedIds?.length) {
          await client.query(
            'INSERT INTO revision_invites (revision_id, user_id) SELECT $1, unnest($2::text[]) ON CONFLICT DO NOTHING',
            [id, changes.invitedIds],
          );
        }
        if (changes.meetingDecision) {
          await client.query(`INSERT INTO meeting_decisions (${DECISION_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`, [
            ...decisionValues(changes.meetingDecision.decision),
          ]);
        }
        // Locked after the revision row, as every review step does, so two steps never wait on each other crosswise.
        if (changes.meetingDecision) await appendAuditIn(client, changes.meetingDecision.audit);
        if (audit) await appendAuditIn(client, audit);
        return true;
      });
    },
    async invitedTo(userId, planId) {
      const { rows } = await pool.query<{ id: string }>(
        'SELECT r.id FROM revision_invites i JOIN revisions r ON r.id = i.revision_id WHERE i.user_id = $1 AND r.plan_id = $2',
        [userId, planId],
      );
      return rows.map((row) => row.id);
    },
    async openReviews(planId) {
      const { rows } = await pool.query<OpenReviewRow>(
        `SELECT r.id, r.delegate_id, r.suggestions_only, r.invited_may_suggest,
           COALESCE((SELECT json_agg(i.user_id ORDER BY i.user_id) FROM revision_invites i WHERE i.revision_id = r.id), '[]'::json) AS invited
         FROM revisions r WHERE r.plan_id = $1 AND (r.review::json ->> 'status') = 'in_review' ORDER BY r.number`,
        [planId],
      );
      return rows.map(toOpenReview);
    },
  };
}
