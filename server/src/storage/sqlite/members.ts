import {
  INVITATION_COLUMNS,
  type InvitationRow,
  type InvitationStore,
  MEMBER_COLUMNS,
  type MemberRow,
  type MemberStore,
  type NewInvitedUser,
  type ProfileStore,
  toInvitation,
  toMember,
} from '../members';
import type { SqliteDatabase } from './database';

export function createSqliteMemberStore(db: SqliteDatabase): MemberStore {
  const q = {
    list: db.prepare<[string], MemberRow>(
      `SELECT ${MEMBER_COLUMNS} FROM memberships m JOIN users u ON u.id = m.user_id WHERE m.workspace_id = ? ORDER BY u.name`,
    ),
    find: db.prepare<[string, string], MemberRow>(
      `SELECT ${MEMBER_COLUMNS} FROM memberships m JOIN users u ON u.id = m.user_id WHERE m.workspace_id = ? AND m.user_id = ?`,
    ),
    set: db.prepare(
      'UPDATE memberships SET affiliation = ?, category = ?, term_from = ?, term_to = ? WHERE workspace_id = ? AND user_id = ?',
    ),
  };
  return {
    async list(workspaceId) {
      return q.list.all(workspaceId).map(toMember);
    },
    async find(workspaceId, userId) {
      const r = q.find.get(workspaceId, userId);
      return r ? toMember(r) : null;
    },
    async setAttributes(workspaceId, userId, a) {
      return q.set.run(a.affiliation, a.category, a.termFrom, a.termTo, workspaceId, userId).changes > 0;
    },
  };
}

const FROM = 'FROM invitations i LEFT JOIN users u ON u.id = i.invited_by';

export function createSqliteInvitationStore(db: SqliteDatabase): InvitationStore {
  const q = {
    insert: db.prepare(
      `INSERT INTO invitations (id, token_hash, workspace_id, email, role, affiliation, category, term_from, term_to, invited_by, created_at, expires_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    find: db.prepare<[string], InvitationRow>(`SELECT ${INVITATION_COLUMNS} ${FROM} WHERE i.id = ?`),
    byToken: db.prepare<[string], InvitationRow>(`SELECT ${INVITATION_COLUMNS} ${FROM} WHERE i.token_hash = ?`),
    list: db.prepare<[string, number], InvitationRow>(
      `SELECT ${INVITATION_COLUMNS} ${FROM} WHERE i.workspace_id = ? ORDER BY i.created_at DESC, i.rowid DESC LIMIT ?`,
    ),
    open: db.prepare<[string, string], InvitationRow>(
      `SELECT ${INVITATION_COLUMNS} ${FROM} WHERE i.workspace_id = ? AND i.email = ? AND i.accepted_at IS NULL AND i.revoked_at IS NULL
       ORDER BY i.created_at, i.rowid`,
    ),
    countPending: db.prepare<[string, number], { n: number }>(
      'SELECT count(*) AS n FROM invitations WHERE workspace_id = ? AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > ?',
    ),
    renew: db.prepare('UPDATE invitations SET token_hash = ?, expires_at = ? WHERE id = ? AND accepted_at IS NULL AND revoked_at IS NULL'),
    revoke: db.prepare('UPDATE invitations SET revoked_at = ? WHERE id = ? AND accepted_at IS NULL AND revoked_at IS NULL'),
    use: db.prepare(
      `UPDATE invitations SET accepted_at = ?, accepted_by = ?
       WHERE id = ? AND token_hash = ? AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > ?`,
    ),
    insertUser: db.prepare('INSERT INTO users (id, email, name, password_hash, is_demo, created_at) VALUES (?, ?, ?, ?, 0, ?)'),
    join: db.prepare(
      `INSERT INTO memberships (workspace_id, user_id, role, affiliation, category, term_from, term_to)
       SELECT workspace_id, ?, role, affiliation, category, term_from, term_to FROM invitations WHERE id = ?
       ON CONFLICT (workspace_id, user_id) DO NOTHING`,
    ),
  };
  const lost = new Error('invitation no longer usable');
  const accept = db.transaction((id: string, tokenHash: string, userId: string, at: number, newUser?: NewInvitedUser) => {
    // The account first: accepted_by refers to it. Throwing rolls it back when the invitation is gone.
    if (newUser) q.insertUser.run(newUser.id, newUser.email, newUser.name, newUser.passwordHash, at);
    if (q.use.run(at, userId, id, tokenHash, at).changes === 0) throw lost;
    q.join.run(userId, id);
  });
  return {
    async create(i) {
      q.insert.run(i.id, i.tokenHash, i.workspaceId, i.email, i.role, i.affiliation, i.category, i.termFrom, i.termTo, i.invitedBy, i.createdAt, i.expiresAt);
    },
    async find(id) {
      const r = q.find.get(id);
      return r ? toInvitation(r) : null;
    },
    async findByTokenHash(tokenHash) {
      const r = q.byToken.get(tokenHash);
      return r ? toInvitation(r) : null;
    },
    async list(workspaceId, limit) {
      return q.list.all(workspaceId, limit).map(toInvitation);
    },
    async listOpen(workspaceId, email) {
      return q.open.all(workspaceId, email).map(toInvitation);
    },
    async countPending(workspaceId, at) {
      return q.countPending.get(workspaceId, at)!.n;
    },
    async renew(id, tokenHash, expiresAt) {
      return q.renew.run(tokenHash, expiresAt, id).changes > 0;
    },
    async revoke(id, at) {
      return q.revoke.run(at, id).changes > 0;
    },
    async accept(id, tokenHash, userId, at, newUser) {
      try {
        accept(id, tokenHash, userId, at, newUser);
        return true;
      } catch (err) {
        if (err === lost) return false;
        throw err;
      }
    },
  };
}

export function createSqliteProfileStore(db: SqliteDatabase): ProfileStore {
  const q = {
    setName: db.prepare('UPDATE users SET name = ? WHERE id = ?'),
    taken: db.prepare<[string, string], { id: string }>('SELECT id FROM users WHERE email = ? AND id <> ?'),
    setEmail: db.prepare('UPDATE users SET email = ? WHERE id = ?'),
    endOthers: db.prepare('DELETE FROM sessions WHERE user_id = ? AND id <> ?'),
  };
  const setEmail = db.transaction((userId: string, email: string) => {
    if (q.taken.get(email, userId)) return false;
    q.setEmail.run(email, userId);
    return true;
  });
  return {
    async setName(userId, name) {
      q.setName.run(name, userId);
    },
    async setEmail(userId, email) {
      return setEmail(userId, email);
    },
    async endOtherSessions(userId, keepSessionId) {
      q.endOthers.run(userId, keepSessionId);
    },
  };
}
