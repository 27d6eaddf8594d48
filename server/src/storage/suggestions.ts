import { ProposedChanges, type SuggestionDeciders } from '@sakutei/shared';
import type { NewAuditEntry } from './auditRecord';

// Suggestions (見え消し) beyond the document: who in a council decides them, and the record of
// each decision. Kept beside WorkspaceStore so issue 16 does not widen the shared interfaces.

/** One decided suggestion: what it proposed (rejected wording lives on here), whose, and who decided it. */
export interface SuggestionDecisionRecord {
  seq: number;
  planId: string;
  suggestionId: string;
  decision: 'accept' | 'reject';
  /** The user id the suggestion's marks carry; `authorName` is null when it names no account. */
  authorId: string;
  authorName: string | null;
  suggestedAt: number;
  inserted: string;
  deleted: string;
  /** Formatting and block changes it proposed (both empty for wording alone). */
  changes: ProposedChanges;
  decidedBy: string;
  decidedByName: string;
  decidedAt: number;
  /** The accepted suggestion whose acceptance rejected this competing one. */
  conflictOf: string | null;
}

export type NewSuggestionDecision = Omit<SuggestionDecisionRecord, 'seq' | 'authorName' | 'decidedByName'>;

export interface SuggestionStore {
  /**
   * Stores decisions with their audit entries in one transaction: no decision without its
   * record, and no record of one that was not stored.
   */
  record(decisions: NewSuggestionDecision[], audit: NewAuditEntry[]): Promise<void>;
  /** A plan's decisions, newest first: `limit` of them numbered below `before` (from the newest when absent). */
  listForPlan(planId: string, limit: number, before?: number): Promise<SuggestionDecisionRecord[]>;
  /** Who decides suggestions in the council ('editors' for an unknown council too). */
  decidersOf(workspaceId: string): Promise<SuggestionDeciders>;
  /** Changes who decides, with its audit entry in the same transaction. */
  setDeciders(workspaceId: string, deciders: SuggestionDeciders, audit: NewAuditEntry): Promise<void>;
}

export type SuggestionDecisionRow = {
  seq: number;
  plan_id: string;
  suggestion_id: string;
  decision: 'accept' | 'reject';
  author_id: string;
  author_name: string | null;
  suggested_at: number;
  inserted: string;
  deleted: string;
  changes: string;
  decided_by: string;
  decided_by_name: string;
  decided_at: number;
  conflict_of: string | null;
};

export const SELECT_SUGGESTION_DECISIONS = `SELECT s.seq, s.plan_id, s.suggestion_id, s.decision, s.author_id, a.name AS author_name,
  s.suggested_at, s.inserted, s.deleted, s.changes, s.decided_by, d.name AS decided_by_name, s.decided_at, s.conflict_of
  FROM suggestion_decisions s LEFT JOIN users a ON a.id = s.author_id JOIN users d ON d.id = s.decided_by`;

export function toSuggestionDecision(row: SuggestionDecisionRow): SuggestionDecisionRecord {
  return {
    seq: row.seq,
    planId: row.plan_id,
    suggestionId: row.suggestion_id,
    decision: row.decision,
    authorId: row.author_id,
    authorName: row.author_name,
    suggestedAt: row.suggested_at,
    inserted: row.inserted,
    deleted: row.deleted,
    changes: changesOf(row.changes),
    decidedBy: row.decided_by,
    decidedByName: row.decided_by_name,
    decidedAt: row.decided_at,
    conflictOf: row.conflict_of,
  };
}

/** The columns of a new decision, in the order both backends insert them. */
export const decisionValues = (d: NewSuggestionDecision) =>
  [d.planId, d.suggestionId, d.decision, d.authorId, d.suggestedAt, d.inserted, d.deleted, JSON.stringify(d.changes), d.decidedBy, d.decidedAt, d.conflictOf] as const;

/** The columns both backends insert, in decisionValues' order. */
export const DECISION_COLUMNS = 'plan_id, suggestion_id, decision, author_id, suggested_at, inserted, deleted, changes, decided_by, decided_at, conflict_of';

const NO_CHANGES: ProposedChanges = { formats: [], structure: [] };

/** A stored decision's changes; a row from before they were kept (or unreadable) has none. */
function changesOf(text: string): ProposedChanges {
  try {
    const parsed = ProposedChanges.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : NO_CHANGES;
  } catch {
    return NO_CHANGES;
  }
}
