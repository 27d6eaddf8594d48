import { formatContacts } from '../measures/text/contacts';
import { formatFiscalYear } from '../measures/fiscalYear';
import type {
  GradeCondition,
  GradeTone,
  KpiDirection,
  KpiRecord,
  MeasureSettings,
  MeasureTable,
  Measured,
  NodeKind,
  RoleMark,
} from '../measures/model';
import { PROJECT_STATUS_LABELS, roleCellKey } from '../measures/model';
import { formatCounter, formatNumberLabel } from '../measures/numbering';
import { compareByKey } from '../measures/orderKey';
import { deriveTable, type DerivedKpi, type DerivedRow, type DerivedTable } from '../measures/tree';
import { kpiFigureText, type FigureRole } from '../measures/format/units';
import { KPI_FIELD_LIST, partsJudgedWords, subFigureWords, targetKindWords, type KpiListedField } from '../measures/kpiFields';
import { canonicalJson } from './canonical';
import { diffEvaluations, diffProgress, type EvaluationDiff, type ProgressDiff } from './annualDiff';

/**
 * The measure-table half of a 新旧対照表. Rows and KPIs are matched by id, so a row keeps
 * its identity through renumbering and moves; every value is printed as the table prints
 * it (`102 店舗`, `令和7年度`, `新規`), so the result can be shown without looking anything up.
 */

export type DiffKind = 'same' | 'changed' | 'added' | 'removed';

/** One field that differs, both sides printed; '' stands for empty. */
export type FieldChange<F extends string> = { field: F; old: string; new: string };

export const ROW_DIFF_FIELDS = ['kind', 'title', 'description', 'status', 'contacts'] as const;
export type RowDiffField = (typeof ROW_DIFF_FIELDS)[number];

/** Where a row stood in one table. */
export type RowPlace = {
  /** `1(1)③` */
  path: string;
  number: string;
  title: string;
  kind: NodeKind;
  depth: number;
  levelName: string;
  parentId: string | null;
  /** 1-based place among its siblings: what its number counts. */
  ordinal: number;
};

export type RowDiff = {
  id: string;
  /** `changed` when any of the flags or fields below says so. */
  kind: DiffKind;
  old: RowPlace | null;
  new: RowPlace | null;
  /** The printed path changed (`1(1)③` → `1(1)②`). */
  renumbered: boolean;
  /** The row sits under a different parent. */
  moved: boolean;
  changes: FieldChange<RowDiffField>[];
};

/** The compared KPI fields, in the 新旧対照表's order: the one list in measures/kpiFields.ts. */
export const KPI_DIFF_FIELDS: readonly KpiListedField[] = KPI_FIELD_LIST.map((spec) => spec.field);
export type KpiDiffField = KpiListedField;

/** For `actual`, the fiscal year of the figure that changed. */
export type KpiFieldChange = FieldChange<KpiDiffField> & { fiscalYear?: number };

export type KpiPlace = {
  /** ⑥ */
  mark: string;
  number: number;
  name: string;
  /** The row it is shown under and that row's path; null when the row is gone. */
  rowId: string | null;
  rowPath: string | null;
};

export type KpiDiff = {
  id: string;
  kind: DiffKind;
  old: KpiPlace | null;
  new: KpiPlace | null;
  /** The plan-wide number changed (⑥ → ⑦). */
  renumbered: boolean;
  /** Shown under a different row. */
  moved: boolean;
  changes: KpiFieldChange[];
};

export const SETTING_DIFF_FIELDS = [
  'schemeName',
  'levels',
  'actualYears',
  'baselineYear',
  'targetYear',
  'gradeRules',
  'roleMatrixLevel',
  'kpiDirection',
] as const;
export type SettingDiffField = (typeof SETTING_DIFF_FIELDS)[number];

export type ActorDiff = { id: string; kind: 'added' | 'removed' | 'renamed'; old: string | null; new: string | null };

export type RoleCellDiff = {
  nodeId: string;
  actorId: string;
  /** The row's path and the actor's name, from the new table where they still exist. */
  path: string;
  actorName: string;
  old: RoleMark | null;
  new: RoleMark | null;
};

export type MeasureDiff = {
  /** Every row, in the new table's order; removed rows where they stood in the old. */
  rows: RowDiff[];
  /** Every KPI, ordered the same way. */
  kpis: KpiDiff[];
  settings: FieldChange<SettingDiffField>[];
  actors: ActorDiff[];
  roleCells: RoleCellDiff[];
  /** 実施状況 per placement and fiscal year (annualDiff.ts). */
  progress: ProgressDiff[];
  /** 評価・課題 per fiscal year and level (annualDiff.ts). */
  evaluations: EvaluationDiff[];
  /** Whether anything at all differs. */
  changed: boolean;
};

