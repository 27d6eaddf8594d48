import { OpenAPIHono } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { secureHeaders } from 'hono/secure-headers';
import { MAX_SPREADSHEET_BYTES } from '@sakutei/shared';
import type { AppDeps, AppEnv } from './env';
import { AppError, errorResponse, unreadableBody } from './errors';
import { heavyWorkLimits } from './middleware/heavyWork';
import { originCheck } from './middleware/originCheck';
import { SESSION_COOKIE, session } from './middleware/session';
import { routePreloads, staticClient } from './middleware/staticClient';
import { adminRoutes } from './routes/admin/admin';
import { authRoutes } from './routes/auth/auth';
import { commentRoutes } from './routes/comments/comments';
import { measureRoutes } from './routes/measures/measures';
import { measureImportRoutes } from './routes/measureImport/measureImport';
import { progressRoutes } from './routes/progress/progress';
import { planSettingsRoutes } from './routes/settings/settings';
import { memberRoutes } from './routes/members/members';
import { invitationRoutes } from './routes/invitations/invitations';
import { accountRoutes } from './routes/account/account';
import { planRoutes } from './routes/plans/plans';
import { notificationSettingsRoutes } from './routes/notifications/notifications';
import { revisionRoutes } from './routes/revisions/revisions';
import { suggestionRoutes } from './routes/suggestions/suggestions';
import { meetingCalendarRoutes } from './routes/meetings/calendar';
import { meetingDecisionRoutes } from './routes/meetings/decisions';
import { meetingExportRoutes } from './routes/meetings/exports';
import { meetingRoutes } from './routes/meetings/meetings';
import { meetingMaterialRoutes } from './routes/meetings/materials';
import { meetingMinutesRoutes } from './routes/meetings/minutes';
import { reportRoutes } from './routes/report/report';
import { setupRoutes } from './routes/setup/setup';
import { oidcRoutes } from './routes/oidc/oidc';

export const API_BODY_LIMIT_BYTES = 64 * 1024;
/** Spreadsheet uploads arrive base64-encoded in JSON: 2 MiB of file plus a third. */
const SPREADSHEET_BODY_LIMIT_BYTES = Math.ceil((MAX_SPREADSHEET_BYTES * 4) / 3) + 1024;
/** The routes that take a table: a workbook read for the preview, and the measure-table import (text or workbook). */
const SPREADSHEET_PATHS = /^\/api\/plans\/[^/]+\/(spreadsheets\/rows|import\/(preview|apply))$/;
/** A meeting material's upload: raw bytes, up to the configured size (counted while streaming). */
const MATERIAL_UPLOAD_PATH = /^\/api\/workspaces\/[^/]+\/meetings\/[^/]+\/materials$/;

function limitBodies(maxSize: number) {
  return bodyLimit({
    maxSize,
    onError: () => {
      throw new AppError(413, 'payload_too_large', `Request bodies are limited to ${maxSize} bytes.`);
    },
  });
}

/** Composes the HTTP app: security middleware, the JSON API, the OpenAPI document, the websocket route and the client. */
export function createApp(deps: AppDeps) {
  const app = new OpenAPIHono<AppEnv>({
    defaultHook: (result, c) => {
      // A required JSON body sent with no content type and no bytes reaches here as `{}`; a
      // route whose fields are all optional would otherwise take nothing for an empty body.
      if (result.target === 'json' && !/^application\/([a-z-.]+\+)?json/i.test(c.req.header('content-type') ?? '')) {
        throw unreadableBody('This request needs a JSON body, sent with Content-Type: application/json.');
      }
      if (!result.success) {
        const first = result.error.issues[0];
        const where = first?.path.length ? `${first.path.join('.')}: ` : '';
        throw new AppError(400, 'invalid_request', `${where}${first?.message ?? 'invalid request'}`);
      }
    },
  });
  app.onError(errorResponse);
  const appHeaders = secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      // TipTap positions carets and React sets widths with inline styles; no inline script is allowed.
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:'],
      connectSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
    referrerPolicy: 'same-origin',
  });
  // A response that names its own policy keeps it: an uploaded file served with `sandbox` must
  // not get the app's policy, which would let it run as a page of this origin.
  app.use('*', async (c, next) => {
    let own: string | null = null;
    await appHeaders(c, async () => {
      await next();
      own = c.res.headers.get('content-security-policy');
    });
    if (own) c.res.headers.set('content-security-policy', own);
  });

  app.get('/healthz', (c) => c.json({ ok: true }));

  const apiLimit = limitBodies(API_BODY_LIMIT_BYTES);
  const spreadsheetLimit = limitBodies(SPREADSHEET_BODY_LIMIT_BYTES);
  const materialLimit = limitBodies(deps.config.materialMaxBytes);
  const limitFor = (path: string) => (SPREADSHEET_PATHS.test(path) ? spreadsheetLimit : MATERIAL_UPLOAD_PATH.test(path) ? materialLimit : apiLimit);
  app.use(
    '/api/*',
    (c, next) => limitFor(c.req.path)(c, next),
    originCheck({ extraOrigins: deps.config.allowedOrigins }),
    session({ accounts: deps.storage.accounts, demoMode: deps.config.demo, secureCookies: deps.config.secureCookies }),
  );
  // After the session: the limit is per person.
  app.use('/api/*', heavyWorkLimits({ perUser: deps.config.work.perUser, perMinute: deps.config.work.perMinute }));
  authRoutes(deps, app);
  planRoutes(deps, app);
  memberRoutes(deps, app);
  invitationRoutes(deps, app);
  accountRoutes(deps, app);
  measureRoutes(deps, app);
  measureImportRoutes(deps, app);
  progressRoutes(deps, app);
  planSettingsRoutes(deps, app);
  commentRoutes(deps, app);
  revisionRoutes(deps, app);
  suggestionRoutes(deps, app);
  meetingRoutes(deps, app);
  meetingMaterialRoutes(deps, app);
  meetingDecisionRoutes(deps, app);
  meetingMinutesRoutes(deps, app);
  meetingExportRoutes(deps, app);
  meetingCalendarRoutes(deps, app);
  reportRoutes(deps, app);
  notificationSettingsRoutes(deps, app);
  setupRoutes(deps, app);
  oidcRoutes(deps, app);
  adminRoutes(deps, app);

  app.openAPIRegistry.registerComponent('securitySchemes', 'sessionCookie', {
    type: 'apiKey',
    in: 'cookie',
    name: SESSION_COOKIE,
  });
  app.doc31('/api/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Sakutei API',
      version: '0.1.0',
      description:
        'Councils, plans and sessions. Live documents are edited over the y-websocket protocol at `/collab/{docName}` (session cookie or `?token=` from the collab-token route).',
    },
  });
  app.all('/api/*', () => {
    throw new AppError(404, 'not_found', 'No such API route.');
  });

  // The websocket route /collab/:docName is served beside this app (collab/upgrade.ts).
  // Last: hashed assets pre-compressed and immutable, index.html for every other GET. A plan's
  // page names the editor's chunk up front, so that it downloads beside the entry, not after.
  const clientDir = deps.config.clientDir;
  const preloads = routePreloads(clientDir, [{ path: /^\/plans\/[^/]+\/?$/, chunk: 'PlanPage' }]);
  app.use('*', staticClient({ root: clientDir, headFor: preloads }));
  return app;
}
