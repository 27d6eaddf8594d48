import { EventEmitter } from 'node:events';

type EventMap = {
  /** A user's role in a workspace changed or ended; open connections must follow. */
  membershipChanged: [{ workspaceId: string; userId: string }];
  /** One session (sign-out) or all of a user's (sign-out everywhere) ended; their connections must close. */
  sessionsEnded: [{ userId: string; sessionId?: string }];
};

/** In-process notifications between services and the collaboration layer. */
export type ServerEvents = EventEmitter<EventMap>;

export function createServerEvents(): ServerEvents {
  return new EventEmitter<EventMap>();
}
