import type { Context } from 'hono';
import type { AppEnv } from '../env';
import { unauthenticated } from '../errors';
import type { UserRecord } from '../storage';

/** The signed-in user, or a 401. */
export function requireUser(c: Context<AppEnv>): UserRecord {
  const user = c.get('user');
  if (!user) throw unauthenticated();
  return user;
}
