import path from 'node:path';
import type { Dialect } from '../load/protocol';
import { type BenchServer, ROOT, spawnServer } from './process';

const PEERS = {
  reference: { label: '@y/websocket-server 0.1.1', dialect: 'y-websocket', token: null },
  // No auth hook: any token is accepted, but the provider (and our clients) still send one.
  hocuspocus: { label: '@hocuspocus/server 3.4.4', dialect: 'hocuspocus', token: 'bench' },
} as const satisfies Record<string, { label: string; dialect: Dialect; token: string | null }>;

/** A peer server (`<name>Server.ts` beside this file), without persistence or authentication. */
export async function startPeer(name: keyof typeof PEERS): Promise<BenchServer> {
  const { label, dialect, token } = PEERS[name];
  const s = await spawnServer(name, path.join(ROOT, `tests/bench/servers/${name}Server.ts`), {}, new RegExp(`${name} listening on (\\d+)`));
  return {
    name,
    label,
    pid: s.child.pid!,
    preloaded: new Set(),
    dbPath: null,
    alive: s.alive,
    output: s.output,
    noticed: s.noticed,
    stop: s.stop,
    async targets(keys) {
      return keys.map((docName) => ({ dialect, docName, serverUrl: `ws://127.0.0.1:${s.port}`, token }));
    },
  };
}