// ---------------------------------------------------------------- printing

const DIRECTION_LABELS: Record<KpiDirection, string> = { higher: '以上', lower: '以下', keep: '維持' };
const TONE_LABELS: Record<GradeTone, string> = { green: '緑', blue: '青', yellow: '黄', orange: '橙', red: '赤', grey: '灰' };
const NODE_KIND_LABELS: Record<NodeKind, string> = { measure: '施策', placement: '事業' };

function year(fiscalYear: number | null): string {
  if (fiscalYear === null) return '';
  try {
    return formatFiscalYear(fiscalYear);
  } catch {
    // Before 明治 there is no era to print; the western year still says what it is.
    return formatFiscalYear(fiscalYear, 'western');
  }
}

function conditionText(condition: GradeCondition): string {
  switch (condition.kind) {
    case 'achieved':
      return '目標達成';
    case 'betterThanBaseline':
      return '基準値より改善';
    case 'withinOfBaseline':
      return `基準値から${condition.percent}%以内`;
    case 'worseThanBaseline':
      return '基準値より悪化';
    case 'progressAtLeast':
      return `進捗率${condition.percent}%以上`;
    case 'always':
      return 'その他すべて';
  }
}

/** `施策体系 1 › 施策 (1) › 主要な事業 ①`: each level with the number its first row gets. */
function levelsText(settings: MeasureSettings): string {
  let parentCounter = '';
  return settings.scheme.levels
    .map((level) => {
      const sample = formatNumberLabel(level.numbering, 1, parentCounter);
      parentCounter = formatCounter(level.numbering, 1);
      return sample === '' ? `${level.name}（番号なし）` : `${level.name} ${sample}`;
    })
    .join(' › ');
}

const SETTING_TEXT: Record<SettingDiffField, (settings: MeasureSettings) => string> = {
  schemeName: (s) => s.scheme.name,
  levels: levelsText,
  actualYears: (s) => s.actualYears.map(year).join('、'),
  baselineYear: (s) => year(s.baselineYear),
  targetYear: (s) => year(s.targetYear),
  gradeRules: (s) =>
    s.gradeRules.map((rule) => `${rule.grade} ${rule.label}（${conditionText(rule.when)}）${rule.tone ? `［${TONE_LABELS[rule.tone]}］` : ''}`).join(' / '),
  roleMatrixLevel: (s) => s.scheme.levels[s.roleMatrixLevel]?.name ?? `第${s.roleMatrixLevel + 1}階層`,
  kpiDirection: (s) => DIRECTION_LABELS[s.kpiDirection],
};

// ---------------------------------------------------------------- comparing

/** Structural equality of JSON values, blind to key order. */
function same(a: unknown, b: unknown): boolean {
  return canonicalJson(a) === canonicalJson(b);
}

/** A year not in `actuals` has no figure yet, which is what a blank cell says too. */
const BLANK: Measured = { kind: 'blank' };

/**
 * New order first; each removed id goes just before the next id that followed it in the
 * old order and is still there, or at the end when none is.
 */
export function mergeOrder(oldIds: readonly string[], newIds: readonly string[]): string[] {
  const kept = new Set(newIds);
  const before = new Map<string, string[]>();
  let pending: string[] = [];
  for (const id of oldIds) {
    if (!kept.has(id)) pending.push(id);
    else if (pending.length > 0) {
      before.set(id, pending);
      pending = [];
    }
  }
  return [...newIds.flatMap((id) => [...(before.get(id) ?? []), id]), ...pending];
}

function kindOf(oldThing: unknown, newThing: unknown, changed: boolean): DiffKind {
  if (oldThing === undefined) return 'added';
  if (newThing === undefined) return 'removed';
  return changed ? 'changed' : 'same';
}

/** Each row's 1-based place among its siblings, in table order. */
function siblingOrdinals(table: DerivedTable): Map<string, number> {
  const seen = new Map<string | null, number>();
  const ordinals = new Map<string, number>();
  for (const row of table.rows) {
    const next = (seen.get(row.parentId) ?? 0) + 1;
    seen.set(row.parentId, next);
    ordinals.set(row.node.id, next);
  }
  return ordinals;
}

function rowPlace(row: DerivedRow, ordinal: number): RowPlace {
  return {
    path: row.path,
    number: row.number,
    title: row.title,
    kind: row.node.kind,
    depth: row.depth,
    levelName: row.levelName,
    parentId: row.parentId,
    ordinal,
  };
}

