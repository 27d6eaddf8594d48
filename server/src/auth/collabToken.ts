import { createHmac, timingSafeEqual } from 'node:crypto';
import { DOC_ACCESS, type DocAccess } from '@sakutei/shared';
import { z } from 'zod';

/**
 * A collab token lets a non-browser client open one document's websocket with one access
 * level until it expires. It is signed, not stored: the server secret makes it unforgeable,
 * and the upgrade still checks the holder's current membership.
 */
export type CollabGrant = {
  userId: string;
  /** The session that asked for the token: ending it (sign-out) also closes sockets opened with it. */
  sessionId: string;
  docName: string;
  access: DocAccess;
  expiresAt: number;
};

const Payload = z.object({ u: z.string(), s: z.string(), d: z.string(), a: z.enum(DOC_ACCESS), e: z.number() });

// Node's own HMAC and base64url: every socket a meeting opens verifies a token, and the
// pure-JavaScript versions cost more than the rest of the upgrade's authentication.
const mac = (secret: Uint8Array, payload: Buffer) => createHmac('sha256', secret).update(payload).digest();

/** base64url without padding, strictly: Node's decoder skips characters it does not know. */
function decodeBase64url(text: string): Buffer | null {
  const bytes = Buffer.from(text, 'base64url');
  return bytes.toString('base64url') === text ? bytes : null;
}

export function signCollabToken(secret: Uint8Array, grant: CollabGrant): string {
  const payload = Buffer.from(JSON.stringify({ u: grant.userId, s: grant.sessionId, d: grant.docName, a: grant.access, e: grant.expiresAt }));
  return `${payload.toString('base64url')}.${mac(secret, payload).toString('base64url')}`;
}

/** The grant a token carries, or null when it is malformed, forged or expired. */
export function verifyCollabToken(secret: Uint8Array, token: string, now = Date.now()): CollabGrant | null {
  const [payloadPart, macPart, extra] = token.split('.');
  if (!payloadPart || !macPart || extra !== undefined || token.length > 2048) return null;
  try {
    const payload = decodeBase64url(payloadPart);
    const given = decodeBase64url(macPart);
    if (!payload || !given) return null;
    const expected = mac(secret, payload);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
    const parsed = Payload.safeParse(JSON.parse(payload.toString('utf8')));
    if (!parsed.success || now >= parsed.data.e) return null;
    const { u, s, d, a, e } = parsed.data;
    return { userId: u, sessionId: s, docName: d, access: a, expiresAt: e };
  } catch {
    return null;
  }
}
