import type { CommentStore, NotificationView } from '../index';
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
import type { SqliteDatabase } from './database';

type CommentRow = CommentColumns & { mentions: string | null };

const THREAD_SELECT = `SELECT t.*, a.name AS author_name, r.name AS resolved_by_name FROM threads t
  JOIN users a ON a.id = t.author_id LEFT JOIN users r ON r.id = t.resolved_by`;

const COMMENT_SELECT = `SELECT c.*, u.name AS author_name,
  (SELECT json_group_array(json_object('id', mu.id, 'name', mu.name)) FROM comment_mentions m
     JOIN users mu ON mu.id = m.user_id WHERE m.comment_id = c.id) AS mentions
  FROM comments c JOIN users u ON u.id = c.author_id`;

// SQLite hands the mentions back as JSON text.
function toComment(row: CommentRow) {
  const mentions = JSON.parse(row.mentions ?? '[]') as Array<{ id: string | null; name: string }>;
  return toCommentFrom(row, mentions.filter((m): m is { id: string; name: string } => m.id !== null));
}

export function createSqliteCommentStore(db: SqliteDatabase): CommentStore {
  const q = {
    nextNumber: db.prepare<[string], { next: number }>('SELECT COALESCE(MAX(number), 0) + 1 AS next FROM threads WHERE plan_id = ?'),
    insertThread: db.prepare(
      `INSERT INTO threads (id, plan_id, revision_id, number, anchor, status, response, author_id, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, 'open', '', ?, ?, ?)`,
    ),
    thread: db.prepare<[string], ThreadRow>(`${THREAD_SELECT} WHERE t.id = ?`),
    threads: db.prepare<[string], ThreadRow>(`${THREAD_SELECT} WHERE t.plan_id = ? ORDER BY t.number`),
    insertComment: db.prepare(
      'INSERT INTO comments (id, thread_id, author_id, body, created_at) VALUES (?, ?, ?, ?, ?)',
    ),
    insertMention: db.prepare('INSERT OR IGNORE INTO comment_mentions (comment_id, user_id) VALUES (?, ?)'),
    clearMentions: db.prepare('DELETE FROM comment_mentions WHERE comment_id = ?'),
    touchThread: db.prepare('UPDATE threads SET updated_at = ? WHERE id = ?'),
    comment: db.prepare<[string], CommentRow>(`${COMMENT_SELECT} WHERE c.id = ?`),
    editComment: db.prepare('UPDATE comments SET body = ?, edited_at = ? WHERE id = ?'),
    deleteComment: db.prepare("UPDATE comments SET body = '', deleted_at = ? WHERE id = ?"),
    threadOfComment: db.prepare<[string], { thread_id: string }>('SELECT thread_id FROM comments WHERE id = ?'),
    setStatus: db.prepare(
      `UPDATE threads SET status = ?, resolved_by = CASE WHEN ? = 'resolved' THEN ? END,
       resolved_at = CASE WHEN ? = 'resolved' THEN ? END, updated_at = ? WHERE id = ?`,
    ),
    setDisposition: db.prepare('UPDATE threads SET disposition = ?, response = ?, updated_at = ? WHERE id = ?'),
    insertNotification: db.prepare(
      `INSERT INTO notifications (id, user_id, kind, plan_id, workspace_id, meeting_id, label, thread_id, comment_id, revision_id, actor_id, detail, created_at, mailed_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    notifications: db.prepare<[string, number], NotificationRow>(
      `SELECT ${NOTIFICATION_COLUMNS} FROM ${NOTIFICATIONS_VISIBLE}
       WHERE n.user_id = ? AND ${VISIBLE_ROLE}
       ORDER BY n.created_at DESC, n.id LIMIT ?`,
    ),
    unread: db.prepare<[string], { count: number }>(
      `SELECT COUNT(*) AS count FROM ${NOTIFICATIONS_VISIBLE} WHERE n.user_id = ? AND n.read_at IS NULL AND ${VISIBLE_ROLE}`,
    ),
    markRead: db.prepare('UPDATE notifications SET read_at = ? WHERE user_id = ? AND id = ? AND read_at IS NULL'),
    markAllRead: db.prepare('UPDATE notifications SET read_at = ? WHERE user_id = ? AND read_at IS NULL'),
  };

  const insertComment = (comment: Parameters<CommentStore['addComment']>[0]) => {
    q.insertComment.run(comment.id, comment.threadId, comment.authorId, comment.body, comment.createdAt);
    for (const userId of comment.mentionIds) q.insertMention.run(comment.id, userId);
    q.touchThread.run(comment.createdAt, comment.threadId);
  };
  const createThread = db.transaction((thread: Parameters<CommentStore['createThread']>[0], first: Parameters<CommentStore['createThread']>[1]) => {
    const { next } = q.nextNumber.get(thread.planId)!;
    q.insertThread.run(thread.id, thread.planId, thread.revisionId, next, JSON.stringify(thread.anchor), thread.authorId, thread.createdAt, thread.createdAt);
    insertComment(first);
  });
  const addComment = db.transaction(insertComment);
  const editComment = db.transaction((id: string, body: string, mentionIds: string[], at: number) => {
    q.editComment.run(body, at, id);
    q.clearMentions.run(id);
    for (const userId of mentionIds) q.insertMention.run(id, userId);
    const thread = q.threadOfComment.get(id);
    if (thread) q.touchThread.run(at, thread.thread_id);
  });
  const deleteComment = db.transaction((id: string, at: number) => {
    q.deleteComment.run(at, id);
    q.clearMentions.run(id);
    const thread = q.threadOfComment.get(id);
    if (thread) q.touchThread.run(at, thread.thread_id);
  });
  const addNotifications = db.transaction((records: Parameters<CommentStore['addNotifications']>[0]) => {
    for (const n of records) {
      q.insertNotification.run(n.id, n.userId, n.kind, n.planId, n.workspaceId, n.meetingId, n.label, n.threadId, n.commentId, n.revisionId, n.actorId, n.detail, n.createdAt, n.mailedAt);
    }
  });
  const markRead = db.transaction((userId: string, ids: string[] | 'all', at: number) => {
    if (ids === 'all') q.markAllRead.run(at, userId);
    else for (const id of ids) q.markRead.run(at, userId, id);
  });

  return {
    async createThread(thread, first) {
      createThread(thread, first);
    },
    async findThread(id) {
      const row = q.thread.get(id);
      return row ? toThread(row) : null;
    },
    async listThreads(planId) {
      return q.threads.all(planId).map(toThread);
    },
    async listComments(threadIds) {
      if (threadIds.length === 0) return [];
      const rows: CommentRow[] = [];
      // Chunked so the statement stays under SQLite's bound-parameter limit.
      for (let i = 0; i < threadIds.length; i += 500) {
        const chunk = threadIds.slice(i, i + 500);
        const statement = db.prepare<string[], CommentRow>(
          `${COMMENT_SELECT} WHERE c.thread_id IN (${chunk.map(() => '?').join(',')}) ORDER BY c.created_at, c.rowid`,
        );
        rows.push(...statement.all(...chunk));
      }
      return rows.map(toComment);
    },
    async addComment(comment) {
      addComment(comment);
    },
    async findComment(id) {
      const row = q.comment.get(id);
      return row ? toComment(row) : null;
    },
    async editComment(id, body, mentionIds, at) {
      editComment(id, body, mentionIds, at);
    },
    async deleteComment(id, at) {
      deleteComment(id, at);
    },
    async setThreadStatus(id, status, by, at) {
      q.setStatus.run(status, status, by, status, at, at, id);
    },
    async setDisposition(id, disposition, response, at) {
      q.setDisposition.run(disposition, response, at, id);
    },
    async addNotifications(records) {
      addNotifications(records);
    },
    async listNotifications(userId, limit): Promise<NotificationView[]> {
      return q.notifications.all(userId, limit).map(toNotification);
    },
    async countUnread(userId) {
      return q.unread.get(userId)!.count;
    },
    async markRead(userId, ids, at) {
      markRead(userId, ids, at);
    },
  };
}
