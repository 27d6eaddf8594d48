import type { PlanStatus, Role } from '@sakutei/shared';

/** A plan's identity: which council it belongs to, its title, and the document it edits. */
export interface PlanRecord {
  id: string;
  workspaceId: string;
  title: string;
  docName: string;
}

/** A plan with its period, status and editions (the columns of migration 4). */
export interface PlanDetailsRecord extends PlanRecord {
  periodFrom: number | null;
  periodTo: number | null;
  status: PlanStatus;
  previousPlanId: string | null;
  archivedAt: number | null;
  editedAt: number | null;
  createdAt: number;
}

export type NewPlan = PlanRecord & Pick<PlanDetailsRecord, 'periodFrom' | 'periodTo' | 'status' | 'previousPlanId'>;

export type PlanChanges = Partial<Pick<PlanDetailsRecord, 'title' | 'periodFrom' | 'periodTo' | 'status'>>;

/** A plan listed for a member of its council, with their role there. */
export interface ListedPlan extends PlanDetailsRecord {
  workspaceName: string;
  role: Role;
}

/** Plans beyond what the workspace store knows: period, status, editions and last edit. */
export interface PlanStore {
  create(plan: NewPlan, at: number): Promise<void>;
  find(id: string): Promise<PlanDetailsRecord | null>;
  /** Plans of the councils the user belongs to, archived councils left out, in creation order. */
  listVisibleTo(userId: string): Promise<ListedPlan[]>;
  update(id: string, changes: PlanChanges): Promise<void>;
  /** Archives the plan unless it already is; whether this call archived it (one next edition wins). */
  archive(id: string, at: number): Promise<boolean>;
  /** Undoes an archive whose next edition could not be made. */
  unarchive(id: string): Promise<void>;
  /** Records a change to the plan's document; never moves the time back. */
  touchEdited(docName: string, at: number): Promise<void>;
  /** The plan made as the next edition of this one, or null. */
  nextEditionOf(id: string): Promise<string | null>;
}

export type PlanDetailsRow = {
  id: string;
  workspace_id: string;
  title: string;
  doc_name: string;
  period_from: number | null;
  period_to: number | null;
  status: PlanStatus;
  previous_plan_id: string | null;
  archived_at: number | null;
  edited_at: number | null;
  created_at: number;
};

export const PLAN_DETAILS_COLUMNS =
  'p.id, p.workspace_id, p.title, p.doc_name, p.period_from, p.period_to, p.status, p.previous_plan_id, p.archived_at, p.edited_at, p.created_at';

export function toPlanDetails(r: PlanDetailsRow): PlanDetailsRecord {
  return {
    id: r.id,
    workspaceId: r.workspace_id,
    title: r.title,
    docName: r.doc_name,
    periodFrom: r.period_from,
    periodTo: r.period_to,
    status: r.status,
    previousPlanId: r.previous_plan_id,
    archivedAt: r.archived_at,
    editedAt: r.edited_at,
    createdAt: r.created_at,
  };
}

/** The SET clause of an update, in one order for both adapters; `param(i)` writes a placeholder. */
export function planUpdateSet(changes: PlanChanges, param: (index: number) => string): { set: string; values: unknown[] } {
  const columns: Array<[string, unknown]> = [];
  if (changes.title !== undefined) columns.push(['title', changes.title]);
  if (changes.periodFrom !== undefined) columns.push(['period_from', changes.periodFrom]);
  if (changes.periodTo !== undefined) columns.push(['period_to', changes.periodTo]);
  if (changes.status !== undefined) columns.push(['status', changes.status]);
  return { set: columns.map(([name], i) => `${name} = ${param(i + 1)}`).join(', '), values: columns.map(([, value]) => value) };
}
