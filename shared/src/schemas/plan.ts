import { z } from 'zod';
import { DOC_ACCESS, ROLES } from '../access/roles';

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

export const PlansResponse = z.object({ plans: z.array(PlanSummary) });
export type PlansResponse = z.infer<typeof PlansResponse>;

export const PlanResponse = z.object({ plan: PlanSummary });
export type PlanResponse = z.infer<typeof PlanResponse>;

/** A short-lived grant to open one document's websocket with one access level. */
export const CollabTokenResponse = z.object({
  token: z.string(),
  docName: z.string(),
  capability: z.enum(DOC_ACCESS),
  expiresAt: z.string().describe('ISO 8601 instant after which the token is refused'),
});
export type CollabTokenResponse = z.infer<typeof CollabTokenResponse>;
