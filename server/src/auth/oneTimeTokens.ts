import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';
import { randomBytes } from 'node:crypto';

/**
 * One-time links (invitations, password resets): 160 random bits in base32, of which only the
 * SHA-256 is stored, so a copy of the database opens no link.
 */
export function newOneTimeToken(): { token: string; hash: string } {
  const token = encodeBase32LowerCaseNoPadding(randomBytes(20));
  return { token, hash: oneTimeTokenHash(token) };
}

/** The stored form of a one-time token: SHA-256, hex. */
export function oneTimeTokenHash(token: string): string {
  return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}

/**
 * The path of a one-time link. The token goes in the fragment: browsers send neither it to the
 * server when the page loads nor in a Referer, so it stays out of access logs; the page reads it
 * and POSTs it.
 */
export const invitationPath = (token: string) => `/invite#token=${token}`;
export const resetPath = (token: string) => `/reset-password#token=${token}`;
