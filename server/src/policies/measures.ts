import { type Role, can } from '@sakutei/shared';

/** Staff record KPI actuals without edit access to the rest of the plan; editors may too. */
export const canRecordActuals = (role: Role) => can(role, 'kpi.recordActuals') || can(role, 'plan.edit');
/** Reading a spreadsheet for import is only useful to someone who can then write what it holds. */
export const canImportSpreadsheet = (role: Role) => canRecordActuals(role);
/** Exports read the live draft, which observers do not see. */
export const canExportMeasures = (role: Role) => can(role, 'draft.read');
/**
 * Importing a measure table (preview, apply, undo) adds rows, projects and KPI links: it edits
 * the plan's structure, as the grid does, so it takes edit access (chair, vice chair, members).
 * Staff record figures but do not edit the structure; a preview is only useful to someone who
 * can then apply it.
 */
export const canImportMeasures = (role: Role) => can(role, 'plan.edit');
/**
 * A project's yearly 実施状況 is a figure of the year, like a KPI actual: staff record it
 * without edit access to the plan's structure, and editors may too (in the grid).
 */
export const canRecordProgress = (role: Role) => canRecordActuals(role);
