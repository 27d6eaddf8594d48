import type { HierarchyScheme, NodeRecord, ProjectRecord, ProjectStatus } from '../model';
import type { RandomSource } from '../orderKey';
import type { ImportProblemCode } from './problems';

/**
 * The shapes of a measure-table import preview. One function (`previewHierarchyImport`)
 * produces them in the browser and behind `POST /api/plans/:id/import/preview`, so both
 * show the same columns, rows and problems. Everything here is plain JSON.
 */

/** The rows an import adds: what `applyHierarchyImport` writes into the plan. */
export type HierarchyImport = {
  nodes: NodeRecord[];
  projects: ProjectRecord[];
  /**
   * KPIs to show under a node, by their number in the KPI list. A bare ○ (the 目次's "this
   * row has a KPI") stands for the next number after the highest one seen so far, which is
   * how plans number their KPIs: in row order.
   */
  kpiLinks: Array<{ nodeId: string; kpiNumbers: number[] }>;
};

/** What a source column is read as. `name` may be given to several columns (one per level). */
export const IMPORT_FIELDS = [
  'number',
  'name',
  'levelWord',
  'kind',
  'description',
  'contacts',
  'status',
  'kpis',
  'ignored',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/**
 * A mapping chosen by the user, by column index (0-based). JSON turns the keys into
 * strings; both forms are accepted.
 */
export type ColumnMapping = Record<number | string, ImportField>;

/**
 * A mapping remembered by a plan, by header words rather than position, so that next
 * year's file with the same headers in another order maps the same way. Columns without a
 * header are remembered by position (`index`).
 */
export type RememberedMapping = Array<{ header: string; field: ImportField; index?: number }>;

export type PreviewColumn = {
  index: number;
  /** The header as typed (a two-row header joined with a space); '' without one. */
  header: string;
  /** The first few non-empty values below the header. */
  samples: string[];
  field: ImportField;
  /** Why the field: a header word, the look of the data, the caller's mapping, or nothing fits. */
  source: 'header' | 'data' | 'user' | 'none';
  /** Non-empty cells below the header. */
  nonEmpty: number;
};

export type UnimportedColumn = {
  index: number;
  header: string;
  nonEmpty: number;
  samples: string[];
  /** `ignored`: mapped to ignored (by the user or because nothing fits); `pageNumbers`: a 目次's page column. */
  reason: 'ignored' | 'pageNumbers';
};

/** A 再掲 (reprint) row and what it was matched to. Lines are 1-based rows of the input. */
export type ReprintFinding =
  | {
      kind: 'matched';
      line: number;
      /** The name as typed, mark included. */
      text: string;
      /** The project it is a placement of. */
      name: string;
      /** Line of the first placement in this import; null when it is a project already in the plan. */
      matchedLine: number | null;
      /** True when it only matched after the user confirmed a suggestion. */
      confirmed: boolean;
    }
  | {
      kind: 'suggested';
      line: number;
      text: string;
      /** The closest project name: not the same after normalising, but close. */
      candidate: { name: string; line: number | null };
      /** Until confirmed, the row is imported as a new project with its mark kept. */
    }
  | {
      kind: 'unmatched';
      line: number;
      text: string;
    };

/** The caller's answer to a suggested 再掲 match, by the row's line. */
export type ReprintDecision = { line: number; accept: boolean };

/** Codes only the hierarchy preview produces (on top of `IMPORT_PROBLEM_CODES`). */
export const HIERARCHY_PROBLEM_CODES = [
  /** A 再掲 row whose name is only similar to an earlier project: confirm or reject. */
  'reprintSuggested',
  /** A 再掲 row with no earlier project of that name: the mark is kept in the name. */
  'reprintUnmatched',
  /** A row carrying the numbers of two levels (`1 (1) …`): imported at the deeper one. */
  'levelMerged',
  /** A level word (`基本目標`, `第2章`) that is no level of the plan's scheme. */
  'unknownLevelWord',
  /** No column could be read as the names: nothing imported. */
  'noNameColumn',
  /** A note under the table (※…, （注）…, a legend): said and skipped, not imported as a row. */
  'noteSkipped',
  /**
   * Two columns mapped to one single-valued field (number, level word, 区分, status) whose cells
   * differ on a row: the first (leftmost) was used; the other value is named, never dropped silently.
   */
  'conflictingColumns',
  /** A long unnumbered row with one filled cell (a PDF paragraph cut at a page end, a caption): imported, but asked about. */
  'doubtfulRow',
] as const;
export type HierarchyProblemCode = (typeof HIERARCHY_PROBLEM_CODES)[number];
export type PreviewProblemCode = ImportProblemCode | HierarchyProblemCode;

export type PreviewProblem = {
  /** 1-based row of the input, header rows included. */
  line: number;
  /** The column's header as typed (or the field's usual name), null for a whole row. */
  column: string | null;
  code: PreviewProblemCode;
  /** What is wrong and what to do, naming the text (quoted) at fault. */
  detail: string;
};

export type HierarchyPreviewOptions = {
  scheme: HierarchyScheme;
  newId: () => string;
  /** For the order keys' random tails; tests pass a fixed one. */
  random?: RandomSource;
  /** The user's choice per column, by index, or a plan's remembered mapping by header. */
  mapping?: ColumnMapping | RememberedMapping;
  /** Answers to suggested 再掲 matches. */
  confirmedReprints?: ReprintDecision[];
  /** Projects already in the plan, so a 再掲 of one of them places it again. */
  existingProjects?: ReadonlyArray<{ id: string; name: string }>;
};

export type LevelCount = { depth: number; level: string; count: number };

export type HierarchyPreview = HierarchyImport & {
  /** `table`: columns as mapped; `toc`: a 目次 (label, ○ and page numbers). */
  mode: 'table' | 'toc';
  columns: PreviewColumn[];
  /** 1-based line of the header row, null when there is none. */
  headerLine: number | null;
  /** The mapping in effect, by column index; feed it back as `mapping` to keep it. */
  mapping: Record<number, ImportField>;
  /** The same mapping by header words, for the plan to remember. */
  remembered: RememberedMapping;
  /** Which input line became which node. */
  lines: Array<{ line: number; nodeId: string; depth: number }>;
  rowsPerLevel: LevelCount[];
  /** Projects created by this import (placements of existing projects not counted). */
  projectCount: number;
  reprints: ReprintFinding[];
  statusCounts: Record<ProjectStatus | 'none', number>;
  problems: PreviewProblem[];
  /** Every non-empty column not imported, always named. */
  unimportedColumns: UnimportedColumn[];
};
