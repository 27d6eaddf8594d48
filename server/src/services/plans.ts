import {
  type CreatePlanRequest,
  type PlanDetails,
  type PlanListItem,
  type PlanPeriod,
  type PlanResponse,
  type ProseNode,
  type UpdatePlanRequest,
  blankTable,
  docNameForPlan,
  nextEditionPeriod,
  nextEditionTable,
  nextEditionTitle,
  nextEditionYear,
  periodOf,
  templateTable,
} from '@sakutei/shared';
import { type MeasureTable, readMeasureTable } from '@sakutei/shared/measures';
import { newId } from '../auth/ids';
import type { AppDeps } from '../env';
import { AppError, forbidden, notFound } from '../errors';
import { canCreatePlan, canManagePlan } from '../policies/plan';
import { iso, isoOrNull } from '../presenters/time';
import type { RevisionRecord, UserRecord, VisiblePlan } from '../storage';
import type { PlanChanges, PlanDetailsRecord } from '../storage/plans';
import { EMPTY_PROSE, buildPlanDoc, storeNewDoc } from './planDocument';
import { frozenSnapshot } from './snapshot';
import { draftLocked, suggestionStanding } from './suggestionAccess';
import { loadVisiblePlan } from './visiblePlan';
import { councilArchived, councilArchivedError } from './admin/archivedCouncil';

export const presentPlanDetails = (p: PlanDetailsRecord, seen: { workspaceName: string; role: VisiblePlan['role'] }): PlanDetails => ({
  id: p.id,
  title: p.title,
  workspaceId: p.workspaceId,
  workspaceName: seen.workspaceName,
  docName: p.docName,
  role: seen.role,
  periodFrom: p.periodFrom,
  periodTo: p.periodTo,
  status: p.status,
  previousPlanId: p.previousPlanId,
  archivedAt: isoOrNull(p.archivedAt),
  editedAt: isoOrNull(p.editedAt),
  createdAt: iso(p.createdAt),
});

/** The latest approved revision of a plan: the one a next edition starts from. */
export function latestApproved(revisions: readonly RevisionRecord[]): RevisionRecord | null {
  return revisions.filter((r) => r.review.status === 'approved').reduce<RevisionRecord | null>((a, r) => (a && a.number > r.number ? a : r), null);
}

/** Whether a revision in review waits for this user: they decide it (chair, delegate) or are invited to it. */
export function waitsFor(revision: RevisionRecord, userId: string, role: VisiblePlan['role']): boolean {
  if (revision.review.status !== 'in_review') return false;
  return role === 'chair' || revision.delegate?.id === userId || revision.invited.some((p) => p.id === userId);
}

/** A refusal for writes to an archived edition: it is kept as it was when its successor was made. */
export const archivedPlan = () =>
  new AppError(409, 'plan_archived', 'This edition is archived: a next edition was made from it, so it is read-only.');

/**
 * Creating plans (blank, from a template, as the next edition of another), changing their
 * period and status, and listing them with what waits for the caller.
 */
