import { createRoute } from '@hono/zod-openapi';
import { ApiErrorBody, OkResponse } from '@sakutei/shared';
import { progressEntrySchema } from '@sakutei/shared/measures';
import { z } from 'zod';
import { cookieAuth, errorResponses, json } from '../openapi';
import { PlanParams } from '../plans/schema';

export const PlacementProgressParams = PlanParams.extend({
  nodeId: z.string().min(1).max(64),
  fiscalYear: z.coerce.number().int().min(1868).max(2200),
});

/** One year's 実施状況 of a project placement; null clears it. */
export const RecordProgressRequest = z.object({ entry: progressEntrySchema.nullable() });
export type RecordProgressRequest = z.infer<typeof RecordProgressRequest>;

export const recordProgressRoute = createRoute({
  method: 'put',
  path: '/api/plans/{id}/placements/{nodeId}/progress/{fiscalYear}',
  tags: ['measures'],
  summary: "Records one fiscal year's 実施状況 of a project placement (staff, who hold no edit access to the document, and editors).",
  description:
    'Applied to the live document as a server edit, so every open client sees it at once. `status` is one of implemented (実施), partial (一部実施), notImplemented (未実施), completed (完了), suspended (休止); `note` is free text; `figure` an optional number with its unit. The year must be one of the plan\'s actual years (計画の設定); `{ "entry": null }` clears the year, whichever it is.',
  security: cookieAuth,
  request: {
    params: PlacementProgressParams,
    body: { content: { 'application/json': { schema: RecordProgressRequest } }, required: true },
  },
  responses: {
    200: json(OkResponse, 'Recorded.'),
    400: errorResponses[400],
    401: errorResponses[401],
    403: errorResponses[403],
    404: errorResponses[404],
    409: json(ApiErrorBody, 'The edition is archived, or its council is: read-only.'),
  },
});
