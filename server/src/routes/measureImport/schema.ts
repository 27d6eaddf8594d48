import { createRoute } from '@hono/zod-openapi';
import { ImportApplyResponse, ImportPreviewResponse, ImportRequest, ImportUndoResponse } from '@sakutei/shared';
import { z } from 'zod';
import { busyResponses, cookieAuth, errorResponses, json } from '../openapi';
import { PlanParams } from '../plans/schema';

const body = { content: { 'application/json': { schema: ImportRequest } }, required: true };
const error = (description: string) => ({ description, content: errorResponses[400].content });

export const importPreviewRoute = createRoute({
  method: 'post',
  path: '/api/plans/{id}/import/preview',
  tags: ['measures'],
  summary: 'Reads a measure table (TSV/CSV text or an XLSX file, base64) as the plan would import it. Nothing is stored.',
  description:
    "Returns each source column with the field it is read as (from its header, the look of its data, the given `mapping`, or the plan's remembered mapping when no mapping is given), every non-empty column not imported, the rows as they would be numbered under `parent`, the rows per level, every project the rows place with its lines (`projects`), the 再掲 found (matched, suggested, unmatched), the statuses counted and the problems by line. Text and files are limited to 2 MiB; only the first 2,000 rows and 100 columns are read (problems tooManyRows, tooManyColumns; such a source cannot be applied). Preview and apply together: at most 60 requests a minute and one at a time per user (429 rate_limited, with Retry-After).",
  security: cookieAuth,
  request: { params: PlanParams, body },
  responses: {
    200: json(ImportPreviewResponse, 'The preview.'),
    400: errorResponses[400],
    401: errorResponses[401],
    403: errorResponses[403],
    404: errorResponses[404],
    413: error('The text or file is larger than 2 MiB.'),
    429: errorResponses[429],
    // An XLSX file is read on the heavy-work threads.
    503: busyResponses[503],
  },
});

export const importApplyRoute = createRoute({
  method: 'post',
  path: '/api/plans/{id}/import/apply',
  tags: ['measures'],
  summary: 'Imports a measure table into the live document as one change, and remembers its column mapping for the plan.',
  description:
    'Takes the same body as the preview and reads it again on the server (a tree is never taken from the client); the rows the preview refused are left out. Send the preview\'s `previewHash`: when the plan, the table or the choices changed so that the apply would write something else, it is refused with 409 preview_stale. A source cut short (over 2,000 rows or 100 filled columns) is refused with 413. The answer names the import for undo.',
  security: cookieAuth,
  request: { params: PlanParams, body },
  responses: {
    200: json(ImportApplyResponse, 'Imported.'),
    400: errorResponses[400],
    401: errorResponses[401],
    403: errorResponses[403],
    404: errorResponses[404],
    409: error('The plan is archived (read-only), or the source would import differently from the preview named by `previewHash` (preview_stale).'),
    413: error('The text or file is larger than 2 MiB, or has more than 2,000 rows or 100 filled columns (too_many_rows, too_many_columns).'),
    429: errorResponses[429],
    // An XLSX file is read on the heavy-work threads.
    503: busyResponses[503],
  },
});

export const ImportParams = PlanParams.extend({ importId: z.string().min(1).max(64) });

export const importUndoRoute = createRoute({
  method: 'post',
  path: '/api/plans/{id}/import/{importId}/undo',
  tags: ['measures'],
  summary: 'Removes exactly the rows and projects one import added, as one change.',
  description:
    'Refused (409 import_edited, nothing removed) when any of its rows was edited, moved, or given rows, KPIs, role marks or 実施状況 since; 409 import_undone when done already. The plan keeps its last 10 imports for this.',
  security: cookieAuth,
  request: { params: ImportParams },
  responses: {
    200: json(ImportUndoResponse, 'Undone.'),
    400: errorResponses[400],
    401: errorResponses[401],
    403: errorResponses[403],
    404: errorResponses[404],
    409: error('Edited since, already undone, or the plan is archived.'),
  },
});
