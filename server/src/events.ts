import { EventEmitter } from 'node:events';

type EventMap = {
  /** A user's role in a workspace changed or ended; open connections must follow. */
  membershipChanged: [{ workspaceId: string; userId: string }];
  /** A session ended (sign-out); connections opened with it must close. */
  sessionEnded: [{ sessionId: string }];
};

/** In-process notifications between services and the collaboration layer. */
export type ServerEvents = EventEmitter<EventMap>;

export function createServerEvents(): ServerEvents {
  return new EventEmitter<EventMap>();
}
