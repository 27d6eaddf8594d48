import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';
import { framedSender } from './framedSend';

const servers: WebSocketServer[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await new Promise((r) => s.close(r));
});

async function pair(options: { perMessageDeflate: boolean }) {
  const server = new WebSocketServer({ port: 0, host: '127.0.0.1', ...options });
  servers.push(server);
  await new Promise((r) => server.once('listening', r));
  const accepted = new Promise<WebSocket>((r) => server.once('connection', r));
  const client = new WebSocket(`ws://127.0.0.1:${(server.address() as AddressInfo).port}`, options);
  await new Promise((r) => client.once('open', r));
  return { client, raw: await accepted };
}

describe('framedSender', () => {
  it.each([false, true])('delivers payloads of every length class intact (compression %s)', async (perMessageDeflate) => {
    const { client, raw } = await pair({ perMessageDeflate });
    const distinct = [0, 1, 125, 126, 65_535, 65_536, 300_000].map((n) => Uint8Array.from({ length: n }, (_, i) => (i * 7 + n) % 251));
    // The same payload object sent again reuses its frame; the copy must arrive whole too.
    const payloads = [...distinct, distinct[3]!];
    const received: Buffer[] = [];
    const done = new Promise<void>((resolve) =>
      client.on('message', (data: Buffer, isBinary: boolean) => {
        expect(isBinary).toBe(true);
        received.push(data);
        if (received.length === payloads.length) resolve();
      }),
    );
    const send = framedSender(raw);
    for (const p of payloads) send(p);
    await done;
    expect(received.map((b) => b.length)).toEqual(payloads.map((p) => p.length));
    received.forEach((b, i) => expect(b.equals(Buffer.from(payloads[i]!))).toBe(true));
    client.close();
  });
});
