import { isRole, type AuditEntry } from '@sakutei/shared';
import type { MessageKey, Translate } from '../../i18n';
import { shortHash, stageText } from './revisionText';

/** What happened, as the record's reader says it. */
export const auditKindText = (entry: AuditEntry, t: Translate) => t(`revisions.audit.kind.${entry.kind}` satisfies MessageKey);

const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);
const count = (value: unknown): number | null => (typeof value === 'number' && Number.isInteger(value) ? value : null);

function roleText(value: unknown, t: Translate): string | null {
  const role = text(value);
  return role !== null && isRole(role) ? t(`role.${role}`) : null;
}

/**
 * The particulars of an entry, piece by piece: 第2版, the reason, the hash. The details are
 * whatever the server stored for that kind, so each is read defensively and skipped if odd.
 */
export function auditDetails(entry: AuditEntry, t: Translate, nameOf: (userId: string) => string | null): string[] {
  const d = entry.details;
  const parts: string[] = [];
  const number = count(d['revisionNumber']);
  if (number !== null) parts.push(t('revisions.number', { number }));
  const name = text(d['name']);
  if (name !== null) parts.push(t('revisions.audit.name', { name }));
  const stage = text(d['stage']);
  if (stage !== null) parts.push(t('revisions.audit.stage', { stage: stageText(stage, t) }));
  const threadNumber = count(d['threadNumber']);
  if (threadNumber !== null) parts.push(t('revisions.audit.thread', { number: threadNumber }));
  const userId = text(d['userId']);
  if (userId !== null) parts.push(t('revisions.audit.member', { name: nameOf(userId) ?? userId }));
  if (entry.kind === 'role.changed' || entry.kind === 'role.removed') {
    const from = roleText(d['from'], t);
    const to = roleText(d['to'], t);
    if (from !== null || to !== null) {
      parts.push(t('revisions.audit.roles', { from: from ?? t('revisions.audit.noRole'), to: to ?? t('revisions.audit.noRole') }));
    }
  }
  // Invitations name the address and the role offered (there is no account to name yet).
  if (entry.kind.startsWith('invitation.')) {
    const email = text(d['email']);
    if (email !== null) parts.push(email);
    const offered = roleText(d['to'], t);
    if (offered !== null) parts.push(offered);
  }
  if (d['onBehalfOfChair'] === true) parts.push(t('revisions.audit.onBehalf'));
  const reason = text(d['reason']);
  if (reason !== null) parts.push(t('revisions.audit.reason', { reason }));
  const hash = text(d['hash']);
  if (hash !== null) parts.push(t('revisions.audit.hash', { hash: shortHash(hash) }));
  return parts;
}
