import { z } from 'zod';
import { Person } from '../comments/model';
import { measureTableSchema } from '../measures/model';
import { frozenCellSuggestionSchema } from '../revisions/canonical';
import { REVIEW_EVENT_TYPES, reviewReasonSchema, reviewStateSchema, revisionStageLabelSchema } from '../revisions/workflow';

export const SHA256_HEX = /^[0-9a-f]{64}$/;

/** A frozen revision of a plan, with where its review stands and what the caller may do next. */
export const Revision = z.object({
  id: z.string(),
  planId: z.string(),
  /** 1, 2, 3 … per plan, in the order they were frozen. */
  number: z.number().int(),
  name: z.string(),
  stage: z.string(),
  author: Person,
  createdAt: z.string(),
  /** SHA-256 of the canonical JSON rendering; an approval names it. */
  hash: z.string(),
  review: reviewStateSchema,
  /** The vice chair the chair delegated this review to, if any. */
  delegate: Person.nullable(),
  /** Observers invited to read and comment on this revision. */
  invited: z.array(Person),
  reviewOpenedAt: z.string().nullable(),
  decidedAt: z.string().nullable(),
  /** While this review is open, the live draft takes only suggestions (every connection at most `suggest`). */
  suggestionsOnly: z.boolean(),
  /** Approval is refused (409 suggestions_pending) while the frozen revision holds pending suggestions: in the prose or as the measure table's cell proposals. */
  requireSuggestionsDecided: z.boolean(),
  /** While this review is open, the observers it invited suggest on the live draft (`suggest` access, never deciding). */
  invitedMaySuggest: z.boolean(),
  /** Review events the caller may trigger now. */
  allowedEvents: z.array(z.enum(REVIEW_EVENT_TYPES)),
  /** The meeting whose agenda item the review was decided in (issue 17): 「第3回会議（令和7年11月20日）で承認」. */
  decidedInMeeting: z
    .object({ meetingId: z.string(), workspaceId: z.string(), label: z.string(), ordinal: z.number().int(), date: z.string() })
    .nullable()
    .optional(),
});
export type Revision = z.infer<typeof Revision>;

export const RevisionsResponse = z.object({ revisions: z.array(Revision) });
export const RevisionResponse = z.object({ revision: Revision });
export const RevisionContentResponse = z.object({
  revision: Revision,
  /**
   * The frozen content. The prose is ProseMirror JSON (a recursive shape the OpenAPI
   * document describes loosely; `planSnapshotSchema` checks it on the server).
   */
  snapshot: z.object({
    prose: z.record(z.string(), z.unknown()),
    measures: measureTableSchema,
    /** The annual reports' 評価・課題, `${fiscalYear}|${scope}` → text; absent when there are none. */
    evaluations: z.record(z.string(), z.string()).optional(),
    /** The measure table's cell suggestions pending when it was frozen, in id order; absent when there were none. */
    cellSuggestions: z.array(frozenCellSuggestionSchema).optional(),
  }),
  /** The frozen Y.Doc state (base64), so comments' text anchors resolve against it. */
  stateBase64: z.string(),
});

export const FreezeRevisionRequest = z.object({
  name: z.string().trim().min(1).max(100),
  stage: revisionStageLabelSchema,
});
export type FreezeRevisionRequest = z.infer<typeof FreezeRevisionRequest>;

export const OpenReviewRequest = z.object({
  /** A vice chair who may decide in the chair's place (only the chair may name one). */
  delegateId: z.string().max(64).nullable().optional(),
  /** Observers invited to this review. */
  invitedIds: z.array(z.string().max(64)).max(100).optional(),
  /** Lock the live draft into suggestion mode while the review is open. */
  suggestionsOnly: z.boolean().optional(),
  /** Refuse approval while the frozen revision holds pending suggestions. */
  requireSuggestionsDecided: z.boolean().optional(),
  /** Let the invited observers suggest on the live draft while the review is open. */
  invitedMaySuggest: z.boolean().optional(),
});
export type OpenReviewRequest = z.infer<typeof OpenReviewRequest>;

/** A review decided in a meeting names the meeting and the agenda item that links the revision (both or neither). */
const InMeeting = { meetingId: z.string().min(1).max(64).optional(), agendaItemId: z.string().min(1).max(64).optional() };
export const ReviewDecisionRequest = z.discriminatedUnion('decision', [
  z.object({ decision: z.literal('approve'), hash: z.string().regex(SHA256_HEX, 'a SHA-256 in lowercase hex'), ...InMeeting }),
  z.object({ decision: z.literal('requestChanges'), reason: reviewReasonSchema, ...InMeeting }),
]);
export type ReviewDecisionRequest = z.infer<typeof ReviewDecisionRequest>;

