import { DECISION_COLUMNS, decisionValues } from '../meetingDecisions';
import { type ReviewState, reviewStateSchema } from '@sakutei/shared';
import type { NewAuditEntry, OpenReview, RevisionStore } from '../index';
import { type RevisionColumns, toRevision as toRevisionFrom } from '../rows';
import { sqliteAuditAppender } from './audit';
import type { SqliteDatabase } from './database';

type RevisionRow = RevisionColumns & { invited: string | null };
type OpenReviewRow = { id: string; delegate_id: string | null; suggestions_only: number; invited_may_suggest: number; invited: string };

const toOpenReview = (row: OpenReviewRow): OpenReview => ({
  revisionId: row.id,
  delegateId: row.delegate_id,
  invitedIds: JSON.parse(row.invited) as string[],
  suggestionsOnly: !!row.suggestions_only,
  invitedMaySuggest: !!row.invited_may_suggest,
});

const SELECT = `SELECT r.id, r.plan_id, r.number, r.name, r.stage, r.author_id, a.name AS author_name, r.created_at, r.hash,
  r.review, r.delegate_id, d.name AS delegate_name, r.review_opened_at, r.decided_at, r.suggestions_only, r.require_suggestions_decided,
  r.invited_may_suggest,
  (SELECT json_group_array(json_object('id', u.id, 'name', u.name)) FROM revision_invites i JOIN users u ON u.id = i.user_id
     WHERE i.revision_id = r.id) AS invited
  FROM revisions r JOIN users a ON a.id = r.author_id LEFT JOIN users d ON d.id = r.delegate_id`;

// SQLite hands the invitees back as JSON text.
function toRevision(row: RevisionRow) {
  const invited = JSON.parse(row.invited ?? '[]') as Array<{ id: string | null; name: string }>;
  return toRevisionFrom(row, invited.filter((p): p is { id: string; name: string } => p.id !== null));
}

export function createSqliteRevisionStore(db: SqliteDatabase): RevisionStore {
  const q = {
    next: db.prepare<[string], { next: number }>('SELECT COALESCE(MAX(number), 0) + 1 AS next FROM revisions WHERE plan_id = ?'),
    insert: db.prepare(
      `INSERT INTO revisions (id, plan_id, number, name, stage, author_id, created_at, state, canonical, hash, review)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    find: db.prepare<[string], RevisionRow>(`${SELECT} WHERE r.id = ?`),
    list: db.prepare<[string], RevisionRow>(`${SELECT} WHERE r.plan_id = ? ORDER BY r.number`),
    content: db.prepare<[string], { state: Buffer; canonical: string }>('SELECT state, canonical FROM revisions WHERE id = ?'),
    review: db.prepare<[string], { review: string }>('SELECT review FROM revisions WHERE id = ?'),
    setReview: db.prepare(
      `UPDATE revisions SET review = ?, delegate_id = COALESCE(?, delegate_id),
       review_opened_at = COALESCE(?, review_opened_at), decided_at = COALESCE(?, decided_at),
       suggestions_only = COALESCE(?, suggestions_only), require_suggestions_decided = COALESCE(?, require_suggestions_decided),
       invited_may_suggest = COALESCE(?, invited_may_suggest) WHERE id = ?`,
    ),
    clearDelegate: db.prepare('UPDATE revisions SET delegate_id = NULL WHERE id = ?'),
    invite: db.prepare('INSERT OR IGNORE INTO revision_invites (revision_id, user_id) VALUES (?, ?)'),
    openReviews: db.prepare<[string], OpenReviewRow>(
      `SELECT r.id, r.delegate_id, r.suggestions_only, r.invited_may_suggest,
         (SELECT json_group_array(i.user_id) FROM (SELECT user_id FROM revision_invites WHERE revision_id = r.id ORDER BY user_id) i) AS invited
       FROM revisions r WHERE r.plan_id = ? AND json_extract(r.review, '$.status') = 'in_review' ORDER BY r.number`,
    ),
    invitedTo: db.prepare<[string, string], { id: string }>(
      'SELECT r.id FROM revision_invites i JOIN revisions r ON r.id = i.revision_id WHERE i.user_id = ? AND r.plan_id = ?',
    ),
  };
  const create = db.transaction((r: Parameters<RevisionStore['create']>[0]) => {
    const { next } = q.next.get(r.planId)!;
    q.insert.run(r.id, r.planId, next, r.name, r.stage, r.authorId, r.createdAt, Buffer.from(r.state), r.canonical, r.hash, JSON.stringify(r.review));
  });
  const appendAudit = sqliteAuditAppender(db);
  const insertDecision = db.prepare(`INSERT INTO meeting_decisions (${DECISION_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const updateReview = db.transaction(
    (
      id: string,
      expected: ReviewState['status'],
      review: ReviewState,
      changes: Parameters<RevisionStore['updateReview']>[3],
      audit: NewAuditEntry | undefined,
    ) => {
      const current = q.review.get(id);
      if (!current || reviewStateSchema.parse(JSON.parse(current.review)).status !== expected) return false;
      q.setReview.run(
        JSON.stringify(review),
        changes.delegateId ?? null,
        changes.openedAt ?? null,
        changes.decidedAt ?? null,
        changes.suggestionsOnly === undefined ? null : Number(changes.suggestionsOnly),
        changes.requireSuggestionsDecided === undefined ? null : Number(changes.requireSuggestionsDecided),
        changes.invitedMaySuggest === undefined ? null : Number(changes.invitedMaySuggest),
        id,
      );
      if (changes.delegateId === null) q.clearDelegate.run(id);
      for (const userId of changes.invitedIds ?? []) q.invite.run(id, userId);
      if (changes.meetingDecision) {
        insertDecision.run(...decisionValues(changes.meetingDecision.decision));
        appendAudit(changes.meetingDecision.audit);
      }
      if (audit) appendAudit(audit);
      return true;
    },
  );
  return {
    async create(revision) {
      create(revision);
    },
    async find(id) {
      const row = q.find.get(id);
      return row ? toRevision(row) : null;
    },
    async list(planId) {
      return q.list.all(planId).map(toRevision);
    },
    async content(id) {
      const row = q.content.get(id);
      return row ? { state: new Uint8Array(row.state), canonical: row.canonical } : null;
    },
    async updateReview(id, expected, review, changes, audit) {
      // IMMEDIATE, like an audit append: the write lock first, so the chain's end read inside is the true one.
      return updateReview.immediate(id, expected, review, changes, audit);
    },
    async invitedTo(userId, planId) {
      return q.invitedTo.all(userId, planId).map((row) => row.id);
    },
    async openReviews(planId) {
      return q.openReviews.all(planId).map(toOpenReview);
    },
  };
}
