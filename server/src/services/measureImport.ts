import {
  MAX_IMPORT_TEXT_BYTES,
  MAX_SPREADSHEET_BYTES,
  type ImportApplyResponse,
  type ImportPreviewResponse,
  type ImportRequest,
  type ImportSource,
  type ImportUndoResponse,
} from '@sakutei/shared';
import {
  MAX_IMPORT_COLUMNS,
  MAX_IMPORT_ROWS,
  ImportRefusedError,
  applyMeasureImport,
  importedProjects,
  previewHash,
  deriveTable,
  newMeasureId,
  parseDelimited,
  previewPlanImport,
  previewRowsIn,
  readMeasureTable,
  undoImport,
  type ColumnMapping,
  type ImportRecord,
  type ImportRefusal,
  type MeasureTable,
  type PlanImportPreview,
} from '@sakutei/shared/measures';
import type * as Y from 'yjs';
import type { AppDeps } from '../env';
import { AppError, notFound } from '../errors';
import { readFirstSheet } from './spreadsheet';

/**
 * The measure-table import behind the API: read the source (text or a workbook), preview it
 * against the live document, and apply or undo it there. Every step reads the table afresh
 * from what the caller sent: apply never takes a tree from the client, only the same source,
 * mapping and 再掲 answers the preview was made from.
 */

const tooLarge = (what: string, limit: string) => new AppError(413, 'payload_too_large', `${what} is limited to ${limit}.`);

/** The source as rows of cell text, the shape a paste gives; a workbook's first sheet. */
export async function sourceRows(source: ImportSource): Promise<{ rows: string[][]; sheetName: string | null }> {
  if (source.kind === 'text') {
    if (Buffer.byteLength(source.text, 'utf8') > MAX_IMPORT_TEXT_BYTES) throw tooLarge('Import text', `${MAX_IMPORT_TEXT_BYTES} bytes`);
    const delimiter = source.delimiter === 'tab' ? '\t' : source.delimiter === 'comma' ? ',' : undefined;
    return { rows: parseDelimited(source.text, delimiter), sheetName: null };
  }
  const bytes = Buffer.from(source.contentBase64, 'base64');
  if (bytes.length > MAX_SPREADSHEET_BYTES) throw tooLarge('A spreadsheet', `${MAX_SPREADSHEET_BYTES} bytes`);
  const { rows, sheetName } = await readFirstSheet(bytes);
  return { rows, sheetName };
}

/** The row imported rows go under: it must exist and not be a project (nothing goes under those). */
function placementIn(table: MeasureTable, parent: string | null | undefined): { parent: string | null } {
  if (parent == null) return { parent: null };
  const row = deriveTable(table).rowById.get(parent);
  if (!row) throw new AppError(400, 'invalid_parent', 'No row of the measure table has this id.');
  if (row.depth >= table.settings.scheme.levels.length - 1) {
    throw new AppError(400, 'invalid_parent', 'Rows cannot be imported under a project.');
  }
  return { parent };
}

function previewOf(doc: Y.Doc, table: MeasureTable, rows: string[][], request: ImportRequest): PlanImportPreview {
  const choices = {
    mapping: (request.mapping ?? null) as ColumnMapping | null,
    reprints: request.reprints ?? [],
    newId: newMeasureId,
  };
  return previewPlanImport(doc, rows, choices, table);
}

/** Why `applyMeasureImport` refused (the rule the browser's apply button follows), as the API answers it. */
function refusalError(refusal: ImportRefusal, rows: string[][]): AppError {
  switch (refusal) {
    case 'tooManyRows':
      return new AppError(413, 'too_many_rows', `An import may have at most ${MAX_IMPORT_ROWS} rows; this one has ${rows.length}.`);
    case 'tooManyColumns':
      return new AppError(413, 'too_many_columns', `An import may have at most ${MAX_IMPORT_COLUMNS} columns; this one has more, filled.`);
    case 'nothing':
      return new AppError(400, 'nothing_to_import', 'No row of this table could be imported; see the preview for why.');
    default: {
      const unknown: never = refusal;
      throw new Error(`unknown import refusal ${String(unknown)}`);
    }
  }
}

export function measureImportService(deps: Pick<AppDeps, 'rooms'>) {
  return {
    async preview(docName: string, request: ImportRequest): Promise<ImportPreviewResponse> {
      const { rows, sheetName } = await sourceRows(request.source);
      return deps.rooms.use(docName, (room) => {
        const table = readMeasureTable(room.doc);
        const at = placementIn(table, request.parent);
        const { preview, mappingFrom } = previewOf(room.doc, table, rows, request);
        return {
          mode: preview.mode,
          sheetName,
          headerLine: preview.headerLine,
          mappingFrom,
          columns: preview.columns,
          unimportedColumns: preview.unimportedColumns,
          rows: previewRowsIn(table, preview, at),
          rowsPerLevel: preview.rowsPerLevel,
          projectCount: preview.projectCount,
          projects: importedProjects(table.projects, preview),
          reprints: preview.reprints,
          statusCounts: preview.statusCounts,
          previewHash: previewHash(preview, at.parent),
          problems: preview.problems,
        };
      });
    },

    async apply(docName: string, userId: string, request: ImportRequest, now = new Date()): Promise<ImportApplyResponse> {
      const { rows } = await sourceRows(request.source);
      return deps.rooms.use(docName, (room) => {
        const table = readMeasureTable(room.doc);
        const at = placementIn(table, request.parent);
        const { preview } = previewOf(room.doc, table, rows, request);
        if (request.previewHash !== undefined && request.previewHash !== previewHash(preview, at.parent)) {
          throw new AppError(
            409,
            'preview_stale',
            'The table would now import differently from the preview you confirmed (the plan, the table or the choices changed); preview again.',
          );
        }
        let record: ImportRecord;
        try {
          record = applyMeasureImport(room.doc, preview, {
            at,
            importId: newMeasureId(),
            now,
            by: userId,
            remember: preview.remembered,
            table,
          });
        } catch (error) {
          // A source cut short is refused there, for the browser and the API alike.
          if (error instanceof ImportRefusedError) throw refusalError(error.refusal, rows);
          throw error;
        }
        return {
          importId: record.id,
          rows: record.nodeIds.length,
          projects: record.projectIds.length,
          nodeIds: record.nodeIds,
          problems: preview.problems.length,
        };
      });
    },

    async undo(docName: string, importId: string, now = new Date()): Promise<ImportUndoResponse> {
      const outcome = await deps.rooms.use(docName, (room) => undoImport(room.doc, importId, now));
      if (outcome.ok) return { removedRows: outcome.removedRows, removedProjects: outcome.removedProjects };
      switch (outcome.reason) {
        case 'unknown':
          throw notFound('import');
        case 'alreadyUndone':
          throw new AppError(409, 'import_undone', 'This import was already undone.');
        case 'edited': {
          const named = outcome.rows.slice(0, 5).map((title) => `「${title}」`).join('、');
          const more = outcome.rows.length > 5 ? ` and ${outcome.rows.length - 5} more` : '';
          throw new AppError(
            409,
            'import_edited',
            `Rows of this import were changed or built on since (${named}${more}); nothing was undone. Delete the rows in the grid instead.`,
          );
        }
        default: {
          const unknown: never = outcome;
          throw new Error(`unknown undo outcome ${JSON.stringify(unknown)}`);
        }
      }
    },
  };
}
