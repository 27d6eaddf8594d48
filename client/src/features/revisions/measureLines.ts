import type { KpiDiff, KpiDiffField, MeasureDiff, RowDiff, RowDiffField, SettingDiffField } from '@sakutei/shared';

/**
 * The measure-table half of the 新旧対照表 as table lines: one per thing that changed about
 * a row or KPI, grouped under where it is. Field names stay as ids; the view translates them.
 */

export type MeasureLineKind = 'added' | 'removed' | 'renumbered' | 'changed';

export type MeasureField =
  | { kind: 'row'; field: RowDiffField }
  | { kind: 'kpi'; field: KpiDiffField; fiscalYear?: number }
  | { kind: 'setting'; field: SettingDiffField }
  /** A row's printed number (1(1)③), or a KPI's mark (⑥). */
  | { kind: 'number' }
  /** A row now under another parent, or a KPI shown under another row. */
  | { kind: 'position' }
  | { kind: 'actor' }
  | { kind: 'roleCell'; actorName: string };

export interface MeasureLine {
  kind: MeasureLineKind;
  field: MeasureField;
  old: string;
  new: string;
}

export type MeasurePlace =
  | { kind: 'row'; path: string; title: string }
  | { kind: 'kpi'; mark: string; name: string }
  | { kind: 'settings' }
  | { kind: 'actors' };

export interface MeasureGroup {
  key: string;
  place: MeasurePlace;
  lines: MeasureLine[];
}

function rowLines(row: RowDiff): MeasureLine[] {
  if (row.kind === 'added' && row.new) return [{ kind: 'added', field: { kind: 'row', field: 'title' }, old: '', new: row.new.title }];
  if (row.kind === 'removed' && row.old) return [{ kind: 'removed', field: { kind: 'row', field: 'title' }, old: row.old.title, new: '' }];
  const lines: MeasureLine[] = [];
  if (row.old && row.new && (row.renumbered || row.moved)) {
    lines.push({
      kind: row.renumbered ? 'renumbered' : 'changed',
      field: row.moved ? { kind: 'position' } : { kind: 'number' },
      old: row.old.path,
      new: row.new.path,
    });
  }
  for (const change of row.changes) lines.push({ kind: 'changed', field: { kind: 'row', field: change.field }, old: change.old, new: change.new });
  return lines;
}

function kpiLines(kpi: KpiDiff): MeasureLine[] {
  if (kpi.kind === 'added' && kpi.new) return [{ kind: 'added', field: { kind: 'kpi', field: 'name' }, old: '', new: kpi.new.name }];
  if (kpi.kind === 'removed' && kpi.old) return [{ kind: 'removed', field: { kind: 'kpi', field: 'name' }, old: kpi.old.name, new: '' }];
  const lines: MeasureLine[] = [];
  if (kpi.old && kpi.new && kpi.renumbered) lines.push({ kind: 'renumbered', field: { kind: 'number' }, old: kpi.old.mark, new: kpi.new.mark });
  if (kpi.old && kpi.new && kpi.moved) {
    lines.push({ kind: 'changed', field: { kind: 'position' }, old: kpi.old.rowPath ?? '', new: kpi.new.rowPath ?? '' });
  }
  for (const change of kpi.changes) {
    const field: MeasureField =
      change.fiscalYear === undefined
        ? { kind: 'kpi', field: change.field }
        : { kind: 'kpi', field: change.field, fiscalYear: change.fiscalYear };
    lines.push({ kind: 'changed', field, old: change.old, new: change.new });
  }
  return lines;
}

/** Everything that differs, in the new table's order: rows, then KPIs, then settings, actors and role marks. */
export function measureGroups(diff: MeasureDiff): MeasureGroup[] {
  const groups: MeasureGroup[] = [];
  for (const row of diff.rows) {
    const where = row.new ?? row.old;
    const lines = row.kind === 'same' || !where ? [] : rowLines(row);
    if (where && lines.length > 0) groups.push({ key: `row:${row.id}`, place: { kind: 'row', path: where.path, title: where.title }, lines });
  }
  for (const kpi of diff.kpis) {
    const where = kpi.new ?? kpi.old;
    const lines = kpi.kind === 'same' || !where ? [] : kpiLines(kpi);
    if (where && lines.length > 0) groups.push({ key: `kpi:${kpi.id}`, place: { kind: 'kpi', mark: where.mark, name: where.name }, lines });
  }
  if (diff.settings.length > 0) {
    groups.push({
      key: 'settings',
      place: { kind: 'settings' },
      lines: diff.settings.map((change) => ({ kind: 'changed', field: { kind: 'setting', field: change.field }, old: change.old, new: change.new })),
    });
  }
  if (diff.actors.length > 0) {
    groups.push({
      key: 'actors',
      place: { kind: 'actors' },
      lines: diff.actors.map((actor) => ({
        kind: actor.kind === 'renamed' ? 'changed' : actor.kind,
        field: { kind: 'actor' },
        old: actor.old ?? '',
        new: actor.new ?? '',
      })),
    });
  }
  // Role marks belong to their row: with its other changes when it has any.
  const titles = new Map(diff.rows.map((row) => [row.id, (row.new ?? row.old)?.title ?? '']));
  for (const cell of diff.roleCells) {
    const key = `row:${cell.nodeId}`;
    const line: MeasureLine = {
      kind: cell.old === null ? 'added' : cell.new === null ? 'removed' : 'changed',
      field: { kind: 'roleCell', actorName: cell.actorName },
      old: cell.old ?? '',
      new: cell.new ?? '',
    };
    const existing = groups.find((group) => group.key === key);
    if (existing) existing.lines.push(line);
    else groups.push({ key, place: { kind: 'row', path: cell.path, title: titles.get(cell.nodeId) ?? '' }, lines: [line] });
  }
  return groups;
}

/** How many lines of each kind, for the summary above the table. */
export function countLines(groups: readonly MeasureGroup[]): Record<MeasureLineKind, number> {
  const counts: Record<MeasureLineKind, number> = { added: 0, removed: 0, renumbered: 0, changed: 0 };
  for (const group of groups) for (const line of group.lines) counts[line.kind]++;
  return counts;
}