/** `draft` names the live draft; anything else is a revision id. */
export const CompareQuery = z.object({ from: z.string().min(1).max(64), to: z.string().min(1).max(64) });

export const CompareResponse = z.object({
  from: z.object({ label: z.string(), revisionId: z.string().nullable() }),
  to: z.object({ label: z.string(), revisionId: z.string().nullable() }),
  /** ProseDiffRow[] (see shared/src/revisions/proseDiff.ts). */
  prose: z.array(z.any()),
  /** MeasureDiff (see shared/src/revisions/measureDiff.ts). */
  measures: z.any(),
  /** With `suggestions=markup`: the authors of the suggestions shown, in order of appearance (the legend). */
  suggestionAuthors: z.array(z.object({ id: z.string(), name: z.string() })).optional(),
});

export const AUDIT_KINDS = [
  'revision.frozen',
  'revision.restored',
  'review.opened',
  'review.approved',
  'review.changesRequested',
  'review.withdrawn',
  'role.changed',
  'role.removed',
  // Installation administration (issue 13, first run and administrators).
  'setup.completed',
  'admin.granted',
  'admin.revoked',
  'account.deactivated',
  'account.reactivated',
  'council.created',
  'council.renamed',
  'council.archived',
  'council.unarchived',
  // Members, invitations and accounts (issue 13).
  'invitation.created',
  'invitation.resent',
  'invitation.revoked',
  'invitation.accepted',
  'member.attributesChanged',
  'account.nameChanged',
  'account.emailChanged',
  'account.passwordChanged',
  'account.mailChoiceChanged',
  'account.resetIssued',
  'account.passwordReset',
  'account.createdWithSso',
  // Plans and their editions (issue 13).
  'plan.created',
  'plan.updated',
  'plan.archived',
  'plan.settingsChanged',
  'thread.resolved',
  'thread.reopened',
  // What staff and members write on the record itself (issue 15).
  'thread.responded',
  'comment.deleted',
  'kpi.actualRecorded',
  // Suggestions (見え消し) decided, and who in a council may decide them (issue 16).
  'suggestion.accepted',
  'suggestion.rejected',
  'council.suggestionDecidersChanged',
  // Meetings of a council, their agenda and attendance, and its quorum rule (issue 17).
  'meeting.create',
  'meeting.update',
  'meeting.delete',
  'meeting.agenda',
  'meeting.agendaSent',
  'meeting.attendance',
  'meeting.quorum',
  'meeting.decision.add',
  'meeting.decision.remove',
  // Meeting materials (資料) added and removed (issue 17 item 3).
  'meeting.material.add',
  'meeting.material.remove',
  // The minutes (議事録) sent, confirmed and frozen, their publication option, corrections (issue 17 item 6).
  'meeting.minutesSent',
  'meeting.minutesConfirmed',
  'meeting.minutesPublication',
  'meeting.minutesCorrection',
  'meeting.minutesCorrectionResolved',
] as const;
export const AuditKind = z.enum(AUDIT_KINDS);
export type AuditKind = z.infer<typeof AuditKind>;

export const AuditEntry = z.object({
  seq: z.number().int(),
  at: z.string(),
  kind: AuditKind,
  actor: Person.nullable(),
  planId: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
  hash: z.string(),
  prevHash: z.string(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

/** A page holds at most this many entries; the reader asks for the next with its cursor. */
const MAX_AUDIT_PAGE = 500;

/** Which page of the record: `limit` entries numbered below `before` (from the newest when absent). */
export const AuditQuery = z.object({
  limit: z.coerce.number().int().min(1).max(MAX_AUDIT_PAGE).default(100),
  before: z.coerce.number().int().min(1).optional(),
});
export type AuditQuery = z.infer<typeof AuditQuery>;

export const AuditResponse = z.object({
  entries: z.array(AuditEntry),
  /** The cursor of the next (older) page: pass it as `before`. Null on the last page. */
  next: z.number().int().nullable(),
  /**
   * Whether the chain still verifies: every entry appended since the last check, and each
   * entry on this page on its own. A full walk of the whole chain is `pnpm cli audit verify`.
   */
  intact: z.boolean(),
  firstBroken: z.number().int().nullable(),
  /** The newest entry of the whole log: written down outside, it shows later whether entries were removed. */
  head: z.object({ seq: z.number().int(), hash: z.string() }).nullable(),
});
