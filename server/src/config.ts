import path from 'node:path';
import { z } from 'zod';
import { DEFAULT_AWARENESS_LIMITS } from './collab/room/awarenessGuard';
import { DEFAULT_RATE_LIMITS } from './collab/room/rateLimit';
import { DEFAULT_AWARENESS_BATCH_MS, DEFAULT_ROOM_LIMITS, type RoomLimits } from './collab/room/room';
import { DEFAULT_UPDATE_LIMITS } from './collab/room/updateGuard';
import { DEFAULT_WORK_OPTIONS } from './work/heavyWork';
import { DEFAULT_MATERIAL_MAX_BYTES } from '@sakutei/shared';

const flag = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no', 'on', 'off'])
  .transform((v) => ['1', 'true', 'yes', 'on'].includes(v));

/** An empty variable (`SAKUTEI_SMTP_URL=` in a unit file) means not set. */
const unsetWhenEmpty = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === '' ? undefined : v), schema);

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
  /** PostgreSQL instead of the embedded SQLite, e.g. postgres://user:pass@host:5432/sakutei. */
  DATABASE_URL: z.string().url().optional(),
  /** Redis for fan-out between several Sakutei processes serving the same documents. */
  REDIS_URL: z.string().url().optional(),
  /** Stored updates of a document after which its log is compacted into one snapshot. */
  SAKUTEI_COMPACT_EVERY: z.coerce.number().int().min(2).default(500),
  /** How long presence changes (carets, selections) are collected before they are relayed (ms). */
  SAKUTEI_AWARENESS_BATCH_MS: z.coerce.number().int().min(0).max(1000).default(DEFAULT_AWARENESS_BATCH_MS),
  /** How long an empty room stays loaded (ms). */
  SAKUTEI_ROOM_IDLE_MS: z.coerce.number().int().min(0).default(30_000),
  /** Threads for compares, document exports and workbooks (0: one per core but one, at most 4). */
  SAKUTEI_WORK_THREADS: z.coerce.number().int().min(0).max(64).default(0),
  /** Heavy jobs that may wait for a thread; more are answered 503 with Retry-After. */
  SAKUTEI_WORK_QUEUE: z.coerce.number().int().min(0).default(16),
  /** Heavy requests (compare, exports, workbook reads) one person may have running at once; more are answered 429. */
  SAKUTEI_WORK_PER_USER: z.coerce.number().int().min(1).default(2),
  /** Heavy requests one person may make per minute. */
  SAKUTEI_WORK_PER_USER_PER_MIN: z.coerce.number().int().min(1).default(120),
  /** How often open connections are re-checked against memberships and sessions (ms). */
  SAKUTEI_REVALIDATE_MS: z.coerce.number().int().min(100).default(10_000),
  /** Lifetime of a collab token (seconds). */
  SAKUTEI_COLLAB_TOKEN_TTL: z.coerce.number().int().min(5).max(3600).default(300),
  /** Largest websocket frame accepted (bytes). */
  SAKUTEI_MAX_FRAME_BYTES: z.coerce.number().int().min(1024).default(8 * 1024 * 1024),
  /** Document messages (sync and updates) one connection may send per second, and at once. */
  SAKUTEI_WS_UPDATES_PER_SEC: z.coerce.number().positive().default(DEFAULT_RATE_LIMITS.updatesPerSecond),
  SAKUTEI_WS_UPDATE_BURST: z.coerce.number().int().min(1).default(DEFAULT_RATE_LIMITS.updateBurst),
  /** Presence messages one connection may send per second, and at once. */
  SAKUTEI_WS_AWARENESS_PER_SEC: z.coerce.number().positive().default(DEFAULT_RATE_LIMITS.awarenessPerSecond),
  SAKUTEI_WS_AWARENESS_BURST: z.coerce.number().int().min(1).default(DEFAULT_RATE_LIMITS.awarenessBurst),
  /** Sync requests (each answered with up to the whole document) one connection may send per second, and at once. */
  SAKUTEI_WS_SYNC_REQUESTS_PER_SEC: z.coerce.number().positive().default(DEFAULT_RATE_LIMITS.syncRequestsPerSecond),
  SAKUTEI_WS_SYNC_REQUEST_BURST: z.coerce.number().int().min(1).default(DEFAULT_RATE_LIMITS.syncRequestBurst),
  /** What one connection's document updates may cost per second, and at once (a struct 1, a deleted range 5, 8 values or 64 bytes of content 1). */
  SAKUTEI_WS_COST_PER_SEC: z.coerce.number().positive().default(DEFAULT_RATE_LIMITS.costPerSecond),
  SAKUTEI_WS_COST_BURST: z.coerce.number().int().min(1).default(DEFAULT_RATE_LIMITS.costBurst),
  /** The same for all of one person's connections together, in every document. */
  SAKUTEI_WS_USER_COST_PER_SEC: z.coerce.number().positive().default(DEFAULT_RATE_LIMITS.userCostPerSecond),
  SAKUTEI_WS_USER_COST_BURST: z.coerce.number().int().min(1).default(DEFAULT_RATE_LIMITS.userCostBurst),
  /** Open websockets one person may have at once, across documents; more are closed with 4429. */
  SAKUTEI_WS_MAX_SOCKETS_PER_USER: z.coerce.number().int().min(1).default(20),
  /** Open event streams (/api/plans/:id/events) one person may have at once; more are answered 429. */
  SAKUTEI_SSE_MAX_STREAMS_PER_USER: z.coerce.number().int().min(1).default(20),
  /** Frames dropped over those rates (the allowance refills over 10 s) before the socket is closed with 4429. */
  SAKUTEI_WS_FLOOD_DROPS: z.coerce.number().int().min(1).default(DEFAULT_RATE_LIMITS.floodDrops),
  /** Malformed or refused messages after which a connection is closed with 4408. */
  SAKUTEI_WS_MAX_REFUSALS: z.coerce.number().int().min(1).default(DEFAULT_ROOM_LIMITS.maxRefusals),
  /** How long a connection may take to finish its request headers, and a websocket to send its first frame (ms). */
  SAKUTEI_HANDSHAKE_TIMEOUT_MS: z.coerce.number().int().min(500).max(120_000).default(10_000),
  /** Bytes queued for a client that is not reading before it is closed with 4003. */
  SAKUTEI_WS_MAX_BUFFERED_BYTES: z.coerce.number().int().min(64 * 1024).default(16 * 1024 * 1024),
  /** Largest clock (and clock plus length) a document update may name. */
  SAKUTEI_YJS_MAX_CLOCK: z.coerce.number().int().min(1024).max(Number.MAX_SAFE_INTEGER).default(DEFAULT_UPDATE_LIMITS.maxClock),
  /** Most client ids (struct groups, delete-set entries) in one update. */
  SAKUTEI_YJS_MAX_CLIENTS: z.coerce.number().int().min(1).default(DEFAULT_UPDATE_LIMITS.maxClients),
  /** Most bytes of content (text, values, binary) in one update. */
  SAKUTEI_YJS_MAX_CONTENT_BYTES: z.coerce.number().int().min(1024).default(DEFAULT_UPDATE_LIMITS.maxContentBytes),
  /** Most one update may cost (a struct 1, a deleted range 5, 8 values or 64 bytes of content 1); costlier ones are refused. */
  SAKUTEI_YJS_MAX_COST: z.coerce.number().int().min(1000).default(DEFAULT_UPDATE_LIMITS.maxCost),
  /** Largest presence state (JSON bytes) one client may publish. */
  SAKUTEI_AWARENESS_MAX_STATE_BYTES: z.coerce.number().int().min(256).default(DEFAULT_AWARENESS_LIMITS.maxStateBytes),
  /** Where the built client lives; the server serves it when present. */
  SAKUTEI_CLIENT_DIR: z.string().optional(),
  /** The address people open the app at; links in e-mail point there (default http://HOST:PORT). */
  SAKUTEI_PUBLIC_URL: unsetWhenEmpty(z.string().url().optional()),
  /** Outgoing mail server, e.g. smtp://user:pass@mail.example.jp:587 (smtps:// for TLS on connect). Without it no mail is sent. */
  SAKUTEI_SMTP_URL: unsetWhenEmpty(
    z
      .string()
      .url()
      .refine((v) => /^smtps?:$/.test(new URL(v).protocol), 'must be an smtp:// or smtps:// URL')
      .optional(),
  ),
  /** The sender of Sakutei's mail, e.g. "策定支援 <sakutei@city.example.jp>". */
  SAKUTEI_MAIL_FROM: z.string().min(3).default('Sakutei <sakutei@localhost>'),
  /** How often the outbox is checked for due mail (ms); a message enqueued here is sent at once. */
  SAKUTEI_MAIL_POLL_MS: z.coerce.number().int().min(50).max(600_000).default(10_000),
  /** The wait after a first failed send (ms); it doubles with each failure, up to an hour. */
  SAKUTEI_MAIL_RETRY_MS: z.coerce.number().int().min(10).max(3_600_000).default(60_000),
  /** Failed sends after which a message is given up (kept in the outbox with its last error). */
  SAKUTEI_MAIL_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(10),
  /** The hour (日本時間, 0–23) the daily digest of notifications is mailed. */
  SAKUTEI_DIGEST_HOUR: z.coerce.number().int().min(0).max(23).default(8),
  /** OpenID Connect provider (its issuer URL) for 「○○でログイン」; without it there is no SSO. */
  SAKUTEI_OIDC_ISSUER: unsetWhenEmpty(z.string().url().optional()),
  SAKUTEI_OIDC_CLIENT_ID: unsetWhenEmpty(z.string().min(1).optional()),
  /** The client's secret (client_secret_basic); without it Sakutei is a public client (PKCE only). */
  SAKUTEI_OIDC_CLIENT_SECRET: unsetWhenEmpty(z.string().min(1).optional()),
  /** Where the provider sends people back; default SAKUTEI_PUBLIC_URL + /api/auth/oidc/callback. */
  SAKUTEI_OIDC_REDIRECT_URL: unsetWhenEmpty(z.string().url().optional()),
  /** The provider's name on the button, e.g. 「○○市職員ID」. */
  SAKUTEI_OIDC_NAME: unsetWhenEmpty(z.string().min(1).max(60).optional()),
  /** 0 turns local passwords off: people sign in only with the provider (the CLI and setup still work). */
  SAKUTEI_PASSWORD_LOGIN: flag.default(true),
  /** Bytes one uploaded meeting material (資料) may have; a larger upload is refused while it streams in. */
  SAKUTEI_MATERIAL_MAX_BYTES: z.coerce.number().int().min(1024).max(1024 * 1024 * 1024).default(DEFAULT_MATERIAL_MAX_BYTES),
});

