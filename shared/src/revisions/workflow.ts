import { z } from 'zod';
import { ROLES, type Role } from '../access/roles';

/**
 * The review of one frozen revision, as a pure state machine. The server loads the state,
 * calls `transition`, stores the new state (only if nobody moved it meanwhile) and appends
 * the record to the audit log; the
 * client asks `allowedEvents` which buttons to show. Nothing here knows about time or
 * storage, so the server stamps records with `at` and the user's display name itself.
 *
 *   draft ──open──▶ in_review ──approve──────▶ approved
 *     │                 │  └───requestChanges──▶ changes_requested
 *     └──withdraw──▶ withdrawn ◀──withdraw──┘
 *
 * `changes_requested`, `approved` and `withdrawn` are final. In particular a revision that
 * was sent back is never reopened: a revision is frozen content with a fixed hash, so the
 * changes the chair asked for can only be made in the draft, and the secretariat freezes a
 * new revision and opens a review of that. Reopening the old one would ask the chair to
 * approve, again, exactly the content they just sent back.
 */

export const REVIEW_STATUSES = ['draft', 'in_review', 'changes_requested', 'approved', 'withdrawn'] as const;
export const reviewStatusSchema = z.enum(REVIEW_STATUSES);
export type ReviewStatus = z.infer<typeof reviewStatusSchema>;

export const REVIEW_STATUS_LABELS: Record<ReviewStatus, string> = {
  draft: '審議前',
  in_review: '審議中',
  changes_requested: '差戻し',
  approved: '承認済み',
  withdrawn: '取下げ',
};

export const REVIEW_EVENT_TYPES = ['open', 'approve', 'requestChanges', 'withdraw'] as const;
export type ReviewEventType = (typeof REVIEW_EVENT_TYPES)[number];

/** The longest reason a chair may give for sending a revision back. */
export const MAX_REVIEW_REASON_CHARS = 2000;

/** A reason for requesting changes: not blank once trimmed, at most 2000 characters. */
export const reviewReasonSchema = z.string().trim().min(1).max(MAX_REVIEW_REASON_CHARS);

/**
 * Who acts. `delegated` says the chair delegated this review to this vice chair; it is a
 * per-review grant the server looks up, never something the caller asserts, and it means
 * nothing for any other role.
 */
export type ReviewActor = { userId: string; role: Role; delegated: boolean };
export const reviewActorSchema = z.object({ userId: z.string().min(1), role: z.enum(ROLES), delegated: z.boolean() });

export type ReviewEvent =
  | { type: 'open'; by: ReviewActor }
  | { type: 'approve'; by: ReviewActor; hash: string }
  | { type: 'requestChanges'; by: ReviewActor; reason: string }
  | { type: 'withdraw'; by: ReviewActor };

/**
 * Where a review stands. Flat rather than a union so it maps onto one database row; which
 * optional fields are set follows from `status` (see `transition`).
 */
export const reviewStateSchema = z.object({
  status: reviewStatusSchema,
  openedBy: z.string().optional(),
  /** Who approved or sent back. */
  decidedBy: z.string().optional(),
  /** Set when a vice chair decided on the chair's behalf, for the minutes. */
  decidedOnBehalfOfChair: z.boolean().optional(),
  /** The hash the approval names; equal to the revision's hash by construction. */
  approvedHash: z.string().optional(),
  /** Why changes were requested, trimmed. */
  reason: z.string().optional(),
  withdrawnBy: z.string().optional(),
});
export type ReviewState = z.infer<typeof reviewStateSchema>;

/** The state of a revision that has just been frozen. */
export const INITIAL_REVIEW_STATE: ReviewState = { status: 'draft' };

/** One step of the audit trail, without the time (the caller's clock, not ours). */
export type ReviewRecord = {
  event: ReviewEventType;
  from: ReviewStatus;
  to: ReviewStatus;
  by: string;
  role: Role;
  delegated: boolean;
  hash?: string;
  reason?: string;
};

export type ReviewRefusalCode = 'forbidden' | 'invalid_transition' | 'stale_hash' | 'invalid_reason';

export type TransitionResult =
  | { ok: true; state: ReviewState; record: ReviewRecord }
  | { ok: false; code: ReviewRefusalCode; message: string };

/** Which event each status accepts, and where it leads. */
const TRANSITIONS: Record<ReviewStatus, Partial<Record<ReviewEventType, ReviewStatus>>> = {
  draft: { open: 'in_review', withdraw: 'withdrawn' },
  in_review: { approve: 'approved', requestChanges: 'changes_requested', withdraw: 'withdrawn' },
  changes_requested: {},
  approved: {},
  withdrawn: {},
};

