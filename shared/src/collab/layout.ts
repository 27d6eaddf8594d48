/** The XmlFragment of a plan's Y.Doc that holds the prose TipTap edits. */
export const BODY_FRAGMENT = 'body';

/** Websocket path prefix; a document lives at `${COLLAB_PATH}/${docName}`. */
export const COLLAB_PATH = '/collab';

/** Document names are URL-safe so the stock y-websocket client can put them in a path unescaped. */
export const DOC_NAME_PATTERN = /^[a-z0-9][a-z0-9_-]{0,127}$/;

/** The document name of a plan's live draft. */
export function docNameForPlan(planId: string): string {
  return `plan-${planId}`;
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
