import { z } from 'zod';
import { DOC_ACCESS, ROLES } from '../access/roles';
import { PlanSuggestions } from './suggestions';

/** A plan as listed for a member of its workspace, with the caller's role there. */
export const PlanSummary = z.object({
  id: z.string(),
  title: z.string(),
  workspaceId: z.string(),
  workspaceName: z.string(),
  docName: z.string(),
  role: z.enum(ROLES),
});
export type PlanSummary = z.infer<typeof PlanSummary>;

/** 策定中 (being drawn up), 推進中 (in force, being carried out), 終了 (its period is over). */
export const PLAN_STATUSES = ['drafting', 'active', 'ended'] as const;
export const PlanStatus = z.enum(PLAN_STATUSES);
export type PlanStatus = z.infer<typeof PlanStatus>;

const FiscalYear = z.number().int().min(1989).max(2200).describe('fiscal year as its western start year (令和7年度 = 2025)');

/** A plan's period, both ends included, at most 20 fiscal years. */
export const PlanPeriodSchema = z
  .object({ from: FiscalYear, to: FiscalYear })
  .refine((p) => p.from <= p.to, { message: 'the period ends before it starts', path: ['to'] })
  .refine((p) => p.to - p.from < 20, { message: 'a period spans at most 20 fiscal years', path: ['to'] });

export const PlanTitle = z.string().trim().min(1).max(200);

/** A plan with its period, status and editions, as its page and the plan list show it. */
export const PlanDetails = PlanSummary.extend({
  periodFrom: z.number().int().nullable(),
  periodTo: z.number().int().nullable(),
  status: PlanStatus,
  /** The edition this one was made from, as the next edition of it. */
  previousPlanId: z.string().nullable(),
  /** Set once a next edition was made from this plan: it is read-only from then on. */
  archivedAt: z.string().nullable(),
  /** Last stored change to the live document (to within a minute), or null when never edited. */
  editedAt: z.string().nullable(),
  createdAt: z.string(),
});
export type PlanDetails = z.infer<typeof PlanDetails>;

/** The stage of a plan's latest frozen revision and where its review stands. */
export const PlanStage = z.object({
  revisionId: z.string(),
  number: z.number().int(),
  name: z.string(),
  stage: z.string(),
  reviewStatus: z.enum(['draft', 'in_review', 'approved', 'changes_requested', 'withdrawn']),
});
export type PlanStage = z.infer<typeof PlanStage>;

/** A row of the plan list: the plan, its stage, and what waits for the caller there. */
export const PlanListItem = PlanDetails.extend({
  stage: PlanStage.nullable(),
  /** Revisions in review that the caller decides on (chair, delegate) or is invited to. */
  reviewsWaiting: z.number().int(),
  /** The caller's unread notifications (mentions, replies) on this plan. */
  unread: z.number().int(),
  /** The edition made from this one, when there is one. */
  nextPlanId: z.string().nullable(),
});
export type PlanListItem = z.infer<typeof PlanListItem>;

export const PlansResponse = z.object({ plans: z.array(PlanListItem) });
export type PlansResponse = z.infer<typeof PlansResponse>;

/** The previous edition as seen from its successor: enough to open the 新旧対照表 in one click. */
export const PreviousEdition = z.object({
  id: z.string(),
  title: z.string(),
  /** Its latest approved revision, the one the next edition started from. */
  approvedRevisionId: z.string().nullable(),
});

export const PlanResponse = z.object({
  plan: PlanDetails.extend({
    previous: PreviousEdition.nullable(),
    nextPlanId: z.string().nullable(),
    /** Suggestions (見え消し): whether the caller decides them, and whether a review locks the draft to suggesting. */
    suggestions: PlanSuggestions,
  }),
});
export type PlanResponse = z.infer<typeof PlanResponse>;

/** Where a new plan's content comes from. */
export const PlanSource = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('blank') }),
  /** Another plan of the same council: its levels, columns, grade rules and actors, no content. */
  z.object({ kind: z.literal('template'), planId: z.string().min(1).max(64) }),
  /** The latest approved revision of a plan, which is archived and read-only afterwards. */
  z.object({ kind: z.literal('nextEdition'), planId: z.string().min(1).max(64) }),
]);
export type PlanSource = z.infer<typeof PlanSource>;

export const CreatePlanRequest = z.object({
  workspaceId: z.string().min(1).max(64),
  /** Optional for a next edition (令和7年度版 → 令和8年度版); required otherwise. */
  title: PlanTitle.optional(),
  /** Optional for a next edition (one year on); required otherwise. */
  period: PlanPeriodSchema.optional(),
  status: PlanStatus.optional(),
  source: PlanSource,
});
export type CreatePlanRequest = z.infer<typeof CreatePlanRequest>;

export const UpdatePlanRequest = z
  .object({ title: PlanTitle, period: PlanPeriodSchema.nullable(), status: PlanStatus })
  .partial()
  .refine((body) => Object.keys(body).length > 0, { message: 'nothing to change' });
export type UpdatePlanRequest = z.infer<typeof UpdatePlanRequest>;

export const PlanDetailsResponse = z.object({ plan: PlanDetails });
export type PlanDetailsResponse = z.infer<typeof PlanDetailsResponse>;

/** A short-lived grant to open one document's websocket with one access level. */
export const CollabTokenResponse = z.object({
  token: z.string(),
  docName: z.string(),
  capability: z.enum(DOC_ACCESS),
  expiresAt: z.string().describe('ISO 8601 instant after which the token is refused'),
});
export type CollabTokenResponse = z.infer<typeof CollabTokenResponse>;
