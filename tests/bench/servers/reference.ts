import path from 'node:path';
import { type BenchServer, ROOT, spawnServer } from './process';

export async function startReference(): Promise<BenchServer> {
  const s = await spawnServer('reference', path.join(ROOT, 'tests/bench/servers/referenceServer.ts'), {}, /reference listening on (\d+)/);
  return {
    name: 'reference',
    label: '@y/websocket-server 0.1.1',
    pid: s.child.pid!,
    preloaded: new Set(),
    dbPath: null,
    alive: s.alive,
    output: s.output,
    noticed: s.noticed,
    stop: s.stop,
    async targets(keys) {
      return keys.map((docName) => ({ dialect: 'y-websocket' as const, docName, serverUrl: `ws://127.0.0.1:${s.port}`, token: null }));
    },
  };
}
