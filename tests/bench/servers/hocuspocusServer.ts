import { Server } from '@hocuspocus/server';

/**
 * @hocuspocus/server 3.4.4 (the newest that runs on Node 20) with its defaults and no
 * extensions: no persistence, no auth hook (the provider's token message is still sent and
 * handled), on port 0.
 */
const server = new Server({ port: 0, address: '127.0.0.1', quiet: true, stopOnSignals: false });
await server.listen();
console.log(`hocuspocus listening on ${server.address.port}`);
process.on('SIGTERM', () => {
  void server.destroy().finally(() => process.exit(0));
});
