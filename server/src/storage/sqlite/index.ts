import type { Storage } from '../index';
import { createSqliteAccountStore } from './accounts';
import { createSqliteAuditStore } from './audit';
import { createSqliteCommentStore } from './comments';
import { openSqlite } from './database';
import { createSqliteDocStore } from './docs';
import { createSqliteRevisionStore } from './revisions';
import { createSqliteWorkspaceStore } from './workspaces';

/** The embedded default: one SQLite file in the data folder. */
export function openSqliteStorage(dataDir: string): Storage {
  const db = openSqlite(dataDir);
  return {
    accounts: createSqliteAccountStore(db),
    workspaces: createSqliteWorkspaceStore(db),
    docs: createSqliteDocStore(db),
    comments: createSqliteCommentStore(db),
    revisions: createSqliteRevisionStore(db),
    audit: createSqliteAuditStore(db),
    async close() {
      db.close();
    },
  };
}
