import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import type { Target } from './lightClient';
import { contentHash } from './protocol';

/**
 * The convergence check's last word: a stock provider (y-websocket's WebsocketProvider for
 * Sakutei and the reference server, @hocuspocus/provider for Hocuspocus) opens the document
 * after the timing and hashes what the server holds. It also shows the hand-written load
 * clients speak each protocol well enough for the real client.
 */
/**
 * Content when the provider says it is synced, and once nothing more has arrived for a
 * moment. They differ when a server sends part of the state after its sync reply.
 */
type StockRead = { atSynced: string; settled: string };

async function stockHash(target: Target, timeoutMs: number): Promise<StockRead> {
  const doc = new Y.Doc();
  let destroy: () => void = () => {};
  let lastChange = performance.now();
  doc.on('update', () => (lastChange = performance.now()));
  try {
    const synced = new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('stock provider did not sync')), timeoutMs);
      const done = () => {
        clearTimeout(timer);
        resolve(contentHash(doc));
      };
      if (target.dialect === 'hocuspocus') {
        const socket = new HocuspocusProviderWebsocket({ url: target.serverUrl, WebSocketPolyfill: WebSocket });
        const provider = new HocuspocusProvider({ websocketProvider: socket, name: target.docName, document: doc, token: target.token ?? '', onSynced: done });
        provider.attach();
        destroy = () => {
          provider.destroy();
          socket.destroy();
        };
      } else {
        const provider = new WebsocketProvider(target.serverUrl, target.docName, doc, {
          WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
          params: target.token !== null ? { token: target.token } : {},
          disableBc: true,
        });
        provider.once('sync', (isSynced: boolean) => isSynced && done());
        destroy = () => provider.destroy();
      }
    });
    const atSynced = await synced;
    const deadline = performance.now() + 5000;
    while (performance.now() - lastChange < QUIET_MS && performance.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    return { atSynced, settled: contentHash(doc) };
  } finally {
    destroy();
    doc.destroy();
  }
}

/** Quiet time after which a stock client is taken to hold all the server sent. */
const QUIET_MS = 300;

export async function verifyWithStockProviders(arg: { targets: Target[]; concurrency: number; timeoutMs: number }) {
  // The y-websocket provider listens for process exit, one listener per provider at a time.
  process.setMaxListeners(Math.max(process.getMaxListeners(), arg.concurrency + 10));
  const out: Array<{ docName: string; hash: string | null; atSynced: string | null; failure?: string }> = [];
  let next = 0;
  const worker = async () => {
    while (next < arg.targets.length) {
      const target = arg.targets[next++]!;
      try {
        const read = await stockHash(target, arg.timeoutMs);
        out.push({ docName: target.docName, hash: read.settled, atSynced: read.atSynced });
      } catch (err) {
        out.push({ docName: target.docName, hash: null, atSynced: null, failure: (err as Error).message });
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(arg.concurrency, arg.targets.length) }, worker));
  return out;
}
