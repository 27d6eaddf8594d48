import { type DecisionKind, DecisionVote } from '@sakutei/shared';
import type { NewAuditEntry } from './auditRecord';

// Decisions taken in a meeting (issue 17, item 5), in a store of their own beside the
// meeting store: a decision names its agenda item by id only (the agenda is replaced whole on
// every edit, so a foreign key would delete decisions with it).

export interface DecisionRecord {
  id: string;
  meetingId: string;
  agendaItemId: string;
  kind: DecisionKind;
  text: string;
  vote: DecisionVote | null;
  revisionId: string | null;
  decidedAt: number;
  decidedBy: string | null;
}

export interface MeetingDecisionStore {
  /** The meeting's decisions in the order they were taken. */
  list(meetingId: string): Promise<DecisionRecord[]>;
  /**
   * The decisions taken on any of these revisions (reviews decided in a meeting), in the order
   * they were taken: one read for a whole revision list.
   */
  ofRevisions(revisionIds: readonly string[]): Promise<DecisionRecord[]>;
  /** Adds the decision with its audit entry unless the meeting already holds `limit` (then false). */
  add(decision: DecisionRecord, limit: number, audit: NewAuditEntry): Promise<boolean>;
  /** Removes the meeting's decision with its audit entry; false when it is not there. */
  remove(meetingId: string, decisionId: string, audit: NewAuditEntry): Promise<boolean>;
}

export type DecisionRow = {
  id: string;
  meeting_id: string;
  agenda_item_id: string;
  kind: DecisionKind;
  text: string;
  vote: string | null;
  revision_id: string | null;
  decided_at: number | string;
  decided_by: string | null;
};

export const DECISION_COLUMNS = 'id, meeting_id, agenda_item_id, kind, text, vote, revision_id, decided_at, decided_by';

export const decisionValues = (d: DecisionRecord) =>
  [d.id, d.meetingId, d.agendaItemId, d.kind, d.text, d.vote ? JSON.stringify(d.vote) : null, d.revisionId, d.decidedAt, d.decidedBy] as const;

export function toDecision(row: DecisionRow): DecisionRecord {
  return {
    id: row.id,
    meetingId: row.meeting_id,
    agendaItemId: row.agenda_item_id,
    kind: row.kind,
    text: row.text,
    vote: voteOf(row.vote),
    revisionId: row.revision_id,
    decidedAt: Number(row.decided_at),
    decidedBy: row.decided_by,
  };
}

/** A stored vote; an unreadable one (a hand-edited row) reads as none rather than failing the meeting. */
function voteOf(text: string | null): DecisionVote | null {
  if (!text) return null;
  try {
    const parsed = DecisionVote.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
