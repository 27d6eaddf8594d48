import { loadConfig } from './config';
import { redactUrl } from './collab/cluster/redisLink';
import { startServer } from './server';

/** Process entry: configuration, server, and a clean shutdown that stores every document. */
async function main() {
  const config = loadConfig();
  const server = await startServer(config);
  const storage = config.databaseUrl ? `database: ${redactUrl(config.databaseUrl)}` : `data: ${config.dataDir}`;
  const fanOut = config.redisUrl ? `, fan-out: ${redactUrl(config.redisUrl)}` : '';
  console.log(`Sakutei listening on ${server.url} (${storage}${fanOut}${config.demo ? ', demo mode' : ''})`);
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: storing documents and shutting down…`);
    const force = setTimeout(() => process.exit(1), 10_000);
    server.close().then(
      () => {
        clearTimeout(force);
        process.exit(0);
      },
      (err) => {
        console.error('shutdown failed', err);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
