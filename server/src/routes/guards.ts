import type { Context } from 'hono';
import type { AppEnv } from '../env';
import { unauthenticated } from '../errors';
import type { SessionRecord, UserRecord } from '../storage';

/** The signed-in user, or a 401. */
export function requireUser(c: Context<AppEnv>): UserRecord {
  const user = c.get('user');
  if (!user) throw unauthenticated();
  return user;
}

/** The signed-in user with their session, or a 401. */
export function requireSession(c: Context<AppEnv>): { user: UserRecord; session: SessionRecord } {
  const user = requireUser(c);
  const session = c.get('session');
  if (!session) throw unauthenticated();
  return { user, session };
}
