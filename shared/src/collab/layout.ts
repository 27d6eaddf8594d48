/** The XmlFragment of a plan's Y.Doc that holds the prose TipTap edits. */
export const BODY_FRAGMENT = 'body';

/**
 * The root types of a plan's Y.Doc, by the layout version that added them. Each module that
 * reads or writes a root owns its accessors (measures/ydoc.ts, measures/progress.ts,
 * measures/report/evaluations.ts, measures/import/importLog.ts); this list is the one place
 * that says what a plan document may hold, and layout.test.ts checks the owners agree.
 *
 * Every change so far only ADDED roots, and every reader treats a missing root as empty, so
 * an older document loads as it is and needs no migration step; a change that moves or
 * reshapes data must add a version here with a step that converts it, and a test that a
 * document of the previous version still loads.
 *
 * - 1: the prose and the measure table (rows, projects, KPIs, settings, role cells).
 * - 2 (issue 14): 実施状況 per project and year, the annual reports' 評価・課題 (an index map
 *   plus one root-level Y.Text per key, named with EVALUATION_TEXT_ROOT_PREFIX; documents
 *   that held those texts inside the map still read), and the import memory.
 * - 3 (issue 16): suggestions for measure-table cells (measures/fieldSuggestions.ts); prose
 *   suggestions are marks in the body and need no root.
 */
export const PLAN_DOC_LAYOUT_VERSION = 3;

export const PLAN_DOC_ROOTS = {
  1: {
    body: BODY_FRAGMENT,
    measureNodes: 'measureNodes',
    measureProjects: 'measureProjects',
    measureKpis: 'measureKpis',
    measureSettings: 'measureSettings',
    roleActors: 'roleActors',
    roleCells: 'roleCells',
  },
  2: {
    measureProgress: 'measureProgress',
    reportEvaluations: 'reportEvaluations',
    measureImports: 'measureImports',
  },
  3: {
    measureSuggestions: 'measureSuggestions',
  },
} as const;

/** Prefix of the root-level Y.Text of each 評価・課題 (layout version 2): `reportEvaluation:2025|plan`. */
export const EVALUATION_TEXT_ROOT_PREFIX = 'reportEvaluation:';

/** Websocket path prefix; a document lives at `${COLLAB_PATH}/${docName}`. */
export const COLLAB_PATH = '/collab';

/** Document names are URL-safe so the stock y-websocket client can put them in a path unescaped. */
export const DOC_NAME_PATTERN = /^[a-z0-9][a-z0-9_-]{0,127}$/;

/** The document name of a plan's live draft. */
export function docNameForPlan(planId: string): string {
  return `plan-${planId}`;
}

/**
 * Prefix of a meeting's live minutes (議事録): a document of its own with ONE root, the prose
 * fragment BODY_FRAGMENT, in the plan's prose schema. Nothing else may be written to it.
 */
export const MINUTES_DOC_PREFIX = 'minutes-';

/** The document name of a meeting's live minutes. */
export function docNameForMinutes(meetingId: string): string {
  return `${MINUTES_DOC_PREFIX}${meetingId}`;
}

/** The meeting whose minutes a document name names, or null for any other document. */
export function meetingIdOfMinutesDoc(docName: string): string | null {
  return docName.startsWith(MINUTES_DOC_PREFIX) && docName.length > MINUTES_DOC_PREFIX.length ? docName.slice(MINUTES_DOC_PREFIX.length) : null;
}

/**
 * Close codes the server uses. 4400–4499 are permanent refusals: a client should stop
 * retrying. 4000–4099 ask the client to reconnect (with fresh credentials or access).
 */
export const CLOSE_CODES = {
  accessChanged: 4001,
  serverShutdown: 4002,
  /** The client did not read what it was sent fast enough; a reconnect starts afresh with one sync. */
  tooSlow: 4003,
  unauthenticated: 4401,
  forbidden: 4403,
  unknownDocument: 4404,
  originRejected: 4405,
  /** Too many malformed or refused messages: a broken or hostile client, not worth retrying. */
  abuse: 4408,
  /** Kept sending faster than the per-connection rate limits allow. */
  rateLimited: 4429,
} as const;

/** Whether a close code means "do not reconnect". */
export function isPermanentRefusal(code: number): boolean {
  return code >= 4400 && code <= 4499;
}
