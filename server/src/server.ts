import type { Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { CLOSE_CODES } from '@sakutei/shared';
import { WebSocketServer } from 'ws';
import { createApp } from './app';
import { loadServerSecret } from './auth/serverSecret';
import { startAccessWatcher } from './collab/accessWatcher';
import { RoomRegistry } from './collab/room/registry';
import type { Config } from './config';
import type { AppDeps } from './env';
import { createServerEvents } from './events';
import { seedDemo } from './services/demoSeed';
import { claimServerPid } from './storage/serverPid';
import { openSqliteStorage } from './storage/sqlite';

export type RunningServer = { url: string; port: number; deps: AppDeps; close(): Promise<void> };

/** Opens storage, seeds the demo if asked, and listens. `close` stores every document before it resolves. */
export async function startServer(config: Config): Promise<RunningServer> {
  const storage = openSqliteStorage(config.dataDir);
  // Restore refuses to replace the database under a live server; this is how it knows.
  const releasePid = claimServerPid(config.dataDir);
  if (config.demo && (await seedDemo(storage))) console.log('Seeded the demo council (password: sakutei-demo).');
  const deps: AppDeps = {
    config,
    storage,
    secret: loadServerSecret(config.dataDir),
    events: createServerEvents(),
    rooms: new RoomRegistry(storage.docs, { flushMs: config.flushMs, idleMs: config.roomIdleMs, limits: config.roomLimits }),
  };
  const { app, stop: stopCollab } = createApp(deps);
  const stopWatcher = startAccessWatcher(deps);
  const wss = new WebSocketServer({ noServer: true, maxPayload: config.maxFrameBytes });
  const server = serve({
    fetch: app.fetch,
    port: config.port,
    hostname: config.host,
    websocket: { server: wss },
    serverOptions: {
      // A connection that sends nothing, or dribbles out its request (websocket upgrades
      // included) without finishing the headers, is answered 408 and closed after this.
      // Since Node 18 the clock runs only while a request is arriving, not while a
      // keep-alive connection idles, so it need not outlast keepAliveTimeout.
      headersTimeout: config.handshakeTimeoutMs,
      // How often those deadlines are checked; Node's default of 30 s would let a silent
      // connection live up to four times as long.
      connectionsCheckingInterval: 1_000,
    },
  }) as HttpServer;
  // Node closes an idle keep-alive connection after 5 s, racing clients (and proxies) that
  // reuse it at that moment: their request fails with "other side closed". Outlast them.
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const port = (server.address() as AddressInfo).port;

  let closing: Promise<void> | null = null;
  return {
    url: `http://${config.host}:${port}`,
    port,
    deps,
    close() {
      closing ??= (async () => {
        stopWatcher();
        stopCollab();
        await deps.rooms.closeAll(CLOSE_CODES.serverShutdown, 'server shutting down');
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        });
        await storage.close();
        releasePid();
      })();
      return closing;
    },
  };
}
