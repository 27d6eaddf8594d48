import { createRoute } from '@hono/zod-openapi';
import {
  MeasureExportQuery,
  MeasureTableResponse,
  OkResponse,
  RecordActualRequest,
  SpreadsheetRowsRequest,
  SpreadsheetRowsResponse,
} from '@sakutei/shared';
import { z } from 'zod';
import { busyResponses, cookieAuth, errorResponses, json } from '../openapi';
import { PlanParams } from '../plans/schema';

export const getMeasuresRoute = createRoute({
  method: 'get',
  path: '/api/plans/{id}/measures',
  tags: ['measures'],
  summary: "The plan's measure table as plain data: rows, projects, KPIs, role matrix and settings.",
  description: 'Read from the live document; numbers (1, (1), ①, ⑳) are derived from position by the client.',
  security: cookieAuth,
  request: { params: PlanParams },
  responses: {
    200: json(MeasureTableResponse, 'The measure table.'),
    401: errorResponses[401],
    403: errorResponses[403],
    404: errorResponses[404],
  },
});

export const exportMeasuresRoute = createRoute({
  method: 'get',
  path: '/api/plans/{id}/measures/export',
  tags: ['measures'],
  summary: 'The 成果指標一覧 (table=kpis) or the measure table (table=measures) as CSV (UTF-8 with BOM) or XLSX.',
  security: cookieAuth,
  request: { params: PlanParams, query: MeasureExportQuery },
  responses: {
    200: {
      description: 'The file, as an attachment.',
      content: {
        'text/csv': { schema: z.string() },
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
          schema: z.string().openapi({ format: 'binary' }),
        },
      },
    },
    400: errorResponses[400],
    401: errorResponses[401],
    403: errorResponses[403],
    404: errorResponses[404],
    ...busyResponses,
  },
});

export const KpiActualParams = PlanParams.extend({
  kpiId: z.string().min(1).max(64),
  fiscalYear: z.coerce.number().int().min(1868).max(2200),
});

export const recordActualRoute = createRoute({
  method: 'put',
  path: '/api/plans/{id}/kpis/{kpiId}/actuals/{fiscalYear}',
  tags: ['measures'],
  summary: "Records one fiscal year's actual of a KPI (staff, who hold no edit access to the document, and editors).",
  description:
    'Applied to the live document as a server edit, so every open client sees it at once. `{ kind: "blank" }` clears the cell (not yet due); `none` is —, `withheld` is X; a number may carry `sub` (the 11 of 7社（11人）). A qualitative KPI (均衡, 実施) is judged, not measured: `{ kind: "judgement", met, note }` records the year as 達成 / 未達成 with a note. 400 `fiscal_year_not_tracked` when the year is not one of the plan\'s actual years (計画の設定) and `unknown_component` when `parts` names a component the KPI does not have; the message names the allowed years or components. Clearing (`blank`) is accepted for any year.',
  security: cookieAuth,
  request: { params: KpiActualParams, body: { content: { 'application/json': { schema: RecordActualRequest } }, required: true } },
  responses: {
    200: json(OkResponse, 'Recorded.'),
    400: errorResponses[400],
    401: errorResponses[401],
    403: errorResponses[403],
    404: errorResponses[404],
  },
});

export const spreadsheetRowsRoute = createRoute({
  method: 'post',
  path: '/api/plans/{id}/spreadsheets/rows',
  tags: ['measures'],
  summary: 'Reads the first sheet of an XLSX file (base64) into rows of cell text, for the import preview.',
  description:
    'Nothing is stored: the client shows the parsed rows and their problems, and applies them only when the user confirms. At most 2 MiB, unpacking to at most 20 MB in 1,000 parts; only the first sheet is read, up to its 2,001st row (one past the import limit) and 100 columns (a filled cell further right is 400 spreadsheet_too_large).',
  security: cookieAuth,
  request: { params: PlanParams, body: { content: { 'application/json': { schema: SpreadsheetRowsRequest } }, required: true } },
  responses: {
    200: json(SpreadsheetRowsResponse, 'The rows.'),
    400: errorResponses[400],
    401: errorResponses[401],
    403: errorResponses[403],
    404: errorResponses[404],
    ...busyResponses,
  },
});
