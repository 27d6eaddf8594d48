import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppDeps, AppEnv } from '../../env';
import type { MeetingDocumentKind } from '../../services/export/meetingModel';
import { type ExportFormat, meetingExportService } from '../../services/meetingExports';
import { DOCX_TYPE, attachment } from '../downloads';
import { requireUser } from '../guards';
import { type MeetingExportFile, meetingExportRoute } from './exportsSchema';

/**
 * Headers of a meeting document handed out: always an attachment, never sniffed, never kept
 * by a shared cache. A printed page runs no script and loads nothing (its style is inline), so
 * even opened from the app's origin it can do nothing but show itself.
 */
const exportHeaders = (format: ExportFormat, fileName: string, asciiName: string) => ({
  'content-type': format === 'docx' ? DOCX_TYPE : 'text/html; charset=utf-8',
  'content-disposition': attachment(fileName, asciiName),
  'x-content-type-options': 'nosniff',
  'cache-control': 'private, no-store',
  ...(format === 'html' ? { 'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'; sandbox" } : {}),
});

const split = (file: MeetingExportFile) => file.split('.') as [MeetingDocumentKind, ExportFormat];

/** A meeting's documents for paper (issue 17 item 7): 次第, 出席者名簿, 議事録. */
export function meetingExportRoutes(deps: AppDeps, app: OpenAPIHono<AppEnv>) {
  const exports = meetingExportService(deps);
  return app.openapi(meetingExportRoute, async (c) => {
    const { id, meetingId, file } = c.req.valid('param');
    const [kind, format] = split(file);
    const made = await exports.render(requireUser(c), id, meetingId, kind, format, c.req.valid('query').names);
    return c.body(made.body, 200, exportHeaders(format, made.fileName, made.asciiName));
  });
}
