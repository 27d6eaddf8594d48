import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { busyResponses, cookieAuth, errorResponses } from '../openapi';
import { MeetingParams } from './schema';

/** The six files a meeting hands out: 次第, 出席者名簿 and 議事録, each as Word or as a page to print. */
export const MEETING_EXPORT_FILES = ['agenda.docx', 'agenda.html', 'attendance.docx', 'attendance.html', 'minutes.docx', 'minutes.html'] as const;
export type MeetingExportFile = (typeof MEETING_EXPORT_FILES)[number];

const ExportParams = MeetingParams.extend({
  file: z.enum(MEETING_EXPORT_FILES).openapi({ description: 'agenda (次第), attendance (出席者名簿) or minutes (議事録), .docx or .html.' }),
});

const ExportQuery = z.object({
  names: z
    .enum(['asSpoken', 'anonymised'])
    .optional()
    .openapi({
      description:
        'Minutes only (ignored by the others): `asSpoken` prints names as written; `anonymised` keeps 座長, 副座長 and 事務局 and writes every other person 委員A, 委員B … in order of first appearance, and lists attendance as counts. Default: the minutes\' publication setting.',
    }),
});

export const meetingExportRoute = createRoute({
  method: 'get',
  path: '/api/workspaces/{id}/meetings/{meetingId}/exports/{file}',
  tags: ['meetings'],
  summary: "A meeting's 次第, 出席者名簿 or 議事録 as a Word file or a printable HTML page, in the 官公庁 layout.",
  description:
    "Always an attachment (Content-Disposition with an ASCII filename and a UTF-8 filename*, e.g. 令和8年度 第1回_次第.docx), with X-Content-Type-Options: nosniff, Cache-Control: private, no-store, and for HTML a Content-Security-Policy that runs no script. The 次第 and the 名簿: members, the vice chair, the chair and staff (meetings.read). The 議事録: once the chair has confirmed it, the same readers; before that only staff and the chair (meetings.manage), marked 「（案）」; others 403. Observers and other councils get 404. Rendered on the heavy-work threads (429 / 503 as for the other documents).",
  security: cookieAuth,
  request: { params: ExportParams, query: ExportQuery },
  responses: {
    200: {
      description: 'The document.',
      content: {
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document': { schema: z.string().openapi({ format: 'binary' }) },
        'text/html': { schema: z.string() },
      },
    },
    400: errorResponses[400],
    401: errorResponses[401],
    403: errorResponses[403],
    404: errorResponses[404],
    ...busyResponses,
  },
});