function rowFields(row: DerivedRow): Record<RowDiffField, string> {
  return {
    kind: NODE_KIND_LABELS[row.node.kind],
    title: row.title,
    description: row.node.description,
    status: row.node.status === null ? '' : PROJECT_STATUS_LABELS[row.node.status],
    contacts: formatContacts(row.project?.contacts ?? []),
  };
}

type Ordinals = { before: Map<string, number>; after: Map<string, number> };

function diffRow(id: string, a: DerivedRow | undefined, b: DerivedRow | undefined, ordinals: Ordinals): RowDiff {
  const changes: FieldChange<RowDiffField>[] = [];
  let renumbered = false;
  let moved = false;
  if (a && b) {
    const [fa, fb] = [rowFields(a), rowFields(b)];
    for (const field of ROW_DIFF_FIELDS) if (fa[field] !== fb[field]) changes.push({ field, old: fa[field], new: fb[field] });
    renumbered = a.path !== b.path;
    moved = a.parentId !== b.parentId;
  }
  return {
    id,
    kind: kindOf(a, b, renumbered || moved || changes.length > 0),
    old: a ? rowPlace(a, ordinals.before.get(id) ?? 0) : null,
    new: b ? rowPlace(b, ordinals.after.get(id) ?? 0) : null,
    renumbered,
    moved,
    changes,
  };
}

function kpiPlace(entry: DerivedKpi, table: DerivedTable): KpiPlace {
  return {
    mark: entry.mark,
    number: entry.number,
    name: entry.kpi.name,
    rowId: entry.rowId,
    rowPath: entry.rowId === null ? null : (table.rowById.get(entry.rowId)?.path ?? null),
  };
}

function kpiFieldChanges(a: KpiRecord, b: KpiRecord): KpiFieldChange[] {
  const changes: KpiFieldChange[] = [];
  const text = (field: KpiDiffField, va: string, vb: string) => {
    if (va !== vb) changes.push({ field, old: va, new: vb });
  };
  // A figure is compared as data and printed in its own side's unit; a change of unit alone
  // is listed once, as the unit, not again on every figure.
  const figure = (field: KpiDiffField, va: Measured, vb: Measured, fiscalYear?: number) => {
    if (same(va, vb)) return;
    // The one unit formatter: a year's actual without /年, as the panel and the exports print it.
    const role: FigureRole = field === 'actual' ? 'actual' : field === 'baselineValue' ? 'baseline' : 'target';
    const change: KpiFieldChange = {
      field,
      old: kpiFigureText(a, va, role),
      new: kpiFigureText(b, vb, role),
    };
    changes.push(fiscalYear === undefined ? change : { ...change, fiscalYear });
  };

  text('name', a.name, b.name);
  text('formerNames', a.formerNames.join('、'), b.formerNames.join('、'));
  text('unit', a.unit, b.unit);
  text('direction', DIRECTION_LABELS[a.direction], DIRECTION_LABELS[b.direction]);
  text('components', a.components.join('・'), b.components.join('・'));
  // Judging on the sum is what parts always meant: only a change to or from "each" is news.
  if ((a.partsJudged === 'each') !== (b.partsJudged === 'each')) text('partsJudged', partsJudgedWords(a.partsJudged), partsJudgedWords(b.partsJudged));
  text('subFigure', subFigureWords(a.subFigure), subFigureWords(b.subFigure));
  figure('baselineValue', a.baseline.value, b.baseline.value);
  text('baselineYear', year(a.baseline.fiscalYear), year(b.baseline.fiscalYear));
  text('baselineLabel', a.baseline.label, b.baseline.label);
  text('targetKind', targetKindWords(a.targetKind), targetKindWords(b.targetKind));
  figure('targetValue', a.target.value, b.target.value);
  text('targetYear', year(a.target.fiscalYear), year(b.target.fiscalYear));
  const years = [...new Set([...Object.keys(a.actuals), ...Object.keys(b.actuals)])]
    .filter((key) => /^\d{1,4}$/.test(key))
    .map(Number)
    .sort((x, y) => x - y);
  for (const fy of years) figure('actual', a.actuals[String(fy)] ?? BLANK, b.actuals[String(fy)] ?? BLANK, fy);
  text('source', a.source, b.source);
  return changes;
}

