import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { busyResponses, cookieAuth, errorResponses } from '../openapi';
import { PlanParams } from '../plans/schema';

const RevisionParams = z.object({ revisionId: z.string().min(1).max(64) });

export const ReportQuery = z.object({
  fiscalYear: z.coerce
    .number()
    .int()
    .min(1868)
    .max(2200)
    .openapi({ description: 'The fiscal year reported on, as its western start year (令和7年度 = 2025).', example: 2025 }),
  format: z.enum(['docx', 'html']).openapi({ description: '`docx`: a Word file (attachment); `html`: a printable A4 page.' }),
});

const reportResponse = {
  description: 'The report: DOCX as an attachment, or a printable A4 HTML page.',
  content: {
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document': { schema: z.string().openapi({ format: 'binary' }) },
    'text/html': { schema: z.string() },
  },
};
const errors = { 400: errorResponses[400], 401: errorResponses[401], 403: errorResponses[403], 404: errorResponses[404] };

export const planReportRoute = createRoute({
  method: 'get',
  path: '/api/plans/{id}/report',
  tags: ['report'],
  summary: "The annual progress report (進捗状況報告) of the live draft for one fiscal year: each level's roll-up and 評価・課題, each KPI's figures, grade and chart, each project's 実施状況.",
  description: 'For those who read the draft (not observers, who read the report of a revision shown to them).',
  security: cookieAuth,
  request: { params: PlanParams, query: ReportQuery },
  responses: { 200: reportResponse, ...errors, ...busyResponses },
});

export const revisionReportRoute = createRoute({
  method: 'get',
  path: '/api/revisions/{revisionId}/report',
  tags: ['report'],
  summary: 'The annual progress report of a frozen revision: what was frozen, 評価・課題 included, as it was approved or is under review.',
  security: cookieAuth,
  request: { params: RevisionParams, query: ReportQuery },
  responses: { 200: reportResponse, ...errors, ...busyResponses },
});
