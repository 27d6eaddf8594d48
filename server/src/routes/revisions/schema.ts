import { createRoute } from '@hono/zod-openapi';
import {
  AuditQuery,
  AuditResponse,
  CALENDARS,
  COMPARE_ORDERS,
  CompareQuery,
  CompareResponse,
  FreezeRevisionRequest,
  OkResponse,
  OpenReviewRequest,
  ReviewDecisionRequest,
  RevisionContentResponse,
  RevisionResponse,
  RevisionsResponse,
  SUGGESTION_VIEWS,
} from '@sakutei/shared';
import { z } from 'zod';
import { busyResponses, cookieAuth, errorResponses, json } from '../openapi';
import { PlanParams } from '../plans/schema';

const RevisionParams = z.object({ revisionId: z.string().min(1).max(64) });
const body = <T>(schema: T) => ({ content: { 'application/json': { schema } }, required: true });
const calendar = z
  .enum(CALENDARS)
  .default('wareki')
  .openapi({ description: 'Dates and fiscal years in 和暦 (令和7年12月6日, the default) or 西暦 (2025年12月6日).' });
const DocumentFormat = z.object({ format: z.enum(['docx', 'html']), calendar });
/** Pending suggestions (見え消し): left out by default, as if each were rejected. */
const SuggestionsQuery = z.object({
  suggestions: z
    .enum(SUGGESTION_VIEWS)
    .default('clean')
    .openapi({
      description:
        '`clean` (the default): the wording adopted so far, as if every pending suggestion were rejected. `markup`: pending suggestions shown as 見え消し (struck-through removals, underlined additions, with a legend of their authors); in a DOCX, as Word tracked changes (`w:ins` / `w:del` with the author\'s name and time) that Word can accept or reject. A revision\'s `markup` export also lists the measure table\'s cell proposals pending when it was frozen, under 表の変更提案 after the prose (cell, current → proposed value, proposer, date); `clean` leaves them out. In a 新旧対照表, the newer side\'s suggestions.',
    }),
});
/** Which side of the 新旧対照表 stands on the left: 改正後 (new) as in 法令 tables, or 改正前 (old). */
const CompareLayout = z.object({
  order: z.enum(COMPARE_ORDERS).default('new-old').openapi({ description: '`new-old`: 改正後 on the left (the default); `old-new`: 改正前 on the left.' }),
});
const documentResponse = {
  description: 'The document: DOCX as an attachment, or a printable HTML page.',
  content: {
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document': { schema: z.string().openapi({ format: 'binary' }) },
    'text/html': { schema: z.string() },
  },
};
const errors = { 400: errorResponses[400], 401: errorResponses[401], 403: errorResponses[403], 404: errorResponses[404] };
const conflict = json(
  z.object({ error: z.object({ code: z.string(), message: z.string() }) }),
  'The review is not in a state that allows this, the hash is stale, or (unreadable_revision) the revision cannot be read back and so cannot be approved.',
);
const unreadable = json(
  z.object({ error: z.object({ code: z.string(), message: z.string() }) }),
  'unreadable_document: the draft holds content that would not read back as a revision (prose nested deeper than the editor allows, names the prose schema lacks); nothing is frozen.',
);

export const listRevisionsRoute = createRoute({
  method: 'get',
  path: '/api/plans/{id}/revisions',
  tags: ['revisions'],
  summary: "The plan's frozen revisions with their review (observers: approved ones and those they are invited to).",
  security: cookieAuth,
  request: { params: PlanParams },
  responses: { 200: json(RevisionsResponse, 'Revisions, oldest first.'), 401: errorResponses[401], 404: errorResponses[404] },
});

export const freezeRevisionRoute = createRoute({
  method: 'post',
  path: '/api/plans/{id}/revisions',
  tags: ['revisions'],
  summary: "Freezes the draft's whole state (prose and measure tables) as a revision with a name and stage (staff, chair).",
  description: 'Stores the encoded Y.Doc state, its canonical JSON rendering and the SHA-256 of that rendering. A revision never changes.',
  security: cookieAuth,
  request: { params: PlanParams, body: body(FreezeRevisionRequest) },
  responses: { 201: json(RevisionResponse, 'The new revision.'), ...errors, 422: unreadable },
});

export const getRevisionRoute = createRoute({
  method: 'get',
  path: '/api/revisions/{revisionId}',
  tags: ['revisions'],
  summary: 'A revision with its frozen content (snapshot and Y.Doc state).',
  security: cookieAuth,
  request: { params: RevisionParams },
  responses: { 200: json(RevisionContentResponse, 'The revision.'), 401: errorResponses[401], 404: errorResponses[404] },
});

