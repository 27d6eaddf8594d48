import fs from 'node:fs';
import net from 'node:net';
import { CLOSE_CODES, type PlanSummary } from '@sakutei/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { appendParagraph, connectCollab, waitFor } from '../support/collab';
import { signedIn } from '../support/http';
import { type TestServer, startServer } from '../support/server';

/** Connections that start and never finish, sockets that say nothing, and readers that stop reading. */

const HANDSHAKE_MS = 1_500;
/** The handshake limit, plus the second Node takes between checks, plus slack for a busy machine. */
const CUT_OFF_WITHIN_MS = HANDSHAKE_MS + 1_000 + 1_500;
const MAX_BUFFERED = 64 * 1024;

let server: TestServer;
let plan: PlanSummary;
let cookie: string;
const serverLog: string[] = [];

beforeAll(async () => {
  server = await startServer({
    env: { SAKUTEI_HANDSHAKE_TIMEOUT_MS: String(HANDSHAKE_MS), SAKUTEI_WS_MAX_BUFFERED_BYTES: String(MAX_BUFFERED) },
  });
  server.process.stderr!.on('data', (chunk: Buffer) => serverLog.push(...chunk.toString().split('\n')));
  const member = await signedIn(server.url, 'member@example.jp');
  [plan] = (await member.plans()) as [PlanSummary];
  cookie = member.cookie;
});
afterAll(async () => {
  await server?.stop();
  if (server) fs.rmSync(server.dataDir, { recursive: true, force: true });
});

/** Opens a TCP connection, writes `chunks` (one every `everyMs`), and resolves with what came back and when it closed. */
function rawConnection(chunks: string[], everyMs = 500): Promise<{ reply: string; closedAfterMs: number }> {
  return new Promise((resolve) => {
    const started = Date.now();
    const socket = net.connect(server.port, '127.0.0.1');
    let reply = '';
    const timers = chunks.map((chunk, i) => setTimeout(() => socket.writable && socket.write(chunk), i * everyMs));
    socket.on('data', (d) => (reply += d.toString()));
    socket.on('error', () => {});
    socket.on('close', () => {
      timers.forEach(clearTimeout);
      resolve({ reply, closedAfterMs: Date.now() - started });
    });
  });
}

describe('connections that never get going', () => {
  it('closes a TCP connection that sends nothing', async () => {
    const { reply, closedAfterMs } = await rawConnection([]);
    expect(reply).toMatch(/^HTTP\/1\.1 408/);
    expect(closedAfterMs).toBeLessThan(CUT_OFF_WITHIN_MS);
  });

  it('closes an upgrade request whose headers trickle in and never finish', async () => {
    const headers = [`GET /collab/${plan.docName} HTTP/1.1\r\n`, 'Host: 127.0.0.1\r\n', 'Upgrade: websocket\r\n', 'Connection: Upgrade\r\n'];
    const { reply, closedAfterMs } = await rawConnection([...headers, ...Array.from({ length: 20 }, (_, i) => `X-Pad-${i}: x\r\n`)]);
    expect(reply).toMatch(/^HTTP\/1\.1 408/);
    expect(closedAfterMs).toBeLessThan(CUT_OFF_WITHIN_MS);
  });

  it('closes an authenticated websocket that never sends a frame', async () => {
    const started = Date.now();
    const ws = new WebSocket(`${server.wsUrl}/${plan.docName}`, { headers: { cookie } });
    const code = await new Promise<number>((resolve) => ws.on('close', resolve));
    expect(code).toBe(1008);
    expect(Date.now() - started).toBeLessThan(CUT_OFF_WITHIN_MS);
  });

  it('keeps a reused keep-alive connection working past the handshake limit', async () => {
    const request = 'GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n';
    const { reply } = await rawConnection([request, '', '', '', '', `${request.replace('\r\n\r\n', '\r\nConnection: close\r\n\r\n')}`], HANDSHAKE_MS / 2);
    expect(reply.match(/HTTP\/1\.1 200/g)).toHaveLength(2);
  });
});

describe('a reader that stops reading', () => {
  it('is disconnected once what waits for it passes the limit, and editing goes on', async () => {
    const stalled = new WebSocket(`${server.wsUrl}/${plan.docName}`, { headers: { cookie } });
    stalled.on('error', () => {});
    await new Promise((resolve) => stalled.once('open', resolve));
    stalled.send(new Uint8Array([0, 0, 1, 0])); // a sync request, so it is not silent
    stalled.pause(); // and from now on reads nothing
    let stalledClosed = false;
    stalled.on('close', () => (stalledClosed = true));

    const editor = connectCollab(server.wsUrl, plan.docName, { cookie });
    await editor.synced;
    const filler = '議事録の転記'.repeat(5_000); // about 90 KB of UTF-8 a paragraph
    let written = 0;
    try {
      await waitFor(
        () => {
          if (serverLog.some((l) => l.includes(`with ${CLOSE_CODES.tooSlow}`))) return true;
          appendParagraph(editor.doc, `${filler}${written++}`);
          return false;
        },
        'the stalled reader to be cut off',
        20_000,
      );
      // It cannot read the close frame either (that waits behind everything else it did not
      // read); the server stops waiting for it soon after, and once it reads again it is gone.
      stalled.resume();
      await waitFor(() => stalledClosed, 'the stalled socket to close', 5_000);
      expect(editor.closes).toEqual([]);
      console.log(`stalled reader cut off after ~${((written * filler.length * 3) / 1024 / 1024).toFixed(1)} MiB of edits`);
    } finally {
      editor.destroy();
      stalled.terminate();
    }
  }, 40_000);
});