export type Config = {
  port: number;
  host: string;
  dataDir: string;
  demo: boolean;
  allowedOrigins: string[];
  secureCookies: boolean;
  databaseUrl: string | null;
  redisUrl: string | null;
  awarenessBatchMs: number;
  compactEvery: number;
  roomIdleMs: number;
  /** The heavy-work threads (work/pool.ts) and how much of them one person may use. */
  work: { threads: number; maxQueued: number; perUser: number; perMinute: number };
  revalidateMs: number;
  collabTokenTtlSeconds: number;
  maxFrameBytes: number;
  /** Bytes queued for a slow websocket client before it is disconnected. */
  maxBufferedBytes: number;
  /** How long a connection may stay silent before its request (or first websocket frame) arrives. */
  handshakeTimeoutMs: number;
  roomLimits: RoomLimits;
  /** Open websockets one person may have at once, across documents. */
  maxSocketsPerUser: number;
  /** Open plan event streams one person may have at once. */
  maxEventStreamsPerUser: number;
  clientDir: string;
  /** Origin (and path prefix) of the app as people reach it, without a trailing slash; links in mail start with it. */
  publicUrl: string;
  mail: MailConfig;
  /** null: no identity provider configured. */
  oidc: OidcConfig | null;
  /** false: the password sign-in is refused and only the provider's button is offered. */
  passwordLogin: boolean;
  /** Bytes one uploaded meeting material may have (SAKUTEI_MATERIAL_MAX_BYTES). */
  materialMaxBytes: number;
};

