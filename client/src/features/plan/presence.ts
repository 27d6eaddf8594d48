import { userColor, type User } from '@sakutei/shared';
import type { Awareness } from 'y-protocols/awareness';

/** What every collaborator publishes about themselves in the awareness field `user`. */
export interface PresenceUser {
  id: string;
  name: string;
  color: string;
}

export function presenceUserOf(user: Pick<User, 'id' | 'name'>): PresenceUser {
  return { id: user.id, name: user.name, color: userColor(user.id) };
}

const HEX_COLOR = /^#[0-9a-f]{6}$/i;

/** Awareness state is whatever peers sent, so it is checked before it reaches the screen. */
function presenceUserIn(state: Record<string, unknown>): PresenceUser | null {
  const user: unknown = state['user'];
  if (typeof user !== 'object' || user === null) return null;
  const { id, name, color } = user as Record<string, unknown>;
  if (typeof id !== 'string' || typeof name !== 'string') return null;
  return { id, name, color: typeof color === 'string' && HEX_COLOR.test(color) ? color : userColor(id) };
}

/** Everyone connected, once each: a person with two tabs open has two awareness clients. */
export function presentUsers(awareness: Awareness): PresenceUser[] {
  const byId = new Map<string, PresenceUser>();
  for (const state of awareness.getStates().values()) {
    const user = presenceUserIn(state);
    if (user && !byId.has(user.id)) byId.set(user.id, user);
  }
  return [...byId.values()];
}

/** `next`, or `previous` when it names the same people the same way. */
export function samePeople(previous: PresenceUser[], next: PresenceUser[]): PresenceUser[] {
  const same =
    previous.length === next.length &&
    previous.every((person, i) => person.id === next[i]!.id && person.name === next[i]!.name && person.color === next[i]!.color);
  return same ? previous : next;
}
