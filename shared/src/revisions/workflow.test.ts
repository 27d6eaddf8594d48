import { describe, expect, it } from 'vitest';
import {
  INITIAL_REVIEW_STATE,
  MAX_REVIEW_REASON_CHARS,
  REVIEW_EVENT_TYPES,
  REVIEW_STATUSES,
  REVISION_STAGES,
  allowedEvents,
  reviewStateSchema,
  revisionStageLabelSchema,
  transition,
  type ReviewActor,
  type ReviewEvent,
  type ReviewEventType,
  type ReviewState,
  type ReviewStatus,
} from './workflow';

const HASH = 'a'.repeat(64);
const context = { revisionHash: HASH };

const ACTORS = {
  chair: { userId: 'u-chair', role: 'chair', delegated: false },
  chairFlagged: { userId: 'u-chair', role: 'chair', delegated: true },
  viceDelegated: { userId: 'u-vice', role: 'vice_chair', delegated: true },
  viceUndelegated: { userId: 'u-vice', role: 'vice_chair', delegated: false },
  member: { userId: 'u-member', role: 'member', delegated: false },
  memberFlagged: { userId: 'u-member', role: 'member', delegated: true },
  observer: { userId: 'u-observer', role: 'observer', delegated: false },
  staff: { userId: 'u-staff', role: 'staff', delegated: false },
  staffFlagged: { userId: 'u-staff', role: 'staff', delegated: true },
} satisfies Record<string, ReviewActor>;
type ActorName = keyof typeof ACTORS;
const ACTOR_NAMES = Object.keys(ACTORS) as ActorName[];

// Written out by hand from the issue, not derived from the implementation.
const MAY: Record<ReviewEventType, readonly ActorName[]> = {
  open: ['chair', 'chairFlagged', 'staff', 'staffFlagged'],
  withdraw: ['chair', 'chairFlagged', 'staff', 'staffFlagged'],
  approve: ['chair', 'chairFlagged', 'viceDelegated'],
  requestChanges: ['chair', 'chairFlagged', 'viceDelegated'],
};
const LEADS_TO: Record<ReviewStatus, Partial<Record<ReviewEventType, ReviewStatus>>> = {
  draft: { open: 'in_review', withdraw: 'withdrawn' },
  in_review: { approve: 'approved', requestChanges: 'changes_requested', withdraw: 'withdrawn' },
  changes_requested: {},
  approved: {},
  withdrawn: {},
};

const STATES: Record<ReviewStatus, ReviewState> = {
  draft: INITIAL_REVIEW_STATE,
  in_review: { status: 'in_review', openedBy: 'u-staff' },
  changes_requested: { status: 'changes_requested', openedBy: 'u-staff', decidedBy: 'u-chair', reason: '数値を更新してください' },
  approved: { status: 'approved', openedBy: 'u-staff', decidedBy: 'u-chair', approvedHash: HASH },
  withdrawn: { status: 'withdrawn', withdrawnBy: 'u-staff' },
};

function eventOf(type: ReviewEventType, by: ReviewActor): ReviewEvent {
  switch (type) {
    case 'open':
      return { type, by };
    case 'withdraw':
      return { type, by };
    case 'approve':
      return { type, by, hash: HASH };
    case 'requestChanges':
      return { type, by, reason: '成果指標⑥の目標値の根拠を示してください。' };
  }
}

const CASES = REVIEW_STATUSES.flatMap((status) =>
  REVIEW_EVENT_TYPES.flatMap((type) => ACTOR_NAMES.map((actor) => [status, type, actor] as const)),
);

describe('review workflow: every state × event × actor', () => {
  it.each(CASES)('%s + %s by %s', (status, type, actorName) => {
    const actor = ACTORS[actorName];
    const result = transition(STATES[status], eventOf(type, actor), context);
    const target = LEADS_TO[status][type];
    if (!MAY[type].includes(actorName)) {
      expect(result).toMatchObject({ ok: false, code: 'forbidden' });
    } else if (target === undefined) {
      expect(result).toMatchObject({ ok: false, code: 'invalid_transition' });
    } else {
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      expect(result.state.status).toBe(target);
      expect(reviewStateSchema.parse(result.state)).toEqual(result.state);
      expect(result.record).toMatchObject({ event: type, from: status, to: target, by: actor.userId, role: actor.role });
      // Delegation is recorded only where it is what gave the right to act.
      expect(result.record.delegated).toBe(actorName === 'viceDelegated');
    }
    // The buttons a user sees are exactly the events that would go through.
    expect(allowedEvents(STATES[status], actor).includes(type)).toBe(result.ok);
  });

  it('covers every combination', () => {
    expect(CASES).toHaveLength(5 * 4 * ACTOR_NAMES.length);
  });
});