export type OidcConfig = {
  issuer: string;
  clientId: string;
  clientSecret: string | null;
  /** null: derived from publicUrl when needed (publicUrl is known only once listening in tests). */
  redirectUrl: string | null;
  displayName: string;
};

export type MailConfig = {
  /** null: no SMTP server configured, so no mail is queued or sent. */
  smtpUrl: string | null;
  from: string;
  pollMs: number;
  retryBaseMs: number;
  maxAttempts: number;
  digestHour: number;
};

/** Parses the environment into a Config, or throws a readable message naming the bad variables. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = ConfigSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  if (e.SAKUTEI_OIDC_ISSUER && !e.SAKUTEI_OIDC_CLIENT_ID) {
    throw new Error('Invalid configuration:\n  SAKUTEI_OIDC_CLIENT_ID: required with SAKUTEI_OIDC_ISSUER');
  }
  if (!e.SAKUTEI_PASSWORD_LOGIN && !e.SAKUTEI_OIDC_ISSUER) {
    throw new Error('Invalid configuration:\n  SAKUTEI_PASSWORD_LOGIN: 0 needs SAKUTEI_OIDC_ISSUER (nobody could sign in otherwise)');
  }
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.SAKUTEI_DATA_DIR),
    demo: e.SAKUTEI_DEMO,
    allowedOrigins: e.SAKUTEI_ALLOWED_ORIGINS.split(',').map((s) => s.trim()).filter(Boolean),
    secureCookies: e.SAKUTEI_SECURE_COOKIES,
    databaseUrl: e.DATABASE_URL ?? null,
    redisUrl: e.REDIS_URL ?? null,
    awarenessBatchMs: e.SAKUTEI_AWARENESS_BATCH_MS,
    compactEvery: e.SAKUTEI_COMPACT_EVERY,
    roomIdleMs: e.SAKUTEI_ROOM_IDLE_MS,
    work: {
      threads: e.SAKUTEI_WORK_THREADS || DEFAULT_WORK_OPTIONS.threads,
      maxQueued: e.SAKUTEI_WORK_QUEUE,
      perUser: e.SAKUTEI_WORK_PER_USER,
      perMinute: e.SAKUTEI_WORK_PER_USER_PER_MIN,
    },
    revalidateMs: e.SAKUTEI_REVALIDATE_MS,
    collabTokenTtlSeconds: e.SAKUTEI_COLLAB_TOKEN_TTL,
    maxFrameBytes: e.SAKUTEI_MAX_FRAME_BYTES,
    maxBufferedBytes: e.SAKUTEI_WS_MAX_BUFFERED_BYTES,
    handshakeTimeoutMs: e.SAKUTEI_HANDSHAKE_TIMEOUT_MS,
    roomLimits: {
      update: {
        maxClock: e.SAKUTEI_YJS_MAX_CLOCK,
        maxClients: e.SAKUTEI_YJS_MAX_CLIENTS,
        maxContentBytes: e.SAKUTEI_YJS_MAX_CONTENT_BYTES,
        maxCost: e.SAKUTEI_YJS_MAX_COST,
      },
      awareness: { maxStateBytes: e.SAKUTEI_AWARENESS_MAX_STATE_BYTES },
      rate: {
        updatesPerSecond: e.SAKUTEI_WS_UPDATES_PER_SEC,
        updateBurst: e.SAKUTEI_WS_UPDATE_BURST,
        awarenessPerSecond: e.SAKUTEI_WS_AWARENESS_PER_SEC,
        awarenessBurst: e.SAKUTEI_WS_AWARENESS_BURST,
        syncRequestsPerSecond: e.SAKUTEI_WS_SYNC_REQUESTS_PER_SEC,
        syncRequestBurst: e.SAKUTEI_WS_SYNC_REQUEST_BURST,
        floodDrops: e.SAKUTEI_WS_FLOOD_DROPS,
        costPerSecond: e.SAKUTEI_WS_COST_PER_SEC,
        costBurst: e.SAKUTEI_WS_COST_BURST,
        userCostPerSecond: e.SAKUTEI_WS_USER_COST_PER_SEC,
        userCostBurst: e.SAKUTEI_WS_USER_COST_BURST,
      },
      maxRefusals: e.SAKUTEI_WS_MAX_REFUSALS,
    },
    maxSocketsPerUser: e.SAKUTEI_WS_MAX_SOCKETS_PER_USER,
    maxEventStreamsPerUser: e.SAKUTEI_SSE_MAX_STREAMS_PER_USER,
    clientDir: path.resolve(e.SAKUTEI_CLIENT_DIR ?? new URL('../../client/dist', import.meta.url).pathname),
    // Port 0 (a free port, as in tests) is known only once listening: the server fills it in then.
    publicUrl: (e.SAKUTEI_PUBLIC_URL ?? (e.PORT === 0 ? '' : `http://${e.HOST}:${e.PORT}`)).replace(/\/+$/, ''),
    mail: {
      smtpUrl: e.SAKUTEI_SMTP_URL ?? null,
      from: e.SAKUTEI_MAIL_FROM,
      pollMs: e.SAKUTEI_MAIL_POLL_MS,
      retryBaseMs: e.SAKUTEI_MAIL_RETRY_MS,
      maxAttempts: e.SAKUTEI_MAIL_MAX_ATTEMPTS,
      digestHour: e.SAKUTEI_DIGEST_HOUR,
    },
    oidc: e.SAKUTEI_OIDC_ISSUER
      ? {
          issuer: e.SAKUTEI_OIDC_ISSUER,
          clientId: e.SAKUTEI_OIDC_CLIENT_ID!,
          clientSecret: e.SAKUTEI_OIDC_CLIENT_SECRET ?? null,
          redirectUrl: e.SAKUTEI_OIDC_REDIRECT_URL ?? null,
          displayName: e.SAKUTEI_OIDC_NAME ?? 'SSO',
        }
      : null,
    passwordLogin: e.SAKUTEI_PASSWORD_LOGIN,
    materialMaxBytes: e.SAKUTEI_MATERIAL_MAX_BYTES,
  };
}
