import type { Config } from './config';
import type { RoomRegistry } from './collab/room/registry';
import type { ServerEvents } from './events';
import type { MailQueue } from './mail/mailer';
import type { SessionRecord, Storage, UserRecord } from './storage';

/** Everything the routes need, built once by the composition root. */
export interface AppDeps {
  config: Config;
  storage: Storage;
  secret: Uint8Array;
  events: ServerEvents;
  rooms: RoomRegistry;
  /** E-mail through the durable outbox; `enabled` is false (and enqueue a no-op) without SMTP. */
  mail: MailQueue;
}

/** Hono context variables set by middleware. */
export type AppEnv = {
  Variables: {
    user: UserRecord | null;
    session: SessionRecord | null;
  };
};
