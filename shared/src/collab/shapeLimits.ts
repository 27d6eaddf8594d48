/**
 * The bounds of a plan document's shape (collab/shape.ts), apart from the rules so that
 * readers free of yjs (the measure tree, the revision diff in the client bundle) can use them.
 */
export const SHAPE_LIMITS = {
  /** Elements from the prose root down (doc → bulletList → listItem → paragraph is 3). */
  maxProseDepth: 32,
  /** Rows from the top level down a chain of parents (a plan has 3 or 4 levels). */
  maxRowDepth: 64,
  /** Entries of one measure-table map (rows, projects, KPIs, cells, 実施状況 …). */
  maxRecords: 20_000,
} as const;
/** The same bounds, any values (a test or a server option may set tighter ones). */
export type ShapeLimits = { [K in keyof typeof SHAPE_LIMITS]: number };
