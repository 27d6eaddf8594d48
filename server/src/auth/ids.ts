import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';
import { randomBytes } from 'node:crypto';

/** A random, URL-safe identifier (80 bits) for users, workspaces and plans. */
export function newId(): string {
  return encodeBase32LowerCaseNoPadding(randomBytes(10));
}
