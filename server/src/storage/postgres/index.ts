import type { Storage } from '../index';
import { createPostgresAccountStore } from './accounts';
import { createPostgresAccountTokenStore, createPostgresAdminStore } from './admin';
import { createPostgresAuditStore } from './audit';
import { createPostgresCommentStore } from './comments';
import { closePool, createPool } from './database';
import { createPostgresDocStore } from './docs';
import { createPostgresExclusive } from './exclusive';
import { createPostgresMailOutboxStore } from './mailOutbox';
import { createPostgresNotificationMailStore } from './notificationMail';
import { createPostgresInvitationStore, createPostgresMemberStore, createPostgresProfileStore } from './members';
import { migrate } from './migrate';
import { createPostgresPlanStore } from './plans';
import { createPostgresRevisionStore } from './revisions';
import { createPostgresSuggestionStore } from './suggestions';
import { createPostgresMeetingStore } from './meetings';
import { createPostgresMeetingMaterialStore } from './meetingMaterials';
import { createPostgresMeetingDecisionStore } from './meetingDecisions';
import { createPostgresMinutesStore } from './minutes';
import { loadSharedSecret } from './secret';
import { createPostgresWorkspaceStore } from './workspaces';

/** Connections for queries; each server process has its own pool. */
const QUERY_CONNECTIONS = 10;
/** Connections that hold runExclusive locks (one per name held or awaited at a time). */
const LOCK_CONNECTIONS = 4;

/**
 * PostgreSQL storage for several server processes on one database (DATABASE_URL). Brings the
 * schema up to date before it resolves; fails if the database cannot be reached.
 */
export async function openPostgresStorage(url: string): Promise<Storage> {
  const pool = createPool(url, QUERY_CONNECTIONS, { statementTimeoutMs: 30_000 });
  const locks = createPool(url, LOCK_CONNECTIONS);
  try {
    await migrate(pool);
  } catch (err) {
    await Promise.all([closePool(pool), closePool(locks)]);
    throw new Error(`PostgreSQL ${whereIs(url)}: ${(err as Error).message}`, { cause: err });
  }
  let secret: Promise<Uint8Array> | null = null;
  return {
    accounts: createPostgresAccountStore(pool),
    workspaces: createPostgresWorkspaceStore(pool),
    docs: createPostgresDocStore(pool),
    comments: createPostgresCommentStore(pool),
    revisions: createPostgresRevisionStore(pool),
    audit: createPostgresAuditStore(pool),
    plans: createPostgresPlanStore(pool),
    mailOutbox: createPostgresMailOutboxStore(pool),
    notificationMail: createPostgresNotificationMailStore(pool),
    admin: createPostgresAdminStore(pool),
    accountTokens: createPostgresAccountTokenStore(pool),
    members: createPostgresMemberStore(pool),
    invitations: createPostgresInvitationStore(pool),
    profiles: createPostgresProfileStore(pool),
    suggestions: createPostgresSuggestionStore(pool),
    meetings: createPostgresMeetingStore(pool),
    meetingMaterials: createPostgresMeetingMaterialStore(pool),
    meetingDecisions: createPostgresMeetingDecisionStore(pool),
    minutes: createPostgresMinutesStore(pool),
    runExclusive: createPostgresExclusive(locks),
    sharedSecret() {
      // Created once per database, so read once per process; a failed read is tried again.
      secret ??= loadSharedSecret(pool).catch((err: unknown) => {
        secret = null;
        throw err;
      });
      return secret;
    },
    async close() {
      await Promise.all([closePool(pool), closePool(locks)]);
    },
  };
}

/** The server and database a URL names, without its password, for an operator's error message. */
function whereIs(url: string): string {
  try {
    const { host, pathname } = new URL(url);
    return `at ${host}${pathname}`;
  } catch {
    return '(DATABASE_URL)';
  }
}
