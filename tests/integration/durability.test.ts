import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { PlanSummary } from '@sakutei/shared';
import { deriveTable, num, readMeasureTable, setActual, setNodeText } from '@sakutei/shared/measures';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createSqliteDocStore } from '../../server/src/storage/sqlite/docs';
import { type CollabClient, appendParagraph, bodyText, connectCollab, waitFor } from '../support/collab';
import { signedIn } from '../support/http';
import { ROOT, type TestServer, startServer, tempDataDir } from '../support/server';

/**
 * The README promises an accepted edit is on disk within SAKUTEI_FLUSH_MS. Three members edit
 * in bursts; an observer notes when it sees each edit (seen by another client = accepted and
 * broadcast by the server); the server is SIGKILLed mid-burst. Every edit seen at least
 * WINDOW_MS before the kill must be in the database the dead server left behind.
 */
const FLUSH_MS = 50;
/** Room for a timer that fires late on a busy event loop, and for the write itself. */
const MARGIN_MS = 50;
const WINDOW_MS = FLUSH_MS + MARGIN_MS;
const BURST_MS = 2000;
const EDIT_EVERY_MS = 8;
/** Each round kills somewhere inside its own part of the burst: early, middle, late. */
const KILL_RANGES: Array<[number, number]> = [
  [0.15, 0.35],
  [0.4, 0.6],
  [0.65, 0.85],
];
/**
 * This test's VM is sometimes frozen by its host for 100-300 ms (steal time). A server frozen
 * after broadcasting but before its flush timer runs cannot meet any time-based window, and a
 * kill timer that fires the moment the freeze ends catches it there. So the kill waits for a
 * moment when both processes demonstrably run: this process ticking on time, and the observer
 * receiving broadcasts in each of the last GATE_SLOTS slots of GATE_SLOT_MS.
 */
const GATE_SLOT_MS = 20;
const GATE_SLOTS = 3;
const GATE_MAX_TICK_GAP_MS = 10;
const GATE_GIVE_UP_MS = 1500;

type Edit = {
  writer: string;
  kind: 'prose' | 'cell' | 'actual';
  /** The paragraph, the cell text, or the actual's value. */
  value: string | number;
  label: string;
  /** The writer's Yjs clock after the edit: present wherever that client's state reaches it. */
  clockEnd: number;
  madeAt: number;
  seenAt: number | null;
};
type Writer = { name: string; client: CollabClient; edits: Edit[]; seenUpTo: number; rowId: string; kpiId: string };

const dataDir = tempDataDir();
let server: TestServer;
let plan: PlanSummary;
const clients: CollabClient[] = [];
const writers: Writer[] = [];
let observer: CollabClient;
const figures: Array<Record<string, number>> = [];
/** When this process's timer ran, and when the observer received anything: the kill gate's evidence. */
const ticks: number[] = [];
const received: number[] = [];
const heartbeat = setInterval(() => {
  ticks.push(performance.now());
  if (ticks.length > 500) ticks.splice(0, 250);
}, 2);

const env = { SAKUTEI_FLUSH_MS: String(FLUSH_MS) };
const clockOf = (doc: Y.Doc, clientId: number) => Y.getState(doc.store, clientId);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

