import type { AuditEntry } from '@sakutei/shared';

/** An audit-record entry of the given kind, by 事務局 高橋 on plan p1; details as given. */
export const auditEntry = (kind: AuditEntry['kind'], details: Record<string, unknown>): AuditEntry => ({
  seq: 1,
  at: '2026-12-06T00:00:00.000Z',
  kind,
  actor: { id: 'u-staff', name: '事務局 高橋' },
  planId: 'p1',
  details,
  hash: 'a'.repeat(64),
  prevHash: '0'.repeat(64),
});
