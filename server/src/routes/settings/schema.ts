import { createRoute } from '@hono/zod-openapi';
import { ApiErrorBody, PlanSettingsRequest, PlanSettingsResponse } from '@sakutei/shared';
import { cookieAuth, errorResponses, json } from '../openapi';
import { PlanParams } from '../plans/schema';

export const updatePlanSettingsRoute = createRoute({
  method: 'patch',
  path: '/api/plans/{id}/settings',
  tags: ['measures'],
  summary: "Changes the plan's settings (計画の設定): levels and their numbering, fiscal-year columns, baseline and target year, grade rules, the default KPI direction, the role-matrix level and actors.",
  description:
    "Staff and the chair (`plan.manage`). The settings live in the plan's document, so the change is applied to the live document as a server edit, in one transaction: every open client re-labels its views at once, and a revision frozen afterwards keeps these settings (one frozen before keeps its own). Only the named fields change; the result is validated as a whole (1–8 levels, 1–20 distinct fiscal years oldest first, the target year one of them and after the baseline year, 1–10 grade rules with distinct grades and thresholds in the order they are tried, at most 30 actors). Anything invalid is 400 with the reason, and nothing is written. Recorded in the audit log as `plan.settingsChanged`.",
  security: cookieAuth,
  request: { params: PlanParams, body: { content: { 'application/json': { schema: PlanSettingsRequest } }, required: true } },
  responses: {
    200: json(PlanSettingsResponse, 'The settings as now written, and which of them changed.'),
    400: errorResponses[400],
    401: errorResponses[401],
    403: errorResponses[403],
    404: errorResponses[404],
    409: json(ApiErrorBody, 'The plan is an archived edition, or its council is archived: read-only.'),
  },
});
