import type { CommentStore, NewComment } from '../index';
import {
  type CommentColumns,
  NOTIFICATIONS_VISIBLE,
  NOTIFICATION_COLUMNS,
  type NotificationRow,
  type ThreadRow,
  VISIBLE_ROLE,
  toComment as toCommentFrom,
  toNotification,
  toThread,
} from '../rows';
import { type Pool, type Queryable, inTransaction } from './database';
import { nextNumber } from './numbering';

// pg hands the mentions back already parsed from JSON.
type CommentRow = CommentColumns & { mentions: Array<{ id: string; name: string }> };

const THREAD_SELECT = `SELECT t.id, t.plan_id, t.revision_id, t.number, t.anchor, t.status, t.disposition, t.response,
  t.author_id, a.name AS author_name, t.created_at, t.updated_at, t.resolved_by, r.name AS resolved_by_name, t.resolved_at
  FROM threads t JOIN users a ON a.id = t.author_id LEFT JOIN users r ON r.id = t.resolved_by`;

// Mentions in user id order, the order SQLite reads them from the mentions table's key.
const COMMENT_SELECT = `SELECT c.id, c.thread_id, c.author_id, u.name AS author_name, c.body, c.created_at, c.edited_at, c.deleted_at,
  COALESCE((SELECT json_agg(json_build_object('id', mu.id, 'name', mu.name) ORDER BY m.user_id) FROM comment_mentions m
     JOIN users mu ON mu.id = m.user_id WHERE m.comment_id = c.id), '[]'::json) AS mentions
  FROM comments c JOIN users u ON u.id = c.author_id`;

const toComment = (row: CommentRow) => toCommentFrom(row, row.mentions);

async function setMentions(db: Queryable, commentId: string, userIds: string[]): Promise<void> {
  if (userIds.length === 0) return;
  await db.query(
    'INSERT INTO comment_mentions (comment_id, user_id) SELECT $1, unnest($2::text[]) ON CONFLICT DO NOTHING',
    [commentId, userIds],
  );
}

async function touchThreadOfComment(db: Queryable, commentId: string, at: number): Promise<void> {
  await db.query('UPDATE threads SET updated_at = $1 WHERE id = (SELECT thread_id FROM comments WHERE id = $2)', [at, commentId]);
}

async function insertComment(db: Queryable, comment: NewComment): Promise<void> {
  await db.query('INSERT INTO comments (id, thread_id, author_id, body, created_at) VALUES ($1, $2, $3, $4, $5)', [
    comment.id,
    comment.threadId,
    comment.authorId,
    comment.body,
    comment.createdAt,
  ]);
  await setMentions(db, comment.id, comment.mentionIds);
  await db.query('UPDATE threads SET updated_at = $1 WHERE id = $2', [comment.createdAt, comment.threadId]);
}

