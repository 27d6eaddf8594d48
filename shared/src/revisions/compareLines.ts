import { type Calendar, formatFiscalYearIn } from '../format/dates';
import {
  KPI_FIELD_LABELS,
  OTHER_FIELD_LABELS,
  ROW_FIELD_LABELS,
  SETTING_FIELD_LABELS,
  actualOfLabel,
  roleCellLabel,
  type Locale,
} from '../format/fieldLabels';
import type { KpiDiff, KpiDiffField, MeasureDiff, RowDiff, RowDiffField, SettingDiffField } from './measureDiff';
import type { ProgressDiffField } from './annualDiff';
import { diffText, newSide, oldSide, type DiffSegment } from './textDiff';

/**
 * The measure-table half of the 新旧対照表 as lines to print, for the screen and every
 * export alike. A row or KPI that only moved up or down because something was inserted or
 * removed before it is not a line of its own: each run of such shifts becomes one note,
 * 「以下、番号を繰り下げ」, as an amendment table says it. Real changes are still listed.
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
  | { kind: 'roleCell'; actorName: string }
  /** A placement's 実施状況, its figure or its note, for one fiscal year. */
  | { kind: 'progress'; field: ProgressDiffField; fiscalYear: number }
  /** The 評価・課題 of a level or the whole plan, for one fiscal year. */
  | { kind: 'evaluation'; fiscalYear: number }
  /** `count` rows or KPIs, from this one on, moved `direction` by insertions or removals. */
  | { kind: 'renumber'; subject: 'row' | 'kpi'; direction: 'down' | 'up'; count: number };

export interface MeasureLine {
  kind: MeasureLineKind;
  field: MeasureField;
  old: string;
  new: string;
  /**
   * For free text (a 実施状況 note, a 評価・課題) that was changed rather than written or
   * cleared: the edit, so each side can mark what it lost or gained (`oldSide` / `newSide`).
   */
  segments?: DiffSegment[];
}

export type MeasurePlace =
  | { kind: 'row'; path: string; title: string }
  | { kind: 'kpi'; mark: string; name: string }
  | { kind: 'settings' }
  | { kind: 'actors' }
  /** The whole plan (its 評価・課題 総括). */
  | { kind: 'plan' };

export interface MeasureGroup {
  key: string;
  place: MeasurePlace;
  lines: MeasureLine[];
}

type RenumberField = Extract<MeasureField, { kind: 'renumber' }>;

/** Runs of shifted numbers being collected, one per sibling list and direction. */
class Runs {
  private readonly open = new Map<string, MeasureLine & { field: RenumberField }>();

  /** Adds a shift; returns the group to insert when this shift starts a new run. */
  add(runKey: string, subject: 'row' | 'kpi', direction: 'down' | 'up', from: string, to: string): MeasureLine | null {
    const key = `${runKey}\u0000${direction}`;
    const run = this.open.get(key);
    if (run) {
      run.field.count++;
      return null;
    }
    const line = { kind: 'renumbered' as const, field: { kind: 'renumber' as const, subject, direction, count: 1 }, old: from, new: to };
    this.open.set(key, line);
    return line;
  }
}

function rowFieldLines(row: RowDiff): MeasureLine[] {
  if (row.kind === 'added' && row.new) return [{ kind: 'added', field: { kind: 'row', field: 'title' }, old: '', new: row.new.title }];
  if (row.kind === 'removed' && row.old) return [{ kind: 'removed', field: { kind: 'row', field: 'title' }, old: row.old.title, new: '' }];
  const lines: MeasureLine[] = [];
  // A row under another parent says where it went; its children follow it without a line each.
  if (row.old && row.new && row.moved) lines.push({ kind: 'changed', field: { kind: 'position' }, old: row.old.path, new: row.new.path });
  for (const change of row.changes) lines.push({ kind: 'changed', field: { kind: 'row', field: change.field }, old: change.old, new: change.new });
  return lines;
}

