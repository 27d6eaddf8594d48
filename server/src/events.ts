import { EventEmitter } from 'node:events';

type EventMap = {
  /** A user's role in a workspace changed or ended; open connections must follow. */
  membershipChanged: [{ workspaceId: string; userId: string }];
  /** One session (sign-out) or all of a user's (sign-out everywhere) ended; their connections must close. */
  sessionsEnded: [{ userId: string; sessionId?: string }];
  /** A review thread of a plan was created or changed; viewers of the plan re-read it. */
  threadChanged: [{ planId: string; threadId: string }];
  /** A user has new notifications. */
  notified: [{ userId: string }];
  /** A plan edition was archived (its next edition made): its open connections reconnect read-only. */
  planArchived: [{ docName: string }];
  /**
   * A review that changes access to a plan's draft (a lock to suggesting, an invitation to
   * suggest) opened or closed: its open connections are re-checked. `locked`: the draft is
   * locked now, so editors are held to suggesting at once, before the re-check reads storage.
   */
  draftAccessChanged: [{ docName: string; locked?: boolean }];
};

/** In-process notifications between services and the collaboration layer. */
export type ServerEvents = EventEmitter<EventMap>;

export function createServerEvents(): ServerEvents {
  const events = new EventEmitter<EventMap>();
  // Every open plan page listens (event streams); the default cap of 10 is meant for leaks, not this.
  events.setMaxListeners(0);
  return events;
}
