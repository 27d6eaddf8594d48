import {
  type AuditKind,
  type CompareResponse,
  type FreezeRevisionRequest,
  INITIAL_REVIEW_STATE,
  type OpenReviewRequest,
  type PlanSnapshot,
  type Revision,
  type ReviewActor,
  type ReviewDecisionRequest,
  type ReviewEvent,
  type ProseDiffRow,
  type SuggestionView,
  allowedEvents,
  overlaidAuthorIds,
  can,
  transition,
} from '@sakutei/shared';
import * as Y from 'yjs';
import type { z } from 'zod';
import { newId } from '../auth/ids';
import type { AppDeps } from '../env';
import { AppError, forbidden, notFound } from '../errors';
import type { NewAuditEntry, RevisionRecord, UserRecord, VisiblePlan } from '../storage';
import { canReadDraft } from '../policies/plan';
import { canSeeRevision } from '../policies/revisions';
import { iso, isoOrNull } from '../presenters/time';
import { compareSnapshots } from './documentExport';
import { namesOf } from './suggestionAuthors';
import { draftLocked } from './suggestionAccess';
import { frozenSnapshot, pendingSuggestionPlaces, planSnapshotOf, readCanonicalSnapshot, restoreSnapshot, sealSnapshot } from './snapshot';
import { flattenedProse, readBackProblem, shapeProblems, unreadableDocument, unreadableRevision } from './readBack';
import { archivedPlan, previousEditionFor } from './plans';
import { notifyReviewStep } from './reviewNotifications';
import { loadVisiblePlan } from './visiblePlan';
import { type DecidedInMeeting, reviewInMeeting } from './reviewInMeeting';
import { councilArchived, councilArchivedError } from './admin/archivedCouncil';


/** The origin of a restore applied by the server: it is a change like any other, stored and broadcast. */
export const RESTORE_ORIGIN = 'sakutei.restore';

/**
 * Frozen revisions and their review. Council members, staff and the chair see every
 * revision; an observer sees approved ones, and a revision whose review invited them.
 */