function kpiFieldLines(kpi: KpiDiff): MeasureLine[] {
  if (kpi.kind === 'added' && kpi.new) return [{ kind: 'added', field: { kind: 'kpi', field: 'name' }, old: '', new: kpi.new.name }];
  if (kpi.kind === 'removed' && kpi.old) return [{ kind: 'removed', field: { kind: 'kpi', field: 'name' }, old: kpi.old.name, new: '' }];
  const lines: MeasureLine[] = [];
  if (kpi.old && kpi.new && kpi.moved) {
    lines.push({ kind: 'changed', field: { kind: 'position' }, old: kpi.old.rowPath ?? '', new: kpi.new.rowPath ?? '' });
  }
  for (const change of kpi.changes) {
    const field: MeasureField =
      change.fiscalYear === undefined ? { kind: 'kpi', field: change.field } : { kind: 'kpi', field: change.field, fiscalYear: change.fiscalYear };
    lines.push({ kind: 'changed', field, old: change.old, new: change.new });
  }
  return lines;
}

/** Everything that differs, in the new table's order: rows, then KPIs, then settings, actors and role marks. */
export function measureGroups(diff: MeasureDiff): MeasureGroup[] {
  const groups: MeasureGroup[] = [];
  const runs = new Runs();

  for (const row of diff.rows) {
    const where = row.new ?? row.old;
    if (row.kind === 'same' || !where) continue;
    // Its own number changed while its parent stayed: something before it came or went.
    if (row.old && row.new && !row.moved && row.old.ordinal !== row.new.ordinal) {
      const direction = row.new.ordinal > row.old.ordinal ? 'down' : 'up';
      const note = runs.add(`row:${row.new.parentId ?? ''}`, 'row', direction, row.old.path, row.new.path);
      if (note) groups.push({ key: `renumber:row:${row.id}`, place: { kind: 'row', path: row.new.path, title: row.new.title }, lines: [note] });
    }
    const lines = rowFieldLines(row);
    if (lines.length > 0) groups.push({ key: `row:${row.id}`, place: { kind: 'row', path: where.path, title: where.title }, lines });
  }

  for (const kpi of diff.kpis) {
    const where = kpi.new ?? kpi.old;
    if (kpi.kind === 'same' || !where) continue;
    if (kpi.old && kpi.new && kpi.renumbered) {
      const direction = kpi.new.number > kpi.old.number ? 'down' : 'up';
      const note = runs.add('kpi', 'kpi', direction, kpi.old.mark, kpi.new.mark);
      if (note) groups.push({ key: `renumber:kpi:${kpi.id}`, place: { kind: 'kpi', mark: kpi.new.mark, name: kpi.new.name }, lines: [note] });
    }
    const lines = kpiFieldLines(kpi);
    if (lines.length > 0) groups.push({ key: `kpi:${kpi.id}`, place: { kind: 'kpi', mark: where.mark, name: where.name }, lines });
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

/** A changed text is shown as its edit; one written or cleared is just itself. */
function textLine(kind: MeasureLineKind, field: MeasureField, old: string, next: string): MeasureLine {
  const line: MeasureLine = { kind, field, old, new: next };
  return kind === 'changed' && old !== '' && next !== '' ? { ...line, segments: diffText(old, next) } : line;
}

/** 実施状況 that changed: one group per placement and year, a line per field that differs. */
export function progressGroups(diff: MeasureDiff): MeasureGroup[] {
  // A diff computed before 実施状況 were compared has none.
  return (diff.progress ?? []).map((entry) => ({
    key: `progress:${entry.nodeId}:${entry.fiscalYear}`,
    place: { kind: 'row', path: entry.path, title: entry.title },
    lines: entry.changes.map((change) => {
      const field: MeasureField = { kind: 'progress', field: change.field, fiscalYear: entry.fiscalYear };
      const kind: MeasureLineKind = change.old === '' ? 'added' : change.new === '' ? 'removed' : 'changed';
      return change.field === 'note' ? textLine(kind, field, change.old, change.new) : { kind, field, old: change.old, new: change.new };
    }),
  }));
}

/** 評価・課題 that changed: one line each, under the level (or the whole plan) it is about. */
export function evaluationGroups(diff: MeasureDiff): MeasureGroup[] {
  return (diff.evaluations ?? []).map((entry) => ({
    key: `evaluation:${entry.fiscalYear}:${entry.scope}`,
    place: entry.where ? { kind: 'row', path: entry.where.path, title: entry.where.title } : { kind: 'plan' },
    lines: [textLine(entry.kind, { kind: 'evaluation', fiscalYear: entry.fiscalYear }, entry.old, entry.new)],
  }));
}

/** Each side of a line as marked text: its edit when it has one, else the plain value. */
export function lineSegments(line: MeasureLine): { old: DiffSegment[]; new: DiffSegment[] } {
  if (line.segments) return { old: oldSide(line.segments), new: newSide(line.segments) };
  return { old: [{ kind: 'equal', text: line.old }], new: [{ kind: 'equal', text: line.new }] };
}

/** How many lines of each kind, for the summary above the table. */
export function countLines(groups: readonly MeasureGroup[]): Record<MeasureLineKind, number> {
  const counts: Record<MeasureLineKind, number> = { added: 0, removed: 0, renumbered: 0, changed: 0 };
  for (const group of groups) for (const line of group.lines) counts[line.kind]++;
  return counts;
}

// ---------------------------------------------------------------- words

const KIND_LABELS: Record<MeasureLineKind, Record<Locale, string>> = {
  added: { ja: '追加', en: 'Added' },
  removed: { ja: '削除', en: 'Removed' },
  renumbered: { ja: '番号変更', en: 'Renumbered' },
  changed: { ja: '変更', en: 'Changed' },
};

const ANNUAL_FIELD_LABELS: Record<ProgressDiffField | 'evaluation', Record<Locale, string>> = {
  status: { ja: '実施状況', en: 'Progress' },
  figure: { ja: '実施状況の数値', en: 'Progress figure' },
  note: { ja: '実施状況の備考', en: 'Progress note' },
  evaluation: { ja: '評価・課題', en: 'Evaluation and issues' },
};

export function measureKindText(kind: MeasureLineKind, locale: Locale = 'ja'): string {
  return KIND_LABELS[kind][locale];
}

export function measurePlaceText(place: MeasurePlace, locale: Locale = 'ja'): string {
  switch (place.kind) {
    case 'row':
      return place.title === '' ? place.path : `${place.path} ${place.title}`;
    case 'kpi':
      return locale === 'ja' ? `成果指標${place.mark} ${place.name}` : `KPI ${place.mark} ${place.name}`;
    case 'settings':
      return locale === 'ja' ? '施策体系の設定' : 'Scheme settings';
    case 'actors':
      return locale === 'ja' ? '役割分担の主体' : 'Actors in the role matrix';
    case 'plan':
      return locale === 'ja' ? '計画全体' : 'Whole plan';
  }
}

/** The 項目 column: always a word a reader knows, never a field's key. */
export function measureFieldText(field: MeasureField, locale: Locale = 'ja', calendar: Calendar = 'wareki'): string {
  switch (field.kind) {
    case 'row':
      return ROW_FIELD_LABELS[field.field][locale];
    case 'kpi':
      return field.fiscalYear === undefined
        ? KPI_FIELD_LABELS[field.field][locale]
        : actualOfLabel(locale === 'en' ? `FY${field.fiscalYear}` : formatFiscalYearIn(field.fiscalYear, calendar), locale);
    case 'setting':
      return SETTING_FIELD_LABELS[field.field][locale];
    case 'number':
    case 'renumber':
      return OTHER_FIELD_LABELS.number[locale];
    case 'position':
      return OTHER_FIELD_LABELS.position[locale];
    case 'actor':
      return OTHER_FIELD_LABELS.actor[locale];
    case 'roleCell':
      return roleCellLabel(field.actorName, locale);
    case 'progress':
    case 'evaluation': {
      const year = locale === 'en' ? `FY${field.fiscalYear}` : formatFiscalYearIn(field.fiscalYear, calendar);
      const word = ANNUAL_FIELD_LABELS[field.kind === 'progress' ? field.field : 'evaluation'][locale];
      return locale === 'ja' ? `${word}（${year}）` : `${word} (${year})`;
    }
  }
}

/** 「以下、番号を繰り下げ（③ → ④ ほか2件）」: what a renumbering note says, across both sides. */
export function renumberNoteText(line: MeasureLine, locale: Locale = 'ja'): string {
  if (line.field.kind !== 'renumber') return '';
  const { direction, count } = line.field;
  const shift = `${line.old} → ${line.new}`;
  if (locale === 'en') {
    const verb = direction === 'down' ? 'Renumbered down' : 'Renumbered up';
    return count > 1 ? `${verb} from here on (${shift} and ${count - 1} more)` : `${verb} (${shift})`;
  }
  const verb = direction === 'down' ? '番号を繰り下げ' : '番号を繰り上げ';
  return count > 1 ? `以下、${verb}（${shift} ほか${count - 1}件）` : `${verb}（${shift}）`;
}
