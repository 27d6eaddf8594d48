import path from 'node:path';
import { type BenchServer, ROOT, spawnServer } from './process';

export async function startHocuspocus(): Promise<BenchServer> {
  const s = await spawnServer('hocuspocus', path.join(ROOT, 'tests/bench/servers/hocuspocusServer.ts'), {}, /hocuspocus listening on (\d+)/);
  return {
    name: 'hocuspocus',
    label: '@hocuspocus/server 3.4.4',
    pid: s.child.pid!,
    preloaded: new Set(),
    dbPath: null,
    alive: s.alive,
    output: s.output,
    noticed: s.noticed,
    stop: s.stop,
    async targets(keys) {
      // No auth hook: any token is accepted, but the provider (and our clients) still send one.
      return keys.map((docName) => ({ dialect: 'hocuspocus' as const, docName, serverUrl: `ws://127.0.0.1:${s.port}`, token: 'bench' }));
    },
  };
}