describe('review workflow: what a decision records', () => {
  const inReview = STATES.in_review;

  it('approval names the hash and who decided, on whose authority', () => {
    const byChair = transition(inReview, { type: 'approve', by: ACTORS.chair, hash: HASH }, context);
    expect(byChair).toEqual({
      ok: true,
      state: { status: 'approved', openedBy: 'u-staff', decidedBy: 'u-chair', decidedOnBehalfOfChair: false, approvedHash: HASH },
      record: { event: 'approve', from: 'in_review', to: 'approved', by: 'u-chair', role: 'chair', delegated: false, hash: HASH },
    });
    const byVice = transition(inReview, { type: 'approve', by: ACTORS.viceDelegated, hash: HASH }, context);
    expect(byVice.ok && byVice.state.decidedOnBehalfOfChair).toBe(true);
  });

  it('refuses an approval of a hash that is not the revision’s', () => {
    for (const hash of ['b'.repeat(64), HASH.toUpperCase(), '', `${HASH} `]) {
      expect(transition(inReview, { type: 'approve', by: ACTORS.chair, hash }, context)).toMatchObject({ ok: false, code: 'stale_hash' });
    }
  });

  it('says forbidden before stale, so an outsider learns nothing of the hash', () => {
    const result = transition(inReview, { type: 'approve', by: ACTORS.member, hash: 'x' }, context);
    expect(result).toMatchObject({ ok: false, code: 'forbidden' });
  });

  it('keeps the trimmed reason of a request for changes', () => {
    const result = transition(inReview, { type: 'requestChanges', by: ACTORS.chair, reason: '  表現を修正のこと。\n' }, context);
    expect(result).toMatchObject({ ok: true, state: { status: 'changes_requested', reason: '表現を修正のこと。', decidedBy: 'u-chair' } });
    expect(result.ok && result.record.reason).toBe('表現を修正のこと。');
  });

  it.each([
    ['empty', ''],
    ['blank', ' \n\t　'],
    ['too long', 'あ'.repeat(MAX_REVIEW_REASON_CHARS + 1)],
  ])('refuses a %s reason', (_name, reason) => {
    expect(transition(inReview, { type: 'requestChanges', by: ACTORS.chair, reason }, context)).toMatchObject({
      ok: false,
      code: 'invalid_reason',
    });
  });

  it('accepts a reason of exactly the limit', () => {
    const reason = 'あ'.repeat(MAX_REVIEW_REASON_CHARS);
    expect(transition(inReview, { type: 'requestChanges', by: ACTORS.viceDelegated, reason }, context).ok).toBe(true);
  });

  it('does not reopen a revision that was sent back: a new one is frozen instead', () => {
    const result = transition(STATES.changes_requested, { type: 'open', by: ACTORS.staff }, context);
    expect(result).toMatchObject({ ok: false, code: 'invalid_transition' });
    expect(!result.ok && result.message).toMatch(/new revision/);
  });

  it('runs a whole review: freeze, open, send back; freeze again, open, approve', () => {
    let state = INITIAL_REVIEW_STATE;
    const apply = (event: ReviewEvent) => {
      const result = transition(state, event, context);
      if (!result.ok) throw new Error(result.message);
      state = result.state;
    };
    apply({ type: 'open', by: ACTORS.staff });
    apply({ type: 'requestChanges', by: ACTORS.chair, reason: '目標値を再検討' });
    expect(state.status).toBe('changes_requested');
    expect(allowedEvents(state, ACTORS.staff)).toEqual([]);

    state = INITIAL_REVIEW_STATE;
    apply({ type: 'open', by: ACTORS.chair });
    expect(allowedEvents(state, ACTORS.viceDelegated)).toEqual(['approve', 'requestChanges']);
    expect(allowedEvents(state, ACTORS.staff)).toEqual(['withdraw']);
    apply({ type: 'approve', by: ACTORS.viceDelegated, hash: HASH });
    expect(state).toMatchObject({ status: 'approved', openedBy: 'u-chair', decidedBy: 'u-vice', approvedHash: HASH });
  });
});

describe('revision stages', () => {
  it('offers the usual stages in order', () => {
    expect(REVISION_STAGES.map((stage) => stage.label)).toEqual(['論点整理', '骨子案', '素案', 'パブリックコメント案', '策定版']);
    for (const stage of REVISION_STAGES) expect(revisionStageLabelSchema.parse(stage.label)).toBe(stage.label);
  });

  it('takes any one-line label up to 40 characters', () => {
    expect(revisionStageLabelSchema.parse('  中間案（第3回会議）  ')).toBe('中間案（第3回会議）');
    expect(revisionStageLabelSchema.safeParse('案'.repeat(40)).success).toBe(true);
    expect(revisionStageLabelSchema.safeParse('案'.repeat(41)).success).toBe(false);
    expect(revisionStageLabelSchema.safeParse('   ').success).toBe(false);
    expect(revisionStageLabelSchema.safeParse('素案\n第2版').success).toBe(false);
  });
});