/** The chair decides; a vice chair only on a review the chair delegated to them. */
export function mayDecideReview(actor: ReviewActor): boolean {
  return actor.role === 'chair' || (actor.role === 'vice_chair' && actor.delegated);
}

/** The secretariat runs the process; the chair may too. */
export function mayManageReview(actor: ReviewActor): boolean {
  return actor.role === 'staff' || actor.role === 'chair';
}

function permitted(type: ReviewEventType, actor: ReviewActor): boolean {
  return type === 'approve' || type === 'requestChanges' ? mayDecideReview(actor) : mayManageReview(actor);
}

/** The events `actor` may send in `state`, for the buttons a reviewer sees. */
export function allowedEvents(state: ReviewState, actor: ReviewActor): ReviewEventType[] {
  return REVIEW_EVENT_TYPES.filter((type) => TRANSITIONS[state.status][type] !== undefined && permitted(type, actor));
}

function refuse(code: ReviewRefusalCode, message: string): TransitionResult {
  return { ok: false, code, message };
}

/**
 * Applies one event. Checks run in a fixed order: who (forbidden) before state
 * (invalid_transition), so someone who may never decide learns nothing about the review;
 * then the event's own payload (invalid_reason, stale_hash).
 */
export function transition(state: ReviewState, event: ReviewEvent, context: { revisionHash: string }): TransitionResult {
  const actor = event.by;
  if (!permitted(event.type, actor)) {
    return refuse('forbidden', `a ${actor.role}${actor.delegated ? ' (delegated)' : ''} may not ${event.type} a review`);
  }
  const to = TRANSITIONS[state.status][event.type];
  if (to === undefined) {
    const hint = state.status === 'changes_requested' && event.type === 'open' ? '; freeze a new revision instead' : '';
    return refuse('invalid_transition', `cannot ${event.type} a review that is ${state.status}${hint}`);
  }
  // Delegation only means something for a vice chair; a stray flag on anyone else is dropped.
  const onBehalf = actor.role === 'vice_chair' && actor.delegated;
  const base = { event: event.type, from: state.status, to, by: actor.userId, role: actor.role, delegated: onBehalf };

  switch (event.type) {
    case 'open':
      return { ok: true, state: { status: to, openedBy: actor.userId }, record: base };
    case 'withdraw':
      return {
        ok: true,
        state: { ...openedPart(state), status: to, withdrawnBy: actor.userId },
        record: base,
      };
    case 'requestChanges': {
      const reason = reviewReasonSchema.safeParse(event.reason);
      if (!reason.success) {
        return refuse('invalid_reason', `a reason of 1 to ${MAX_REVIEW_REASON_CHARS} characters is required`);
      }
      return {
        ok: true,
        state: { ...openedPart(state), status: to, decidedBy: actor.userId, decidedOnBehalfOfChair: onBehalf, reason: reason.data },
        record: { ...base, reason: reason.data },
      };
    }
    case 'approve':
      // The hash proves the approver saw this revision's content and not an older or newer one.
      if (event.hash !== context.revisionHash) {
        return refuse('stale_hash', 'the approval names a different revision hash; reload the revision and review it again');
      }
      return {
        ok: true,
        state: { ...openedPart(state), status: to, decidedBy: actor.userId, decidedOnBehalfOfChair: onBehalf, approvedHash: event.hash },
        record: { ...base, hash: event.hash },
      };
  }
}

function openedPart(state: ReviewState): Pick<ReviewState, 'openedBy'> {
  return state.openedBy === undefined ? {} : { openedBy: state.openedBy };
}

// ---------------------------------------------------------------- stages

/**
 * The stages a plan usually passes through. Councils name them differently (中間案,
 * 最終案 …), so the stage of a revision is free text and this is only the list offered.
 */
export const REVISION_STAGES = [
  { id: 'issues', label: '論点整理' },
  { id: 'outline', label: '骨子案' },
  { id: 'draft', label: '素案' },
  { id: 'publicComment', label: 'パブリックコメント案' },
  { id: 'final', label: '策定版' },
] as const satisfies ReadonlyArray<{ id: string; label: string }>;
export type RevisionStageId = (typeof REVISION_STAGES)[number]['id'];

export const MAX_STAGE_LABEL_CHARS = 40;

/** A stage label: one line of 1 to 40 characters, trimmed. */
export const revisionStageLabelSchema = z
  .string()
  .trim()
  .min(1)
  .max(MAX_STAGE_LABEL_CHARS)
  .regex(/^[^\p{Cc}]*$/u, 'a stage label is one line without control characters');
