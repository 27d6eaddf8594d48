import type { Storage } from '../index';
import { createKeyedMutex } from '../keyedMutex';
import { createSqliteAccountStore } from './accounts';
import { createSqliteAccountTokenStore, createSqliteAdminStore } from './admin';
import { createSqliteAuditStore } from './audit';
import { createSqliteCommentStore } from './comments';
import { checkpointInBackground } from './checkpointer';
import { openSqlite } from './database';
import { createSqliteDocStore } from './docs';
import { createSqliteMailOutboxStore } from './mailOutbox';
import { createSqliteNotificationMailStore } from './notificationMail';
import { createSqliteInvitationStore, createSqliteMemberStore, createSqliteProfileStore } from './members';
import { createSqlitePlanStore } from './plans';
import { createSqliteRevisionStore } from './revisions';
import { createSqliteSuggestionStore } from './suggestions';
import { createSqliteMeetingStore } from './meetings';
import { createSqliteMeetingMaterialStore } from './meetingMaterials';
import { createSqliteMeetingDecisionStore } from './meetingDecisions';
import { createSqliteMinutesStore } from './minutes';
import { createSqliteWorkspaceStore } from './workspaces';

/**
 * The embedded default: one SQLite file in the data folder. The server asks for background
 * checkpoints (checkpointer.ts); short-lived users (the CLI, tests) leave them to SQLite.
 */
export function openSqliteStorage(dataDir: string, options: { backgroundCheckpoints?: boolean } = {}): Storage {
  const db = openSqlite(dataDir);
  const stopCheckpoints = options.backgroundCheckpoints ? checkpointInBackground(db) : async () => {};
  // One server process owns the data folder (the CLI's writes are single statements or
  // transactions of their own), so a lock inside this process is a lock for all of it.
  const exclusive = createKeyedMutex();
  return {
    accounts: createSqliteAccountStore(db),
    workspaces: createSqliteWorkspaceStore(db),
    docs: createSqliteDocStore(db),
    comments: createSqliteCommentStore(db),
    revisions: createSqliteRevisionStore(db),
    audit: createSqliteAuditStore(db),
    plans: createSqlitePlanStore(db),
    mailOutbox: createSqliteMailOutboxStore(db),
    notificationMail: createSqliteNotificationMailStore(db),
    admin: createSqliteAdminStore(db),
    accountTokens: createSqliteAccountTokenStore(db),
    members: createSqliteMemberStore(db),
    invitations: createSqliteInvitationStore(db),
    profiles: createSqliteProfileStore(db),
    suggestions: createSqliteSuggestionStore(db),
    meetings: createSqliteMeetingStore(db),
    meetingMaterials: createSqliteMeetingMaterialStore(db),
    meetingDecisions: createSqliteMeetingDecisionStore(db),
    minutes: createSqliteMinutesStore(db),
    runExclusive: exclusive,
    async sharedSecret() {
      // The server keeps its key in the data folder (auth/serverSecret.ts).
      return null;
    },
    async close() {
      await stopCheckpoints();
      db.close();
    },
  };
}