function diffKpi(id: string, a: DerivedKpi | undefined, b: DerivedKpi | undefined, oldTable: DerivedTable, newTable: DerivedTable): KpiDiff {
  const changes = a && b ? kpiFieldChanges(a.kpi, b.kpi) : [];
  const renumbered = a !== undefined && b !== undefined && a.number !== b.number;
  const moved = a !== undefined && b !== undefined && a.rowId !== b.rowId;
  return {
    id,
    kind: kindOf(a, b, renumbered || moved || changes.length > 0),
    old: a ? kpiPlace(a, oldTable) : null,
    new: b ? kpiPlace(b, newTable) : null,
    renumbered,
    moved,
    changes,
  };
}

function sortedActors(table: MeasureTable) {
  return [...table.actors].sort(compareByKey);
}

/** Marks whose row and actor both exist: a cell left behind by a deleted row is not shown. */
function liveCells(table: MeasureTable, derived: DerivedTable): Map<string, RoleMark> {
  const actors = new Set(table.actors.map((actor) => actor.id));
  const cells = new Map<string, RoleMark>();
  for (const [key, mark] of Object.entries(table.roleCells)) {
    const cut = key.lastIndexOf('|');
    if (cut > 0 && derived.rowById.has(key.slice(0, cut)) && actors.has(key.slice(cut + 1))) cells.set(key, mark);
  }
  return cells;
}

/** The frozen 評価・課題 of each side (PlanSnapshot.evaluations); absent is none. */
export type EvaluationSides = { old?: Readonly<Record<string, string>>; new?: Readonly<Record<string, string>> };

/**
 * What changed from `oldTable` to `newTable`, row by row and KPI by KPI, with each
 * placement's 実施状況 and, when given, the 評価・課題 written for the annual report.
 */
export function diffMeasures(oldTable: MeasureTable, newTable: MeasureTable, evaluationSides: EvaluationSides = {}): MeasureDiff {
  const before = deriveTable(oldTable);
  const after = deriveTable(newTable);

  const rowOrder = mergeOrder(
    before.rows.map((row) => row.node.id),
    after.rows.map((row) => row.node.id),
  );
  const ordinals = { before: siblingOrdinals(before), after: siblingOrdinals(after) };
  const rows = rowOrder.map((id) => diffRow(id, before.rowById.get(id), after.rowById.get(id), ordinals));

  const kpis = mergeOrder(
    before.kpis.map((entry) => entry.kpi.id),
    after.kpis.map((entry) => entry.kpi.id),
  ).map((id) => diffKpi(id, before.kpiById.get(id), after.kpiById.get(id), before, after));

  const settings: FieldChange<SettingDiffField>[] = [];
  for (const field of SETTING_DIFF_FIELDS) {
    const [va, vb] = [SETTING_TEXT[field](oldTable.settings), SETTING_TEXT[field](newTable.settings)];
    if (va !== vb) settings.push({ field, old: va, new: vb });
  }

  const oldActors = new Map(oldTable.actors.map((actor) => [actor.id, actor]));
  const newActors = new Map(newTable.actors.map((actor) => [actor.id, actor]));
  const actorOrder = mergeOrder(
    sortedActors(oldTable).map((actor) => actor.id),
    sortedActors(newTable).map((actor) => actor.id),
  );
  const actors: ActorDiff[] = actorOrder.flatMap((id): ActorDiff[] => {
    const [a, b] = [oldActors.get(id), newActors.get(id)];
    if (a && b) return a.name === b.name ? [] : [{ id, kind: 'renamed', old: a.name, new: b.name }];
    return [{ id, kind: a ? 'removed' : 'added', old: a?.name ?? null, new: b?.name ?? null }];
  });

  const oldCells = liveCells(oldTable, before);
  const newCells = liveCells(newTable, after);
  const roleCells: RoleCellDiff[] = [];
  for (const nodeId of rowOrder) {
    for (const actorId of actorOrder) {
      const key = roleCellKey(nodeId, actorId);
      const [ma, mb] = [oldCells.get(key) ?? null, newCells.get(key) ?? null];
      if (ma === mb) continue;
      roleCells.push({
        nodeId,
        actorId,
        path: (after.rowById.get(nodeId) ?? before.rowById.get(nodeId))!.path,
        actorName: (newActors.get(actorId) ?? oldActors.get(actorId))!.name,
        old: ma,
        new: mb,
      });
    }
  }

  const progress = diffProgress(oldTable.progress, newTable.progress, rowOrder, before, after);
  const evaluations = diffEvaluations(evaluationSides.old, evaluationSides.new, rowOrder, before, after);

  const changed =
    rows.some((row) => row.kind !== 'same') ||
    kpis.some((kpi) => kpi.kind !== 'same') ||
    settings.length + actors.length + roleCells.length + progress.length + evaluations.length > 0;
  return { rows, kpis, settings, actors, roleCells, progress, evaluations, changed };
}
