import path from 'node:path';
import { z } from 'zod';

const flag = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no', 'on', 'off'])
  .transform((v) => ['1', 'true', 'yes', 'on'].includes(v));

/** Server configuration, read from the environment and validated once at start. */
export const ConfigSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8787),
  HOST: z.string().min(1).default('127.0.0.1'),
  SAKUTEI_DATA_DIR: z.string().min(1).default('./data'),
  SAKUTEI_DEMO: flag.default(true),
  /** Extra origins allowed to make state-changing requests, comma separated (the server's own is always allowed). */
  SAKUTEI_ALLOWED_ORIGINS: z.string().default(''),
  /** Mark cookies Secure; on when the app is served over HTTPS behind a proxy. */
  SAKUTEI_SECURE_COOKIES: flag.default(false),
  /** How long accepted document updates may wait in memory before they are written (ms). */
  SAKUTEI_FLUSH_MS: z.coerce.number().int().min(0).max(1000).default(50),
  /** How long an empty room stays loaded (ms). */
  SAKUTEI_ROOM_IDLE_MS: z.coerce.number().int().min(0).default(30_000),
  /** How often open connections are re-checked against memberships and sessions (ms). */
  SAKUTEI_REVALIDATE_MS: z.coerce.number().int().min(100).default(10_000),
  /** Lifetime of a collab token (seconds). */
  SAKUTEI_COLLAB_TOKEN_TTL: z.coerce.number().int().min(5).max(3600).default(300),
  /** Largest websocket frame accepted (bytes). */
  SAKUTEI_MAX_FRAME_BYTES: z.coerce.number().int().min(1024).default(8 * 1024 * 1024),
  /** Where the built client lives; the server serves it when present. */
  SAKUTEI_CLIENT_DIR: z.string().optional(),
});

export type Config = {
  port: number;
  host: string;
  dataDir: string;
  demo: boolean;
  allowedOrigins: string[];
  secureCookies: boolean;
  flushMs: number;
  roomIdleMs: number;
  revalidateMs: number;
  collabTokenTtlSeconds: number;
  maxFrameBytes: number;
  clientDir: string;
};

/** Parses the environment into a Config, or throws a readable message naming the bad variables. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = ConfigSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.SAKUTEI_DATA_DIR),
    demo: e.SAKUTEI_DEMO,
    allowedOrigins: e.SAKUTEI_ALLOWED_ORIGINS.split(',').map((s) => s.trim()).filter(Boolean),
    secureCookies: e.SAKUTEI_SECURE_COOKIES,
    flushMs: e.SAKUTEI_FLUSH_MS,
    roomIdleMs: e.SAKUTEI_ROOM_IDLE_MS,
    revalidateMs: e.SAKUTEI_REVALIDATE_MS,
    collabTokenTtlSeconds: e.SAKUTEI_COLLAB_TOKEN_TTL,
    maxFrameBytes: e.SAKUTEI_MAX_FRAME_BYTES,
    clientDir: path.resolve(e.SAKUTEI_CLIENT_DIR ?? new URL('../../client/dist', import.meta.url).pathname),
  };
}
