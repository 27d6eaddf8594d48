import { createHash } from 'node:crypto';

/**
 * The first key of every advisory lock Sakutei takes ("SKT" and a kind), so its locks cannot
 * meet another application's on a shared database. The second key names the thing locked.
 */
export const LOCK_SPACE = {
  migrations: 0x534b5401,
  docLog: 0x534b5402,
  exclusive: 0x534b5403,
} as const;

/** A name as an advisory lock key (int4). Two names sharing one only wait on each other. */
export function lockKey(name: string): number {
  return createHash('sha256').update(name).digest().readInt32BE(0);
}