export function planService(deps: AppDeps) {
  const { workspaces, plans, revisions, audit, comments } = deps.storage;

  /** Refuses a change to an archived edition, or to any plan of an archived council. */
  async function assertWritable(planId: string): Promise<void> {
    const plan = await plans.find(planId);
    if (plan?.archivedAt != null) throw archivedPlan();
    if (plan && (await councilArchived(deps.storage, plan.workspaceId))) throw councilArchivedError();
  }

  async function details(planId: string): Promise<PlanDetailsRecord> {
    const found = await plans.find(planId);
    if (!found) throw notFound('plan');
    return found;
  }

  /** Another plan of the same council, as a source; anything else is "not found". */
  async function sourcePlan(workspaceId: string, planId: string): Promise<PlanDetailsRecord> {
    const source = await plans.find(planId);
    if (!source || source.workspaceId !== workspaceId) throw notFound('source plan');
    return source;
  }

  async function record(kind: 'plan.created' | 'plan.updated' | 'plan.archived', plan: { id: string; workspaceId: string }, user: UserRecord, details: Record<string, unknown>) {
    await audit.append({ at: Date.now(), kind, workspaceId: plan.workspaceId, planId: plan.id, actorId: user.id, details });
  }

  const required = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new AppError(400, 'invalid_request', `A ${what} is required for a blank plan or one from a template.`);
    return value;
  };

  return {
    async create(user: UserRecord, request: CreatePlanRequest): Promise<PlanDetails> {
      const workspace = await workspaces.findWorkspace(request.workspaceId);
      const role = workspace ? await workspaces.roleOf(workspace.id, user.id) : null;
      if (!workspace || !role) throw notFound('council');
      if (!canCreatePlan(role)) throw forbidden('Only the secretariat or the chair creates a plan.');

      const source = request.source;
      let prose: ProseNode = EMPTY_PROSE;
      let table: MeasureTable;
      let title: string;
      let period: PlanPeriod;
      let previous: PlanDetailsRecord | null = null;
      let fromRevision: RevisionRecord | null = null;
      if (source.kind === 'blank') {
        title = required(request.title, 'title');
        period = required(request.period, 'period');
        table = blankTable(period);
      } else if (source.kind === 'template') {
        const template = await sourcePlan(workspace.id, source.planId);
        title = required(request.title, 'title');
        period = required(request.period, 'period');
        table = templateTable(await deps.rooms.use(template.docName, (room) => readMeasureTable(room.doc)));
      } else {
        previous = await sourcePlan(workspace.id, source.planId);
        if (previous.archivedAt !== null) {
          throw new AppError(409, 'already_has_next_edition', 'This plan already has a next edition; make the next one from that edition.');
        }
        fromRevision = latestApproved(await revisions.list(previous.id));
        if (!fromRevision) {
          throw new AppError(409, 'no_approved_revision', 'A next edition starts from an approved revision, and this plan has none yet. Freeze a revision and have the chair approve it first.');
        }
        const snapshot = (await frozenSnapshot(revisions, fromRevision.id))!;
        const oldPeriod = periodOf({ from: previous.periodFrom ?? undefined, to: previous.periodTo ?? undefined }, snapshot.measures.settings);
        const newYear = nextEditionYear(oldPeriod, snapshot.measures.settings);
        period = request.period ?? nextEditionPeriod(oldPeriod, newYear);
        title = request.title ?? nextEditionTitle(previous.title, newYear);
        prose = snapshot.prose;
        table = nextEditionTable(snapshot.measures, newYear);
        // Claimed before anything is written: of two next editions made at once, one wins.
        if (!(await plans.archive(previous.id, Date.now()))) {
          throw new AppError(409, 'already_has_next_edition', 'This plan already has a next edition; make the next one from that edition.');
        }
      }

      const id = newId();
      const docName = docNameForPlan(id);
      const status = request.status ?? 'drafting';
      try {
        await storeNewDoc(deps.storage, docName, buildPlanDoc(prose, table));
        await plans.create(
          { id, workspaceId: workspace.id, title, docName, periodFrom: period.from, periodTo: period.to, status, previousPlanId: previous?.id ?? null },
          Date.now(),
        );
      } catch (err) {
        if (previous) await plans.unarchive(previous.id);
        throw err;
      }
      const created = { id, workspaceId: workspace.id };
      await record('plan.created', created, user, {
        title,
        source: source.kind,
        ...(source.kind !== 'blank' ? { sourcePlanId: source.planId } : {}),
        ...(fromRevision ? { fromRevisionId: fromRevision.id, fromRevisionNumber: fromRevision.number, hash: fromRevision.hash } : {}),
        periodFrom: period.from,
        periodTo: period.to,
      });
      if (previous) {
        await record('plan.archived', previous, user, { nextPlanId: id, nextTitle: title });
        // Every process closes the old edition's sockets; they reconnect read-only.
        deps.events.emit('planArchived', { docName: previous.docName });
      }
      return presentPlanDetails(await details(id), { workspaceName: workspace.name, role });
    },

    async update(user: UserRecord, planId: string, request: UpdatePlanRequest): Promise<PlanDetails> {
      const plan = await loadVisiblePlan(workspaces, user.id, planId);
      if (!canManagePlan(plan.role)) throw forbidden('Only the secretariat or the chair changes a plan’s period and status.');
      const before = await details(plan.id);
      const changes: PlanChanges = {};
      if (request.title !== undefined && request.title !== before.title) changes.title = request.title;
      if (request.status !== undefined && request.status !== before.status) changes.status = request.status;
      if (request.period !== undefined) {
        const from = request.period?.from ?? null;
        const to = request.period?.to ?? null;
        if (from !== before.periodFrom || to !== before.periodTo) Object.assign(changes, { periodFrom: from, periodTo: to });
      }
      if (Object.keys(changes).length > 0) {
        await plans.update(plan.id, changes);
        const was = Object.fromEntries(Object.keys(changes).map((key) => [key, before[key as keyof PlanChanges]]));
        await record('plan.updated', plan, user, { changes, was });
      }
      return presentPlanDetails(await details(plan.id), plan);
    },

    async get(user: UserRecord, planId: string): Promise<PlanResponse['plan']> {
      const plan = await loadVisiblePlan(workspaces, user.id, planId);
      const found = await details(plan.id);
      let previous: PlanResponse['plan']['previous'] = null;
      if (found.previousPlanId) {
        const visible = await loadVisiblePlan(workspaces, user.id, found.previousPlanId).catch(() => null);
        if (visible) {
          const approved = latestApproved(await revisions.list(visible.id));
          previous = { id: visible.id, title: visible.title, approvedRevisionId: approved?.id ?? null };
        }
      }
      const standing = await suggestionStanding(deps.storage, plan, plan.role, user.id);
      // A read-only plan (archived edition or council) decides nothing, whoever may decide elsewhere.
      const readOnly = found.archivedAt !== null || (await councilArchived(deps.storage, plan.workspaceId));
      return {
        ...presentPlanDetails(found, plan),
        previous,
        nextPlanId: await plans.nextEditionOf(plan.id),
        suggestions: { ...standing, mayDecide: standing.mayDecide && !readOnly },
      };
    },

    async list(user: UserRecord): Promise<PlanListItem[]> {
      const listed = await plans.listVisibleTo(user.id);
      // Unread mentions and replies, counted per plan from the newest few hundred (a meeting's belongs to no plan).
      const unread = new Map<string, number>();
      for (const n of await comments.listNotifications(user.id, 500)) {
        if (n.readAt === null && n.planId !== null) unread.set(n.planId, (unread.get(n.planId) ?? 0) + 1);
      }
      const nextOf = new Map(listed.flatMap((p) => (p.previousPlanId ? [[p.previousPlanId, p.id] as const] : [])));
      return Promise.all(
        listed.map(async (p): Promise<PlanListItem> => {
          const all = await revisions.list(p.id);
          const latest = all.at(-1) ?? null;
          return {
            ...presentPlanDetails(p, p),
            stage: latest
              ? { revisionId: latest.id, number: latest.number, name: latest.name, stage: latest.stage, reviewStatus: latest.review.status }
              : null,
            reviewsWaiting: all.filter((r) => waitsFor(r, user.id, p.role)).length,
            unread: unread.get(p.id) ?? 0,
            nextPlanId: nextOf.get(p.id) ?? null,
          };
        }),
      );
    },

    /** Refuses a change to an archived edition's document. */
    assertWritable,

    /**
     * For changes to the draft's text and structure made over HTTP (an import, the plan's
     * settings): writable, and not locked by a review that takes only suggestions, so the text
     * under discussion moves no more through the API than through the editor. Records (KPI
     * actuals, 実施状況) and deciding suggestions stay open during the lock.
     */
    async assertDraftEditable(planId: string): Promise<void> {
      await assertWritable(planId);
      if (await draftLocked(deps.storage, planId)) {
        throw new AppError(409, 'draft_locked', 'A review open on this plan takes only suggestions on the draft until it is decided or withdrawn.');
      }
    },
  };
}

export type PlanService = ReturnType<typeof planService>;

/**
 * The plan `otherPlanId` as the caller sees it, when it is the previous edition of `planId`;
 * otherwise null. Both plans are checked: each must be visible to the caller.
 */
export async function previousEditionFor(deps: Pick<AppDeps, 'storage'>, userId: string, planId: string, otherPlanId: string): Promise<VisiblePlan | null> {
  const plan = await deps.storage.plans.find(planId);
  if (!plan || plan.previousPlanId !== otherPlanId) return null;
  return loadVisiblePlan(deps.storage.workspaces, userId, otherPlanId).catch(() => null);
}
