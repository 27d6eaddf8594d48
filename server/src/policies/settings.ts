import { type Role, can } from '@sakutei/shared';

/**
 * 計画の設定 (levels, numbering, years, grade rules, actors) are the secretariat's and the
 * chair's to change: the same people who manage the plan's title, period and status. Staff
 * hold no edit access to the document's content, so they write settings through the server.
 */
export const canChangePlanSettings = (role: Role) => can(role, 'plan.manage');