export function revisionService(deps: AppDeps) {
  const { revisions, workspaces, audit } = deps.storage;
  const inMeeting = reviewInMeeting(deps);

  const visibleTo = (plan: VisiblePlan, userId: string, revision: RevisionRecord) => canSeeRevision(plan.role, userId, revision);

  function actorOf(plan: VisiblePlan, user: UserRecord, revision: RevisionRecord): ReviewActor {
    return { userId: user.id, role: plan.role, delegated: plan.role === 'vice_chair' && revision.delegate?.id === user.id };
  }

  function present(plan: VisiblePlan, user: UserRecord, r: RevisionRecord, meeting: DecidedInMeeting | null = null): Revision {
    return {
      id: r.id,
      planId: r.planId,
      number: r.number,
      name: r.name,
      stage: r.stage,
      author: { id: r.authorId, name: r.authorName },
      createdAt: iso(r.createdAt),
      hash: r.hash,
      review: r.review,
      delegate: r.delegate,
      invited: r.invited,
      reviewOpenedAt: isoOrNull(r.reviewOpenedAt),
      decidedAt: isoOrNull(r.decidedAt),
      suggestionsOnly: r.suggestionsOnly,
      requireSuggestionsDecided: r.requireSuggestionsDecided,
      invitedMaySuggest: r.invitedMaySuggest,
      allowedEvents: allowedEvents(r.review, actorOf(plan, user, r)),
      decidedInMeeting: meeting,
    };
  }

  /** The revision as answered, with the meeting it was decided in, if any. */
  async function presentOne(plan: VisiblePlan, user: UserRecord, r: RevisionRecord): Promise<Revision> {
    return present(plan, user, r, (await inMeeting.linksOf([r])).get(r.id) ?? null);
  }

  const entry = (plan: VisiblePlan, user: UserRecord, kind: AuditKind, details: Record<string, unknown>, at = Date.now()): NewAuditEntry => ({
    at,
    kind,
    workspaceId: plan.workspaceId,
    planId: plan.id,
    actorId: user.id,
    details,
  });

  async function record(plan: VisiblePlan, user: UserRecord, kind: AuditKind, details: Record<string, unknown>) {
    await audit.append(entry(plan, user, kind, details));
  }

  /** The revision, if the user may see it; otherwise "not found", so nothing leaks. */
  async function load(user: UserRecord, revisionId: string): Promise<{ plan: VisiblePlan; revision: RevisionRecord }> {
    const revision = await revisions.find(revisionId);
    const plan = revision ? await loadVisiblePlan(workspaces, user.id, revision.planId).catch(() => null) : null;
    if (!revision || !plan || !visibleTo(plan, user.id, revision)) throw notFound('revision');
    return { plan, revision };
  }

  async function snapshotOf(revisionId: string): Promise<PlanSnapshot> {
    const snapshot = await frozenSnapshot(revisions, revisionId);
    if (!snapshot) throw notFound('revision');
    return snapshot;
  }

  /** A side of a comparison: `draft` (members only) or a revision the user may see. */
  async function side(user: UserRecord, plan: VisiblePlan, ref: string) {
    if (ref === 'draft') {
      if (!canReadDraft(plan.role)) throw notFound('revision');
      // Only the state is copied here; reading it into a snapshot is done with the diff, off the event loop.
      const state = await deps.rooms.use(plan.docName, (room) => Y.encodeStateAsUpdate(room.doc));
      return { label: '現在の案', revisionId: null, source: { draft: state } };
    }
    const revision = await revisions.find(ref);
    // A revision of the previous edition compares too (last year's approved version), if the
    // caller may see that plan and that revision there.
    const owner = revision && revision.planId !== plan.id ? await previousEditionFor(deps, user.id, plan.id, revision.planId) : plan;
    if (!revision || !owner || !visibleTo(owner, user.id, revision)) throw notFound('revision');
    const label = `第${revision.number}版 ${revision.name}（${revision.stage}）`;
    const content = await revisions.content(revision.id);
    if (!content) throw notFound('revision');
    return { label: owner === plan ? label : `${owner.title} ${label}`, revisionId: revision.id, source: { canonical: content.canonical } };
  }

  function refusal(result: { code: string; message: string }): AppError {
    const status = result.code === 'forbidden' ? 403 : result.code === 'invalid_reason' ? 400 : 409;
    return new AppError(status, result.code, result.message);
  }

  async function apply(
    user: UserRecord,
    revisionId: string,
    event: (actor: ReviewActor, r: RevisionRecord) => ReviewEvent,
    extra: OpenReviewRequest = {},
    meeting: { meetingId?: string; agendaItemId?: string } = {},
  ) {
    const { plan, revision } = await load(user, revisionId);
    const result = transition(revision.review, event(actorOf(plan, user, revision), revision), { revisionHash: revision.hash });
    if (!result.ok) throw refusal(result);
    const now = Date.now();
    const decided = result.state.status === 'approved' || result.state.status === 'changes_requested';
    // Taken in a meeting: checked after the step itself (who may decide learns 403 first), stored with it.
    const approved = result.state.status === 'approved';
    const inSitting = decided
      ? await inMeeting.prepare(user, plan.workspaceId, revision, meeting, approved ? 'reviewApproved' : 'reviewReturned', approved ? `第${revision.number}版「${revision.name}」を承認` : `第${revision.number}版「${revision.name}」を差し戻し${result.record.reason ? `（${result.record.reason}）` : ''}`.slice(0, 2000), now)
      : null;
    const kinds: Record<ReviewEvent['type'], AuditKind> = {
      open: 'review.opened',
      approve: 'review.approved',
      requestChanges: 'review.changesRequested',
      withdraw: 'review.withdrawn',
    };
    // The step and its entry in one transaction: no approval without its record, and no record of one that did not happen.
    const updated = await revisions.updateReview(
      revisionId,
      revision.review.status,
      result.state,
      {
        ...(result.record.event === 'open'
          ? {
              openedAt: now,
              delegateId: extra.delegateId ?? null,
              invitedIds: extra.invitedIds ?? [],
              suggestionsOnly: extra.suggestionsOnly ?? false,
              requireSuggestionsDecided: extra.requireSuggestionsDecided ?? false,
              invitedMaySuggest: extra.invitedMaySuggest ?? false,
            }
          : {}),
        ...(decided ? { decidedAt: now } : {}),
        ...(inSitting ? { meetingDecision: { decision: inSitting.decision, audit: inSitting.audit } } : {}),
      },
      entry(plan, user, kinds[result.record.event], {
        revisionId,
        revisionNumber: revision.number,
        hash: revision.hash,
        ...(result.record.reason ? { reason: result.record.reason } : {}),
        ...(result.record.delegated ? { onBehalfOfChair: true } : {}),
        ...(result.record.event === 'open' && extra.suggestionsOnly ? { suggestionsOnly: true } : {}),
        ...(result.record.event === 'open' && extra.requireSuggestionsDecided ? { requireSuggestionsDecided: true } : {}),
        ...(result.record.event === 'open' && extra.invitedMaySuggest ? { invitedMaySuggest: true } : {}),
        ...(inSitting ? { meetingId: inSitting.decision.meetingId, meetingLabel: inSitting.label } : {}),
      }, now),
    );
    if (!updated) throw new AppError(409, 'review_changed', 'The review changed meanwhile; reload and try again.');
    const after = (await revisions.find(revisionId))!;
    // A review that changes access to the draft (it locks it to suggesting, or lets its invitees
    // suggest) began or ended: open connections, on every process, come back with the access the
    // draft gives now, and an invited observer's close when the review does.
    const changesAccess = after.suggestionsOnly || (after.invitedMaySuggest && after.invited.length > 0);
    if (changesAccess && (result.record.event === 'open' || result.state.status !== 'in_review')) {
      deps.events.emit('draftAccessChanged', { docName: plan.docName, locked: await draftLocked(deps.storage, plan.id) });
    }
    await notifyReviewStep(deps, plan, user, revision, after, result.record.event);
    return presentOne(plan, user, after);
  }

  return {
    load,
    snapshotOf,

    async list(user: UserRecord, planId: string): Promise<Revision[]> {
      const plan = await loadVisiblePlan(workspaces, user.id, planId);
      const visible = (await revisions.list(plan.id)).filter((r) => visibleTo(plan, user.id, r));
      const meetings = await inMeeting.linksOf(visible);
      return visible.map((r) => present(plan, user, r, meetings.get(r.id) ?? null));
    },

    async get(user: UserRecord, revisionId: string) {
      const { plan, revision } = await load(user, revisionId);
      const content = (await revisions.content(revisionId))!;
      return {
        revision: await presentOne(plan, user, revision),
        snapshot: readCanonicalSnapshot(content.canonical),
        stateBase64: Buffer.from(content.state).toString('base64'),
      };
    },

    /** What an export needs: the revision as the caller sees it, its plan's title and its snapshot. */
    async forExport(user: UserRecord, revisionId: string) {
      const { plan, revision } = await load(user, revisionId);
      return { planTitle: plan.title, revision: present(plan, user, revision), snapshot: await snapshotOf(revisionId) };
    },

    async freeze(user: UserRecord, planId: string, request: FreezeRevisionRequest): Promise<Revision> {
      const plan = await loadVisiblePlan(workspaces, user.id, planId);
      if (!can(plan.role, 'review.open')) throw forbidden('Only the secretariat or the chair freezes a revision.');
      const frozen = await deps.rooms.use(plan.docName, (room) => ({
        state: Y.encodeStateAsUpdate(room.doc),
        snapshot: planSnapshotOf(room.doc),
      }));
      const { canonical, hash } = sealSnapshot(frozen.snapshot);
      // A revision is approved by its hash and kept for years: what cannot be read back is not frozen.
      const unreadable = readBackProblem(canonical) ?? flattenedProse(frozen.snapshot.prose);
      // The whole-document shape check only says why, so it runs only when there is something to explain.
      if (unreadable) throw unreadableDocument(unreadable, await deps.rooms.use(plan.docName, (room) => shapeProblems(room.doc)));
      const id = newId();
      await revisions.create({
        id,
        planId: plan.id,
        name: request.name,
        stage: request.stage,
        authorId: user.id,
        createdAt: Date.now(),
        state: frozen.state,
        canonical,
        hash,
        review: INITIAL_REVIEW_STATE,
      });
      const revision = (await revisions.find(id))!;
      await record(plan, user, 'revision.frozen', { revisionId: id, revisionNumber: revision.number, name: request.name, stage: request.stage, hash });
      return present(plan, user, revision);
    },

    async openReview(user: UserRecord, revisionId: string, request: OpenReviewRequest): Promise<Revision> {
      const { plan } = await load(user, revisionId);
      if (request.delegateId && plan.role !== 'chair') throw forbidden('Only the chair delegates a decision.');
      const members = new Map((await workspaces.listMembers(plan.workspaceId)).map((m) => [m.userId, m.role]));
      if (request.delegateId && members.get(request.delegateId) !== 'vice_chair') {
        throw new AppError(400, 'invalid_delegate', 'The delegate must be a vice chair of this council.');
      }
      if ((request.invitedIds ?? []).some((id) => members.get(id) !== 'observer')) {
        throw new AppError(400, 'invalid_invite', 'Only observers of this council are invited; everyone else takes part already.');
      }
      return apply(user, revisionId, (by) => ({ type: 'open', by }), request);
    },

    async decide(user: UserRecord, revisionId: string, decision: ReviewDecisionRequest): Promise<Revision> {
      if (decision.decision === 'approve') {
        // Frozen before freezing checked read-back: an approval must name something that can be read.
        // The step is checked first (cheap, and a caller who may not approve learns 403, not 409).
        const { plan, revision } = await load(user, revisionId);
        const step = transition(revision.review, { type: 'approve', by: actorOf(plan, user, revision), hash: decision.hash }, { revisionHash: revision.hash });
        if (!step.ok) throw refusal(step);
        const content = await revisions.content(revisionId);
        const problem = content ? readBackProblem(content.canonical) : null;
        if (problem) throw unreadableRevision(problem);
        // The review asked that every suggestion be decided first: a frozen revision keeps its pending ones.
        if (revision.requireSuggestionsDecided && content) {
          const pending = pendingSuggestionPlaces(readCanonicalSnapshot(content.canonical));
          if (pending) {
            throw new AppError(409, 'suggestions_pending', `This review requires every suggestion to be decided before approval; the revision still holds pending ones ${pending}.`);
          }
        }
      }
      return apply(
        user,
        revisionId,
        (by) => (decision.decision === 'approve' ? { type: 'approve', by, hash: decision.hash } : { type: 'requestChanges', by, reason: decision.reason }),
        {},
        { meetingId: decision.meetingId, agendaItemId: decision.agendaItemId },
      );
    },

    async withdraw(user: UserRecord, revisionId: string): Promise<Revision> {
      return apply(user, revisionId, (by) => ({ type: 'withdraw', by }));
    },

    async restore(user: UserRecord, revisionId: string): Promise<void> {
      const { plan, revision } = await load(user, revisionId);
      if (!can(plan.role, 'plan.edit')) throw forbidden('Only those who edit the plan restore a revision into it.');
      if ((await deps.storage.plans.find(plan.id))?.archivedAt != null) throw archivedPlan();
      if (await councilArchived(deps.storage, plan.workspaceId)) throw councilArchivedError();
      const snapshot = await snapshotOf(revisionId);
      await deps.rooms.use(plan.docName, (room) => restoreSnapshot(room.doc, snapshot, RESTORE_ORIGIN));
      await record(plan, user, 'revision.restored', { revisionId, revisionNumber: revision.number, hash: revision.hash });
    },

    async compare(
      user: UserRecord,
      planId: string,
      from: string,
      to: string,
      suggestions: SuggestionView = 'clean',
    ): Promise<z.infer<typeof CompareResponse> & { planTitle: string }> {
      const plan = await loadVisiblePlan(workspaces, user.id, planId);
      const [a, b] = await Promise.all([side(user, plan, from), side(user, plan, to)]);
      // The diff of two large plans is seconds of CPU: it runs on a heavy-work thread.
      const { prose, measures } = await compareSnapshots(a.source, b.source, suggestions);
      return {
        planTitle: plan.title,
        from: { label: a.label, revisionId: a.revisionId },
        to: { label: b.label, revisionId: b.revisionId },
        prose,
        measures,
        // Names for the legend of the suggestions shown (marks carry user ids).
        ...(suggestions === 'markup' ? { suggestionAuthors: await namesOf(deps.storage.accounts, overlaidAuthorIds(prose as ProseDiffRow[])) } : {}),
      };
    },
  };
}

export type RevisionService = ReturnType<typeof revisionService>;
