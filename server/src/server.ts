import type { Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { CLOSE_CODES } from '@sakutei/shared';
import { WebSocketServer } from 'ws';
import { createApp } from './app';
import { collabUpgrades } from './collab/upgrade';
import { loadServerSecret } from './auth/serverSecret';
import { startAccessWatcher } from './collab/accessWatcher';
import { withEditStamps } from './collab/editStamps';
import type { DocBus } from './collab/cluster/bus';
import { compactFromStore } from './collab/cluster/compactFromStore';
import { bridgeServerEvents } from './collab/cluster/eventBridge';
import { createRedisDocBus } from './collab/cluster/redisDocBus';
import { RedisLink } from './collab/cluster/redisLink';
import { RoomRegistry } from './collab/room/registry';
import type { Config } from './config';
import type { AppDeps } from './env';
import { type ServerEvents, createServerEvents } from './events';
import { sendDigests } from './mail/digest';
import { type Mailer, createMailer } from './mail/mailer';
import { issueSetupLink } from './services/admin/setup';
import { seedDemo } from './services/demoSeed';
import { notificationAccess } from './services/notificationAccess';
import type { Storage } from './storage';
import { openStorage } from './storage/open';
import { closeHeavyWork, configureHeavyWork } from './work/heavyWork';
import { claimServerPid } from './storage/serverPid';

export type RunningServer = { url: string; port: number; deps: AppDeps; close(): Promise<void> };

/** Opens storage, seeds the demo if asked, and listens. `close` stores every document before it resolves. */
export async function startServer(config: Config): Promise<RunningServer> {
  const storage = await openStorage({ dataDir: config.dataDir, databaseUrl: config.databaseUrl, backgroundCheckpoints: true });
  const events = createServerEvents();
  let cluster: Cluster | null = null;
  try {
    cluster = config.redisUrl ? await joinCluster(config.redisUrl, events) : null;
    return await listen(config, storage, events, cluster);
  } catch (err) {
    // Half started: let go of the database and Redis, or the process cannot exit cleanly.
    await cluster?.bus.close();
    await storage.close();
    throw err;
  }
}

async function listen(config: Config, storage: Storage, events: ServerEvents, cluster: Cluster | null): Promise<RunningServer> {
  // Restore refuses to replace the database under a live server; this is how it knows.
  const releasePid = config.databaseUrl ? () => {} : claimServerPid(config.dataDir);
  // Two processes starting together on an empty database must not both seed it.
  const seeded = config.demo && (await storage.runExclusive('seed-demo', () => seedDemo(storage)));
  if (seeded) console.log('Seeded the demo council (password: sakutei-demo).');
  const mailer: Mailer = createMailer(storage.mailOutbox, config.mail, {
    // The daily digest rides on the outbox's loop; publicUrl is read when it runs (set after listen).
    periodic: () => sendDigests(storage.notificationMail, mailer, config.publicUrl, Date.now(), config.mail.digestHour, notificationAccess(storage).visible),
  });
  const deps: AppDeps = {
    config,
    storage,
    // Every process of a cluster must sign and accept the same collab tokens.
    secret: (await storage.sharedSecret()) ?? loadServerSecret(config.dataDir),
    events,
    rooms: new RoomRegistry(withEditStamps(storage.docs, storage.plans), {
      idleMs: config.roomIdleMs,
      limits: config.roomLimits,
      awarenessBatchMs: config.awarenessBatchMs,
      compactEvery: config.compactEvery,
      bus: cluster?.bus,
      // A shared database may have other processes appending to the same logs (with Redis or
      // without): only the log itself knows everything, so the snapshot is built from it.
      compactor: config.databaseUrl ? compactFromStore((name, fn) => storage.runExclusive(name, fn)) : undefined,
    }),
    mail: mailer,
  };
  cluster?.link.onReconnect(() => {
    deps.rooms.catchUp().catch((err) => console.error('catching up after a Redis reconnect failed', err));
  });
  configureHeavyWork({ threads: config.work.threads, maxQueued: config.work.maxQueued });
  const app = createApp(deps);
  const stopWatcher = startAccessWatcher(deps);
  // No compression: relays are framed once and written as they are (collab/framedSend.ts).
  const wss = new WebSocketServer({ noServer: true, maxPayload: config.maxFrameBytes, perMessageDeflate: false });
  const collab = collabUpgrades(deps, wss);
  const server = serve({
    fetch: app.fetch,
    port: config.port,
    hostname: config.host,
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
  server.on('upgrade', collab.handleUpgrade);
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const port = (server.address() as AddressInfo).port;
  // Without SAKUTEI_PUBLIC_URL on a free port (PORT=0), links in mail point where we listen.
  if (!config.publicUrl) config.publicUrl = `http://${config.host}:${port}`;
  // A fresh installation has nobody to sign in as: the operator opens this link once to make
  // the first administrator. Each start makes a new one (the previous stops working).
  // In demo mode the demo administrator is there to sign in as.
  const setup = config.demo ? null : await issueSetupLink(storage);
  if (setup) {
    console.log(`No administrator yet. Open this one-time link to set up Sakutei (valid until ${new Date(setup.expiresAt).toISOString()}):`);
    console.log(`  ${config.publicUrl}${setup.path}`);
  }
  // Unsent mail from before a restart (or enqueued by another process) goes out from here on.
  mailer.start();

  let closing: Promise<void> | null = null;
  return {
    url: `http://${config.host}:${port}`,
    port,
    deps,
    close() {
      closing ??= (async () => {
        stopWatcher();
        collab.stop();
        // The message being sent finishes; the rest waits in the outbox for the next start.
        await mailer.stop();
        await deps.rooms.closeAll(CLOSE_CODES.serverShutdown, 'server shutting down');
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        });
        await closeHeavyWork();
        cluster?.stopBridge();
        await cluster?.bus.close();
        await storage.close();
        releasePid();
      })();
      return closing;
    },
  };
}

type Cluster = Awaited<ReturnType<typeof joinCluster>>;

/** Connects to the other processes through Redis: documents on a bus, server events bridged. */
async function joinCluster(redisUrl: string, events: ServerEvents) {
  const link = await RedisLink.connect(redisUrl);
  const bus: DocBus = createRedisDocBus(link);
  const stopBridge = await bridgeServerEvents(events, link);
  return { link, bus, stopBridge };
}
