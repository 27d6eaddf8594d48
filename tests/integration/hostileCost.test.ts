import fs from 'node:fs';
import path from 'node:path';
import type { PlanSummary } from '@sakutei/shared';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { validateUpdate } from '../../server/src/collab/room/updateGuard';
import { type CollabClient, appendParagraph, bodyText, connectCollab, waitFor } from '../support/collab';
import { signedIn } from '../support/http';
import { ROOT, type TestServer, startServer } from '../support/server';
import { typeADay } from '../support/typingDay';
import { rssKb, statCpuMicros } from '../bench/proc';
import { type HealthPoller, percentile, startHealthPoller } from '../support/healthPoller';

/**
 * Well-formed but ruinously expensive document updates (a million minimal structs in 2 MB,
 * a hundred thousand single characters typed backwards, a million deleted ranges) are
 * sent by one member while another edits and /healthz is polled. Each must be refused before
 * Yjs spends anything on it; the server must stay responsive, its memory flat, and the honest
 * edits must converge. A real day of offline typing, merged in one update, must still be taken.
 */

const HEALTH_LIMIT_MS = 300;
/** No single /healthz answer may take this long: far above a busy machine's noise, far below the 4-20 s stalls before. */
const STALL_LIMIT_MS = 2_000;
const RSS_GROWTH_LIMIT_MB = 80;
const CPU_LIMIT_MS = 500;
const FIGURES = path.join(ROOT, 'tests/.tmp/hostile-cost-figures.json');

let server: TestServer;
let plan: PlanSummary;
const clients: CollabClient[] = [];
const sockets: WebSocket[] = [];
const figures: Record<string, unknown> = {};
const pollers: HealthPoller[] = [];

beforeAll(async () => {
  server = await startServer();
  const member = await signedIn(server.url, 'member@example.jp');
  [plan] = (await member.plans()) as [PlanSummary];
});
afterEach(() => {
  for (const c of clients.splice(0)) c.destroy();
  for (const s of sockets.splice(0)) s.terminate();
  for (const p of pollers.splice(0)) p.kill();
});
afterAll(async () => {
  fs.mkdirSync(path.dirname(FIGURES), { recursive: true });
  fs.writeFileSync(FIGURES, `${JSON.stringify(figures, null, 2)}\n`);
  await server?.stop();
  if (server) fs.rmSync(server.dataDir, { recursive: true, force: true });
});

function connect(...args: Parameters<typeof connectCollab>): CollabClient {
  const c = connectCollab(...args);
  clients.push(c);
  return c;
}

/** The server's resident memory, in MB. */
const serverRssMb = () => rssKb(server.process.pid!) / 1024;

/** CPU time (user and system, all threads) the server has used so far, in ms. */
const serverCpuMs = () => statCpuMicros(server.process.pid!) / 1000;

/** A y-websocket "update" frame (messageSync, messageYjsUpdate, the update as var bytes). */
function updateFrame(update: Uint8Array): Uint8Array {
  const header = [0, 2];
  for (let n = update.length; ; n >>>= 7) {
    if (n < 0x80) {
      header.push(n);
      break;
    }
    header.push((n & 0x7f) | 0x80);
  }
  const frame = new Uint8Array(header.length + update.length);
  frame.set(header);
  frame.set(update, header.length);
  return frame;
}

/**
 * A million garbage-collected structs of one clock tick each, two bytes apiece, written with
 * Yjs's own encoder: what a replica sends for deleted history, and the cheapest struct to send.
 * GC structs have no parent, so nothing about the document's shape can refuse them.
 */
function millionStructs(client: number, count = 1_000_000): Uint8Array {
  const enc = new Y.UpdateEncoderV1();
  enc.writeLen(1); // one client
  enc.writeLen(count);
  enc.writeClient(client);
  enc.writeLen(0); // first clock
  for (let i = 0; i < count; i++) new Y.GC(Y.createID(client, i), 1).write(enc, 0);
  enc.writeLen(0); // no deletions
  return enc.toUint8Array();
}

