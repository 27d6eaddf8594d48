import type { CorrectionState, MinutesState, PublishNames } from '@sakutei/shared';
import type { NewAuditEntry } from './auditRecord';

// The minutes of a meeting (議事録, issue 17 item 6): their state, what was frozen on
// confirmation, and the corrections members suggest. The text itself is a live Yjs document
// (docNameForMinutes) kept by the document store like a plan's draft.

export interface MinutesRecord {
  meetingId: string;
  state: MinutesState;
  sentAt: number | null;
  sentBy: string | null;
  confirmedAt: number | null;
  confirmedBy: string | null;
  /** SHA-256 (lowercase hex) of `frozenJson`, set on confirmation. */
  hash: string | null;
  /** The prose as canonical JSON at confirmation: what the hash is over. */
  frozenJson: string | null;
  frozenText: string | null;
  publishNames: PublishNames;
  /** Bumped by every change of state or publication option. */
  version: number;
}

/** A meeting's minutes before anyone sent or changed them: no row is stored until then. */
export const draftMinutes = (meetingId: string): MinutesRecord => ({
  meetingId,
  state: 'draft',
  sentAt: null,
  sentBy: null,
  confirmedAt: null,
  confirmedBy: null,
  hash: null,
  frozenJson: null,
  frozenText: null,
  publishNames: 'anonymised',
  version: 1,
});

export interface CorrectionRecord {
  id: string;
  meetingId: string;
  authorId: string | null;
  quote: string;
  proposal: string;
  reason: string;
  state: CorrectionState;
  createdAt: number;
  resolvedBy: string | null;
  resolvedAt: number | null;
}

export type FrozenMinutes = { at: number; by: string; hash: string; json: string; text: string };

export type ConfirmOutcome = 'confirmed' | 'conflict' | 'correctionsOpen';
export type CorrectionOutcome = 'added' | 'notSent' | 'tooMany' | 'tooManyOpen';

/**
 * Every write names what it expects (the version, the state) and appends its audit entry in the
 * same transaction; it changes nothing when the meeting is gone or another write came first.
 */
export interface MinutesStore {
  /** The meeting's minutes as stored, or null when none were ever written (read as draftMinutes). */
  find(meetingId: string): Promise<MinutesRecord | null>;
  /** The meeting's corrections in the order they were filed. */
  corrections(meetingId: string): Promise<CorrectionRecord[]>;
  /** Marks the minutes sent at `at` (from draft or sent) at `version`; false on a conflict or once confirmed. */
  send(meetingId: string, version: number, at: number, by: string, audit: NewAuditEntry): Promise<boolean>;
  /**
   * Freezes the sent minutes at `version` and sets the meeting's status to minutesConfirmed
   * (bumping the meeting's version), unless a correction is open.
   */
  confirm(meetingId: string, version: number, frozen: FrozenMinutes, audit: NewAuditEntry): Promise<ConfirmOutcome>;
  /** Sets how names are published, at `version`; false on a conflict. */
  setPublishNames(meetingId: string, version: number, names: PublishNames, audit: NewAuditEntry): Promise<boolean>;
  /** Files a correction while the minutes are sent, within the bounds per meeting and per author. */
  addCorrection(correction: CorrectionRecord, limits: { perMeeting: number; openPerAuthor: number }, audit: NewAuditEntry): Promise<CorrectionOutcome>;
  /** Resolves an open correction of the meeting's; false when it is not there or not open, or the minutes are confirmed. */
  resolveCorrection(meetingId: string, correctionId: string, state: 'applied' | 'declined', by: string, at: number, audit: NewAuditEntry): Promise<boolean>;
}

export type MinutesRow = {
  meeting_id: string;
  state: MinutesState;
  sent_at: number | string | null;
  sent_by: string | null;
  confirmed_at: number | string | null;
  confirmed_by: string | null;
  hash: string | null;
  frozen_json: string | null;
  frozen_text: string | null;
  publish_names: PublishNames;
  version: number;
};

export const MINUTES_COLUMNS = 'meeting_id, state, sent_at, sent_by, confirmed_at, confirmed_by, hash, frozen_json, frozen_text, publish_names, version';

const num = (v: number | string | null): number | null => (v === null ? null : Number(v));

export function toMinutes(row: MinutesRow): MinutesRecord {
  return {
    meetingId: row.meeting_id,
    state: row.state,
    sentAt: num(row.sent_at),
    sentBy: row.sent_by,
    confirmedAt: num(row.confirmed_at),
    confirmedBy: row.confirmed_by,
    hash: row.hash,
    frozenJson: row.frozen_json,
    frozenText: row.frozen_text,
    publishNames: row.publish_names,
    version: Number(row.version),
  };
}

export type CorrectionRow = {
  id: string;
  meeting_id: string;
  author_id: string | null;
  quote: string;
  proposal: string;
  reason: string;
  state: CorrectionState;
  created_at: number | string;
  resolved_by: string | null;
  resolved_at: number | string | null;
};

export const CORRECTION_COLUMNS = 'id, meeting_id, author_id, quote, proposal, reason, state, created_at, resolved_by, resolved_at';

export const correctionValues = (c: CorrectionRecord) =>
  [c.id, c.meetingId, c.authorId, c.quote, c.proposal, c.reason, c.state, c.createdAt, c.resolvedBy, c.resolvedAt] as const;

export function toCorrection(row: CorrectionRow): CorrectionRecord {
  return {
    id: row.id,
    meetingId: row.meeting_id,
    authorId: row.author_id,
    quote: row.quote,
    proposal: row.proposal,
    reason: row.reason,
    state: row.state,
    createdAt: Number(row.created_at),
    resolvedBy: row.resolved_by,
    resolvedAt: num(row.resolved_at),
  };
}
