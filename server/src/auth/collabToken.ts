import { hmac } from '@oslojs/crypto/hmac';
import { SHA256 } from '@oslojs/crypto/sha2';
import { constantTimeEqual } from '@oslojs/crypto/subtle';
import { decodeBase64urlIgnorePadding, encodeBase64urlNoPadding } from '@oslojs/encoding';
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
const encoder = new TextEncoder();

export function signCollabToken(secret: Uint8Array, grant: CollabGrant): string {
  const payload = encoder.encode(JSON.stringify({ u: grant.userId, s: grant.sessionId, d: grant.docName, a: grant.access, e: grant.expiresAt }));
  return `${encodeBase64urlNoPadding(payload)}.${encodeBase64urlNoPadding(hmac(SHA256, secret, payload))}`;
}

/** The grant a token carries, or null when it is malformed, forged or expired. */
export function verifyCollabToken(secret: Uint8Array, token: string, now = Date.now()): CollabGrant | null {
  const [payloadPart, macPart, extra] = token.split('.');
  if (!payloadPart || !macPart || extra !== undefined || token.length > 2048) return null;
  try {
    const payload = decodeBase64urlIgnorePadding(payloadPart);
    const mac = decodeBase64urlIgnorePadding(macPart);
    if (!constantTimeEqual(mac, hmac(SHA256, secret, payload))) return null;
    const parsed = Payload.safeParse(JSON.parse(new TextDecoder().decode(payload)));
    if (!parsed.success || now >= parsed.data.e) return null;
    const { u, s, d, a, e } = parsed.data;
    return { userId: u, sessionId: s, docName: d, access: a, expiresAt: e };
  } catch {
    return null;
  }
}