export function createPostgresCommentStore(pool: Pool): CommentStore {
  return {
    async createThread(thread, first) {
      await inTransaction(pool, async (client) => {
        const number = await nextNumber(client, 'threads', thread.planId);
        await client.query(
          `INSERT INTO threads (id, plan_id, revision_id, number, anchor, status, response, author_id, created_at, updated_at)
           VALUES ($1, $2, $3, $4, $5, 'open', '', $6, $7, $7)`,
          [thread.id, thread.planId, thread.revisionId, number, JSON.stringify(thread.anchor), thread.authorId, thread.createdAt],
        );
        await insertComment(client, first);
      });
    },
    async findThread(id) {
      const row = (await pool.query<ThreadRow>(`${THREAD_SELECT} WHERE t.id = $1`, [id])).rows[0];
      return row ? toThread(row) : null;
    },
    async listThreads(planId) {
      return (await pool.query<ThreadRow>(`${THREAD_SELECT} WHERE t.plan_id = $1 ORDER BY t.number`, [planId])).rows.map(toThread);
    },
    async listComments(threadIds) {
      if (threadIds.length === 0) return [];
      const { rows } = await pool.query<CommentRow>(
        `${COMMENT_SELECT} WHERE c.thread_id = ANY($1::text[]) ORDER BY c.created_at, c.row_order`,
        [threadIds],
      );
      return rows.map(toComment);
    },
    async addComment(comment) {
      await inTransaction(pool, (client) => insertComment(client, comment));
    },
    async findComment(id) {
      const row = (await pool.query<CommentRow>(`${COMMENT_SELECT} WHERE c.id = $1`, [id])).rows[0];
      return row ? toComment(row) : null;
    },
    async editComment(id, body, mentionIds, at) {
      await inTransaction(pool, async (client) => {
        await client.query('UPDATE comments SET body = $1, edited_at = $2 WHERE id = $3', [body, at, id]);
        await client.query('DELETE FROM comment_mentions WHERE comment_id = $1', [id]);
        await setMentions(client, id, mentionIds);
        await touchThreadOfComment(client, id, at);
      });
    },
    async deleteComment(id, at) {
      await inTransaction(pool, async (client) => {
        await client.query("UPDATE comments SET body = '', deleted_at = $1 WHERE id = $2", [at, id]);
        await client.query('DELETE FROM comment_mentions WHERE comment_id = $1', [id]);
        await touchThreadOfComment(client, id, at);
      });
    },
    async setThreadStatus(id, status, by, at) {
      await pool.query(
        `UPDATE threads SET status = $1::text,
           resolved_by = CASE WHEN $1::text = 'resolved' THEN $2::text END,
           resolved_at = CASE WHEN $1::text = 'resolved' THEN $3::bigint END,
           updated_at = $3::bigint
         WHERE id = $4`,
        [status, by, at, id],
      );
    },
    async setDisposition(id, disposition, response, at) {
      await pool.query('UPDATE threads SET disposition = $1, response = $2, updated_at = $3 WHERE id = $4', [disposition, response, at, id]);
    },
    async addNotifications(records) {
      if (records.length === 0) return;
      const columns = [
        'id', 'userId', 'kind', 'planId', 'workspaceId', 'meetingId', 'label', 'threadId', 'commentId', 'revisionId', 'actorId', 'detail', 'createdAt', 'mailedAt',
      ] as const;
      // One statement, so all or none, as SQLite's transaction: each column as an array.
      await pool.query(
        `INSERT INTO notifications (id, user_id, kind, plan_id, workspace_id, meeting_id, label, thread_id, comment_id, revision_id, actor_id, detail, created_at, mailed_at)
         SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[],
           $11::text[], $12::text[], $13::bigint[], $14::bigint[])`,
        columns.map((column) => records.map((n) => n[column])),
      );
    },
    async listNotifications(userId, limit) {
      const { rows } = await pool.query<NotificationRow>(
        `SELECT ${NOTIFICATION_COLUMNS} FROM ${NOTIFICATIONS_VISIBLE}
         WHERE n.user_id = $1 AND ${VISIBLE_ROLE}
         ORDER BY n.created_at DESC, n.id COLLATE "C" LIMIT $2`,
        [userId, limit],
      );
      return rows.map(toNotification);
    },
    async countUnread(userId) {
      const { rows } = await pool.query<{ count: number }>(
        `SELECT count(*) AS count FROM ${NOTIFICATIONS_VISIBLE} WHERE n.user_id = $1 AND ${VISIBLE_ROLE} AND n.read_at IS NULL`,
        [userId],
      );
      return rows[0]?.count ?? 0;
    },
    async markRead(userId, ids, at) {
      if (ids === 'all') {
        await pool.query('UPDATE notifications SET read_at = $1 WHERE user_id = $2 AND read_at IS NULL', [at, userId]);
      } else if (ids.length > 0) {
        await pool.query('UPDATE notifications SET read_at = $1 WHERE user_id = $2 AND id = ANY($3::text[]) AND read_at IS NULL', [
          at,
          userId,
          ids,
        ]);
      }
    },
  };
}
