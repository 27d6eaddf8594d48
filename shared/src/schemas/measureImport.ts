import { z } from 'zod';
import { nodeKindSchema, projectStatusSchema } from '../measures/model';
import { IMPORT_FIELDS } from '../measures/import/previewTypes';
import { MAX_IMPORT_COLUMNS } from '../measures/import/problems';
import { MAX_SPREADSHEET_BYTES } from './measures';

/**
 * The measure-table import through the API: `POST /api/plans/:id/import/preview` shows what a
 * table would become, `…/import/apply` writes it as one change, `…/import/:importId/undo`
 * takes it back. Preview and apply take the same body, and apply recomputes everything from
 * it: a client never sends the tree to write.
 */

/** Pasted or saved text is held to the same size as a workbook file. */
export const MAX_IMPORT_TEXT_BYTES = MAX_SPREADSHEET_BYTES;

// Generous here: the body limit bounds it, and a file over 2 MiB is answered 413 by the service.
const base64 = z
  .string()
  .max(Math.ceil((MAX_SPREADSHEET_BYTES * 4) / 3) + 1024)
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'not base64');

export const ImportSource = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('text'),
    /** TSV (a paste from Excel or Word) or CSV; the separator is detected unless given. */
    text: z.string(),
    delimiter: z.enum(['tab', 'comma']).optional(),
  }),
  z.object({ kind: z.literal('xlsx'), fileName: z.string().min(1).max(200), contentBase64: base64 }),
]);
export type ImportSource = z.infer<typeof ImportSource>;

export const ImportFieldSchema = z.enum(IMPORT_FIELDS);

export const ImportRequest = z.object({
  source: ImportSource,
  /**
   * What each column is read as, by 0-based column index; columns not named keep what the
   * header or the data suggests. Without it the plan's remembered mapping applies.
   */
  mapping: z
    .record(
      z
        .string()
        .regex(/^\d{1,3}$/, 'a column index')
        .refine((key) => Number(key) < MAX_IMPORT_COLUMNS, `a column index below ${MAX_IMPORT_COLUMNS}`),
      ImportFieldSchema,
    )
    .optional(),
  /** Answers to suggested 再掲 matches, by the row's line. */
  reprints: z.array(z.object({ line: z.number().int().min(1).max(100_000), accept: z.boolean() })).max(2000).optional(),
  /** The row the imported rows go under, at the end; null or absent for the top level. */
  parent: z.string().min(1).max(64).nullable().optional(),
  /**
   * Apply only: the `previewHash` of the preview the user confirmed. When the table, the mapping,
   * the answers or the plan changed since, so that the apply would write something else, it is
   * refused with 409 preview_stale. Send it; without it the apply writes whatever reads now.
   */
  previewHash: z.string().min(1).max(64).optional(),
});
export type ImportRequest = z.infer<typeof ImportRequest>;

const PreviewColumnSchema = z.object({
  index: z.number().int(),
  header: z.string(),
  samples: z.array(z.string()),
  field: ImportFieldSchema,
  source: z.enum(['header', 'data', 'user', 'none']),
  nonEmpty: z.number().int(),
});

const ReprintFindingSchema = z.union([
  z.object({
    kind: z.literal('matched'),
    line: z.number().int(),
    text: z.string(),
    name: z.string(),
    matchedLine: z.number().int().nullable(),
    confirmed: z.boolean(),
  }),
  z.object({
    kind: z.literal('suggested'),
    line: z.number().int(),
    text: z.string(),
    candidate: z.object({ name: z.string(), line: z.number().int().nullable() }),
  }),
  z.object({ kind: z.literal('unmatched'), line: z.number().int(), text: z.string() }),
]);

/** One row the import would add, numbered as it will be in the plan. */
export const ImportPreviewRowSchema = z.object({
  id: z.string(),
  /** 1-based line of the input it came from. */
  line: z.number().int().nullable(),
  /** Below the shallowest imported row. */
  indent: z.number().int(),
  number: z.string(),
  levelName: z.string(),
  title: z.string(),
  kind: nodeKindSchema,
  status: projectStatusSchema.nullable(),
  description: z.string(),
  contacts: z.string(),
  reprint: z.boolean(),
  kpiNumbers: z.array(z.number().int()),
});

export const ImportPreviewResponse = z.object({
  /** `table`: columns as mapped; `toc`: a 目次. */
  mode: z.enum(['table', 'toc']),
  /** The workbook's sheet that was read; null for text. */
  sheetName: z.string().nullable(),
  headerLine: z.number().int().nullable(),
  /** Where the mapping came from: this request, the plan's memory of its last import, or the table alone. */
  mappingFrom: z.enum(['request', 'remembered', 'detected']),
  columns: z.array(PreviewColumnSchema),
  /** Every non-empty column not imported. */
  unimportedColumns: z.array(
    z.object({
      index: z.number().int(),
      header: z.string(),
      nonEmpty: z.number().int(),
      samples: z.array(z.string()),
      reason: z.enum(['ignored', 'pageNumbers']),
    }),
  ),
  rows: z.array(ImportPreviewRowSchema),
  rowsPerLevel: z.array(z.object({ depth: z.number().int(), level: z.string(), count: z.number().int() })),
  projectCount: z.number().int(),
  /** Every project the rows place (new ones and ones already in the plan placed by a 再掲), with the lines that place it. */
  projects: z.array(z.object({ name: z.string(), lines: z.array(z.number().int()), inPlan: z.boolean() })),
  reprints: z.array(ReprintFindingSchema),
  statusCounts: z.object({ new: z.number().int(), enhanced: z.number().int(), continued: z.number().int(), none: z.number().int() }),
  /** Names what this preview would write; send it with the apply to have it refused if that changed. */
  previewHash: z.string(),
  /** Rows refused or doubtful, with their line and what to do. */
  problems: z.array(z.object({ line: z.number().int(), column: z.string().nullable(), code: z.string(), detail: z.string() })),
});
export type ImportPreviewResponse = z.infer<typeof ImportPreviewResponse>;

export const ImportApplyResponse = z.object({
  /** Names this import for `POST /api/plans/:id/import/:importId/undo`. */
  importId: z.string(),
  rows: z.number().int(),
  projects: z.number().int(),
  nodeIds: z.array(z.string()),
  /** The problems of the rows as read (the refused rows were left out). */
  problems: z.number().int(),
});
export type ImportApplyResponse = z.infer<typeof ImportApplyResponse>;

export const ImportUndoResponse = z.object({ removedRows: z.number().int(), removedProjects: z.number().int() });
export type ImportUndoResponse = z.infer<typeof ImportUndoResponse>;
