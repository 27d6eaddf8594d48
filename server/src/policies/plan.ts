import { type Role, can, docAccessOf } from '@sakutei/shared';

/** Any member of the plan's council may see it; non-members get "not found". */
export const canViewPlan = (role: Role | null): role is Role => can(role, 'plan.read');
/** The document access a member gets on a plan's draft (edit, comment or read). */
export const planDocAccess = (role: Role) => docAccessOf(role);
