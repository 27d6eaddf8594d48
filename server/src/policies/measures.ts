import { type Role, can } from '@sakutei/shared';

/** Staff record KPI actuals without edit access to the rest of the plan; editors may too. */
export const canRecordActuals = (role: Role) => can(role, 'kpi.recordActuals') || can(role, 'plan.edit');
/** Reading a spreadsheet for import is only useful to someone who can then write what it holds. */
export const canImportSpreadsheet = (role: Role) => canRecordActuals(role);
/** Exports read the live draft, which observers do not see. */
export const canExportMeasures = (role: Role) => can(role, 'draft.read');
