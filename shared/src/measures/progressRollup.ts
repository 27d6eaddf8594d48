import { PROJECT_STATUSES, type ProjectStatus } from './model';
import { PROGRESS_STATUSES, progressOf, type ProgressStatus, type ProgressTable } from './progress';
import type { DerivedRow, DerivedTable } from './tree';

/** How the placements under a row (or in the whole plan) stand in one fiscal year. */
export type ProgressCounts = {
  /** Project placements counted, 再掲 included: a project listed under two measures counts under each. */
  placements: number;
  /** Of those, how many are 再掲 (a project's second and later placements). */
  reprints: number;
  /** 実施 / 一部実施 / 未実施 / 完了 / 休止, and `unrecorded` for no entry that year. */
  progress: Record<ProgressStatus | 'unrecorded', number>;
  /** 新規 / 充実 / 継続, and `unmarked` for a placement without one. */
  projectStatus: Record<ProjectStatus | 'unmarked', number>;
};

/** One measure row's counts, with what a report prints beside them. */
export type RowRollup = { rowId: string; number: string; path: string; title: string; counts: ProgressCounts };

/** The rows of one level (方向性, 基本方針 …: the scheme's level at that depth), in plan order. */
export type LevelRollup = { depth: number; levelName: string; rows: RowRollup[] };

export type ProgressRollup = {
  fiscalYear: number;
  /** Counts of every measure row, by id (placements have none: their own entry is the figure). */
  byRow: Map<string, ProgressCounts>;
  /** Measure rows grouped by level, top level first; levels with no measure rows are left out. */
  levels: LevelRollup[];
  /** The whole plan. */
  total: ProgressCounts;
};

/** Counts with every bucket at zero. */
export function emptyProgressCounts(): ProgressCounts {
  return {
    placements: 0,
    reprints: 0,
    progress: Object.fromEntries([...PROGRESS_STATUSES, 'unrecorded'].map((key) => [key, 0])) as ProgressCounts['progress'],
    projectStatus: Object.fromEntries([...PROJECT_STATUSES, 'unmarked'].map((key) => [key, 0])) as ProgressCounts['projectStatus'],
  };
}

function add(counts: ProgressCounts, row: DerivedRow, progressStatus: ProgressStatus | 'unrecorded'): void {
  counts.placements++;
  if (row.reprintOf !== null) counts.reprints++;
  counts.progress[progressStatus]++;
  counts.projectStatus[row.node.status ?? 'unmarked']++;
}

/**
 * The roll-ups of one fiscal year: for every measure row at every level, how many project
 * placements beneath it (at any depth) stand at each 実施状況 and carry each 新規 / 充実 /
 * 継続 mark, and the same for the whole plan. Pure: the grid, the exports and the annual
 * report call it on the same table and cannot disagree.
 */
export function rollupProgress(derived: DerivedTable, progress: ProgressTable | undefined, fiscalYear: number): ProgressRollup {
  const byRow = new Map<string, ProgressCounts>();
  for (const row of derived.rows) if (row.node.kind === 'measure') byRow.set(row.node.id, emptyProgressCounts());
  const total = emptyProgressCounts();

  for (const row of derived.rows) {
    if (row.node.kind !== 'placement') continue;
    const status = progressOf(progress, row.node.id, fiscalYear)?.status ?? 'unrecorded';
    add(total, row, status);
    for (let parent = row.parentId; parent !== null; parent = derived.rowById.get(parent)?.parentId ?? null) {
      const counts = byRow.get(parent);
      if (counts) add(counts, row, status);
    }
  }

  const levels: LevelRollup[] = [];
  for (const row of derived.rows) {
    const counts = byRow.get(row.node.id);
    if (!counts) continue;
    let level = levels.find((candidate) => candidate.depth === row.depth);
    if (!level) {
      level = { depth: row.depth, levelName: row.levelName, rows: [] };
      levels.push(level);
    }
    level.rows.push({ rowId: row.node.id, number: row.number, path: row.path, title: row.title, counts });
  }
  levels.sort((a, b) => a.depth - b.depth);
  return { fiscalYear, byRow, levels, total };
}

/** The share of placements at `status`, 0–100 and rounded; null when nothing is counted. */
export function progressShare(counts: ProgressCounts, status: ProgressStatus | 'unrecorded'): number | null {
  return counts.placements === 0 ? null : Math.round((counts.progress[status] / counts.placements) * 100);
}