/** One struct of a million ticks, and a delete set that deletes every other tick of it. */
function millionDeletedRanges(client: number, ranges = 1_000_000): Uint8Array {
  const enc = new Y.UpdateEncoderV1();
  enc.writeLen(1);
  enc.writeLen(1);
  enc.writeClient(client);
  enc.writeLen(0);
  new Y.GC(Y.createID(client, 0), 2 * ranges).write(enc, 0);
  enc.writeLen(1);
  enc.writeClient(client);
  enc.writeLen(ranges);
  for (let i = 0; i < ranges; i++) {
    enc.writeDsClock(2 * i);
    enc.writeDsLen(1);
  }
  return enc.toUint8Array();
}

/** A paragraph of the prose typed backwards, one character at a time: one struct per character. */
function typedBackwards(base: Y.Doc, client: number, characters: number): Uint8Array {
  const doc = new Y.Doc();
  doc.clientID = client;
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(base));
  const before = Y.encodeStateVector(doc);
  const text = new Y.XmlText();
  const p = new Y.XmlElement('paragraph');
  p.insert(0, [text]);
  const body = doc.getXmlFragment('body');
  doc.transact(() => {
    body.insert(body.length, [p]);
    for (let i = 0; i < characters; i++) text.insert(0, 'あ');
  });
  const update = Y.encodeStateAsUpdate(doc, before);
  doc.destroy();
  return update;
}

/** Opens a raw socket as `cookie` and resolves once the room has taken it (its sync request arrived). */
async function rawSocket(docName: string, cookie: string): Promise<WebSocket> {
  const ws = new WebSocket(`${server.wsUrl}/${docName}`, { headers: { cookie } });
  sockets.push(ws);
  ws.on('error', () => {});
  await new Promise<void>((resolve, reject) => {
    ws.once('message', () => resolve());
    ws.once('close', (code) => reject(new Error(`closed with ${code} before the room took it`)));
  });
  return ws;
}

