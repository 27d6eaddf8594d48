import type { Config } from './config';
import type { RoomRegistry } from './collab/room/registry';
import type { ServerEvents } from './events';
import type { SessionRecord, Storage, UserRecord } from './storage';

/** Everything the routes need, built once by the composition root. */
export interface AppDeps {
  config: Config;
  storage: Storage;
  secret: Uint8Array;
  events: ServerEvents;
  rooms: RoomRegistry;
}

/** Hono context variables set by middleware. */
export type AppEnv = {
  Variables: {
    user: UserRecord | null;
    session: SessionRecord | null;
  };
};
