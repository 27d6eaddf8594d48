/**
 * Decisions taken in a meeting (issue 17, item 5): what was decided on an agenda item, with
 * the vote when there was one. Review decisions taken in the meeting are stored beside the
 * others so the meeting and the revision point to each other.
 */

/** 議決, 報告, 了承 are recorded by hand; the review kinds come from a review decided in the meeting. */
export const DECISION_KINDS = ['resolution', 'report', 'acknowledgement', 'reviewApproved', 'reviewReturned'] as const;
export type DecisionKindValue = (typeof DECISION_KINDS)[number];
/** The kinds the record-a-decision route takes; the review kinds only come through the review decision. */
export const RECORDABLE_DECISION_KINDS = ['resolution', 'report', 'acknowledgement'] as const;

export const DECISION_KIND_JA: Record<DecisionKindValue, string> = {
  resolution: '議決',
  report: '報告',
  acknowledgement: '了承',
  reviewApproved: '承認',
  reviewReturned: '差し戻し',
};

/**
 * Whether taking a decision of this kind needs the meeting's quorum: a resolution and a review
 * decision do (the council decides); a report or an acknowledgement only informs it.
 */
export const decisionNeedsQuorum = (kind: DecisionKindValue): boolean => kind !== 'report' && kind !== 'acknowledgement';

export type DecisionVoteValue = { unanimous: true } | { for: number; against: number; abstain: number };

/**
 * What is wrong with a vote when `votersPresent` voting members attend (those counted towards
 * the quorum), or null. A count is a whole number from 0 to the voters present and the three
 * together cannot exceed them; 全会一致 needs at least one voter present.
 */
export function voteProblem(vote: DecisionVoteValue | null, votersPresent: number): string | null {
  if (vote === null) return null;
  if ('unanimous' in vote) return votersPresent > 0 ? null : 'A unanimous vote needs voting members present.';
  const counts = [vote.for, vote.against, vote.abstain];
  if (counts.some((n) => !Number.isInteger(n) || n < 0)) return 'Vote counts are whole numbers from 0.';
  if (counts.some((n) => n > votersPresent)) return `A vote count cannot exceed the ${votersPresent} voting members present.`;
  const total = counts.reduce((a, b) => a + b, 0);
  if (total > votersPresent) return `For, against and abstain together (${total}) cannot exceed the ${votersPresent} voting members present.`;
  return null;
}
