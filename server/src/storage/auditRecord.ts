import type { AuditKind } from '@sakutei/shared';

/**
 * An entry of the audit record as stored, and what a caller hands in to append one. Apart from
 * the storage interfaces (index.ts) so that stores declared in their own modules
 * (suggestions.ts) can take entries without importing the index that imports them.
 */
export interface AuditRecord {
  seq: number;
  at: number;
  kind: AuditKind;
  workspaceId: string | null;
  planId: string | null;
  actorId: string | null;
  actorName: string | null;
  details: Record<string, unknown>;
  prevHash: string;
  hash: string;
}

export type NewAuditEntry = Pick<AuditRecord, 'at' | 'kind' | 'workspaceId' | 'planId' | 'actorId' | 'details'>;