beforeAll(async () => {
  server = await startServer({ dataDir, env });
  const apis = await Promise.all(['member', 'member2', 'chair', 'member'].map((who) => signedIn(server.url, `${who}@example.jp`)));
  [plan] = (await apis[0]!.plans()) as [PlanSummary];
  const open = (cookie: string) => {
    const c = connectCollab(server.wsUrl, plan.docName, { cookie }, { reconnect: true });
    clients.push(c);
    return c;
  };
  const [a, b, chair, watcher] = apis.map((api) => open(api.cookie)) as [CollabClient, CollabClient, CollabClient, CollabClient];
  observer = watcher;
  await Promise.all(clients.map((c) => c.synced));
  const table = deriveTable(readMeasureTable(a.doc));
  const rows = table.rows.filter((r) => r.depth > 0);
  [a, b, chair].forEach((client, i) =>
    writers.push({ name: ['委員A', '委員B', '座長'][i]!, client, edits: [], seenUpTo: 0, rowId: rows[i]!.node.id, kpiId: table.kpis[i]!.kpi.id }),
  );
  // The observer's clock says which of a writer's edits it has: its edits up to that clock.
  observer.doc.on('update', () => {
    const now = performance.now();
    received.push(now);
    if (received.length > 500) received.splice(0, 250);
    for (const w of writers) {
      const state = clockOf(observer.doc, w.client.doc.clientID);
      while (w.seenUpTo < w.edits.length && w.edits[w.seenUpTo]!.clockEnd <= state) w.edits[w.seenUpTo++]!.seenAt = now;
    }
  });
});
afterAll(async () => {
  clearInterval(heartbeat);
  for (const c of clients) c.destroy();
  await server?.stop('SIGKILL');
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/** One edit by a writer, cycling prose, a table cell's text and a KPI actual; each is recorded. */
function edit(w: Writer, round: number, i: number): void {
  const doc = w.client.doc;
  const before = clockOf(doc, doc.clientID);
  const label = `${w.name}-r${round}-${i}`;
  const kind = (['prose', 'cell', 'actual'] as const)[i % 3]!;
  const value = kind === 'prose' ? `耐久${label}` : kind === 'cell' ? `${label}の記入` : round * 100_000 + i;
  if (kind === 'prose') appendParagraph(doc, value as string);
  else if (kind === 'cell') setNodeText(doc, w.rowId, 'description', value as string);
  else setActual(doc, w.kpiId, 2024, num(value as number));
  const clockEnd = clockOf(doc, doc.clientID);
  if (clockEnd === before) throw new Error(`edit ${label} changed nothing`);
  w.edits.push({ writer: w.name, kind, value, label, clockEnd, madeAt: performance.now(), seenAt: null });
}

/** What the killed server left in its database: the document as the next server will load it. */
async function readDisk(): Promise<{ integrity: unknown; doc: Y.Doc }> {
  const db = new Database(path.join(dataDir, 'sakutei.db'), { fileMustExist: true });
  try {
    const integrity = db.pragma('integrity_check', { simple: true });
    const stored = await createSqliteDocStore(db).load(plan.docName);
    const doc = new Y.Doc();
    for (const update of stored.updates) Y.applyUpdate(doc, update);
    return { integrity, doc };
  } finally {
    db.close();
  }
}

/** Both processes are running now (see GATE_SLOT_MS): safe to hold the server to its window. */
function bothRunning(now: number): boolean {
  const span = GATE_SLOT_MS * GATE_SLOTS;
  const recent = ticks.filter((t) => t >= now - span);
  const punctual = recent.length > 0 && recent[0]! - (now - span) <= GATE_MAX_TICK_GAP_MS &&
    [...recent, now].every((t, i, all) => i === 0 || t - all[i - 1]! <= GATE_MAX_TICK_GAP_MS);
  const slots = Array.from({ length: GATE_SLOTS }, (_, k) => received.some((t) => t > now - (k + 1) * GATE_SLOT_MS && t <= now - k * GATE_SLOT_MS));
  return punctual && slots.every(Boolean);
}

/** Waits (briefly) for a moment when `bothRunning`, then SIGKILLs the server in the same tick. */
async function killWhenRunning(): Promise<{ killAt: number; postponedMs: number; gated: boolean; exited: Promise<number | null> }> {
  const from = performance.now();
  let now = from;
  while (!bothRunning(now) && now - from < GATE_GIVE_UP_MS) {
    await sleep(1);
    now = performance.now();
  }
  const gated = bothRunning(now);
  const killAt = performance.now();
  return { killAt, postponedMs: Math.round(killAt - from), gated, exited: server.stop('SIGKILL') };
}

const sameState = (a: Y.Doc, b: Y.Doc) =>
  Buffer.from(Y.encodeStateVector(a)).equals(Buffer.from(Y.encodeStateVector(b))) &&
  bodyText(a) === bodyText(b) &&
  JSON.stringify(readMeasureTable(a)) === JSON.stringify(readMeasureTable(b));

describe('SIGKILL in the middle of co-editing', () => {
  it('keeps every edit seen before the durability window, and the clients reconverge with their offline edits', async () => {
    for (const [round, [from, to]] of KILL_RANGES.entries()) {
      const live = [...writers.map((w) => w.client), observer];
      await waitFor(() => live.every((c) => c.provider.wsconnected && c.provider.synced), 'all clients connected', 15_000);
      const firstEdit = writers.map((w) => w.edits.length);
      const start = performance.now();
      const killAfter = BURST_MS * (from + Math.random() * (to - from));
      let i = 0;
      const burst = setInterval(() => {
        for (const w of writers) edit(w, round, i);
        i++;
      }, EDIT_EVERY_MS);

      await sleep(killAfter);
      const port = server.port;
      const { killAt, exited, ...kill } = await killWhenRunning();
      // Keep editing past the kill: these edits are made with the server gone, offline.
      const burstEnd = Math.max(start + BURST_MS, killAt + 300);
      const burstDone = sleep(burstEnd - performance.now()).then(() => clearInterval(burst));
      expect(await exited).toBeNull();

      const disk = await readDisk();
      expect(disk.integrity).toBe('ok');
      server = await startServer({ dataDir, env: { ...env, PORT: String(port) } });
      const restartedAt = performance.now();
      await burstDone;

      // The providers reconnect by themselves; a fresh client joins too.
      const fresh = connectCollab(server.wsUrl, plan.docName, { cookie: (await signedIn(server.url, 'member@example.jp')).cookie });
      clients.push(fresh); // for teardown; it does not reconnect after the next kill
      await fresh.synced;
      const docs = [...writers.map((w) => w.client.doc), observer.doc, fresh.doc];
      await waitFor(
        () =>
          writers.every((w) => clockOf(fresh.doc, w.client.doc.clientID) === clockOf(w.client.doc, w.client.doc.clientID)) &&
          docs.every((d) => sameState(d, fresh.doc)),
        'all clients to reconverge',
        20_000,
      );
      const reconvergedAt = performance.now();

      const edits = writers.flatMap((w) => w.edits.slice(firstEdit[writers.indexOf(w)]));
      const onDisk = (e: Edit) => clockOf(disk.doc, writers.find((w) => w.name === e.writer)!.client.doc.clientID) >= e.clockEnd;
      const seen = edits.filter((e) => e.seenAt !== null && e.seenAt <= killAt);
      const promised = seen.filter((e) => e.seenAt! <= killAt - WINDOW_MS);
      const recent = seen.filter((e) => e.seenAt! > killAt - WINDOW_MS);
      const unseen = edits.filter((e) => e.madeAt <= killAt && !seen.includes(e));
      const offline = edits.filter((e) => e.madeAt > killAt);
      const lostPromised = promised.filter((e) => !onDisk(e));
      const lostRecent = recent.filter((e) => !onDisk(e));
      const ages = (list: Edit[]) => list.map((e) => Math.round(killAt - e.seenAt!));
      const row = {
        round: round + 1,
        killAfterMs: Math.round(killAfter + kill.postponedMs),
        killPostponedMs: kill.postponedMs,
        killGated: Number(kill.gated),
        editsMade: edits.length,
        madeBeforeKill: edits.length - offline.length,
        seenBeforeKill: seen.length,
        seenOlderThanWindow: promised.length,
        lostOlderThanWindow: lostPromised.length,
        seenWithinWindow: recent.length,
        survivedWithinWindow: recent.length - lostRecent.length,
        lostWithinWindow: lostRecent.length,
        oldestLostSeenAgeMs: Math.max(-1, ...ages([...lostPromised, ...lostRecent])),
        unseenBeforeKill: unseen.length,
        unseenButOnDisk: unseen.filter(onDisk).length,
        madeOfflineAfterKill: offline.length,
        restartMs: Math.round(restartedAt - killAt),
        reconvergeMs: Math.round(reconvergedAt - killAt),
      };
      figures.push(row);
      console.log(`durability round ${row.round}: ${JSON.stringify(row)}`);

      // Held to the window only when the kill found both processes running (nearly always);
      // otherwise the host froze us past GATE_GIVE_UP_MS and the losses are reported above.
      if (kill.gated) expect(lostPromised.map((e) => `${e.label} seen ${Math.round(killAt - e.seenAt!)} ms before the kill`)).toEqual([]);
      expect(offline.length).toBeGreaterThan(0);
      // Everything anyone typed, before, during and after the outage, is in every document.
      const prose = bodyText(fresh.doc);
      for (const e of edits) {
        expect(clockOf(fresh.doc, writers.find((w) => w.name === e.writer)!.client.doc.clientID)).toBeGreaterThanOrEqual(e.clockEnd);
        if (e.kind === 'prose') expect(prose).toContain(`<paragraph>${e.value}</paragraph>`);
      }
      // A cell keeps its writer's last text, a KPI its last actual: nothing older came back over it.
      const table = deriveTable(readMeasureTable(fresh.doc));
      for (const w of writers) {
        const last = (kind: Edit['kind']) => w.edits.filter((e) => e.kind === kind).at(-1)!.value;
        expect(table.rowById.get(w.rowId)?.node.description).toBe(last('cell'));
        expect(table.kpiById.get(w.kpiId)?.kpi.actuals['2024']).toEqual(num(last('actual') as number));
      }
    }

    expect(figures.some((f) => f.killGated)).toBe(true);
    const integrity = await readDisk();
    expect(integrity.integrity).toBe('ok');
    fs.mkdirSync(path.join(ROOT, 'tests/.tmp'), { recursive: true });
    fs.writeFileSync(
      path.join(ROOT, 'tests/.tmp/durability-figures.json'),
      `${JSON.stringify({ flushMs: FLUSH_MS, windowMs: WINDOW_MS, burstMs: BURST_MS, editEveryMs: EDIT_EVERY_MS, writers: writers.length, rounds: figures }, null, 2)}\n`,
    );
  }, 90_000);
});
