import type { adminJa } from './admin.ja';

export const adminEn: Record<keyof typeof adminJa, string> = {
  'revisions.audit.kind.setup.completed': 'First-run setup (first administrator)',
  'revisions.audit.kind.admin.granted': 'Made an administrator',
  'revisions.audit.kind.admin.revoked': 'No longer an administrator',
  'revisions.audit.kind.account.deactivated': 'Account deactivated',
  'revisions.audit.kind.account.reactivated': 'Account reactivated',
  'revisions.audit.kind.council.created': 'Council created',
  'revisions.audit.kind.council.renamed': 'Council renamed',
  'revisions.audit.kind.council.archived': 'Council archived',
  'revisions.audit.kind.council.unarchived': 'Council restored from archive',
};
