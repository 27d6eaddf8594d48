import {
  INVITATION_COLUMNS,
  type InvitationRow,
  type InvitationStore,
  MEMBER_COLUMNS,
  type MemberRow,
  type MemberStore,
  type ProfileStore,
  toInvitation,
  toMember,
} from '../members';
import { type Pool, inTransaction } from './database';

export function createPostgresMemberStore(pool: Pool): MemberStore {
  const FROM = 'FROM memberships m JOIN users u ON u.id = m.user_id';
  return {
    async list(workspaceId) {
      const { rows } = await pool.query<MemberRow>(`SELECT ${MEMBER_COLUMNS} ${FROM} WHERE m.workspace_id = $1 ORDER BY u.name COLLATE "C"`, [
        workspaceId,
      ]);
      return rows.map(toMember);
    },
    async find(workspaceId, userId) {
      const { rows } = await pool.query<MemberRow>(`SELECT ${MEMBER_COLUMNS} ${FROM} WHERE m.workspace_id = $1 AND m.user_id = $2`, [
        workspaceId,
        userId,
      ]);
      return rows[0] ? toMember(rows[0]) : null;
    },
    async setAttributes(workspaceId, userId, a) {
      const result = await pool.query(
        'UPDATE memberships SET affiliation = $1, category = $2, term_from = $3, term_to = $4 WHERE workspace_id = $5 AND user_id = $6',
        [a.affiliation, a.category, a.termFrom, a.termTo, workspaceId, userId],
      );
      return (result.rowCount ?? 0) > 0;
    },
  };
}

const FROM = 'FROM invitations i LEFT JOIN users u ON u.id = i.invited_by';
/** Open: neither accepted nor revoked. */
const OPEN = 'accepted_at IS NULL AND revoked_at IS NULL';

// Orders follow SQLite's: row_order does not exist on invitations, so ties of equal creation
// times fall back to the id (random), which only matters within one millisecond.
export function createPostgresInvitationStore(pool: Pool): InvitationStore {
  const many = async (sql: string, params: unknown[]) => (await pool.query<InvitationRow>(sql, params)).rows.map(toInvitation);
  return {
    async create(i) {
      await pool.query(
        `INSERT INTO invitations (id, token_hash, workspace_id, email, role, affiliation, category, term_from, term_to, invited_by, created_at, expires_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
        [i.id, i.tokenHash, i.workspaceId, i.email, i.role, i.affiliation, i.category, i.termFrom, i.termTo, i.invitedBy, i.createdAt, i.expiresAt],
      );
    },
    async find(id) {
      return (await many(`SELECT ${INVITATION_COLUMNS} ${FROM} WHERE i.id = $1`, [id]))[0] ?? null;
    },
    async findByTokenHash(tokenHash) {
      return (await many(`SELECT ${INVITATION_COLUMNS} ${FROM} WHERE i.token_hash = $1`, [tokenHash]))[0] ?? null;
    },
    async list(workspaceId, limit) {
      return many(`SELECT ${INVITATION_COLUMNS} ${FROM} WHERE i.workspace_id = $1 ORDER BY i.created_at DESC, i.id DESC LIMIT $2`, [
        workspaceId,
        limit,
      ]);
    },
    async listOpen(workspaceId, email) {
      return many(
        `SELECT ${INVITATION_COLUMNS} ${FROM} WHERE i.workspace_id = $1 AND lower(i.email) = lower($2)
         AND i.accepted_at IS NULL AND i.revoked_at IS NULL ORDER BY i.created_at, i.id`,
        [workspaceId, email],
      );
    },
    async countPending(workspaceId, at) {
      const { rows } = await pool.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM invitations WHERE workspace_id = $1 AND ${OPEN} AND expires_at > $2`,
        [workspaceId, at],
      );
      return rows[0]!.n;
    },
    async renew(id, tokenHash, expiresAt) {
      const r = await pool.query(`UPDATE invitations SET token_hash = $1, expires_at = $2 WHERE id = $3 AND ${OPEN}`, [tokenHash, expiresAt, id]);
      return (r.rowCount ?? 0) > 0;
    },
    async revoke(id, at) {
      const r = await pool.query(`UPDATE invitations SET revoked_at = $1 WHERE id = $2 AND ${OPEN}`, [at, id]);
      return (r.rowCount ?? 0) > 0;
    },
    async accept(id, tokenHash, userId, at, newUser) {
      return inTransaction(pool, async (client) => {
        // Locks the invitation: of two racing acceptances, the second waits and then finds it used.
        const open = await client.query(
          `SELECT 1 FROM invitations WHERE id = $1 AND token_hash = $2 AND ${OPEN} AND expires_at > $3 FOR UPDATE`,
          [id, tokenHash, at],
        );
        if (open.rowCount === 0) return false;
        if (newUser) {
          await client.query('INSERT INTO users (id, email, name, password_hash, is_demo, created_at) VALUES ($1, $2, $3, $4, FALSE, $5)', [
            newUser.id,
            newUser.email,
            newUser.name,
            newUser.passwordHash,
            at,
          ]);
        }
        await client.query('UPDATE invitations SET accepted_at = $1, accepted_by = $2 WHERE id = $3', [at, userId, id]);
        await client.query(
          `INSERT INTO memberships (workspace_id, user_id, role, affiliation, category, term_from, term_to)
           SELECT workspace_id, $1, role, affiliation, category, term_from, term_to FROM invitations WHERE id = $2
           ON CONFLICT (workspace_id, user_id) DO NOTHING`,
          [userId, id],
        );
        return true;
      });
    },
  };
}

export function createPostgresProfileStore(pool: Pool): ProfileStore {
  return {
    async setName(userId, name) {
      await pool.query('UPDATE users SET name = $1 WHERE id = $2', [name, userId]);
    },
    async setEmail(userId, email) {
      try {
        // The unique index on lower(email) decides, also against a racing change.
        await pool.query('UPDATE users SET email = $1 WHERE id = $2', [email, userId]);
        return true;
      } catch (err) {
        if ((err as { code?: string }).code === '23505') return false;
        throw err;
      }
    },
    async endOtherSessions(userId, keepSessionId) {
      await pool.query('DELETE FROM sessions WHERE user_id = $1 AND id <> $2', [userId, keepSessionId]);
    },
  };
}
