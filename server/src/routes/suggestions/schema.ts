import { createRoute } from '@hono/zod-openapi';
import {
  ApiErrorBody,
  CouncilSuggestionSettings,
  MAX_SUGGESTION_DECISIONS,
  SuggestionDecisionRequest,
  SuggestionDecisionResponse,
  SuggestionHistoryQuery,
  SuggestionHistoryResponse,
} from '@sakutei/shared';
import { MAX_BLOCK_CHANGES_PER_DECISION } from '@sakutei/shared/editor';
import { z } from 'zod';
import { cookieAuth, errorResponses, json } from '../openapi';
import { PlanParams } from '../plans/schema';

const WorkspaceParams = z.object({ id: z.string().min(1).max(64) });

export const decideSuggestionsRoute = createRoute({
  method: 'post',
  path: '/api/plans/{id}/suggestions/decisions',
  tags: ['suggestions'],
  summary: 'Accepts or rejects suggestions (見え消し) on the live draft.',
  description: `Applied by the server to the live document as one change, so every open editor sees it. Accepting removes the struck text and keeps the proposed text, makes proposed paragraph and line breaks, joins and block types, and applies proposed formatting; rejecting removes the proposed text and keeps the struck text; accepting a suggestion rejects those that competed with it for the same words (\`resolved\`, with \`conflictOf\`). The same ids may name cell suggestions of the measure table (entries of \`measureSuggestions\`: a proposed value for a row's text, a KPI's words or figures): accepting writes the value into the cell and rejects the other proposals for that cell; rejecting leaves the cell as it is; prose and cell suggestions of one request are one change. For a cell, \`inserted\` and \`deleted\` are the proposed and the replaced value as the table prints them (a figure with the KPI's unit), and the audit entry names the cell (\`cell: { kind, id, field }\`). Ids the draft no longer holds (decided meanwhile) come back in \`missing\`, not as an error. At most ${MAX_SUGGESTION_DECISIONS} ids a request: the client expands "all by one author", "all in a section" and "all" into ids. Who may: editors (\`suggestion.decide\`), or, when the council keeps it for the chair, the chair and a vice chair the chair delegated on the plan's open review. Each decision is stored with the text it accepted or rejected, and recorded in the audit log as \`suggestion.accepted\` / \`suggestion.rejected\` in the same transaction.`,
  security: cookieAuth,
  request: { params: PlanParams, body: { content: { 'application/json': { schema: SuggestionDecisionRequest } }, required: true } },
  responses: {
    200: json(SuggestionDecisionResponse, 'What was decided, what was resolved with it, and which ids were no longer there.'),
    400: errorResponses[400],
    401: errorResponses[401],
    403: errorResponses[403],
    404: errorResponses[404],
    409: json(ApiErrorBody, 'The plan is an archived edition or its council is archived (read-only), or (unreadable_document) its prose cannot be read back safely.'),
    413: json(ApiErrorBody, `(decision_too_large) Accepting would make more than ${MAX_BLOCK_CHANGES_PER_DECISION} proposed paragraph or line breaks and joins at once: decide fewer, or reject the suggestion that proposes so many.`),
  },
});

export const suggestionHistoryRoute = createRoute({
  method: 'get',
  path: '/api/plans/{id}/suggestions/decisions',
  tags: ['suggestions'],
  summary: "The plan's decided suggestions, newest first, with the wording each proposed (rejected wording is kept here).",
  description: 'For the council and its secretariat (those who read the draft). A page holds up to 100; pass `nextCursor` as `cursor` for the next.',
  security: cookieAuth,
  request: { params: PlanParams, query: SuggestionHistoryQuery },
  responses: {
    200: json(SuggestionHistoryResponse, 'One page of decisions.'),
    400: errorResponses[400],
    401: errorResponses[401],
    403: errorResponses[403],
    404: errorResponses[404],
  },
});

export const getSuggestionSettingsRoute = createRoute({
  method: 'get',
  path: '/api/workspaces/{id}/suggestion-settings',
  tags: ['suggestions'],
  summary: 'Who decides suggestions in this council: `editors` (the default) or `chair`.',
  security: cookieAuth,
  request: { params: WorkspaceParams },
  responses: { 200: json(CouncilSuggestionSettings, 'The council setting.'), 401: errorResponses[401], 404: errorResponses[404] },
});

export const setSuggestionSettingsRoute = createRoute({
  method: 'put',
  path: '/api/workspaces/{id}/suggestion-settings',
  tags: ['suggestions'],
  summary: 'Sets who decides suggestions in this council.',
  description:
    '`editors`: every member, vice chair and the chair. `chair`: the chair, and a vice chair the chair delegated on a plan\'s open review. Staff and the chair of the council change it; recorded in the audit log as `council.suggestionDecidersChanged`.',
  security: cookieAuth,
  request: { params: WorkspaceParams, body: { content: { 'application/json': { schema: CouncilSuggestionSettings } }, required: true } },
  responses: {
    200: json(CouncilSuggestionSettings, 'The setting as now stored.'),
    400: errorResponses[400],
    401: errorResponses[401],
    403: errorResponses[403],
    404: errorResponses[404],
    409: json(ApiErrorBody, 'The council is archived.'),
  },
});
