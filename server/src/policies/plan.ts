import { type Role, can, docAccessOf } from '@sakutei/shared';

/** Any member of the plan's council may see it; non-members get "not found". */
export const canViewPlan = (role: Role | null): role is Role => can(role, 'plan.read');
/** The document access a member gets on a plan's draft (edit, comment or read), or null (observers). */
export const planDocAccess = (role: Role) => docAccessOf(role);
/** The live draft and everything attached to it (measure table, its threads) is for the council and its secretariat. */
export const canReadDraft = (role: Role) => can(role, 'draft.read');
/** Staff and the chair create plans of their council (blank, from a template, or a next edition). */
export const canCreatePlan = (role: Role | null) => can(role, 'plan.create');
/** Staff and the chair change a plan's title, period and status. */
export const canManagePlan = (role: Role) => can(role, 'plan.manage');
