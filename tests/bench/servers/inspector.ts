import WebSocket from 'ws';
import type { BenchServer } from './process';

/**
 * Reaches into a server process through Node's own inspector (SIGUSR1 starts it; nothing in
 * the server changes): a full garbage collection before a memory reading, so the idle figure
 * compares live memory rather than whenever each heap last happened to be collected.
 */
export type Inspector = {
  collectGarbage(): Promise<void>;
  memoryUsage(): Promise<NodeJS.MemoryUsage>;
  close(): void;
};

export async function inspect(server: BenchServer, timeoutMs = 5000): Promise<Inspector> {
  const listening = /Debugger listening on (ws:\/\/\S+)/;
  if (!listening.test(server.output())) process.kill(server.pid, 'SIGUSR1');
  const deadline = Date.now() + timeoutMs;
  let match = listening.exec(server.output());
  while (!match && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 50));
    match = listening.exec(server.output());
  }
  if (!match) throw new Error('the server did not start its inspector');
  const ws = new WebSocket(match[1]!, { perMessageDeflate: false });
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  let nextId = 1;
  const waiting = new Map<number, (msg: { result?: any; error?: { message: string } }) => void>();
  ws.on('message', (data: Buffer) => {
    const msg = JSON.parse(data.toString());
    if (typeof msg.id === 'number') waiting.get(msg.id)?.(msg);
  });
  const call = (method: string, params: Record<string, unknown> = {}) =>
    new Promise<any>((resolve, reject) => {
      const id = nextId++;
      const timer = setTimeout(() => reject(new Error(`inspector ${method} timed out`)), 30_000);
      waiting.set(id, (msg) => {
        clearTimeout(timer);
        waiting.delete(id);
        if (msg.error) reject(new Error(msg.error.message));
        else resolve(msg.result);
      });
      ws.send(JSON.stringify({ id, method, params }));
    });
  return {
    async collectGarbage() {
      await call('HeapProfiler.collectGarbage');
    },
    async memoryUsage() {
      const r = await call('Runtime.evaluate', { expression: 'JSON.stringify(process.memoryUsage())', returnByValue: true });
      return JSON.parse(r.result.value as string) as NodeJS.MemoryUsage;
    },
    close() {
      ws.close();
    },
  };
}