export const openReviewRoute = createRoute({
  method: 'post',
  path: '/api/revisions/{revisionId}/review',
  tags: ['revisions'],
  summary: 'Opens the review of a revision (staff, chair); the chair may delegate the decision to a vice chair, and observers may be invited.',
  security: cookieAuth,
  request: { params: RevisionParams, body: body(OpenReviewRequest) },
  responses: { 200: json(RevisionResponse, 'The revision under review.'), ...errors, 409: conflict },
});

export const decideReviewRoute = createRoute({
  method: 'post',
  path: '/api/revisions/{revisionId}/decision',
  tags: ['revisions'],
  summary: "Approves (naming the revision's SHA-256) or requests changes (with a reason): the chair, or the vice chair delegated to.",
  description:
    "Taken in a meeting (issue 17): name `meetingId` and `agendaItemId` (both or neither). The meeting must be of the revision's council and scheduled or held (409 minutes_confirmed otherwise), the agenda item must link this revision (400 invalid_agenda_item; another council's meeting 400 invalid_meeting), and the meeting must have its quorum (409 quorum_not_met). The decision is then also the meeting's (kind reviewApproved / reviewReturned, audit `meeting.decision.add`, the review's entry names the meeting) and the revision answers `decidedInMeeting`.",
  security: cookieAuth,
  request: { params: RevisionParams, body: body(ReviewDecisionRequest) },
  responses: { 200: json(RevisionResponse, 'The decided revision.'), ...errors, 409: conflict },
});

export const withdrawReviewRoute = createRoute({
  method: 'post',
  path: '/api/revisions/{revisionId}/withdraw',
  tags: ['revisions'],
  summary: 'Withdraws a revision from review (staff, chair).',
  security: cookieAuth,
  request: { params: RevisionParams },
  responses: { 200: json(RevisionResponse, 'The withdrawn revision.'), ...errors, 409: conflict },
});

export const restoreRevisionRoute = createRoute({
  method: 'post',
  path: '/api/revisions/{revisionId}/restore',
  tags: ['revisions'],
  summary: "Starts the draft again from a revision's content, as a new change on top of its history (editors).",
  security: cookieAuth,
  request: { params: RevisionParams },
  responses: { 200: json(OkResponse, 'Restored.'), ...errors },
});

export const exportRevisionRoute = createRoute({
  method: 'get',
  path: '/api/revisions/{revisionId}/export',
  tags: ['revisions'],
  summary: 'A revision as DOCX or a printable HTML page: the prose, the whole 施策・事業・担当 table and the 成果指標一覧.',
  security: cookieAuth,
  request: { params: RevisionParams, query: DocumentFormat.merge(SuggestionsQuery) },
  responses: { 200: documentResponse, ...errors, ...busyResponses },
});

export const compareRoute = createRoute({
  method: 'get',
  path: '/api/plans/{id}/compare',
  tags: ['revisions'],
  summary: '新旧対照表 between two revisions, or a revision and the draft (`draft`): prose blocks with changed parts, and the measure table row by row.',
  security: cookieAuth,
  request: { params: PlanParams, query: CompareQuery.merge(SuggestionsQuery) },
  responses: { 200: json(CompareResponse, 'The comparison.'), ...errors, ...busyResponses },
});

export const exportCompareRoute = createRoute({
  method: 'get',
  path: '/api/plans/{id}/compare/export',
  tags: ['revisions'],
  summary: 'The 新旧対照表 as DOCX or a printable HTML page (landscape A4, 改正後 on the left unless `order=old-new`).',
  security: cookieAuth,
  request: { params: PlanParams, query: CompareQuery.merge(DocumentFormat).merge(CompareLayout).merge(SuggestionsQuery) },
  responses: { 200: documentResponse, ...errors, ...busyResponses },
});

export const auditRoute = createRoute({
  method: 'get',
  path: '/api/plans/{id}/audit',
  tags: ['revisions'],
  summary: "The plan's entries of the hash-chained audit log (reviews, approvals, thread resolutions) and its council's role changes, newest first, with whether the chain verifies.",
  description:
    'One page at a time: `limit` entries (1–500, default 100) numbered below `before`; the response\'s `next` is the `before` of the following page, null on the last. `head` is the newest entry of the whole log, to be kept outside (`pnpm cli audit verify --head HASH` checks it later).',
  security: cookieAuth,
  request: { params: PlanParams, query: AuditQuery },
  responses: { 200: json(AuditResponse, 'The log.'), ...errors },
});