describe('the cost of a document update is limited, not just its size', () => {
  it('refuses million-struct updates without stalling the server, while an honest member edits', async () => {
    const editor = await signedIn(server.url, 'member@example.jp');
    const attacker = await signedIn(server.url, 'member2@example.jp');
    const chair = await signedIn(server.url, 'chair@example.jp');
    const writer = connect(server.wsUrl, plan.docName, { cookie: editor.cookie });
    const watcher = connect(server.wsUrl, plan.docName, { cookie: chair.cookie });
    await Promise.all([writer.synced, watcher.synced]);

    const million = millionStructs(70_001);
    const hostile = [
      { name: 'a million GC structs', client: 70_001, update: million },
      { name: 'the same again', client: 70_001, update: million },
      { name: 'and a third time', client: 70_001, update: million },
      { name: 'a million deleted ranges', client: 70_004, update: millionDeletedRanges(70_004) },
      { name: '100k characters typed backwards', client: 70_005, update: typedBackwards(watcher.doc, 70_005, 100_000) },
    ];
    const ws = await rawSocket(plan.docName, attacker.cookie);

    // /healthz is timed from a process of its own, so that what this one spends building and
    // masking megabyte frames is not taken for the server's stall.
    const poller = await startHealthPoller(server.url);
    pollers.push(poller);
    let stop = false;
    let edits = 0;
    const editing = (async () => {
      while (!stop) {
        appendParagraph(writer.doc, `誠実な編集${edits++}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    })();

    const rssBefore = serverRssMb();
    let rssPeak = rssBefore;
    const sampling = setInterval(() => {
      try {
        rssPeak = Math.max(rssPeak, serverRssMb());
      } catch {
        // The server is gone; the assertions below say so.
      }
    }, 20);
    const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
    // The same time with and without the attack: this machine's own hiccups show in both.
    const controlFrom = Date.now();
    const cpuBefore = serverCpuMs();
    let controlTo = 0;
    let cpuControl = 0;
    let cpuAttack = 0;
    try {
      await wait(hostile.length * 300 + 500);
      controlTo = Date.now();
      cpuControl = serverCpuMs();
      for (const h of hostile) {
        ws.send(updateFrame(h.update));
        await wait(300);
      }
      // Whatever the server does with them, it has done once a ping sent after them is answered.
      const answered = new Promise<void>((resolve) => {
        ws.once('pong', () => resolve());
        ws.ping();
      });
      const stalled = wait(15_000).then(() => Promise.reject(new Error('the server did not answer a ping within 15 s of the hostile updates')));
      await Promise.race([answered, stalled]);
      await wait(500);
      cpuAttack = serverCpuMs();
    } finally {
      stop = true;
      clearInterval(sampling);
      await editing;
    }
    const health = await poller.stop();
    const worst = (samples: typeof health) => Math.round(Math.max(...samples.map((s) => s.ms)) * 10) / 10;
    const p95 = (samples: typeof health) => Math.round(percentile(samples.map((s) => s.ms), 95) * 10) / 10;
    const control = health.filter((s) => s.at >= controlFrom && s.at < controlTo);
    const attack = health.filter((s) => s.at >= controlTo);
    expect(control.length, 'the /healthz poller answered during the control window').toBeGreaterThan(0);
    expect(attack.length, 'the /healthz poller answered during the attack').toBeGreaterThan(0);

    // The honest edits all arrived, and none of the hostile structs did.
    await waitFor(() => bodyText(watcher.doc) === bodyText(writer.doc), 'the watcher to match the writer');
    expect(bodyText(watcher.doc)).toContain(`誠実な編集${edits - 1}<`);
    const fresh = connect(server.wsUrl, plan.docName, { cookie: chair.cookie });
    await fresh.synced;
    expect(bodyText(fresh.doc)).toBe(bodyText(writer.doc));
    for (const h of hostile) {
      expect(Y.getState(watcher.doc.store, h.client), h.name).toBe(0);
      expect(Y.getState(fresh.doc.store, h.client), h.name).toBe(0);
    }

    Object.assign(figures, {
      hostileUpdates: hostile.map((h) => ({ name: h.name, bytes: h.update.length })),
      honestEdits: edits,
      healthChecks: { control: control.length, attack: attack.length },
      healthWorstMs: { control: worst(control), attack: worst(attack) },
      healthP95Ms: { control: p95(control), attack: p95(attack) },
      serverCpuMs: { control: cpuControl - cpuBefore, attack: cpuAttack - cpuControl },
      rssBeforeMb: Math.round(rssBefore),
      rssGrowthMb: Math.round(rssPeak - rssBefore),
    });
    console.log('hostile cost figures', figures);
    // The work the server did for the attack, which the machine's load cannot inflate: today's
    // server spends seconds of CPU on each of these updates, one that refuses them next to none.
    expect(cpuAttack - cpuControl - (cpuControl - cpuBefore)).toBeLessThan(CPU_LIMIT_MS);
    // Latency, with margin for a shared 2-core machine: the typical answer (p95, which one-off
    // spikes from other suites do not move) within 300 ms of the same machine without the
    // attack, and no answer stalled for seconds, which the code before this check did (4-20 s).
    expect(p95(attack)).toBeLessThan(p95(control) + HEALTH_LIMIT_MS);
    expect(worst(attack)).toBeLessThan(STALL_LIMIT_MS);
    expect(rssPeak - rssBefore).toBeLessThan(RSS_GROWTH_LIMIT_MB);
  }, 60_000);

  it('still takes a real day of offline typing, merged in one update, from two tabs at once', async () => {
    const editor = await signedIn(server.url, 'member@example.jp');
    const chair = await signedIn(server.url, 'chair@example.jp');
    const watcher = connect(server.wsUrl, plan.docName, { cookie: chair.cookie });
    const tab1 = connect(server.wsUrl, plan.docName, { cookie: editor.cookie });
    const tab2 = connect(server.wsUrl, plan.docName, { cookie: editor.cookie });
    await Promise.all([watcher.synced, tab1.synced, tab2.synced]);
    tab1.provider.disconnect();
    tab2.provider.disconnect();

    // A long day at the keyboard: the browser's tabs share it (BroadcastChannel), and each
    // sends all of it when it comes back online, before either has heard of the other's.
    const before = Y.encodeStateVector(tab1.doc);
    typeADay(tab1.doc, 60_000);
    const day = Y.encodeStateAsUpdate(tab1.doc, before);
    Y.applyUpdate(tab2.doc, day);
    const shape = validateUpdate(day);
    figures.offlineDay = { keystrokes: 60_000, bytes: day.length, structs: shape.clock.length };
    console.log('offline day', figures.offlineDay);
    expect(shape.clock.length).toBeGreaterThan(10_000);

    tab1.provider.connect();
    tab2.provider.connect();
    await waitFor(() => bodyText(watcher.doc) === bodyText(tab1.doc), 'the day to reach the watcher', 20_000);
    const fresh = connect(server.wsUrl, plan.docName, { cookie: chair.cookie });
    await fresh.synced;
    expect(bodyText(fresh.doc)).toBe(bodyText(tab1.doc));
    expect(tab1.closes).toEqual([]);
    expect(tab2.closes).toEqual([]);
  }, 60_000);
});

describe('what one person may hold open', () => {
  it('closes a socket past SAKUTEI_WS_MAX_SOCKETS_PER_USER (20) with 4429, across documents and sessions, and frees the place when one closes', async () => {
    const [a, b] = [await signedIn(server.url, 'staff@example.jp'), await signedIn(server.url, 'staff@example.jp')];
    const staff = await signedIn(server.url, 'staff@example.jp');
    const plans = (await staff.plans()) as PlanSummary[];
    const open: WebSocket[] = [];
    for (let i = 0; i < 20; i++) {
      open.push(await rawSocket(plans[i % plans.length]!.docName, (i % 2 ? a : b).cookie));
    }
    const refused = new WebSocket(`${server.wsUrl}/${plan.docName}`, { headers: { cookie: staff.cookie } });
    sockets.push(refused);
    const [code, reason] = await new Promise<[number, string]>((resolve) => refused.once('close', (c, r) => resolve([c, r.toString()])));
    expect(code).toBe(4429);
    expect(reason).toBe('too many open connections');
    // Someone else is not affected.
    const chair = await signedIn(server.url, 'chair@example.jp');
    await rawSocket(plan.docName, chair.cookie);
    // Once one of the twenty is gone, the next one is taken.
    open[0]!.close();
    await new Promise((r) => open[0]!.once('close', r));
    await waitFor(async () => {
      try {
        await rawSocket(plan.docName, staff.cookie);
        return true;
      } catch {
        return false;
      }
    }, 'a place to free up');
  });

  it('answers an event stream past SAKUTEI_SSE_MAX_STREAMS_PER_USER (20) with 429 and Retry-After, and frees the place when one closes', async () => {
    const staff = await signedIn(server.url, 'staff@example.jp');
    const url = `${server.url}/api/plans/${plan.id}/events`;
    const streams: AbortController[] = [];
    try {
      for (let i = 0; i < 20; i++) {
        const abort = new AbortController();
        streams.push(abort);
        const res = await fetch(url, { headers: { cookie: staff.cookie }, signal: abort.signal });
        expect(res.status).toBe(200);
        // The first event (the unread count) says the stream is set up.
        await res.body!.getReader().read();
      }
      const refused = await fetch(url, { headers: { cookie: staff.cookie } });
      expect(refused.status).toBe(429);
      expect(refused.headers.get('retry-after')).toBe('30');
      expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('rate_limited');
      const other = await signedIn(server.url, 'chair@example.jp');
      const theirs = new AbortController();
      streams.push(theirs);
      expect((await fetch(url, { headers: { cookie: other.cookie }, signal: theirs.signal })).status).toBe(200);
      streams[0]!.abort();
      await waitFor(async () => {
        const abort = new AbortController();
        streams.push(abort);
        const res = await fetch(url, { headers: { cookie: staff.cookie }, signal: abort.signal });
        return res.status === 200;
      }, 'a stream place to free up');
    } finally {
      for (const s of streams) s.abort();
    }
  });
});
