import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { killAll, killChildrenOnExit, removeNow, removeOnExit } from './children';
import { machineCpu } from './proc';
import { buildTable, renderTable } from './report';
import { WorkerProcess } from './rpc';
import { type BenchServer, ROOT, type ServerName } from './servers/process';
import { startPeer } from './servers/peer';
import { type SakuteiTemplate, prepareSakuteiTemplate, startSakutei } from './servers/sakutei';
import { type Mode, SIZES, WORKLOADS, type WorkloadName, documentKeys } from './sizes';
import { loadTrace } from './trace';
import { awareness } from './workloads/awareness';
import { cold } from './workloads/cold';
import type { Ctx, Row } from './workloads/common';
import { durability } from './workloads/durability';
import { fanout } from './workloads/fanout';
import { idle } from './workloads/idle';
import { rooms } from './workloads/rooms';

/**
 * `pnpm bench [--quick | --smoke] [--only=fanout,rooms,…] [--servers=sakutei,reference,hocuspocus]
 *   [--out=FILE] [--fresh-servers | --reuse-servers]`
 *
 * Starts each server as its own process, drives it from separate load processes, reads the
 * server's CPU and memory from /proc, prints a table and writes JSON (tests/.tmp/bench.json).
 * Full mode starts a fresh server for every workload and interleaves the servers workload by
 * workload, so a drift in the machine touches all of them alike; quick and smoke reuse one
 * server per kind for all workloads, to be quick.
 */
const { values } = parseArgs({
  options: {
    quick: { type: 'boolean' },
    smoke: { type: 'boolean' },
    only: { type: 'string' },
    servers: { type: 'string' },
    out: { type: 'string' },
    'fresh-servers': { type: 'boolean' },
    'reuse-servers': { type: 'boolean' },
  },
});

const mode: Mode = values.smoke ? 'smoke' : values.quick ? 'quick' : 'full';
const sizes = SIZES[mode];
const ALL_SERVERS: ServerName[] = ['sakutei', 'reference', 'hocuspocus'];
const LABELS: Record<ServerName, string> = { sakutei: 'Sakutei', reference: 'y-ws-server', hocuspocus: 'Hocuspocus' };
/** Past this the remaining workloads are skipped (and reported so), and a little later everything is stopped. */
const BUDGET_S: Record<Mode, number> = { full: 13 * 60, quick: 3 * 60, smoke: 50 };

function listArg<T extends string>(raw: string | undefined, all: readonly T[], what: string): T[] {
  if (!raw) return [...all];
  const picked = raw.split(',').map((s) => s.trim()).filter(Boolean);
  for (const p of picked) if (!all.includes(p as T)) throw new Error(`unknown ${what} ${p} (one of ${all.join(', ')})`);
  return all.filter((a) => picked.includes(a));
}

const workloads = listArg<WorkloadName>(values.only, WORKLOADS, 'workload');
const servers = listArg<ServerName>(values.servers, ALL_SERVERS, 'server');
const reuse = values['reuse-servers'] ? true : values['fresh-servers'] ? false : mode !== 'full';
const outFile = path.resolve(values.out ?? path.join(ROOT, 'tests/.tmp/bench.json'));
const tmpDir = path.join(ROOT, 'tests/.tmp');

type Task = { workload: WorkloadName; variant: string; run: (ctx: Ctx) => Promise<Row> };

function tasks(): Task[] {
  const list: Task[] = [];
  for (const w of workloads) {
    if (w === 'fanout') for (const n of sizes.fanout.observers) list.push({ workload: w, variant: `1→${n}`, run: (ctx) => fanout(ctx, n) });
    if (w === 'rooms') list.push({ workload: w, variant: `${sizes.rooms.rooms}×${sizes.rooms.perRoom}`, run: rooms });
    if (w === 'idle') list.push({ workload: w, variant: `${sizes.idle.connections} conns / ${sizes.idle.rooms} rooms`, run: idle });
    if (w === 'cold') for (const doc of sizes.cold.docs) list.push({ workload: w, variant: doc.label, run: (ctx) => cold(ctx, doc) });
    if (w === 'durability') list.push({ workload: w, variant: `${sizes.durability.perSecond}/s × ${sizes.durability.seconds} s`, run: durability });
    if (w === 'awareness') list.push({ workload: w, variant: `${sizes.awareness.clients} clients × ${sizes.awareness.perSecond} Hz`, run: awareness });
  }
  return list;
}

const METHOD = [
  'Each server runs as its own `node --import tsx` process on 127.0.0.1; load clients run in 3 other node processes (2 bulk, 1 writer) talking to this one over IPC.',
  'Server CPU = utime+stime deltas of the server process (/proc/<pid>/task/*/schedstat for ns resolution, /proc/<pid>/stat with CLK_TCK as the check); RSS = VmRSS of /proc/<pid>/status.',
  'Latency: the writer puts ~BM<writer>.<seq>.<hrtime ns>~ in the text it inserts; receivers stamp each frame with process.hrtime.bigint() (CLOCK_MONOTONIC, shared by all processes) on arrival and find markers by byte search after the phase. Arrival includes the receiving process\'s event-loop delay.',
  'Load clients speak the protocols by hand (y-websocket frames; Hocuspocus frames with the document name first and its auth message), send no presence except in the awareness workload, and decode nothing while timing. Afterwards each applies what it received to a Y.Doc and hashes it; a stock provider (y-websocket WebsocketProvider, @hocuspocus/provider) reads each document back from the server for the same check.',
  'Sakutei goes through its real auth path: demo account sign-in, POST /api/plans/:id/collab-token, token in the socket URL (checked against the session and membership per socket). The peers have no auth (Hocuspocus still handles the auth message).',
  'Idle RSS per connection = (RSS with all connections − RSS with one connection per room) / added connections; each reading taken after settling (5 s in full mode) and two full GCs 2 s apart forced through the server\'s inspector (SIGUSR1, Node\'s own), as the median of RSS readings every 500 ms once they stayed within 512 KB for 3 s (20 s at most); quick mode forces the GCs but does not wait for RSS to level. JS heap+external per connection from process.memoryUsage() the same way.',
  'Cold load: a holder keeps the document open (Sakutei: loaded from its SQLite by that first join, timed as "first open from disk"; peers: the holder uploads the same encoded trace). Timed from socket creation to the arrival of the whole sync reply.',
  'Per row, in % of one core over the timed phase (/proc/stat): otherCpuPercent = CPU of processes this run did not start (user+nice+system minus the server, the load processes and the orchestrator); irqCpuPercent = interrupt/softirq time (loopback TCP, charged to no process); stealCpuPercent = time the hypervisor took. Non-zero other or steal means something competed.',
  'Durability: a separate process polls Sakutei\'s SQLite read-only every 2 ms for the markers in doc_updates rows; time from send to first visible. Peers keep nothing on disk.',
];

async function startServer(name: ServerName, template: () => Promise<SakuteiTemplate>): Promise<BenchServer> {
  if (name === 'sakutei') return startSakutei(await template());
  return startPeer(name);
}

async function main() {
  killChildrenOnExit();
  const began = performance.now();
  const startedAt = new Date().toISOString();
  const log = (line: string) => console.log(`[${((performance.now() - began) / 1000).toFixed(0).padStart(4)} s] ${line}`);
  const hardStop = setTimeout(() => {
    console.error(`bench: over ${Math.round(BUDGET_S[mode] * 1.3)} s, stopping`);
    killAll();
    process.exit(2);
  }, BUDGET_S[mode] * 1300);
  hardStop.unref();
  const loadBefore = os.loadavg();
  const revision = servers.includes('sakutei') ? sakuteiRevision() : null;
  const quiet = await machineQuiet();
  if (quiet.otherPercent > 20 || quiet.stealPercent > 10) {
    log(`warning: before starting, other processes used ${quiet.otherPercent.toFixed(0)}% of a core and the hypervisor stole ${quiet.stealPercent.toFixed(0)}%: figures will be noisy (see otherCpuPercent, stealCpuPercent per row)`);
  }
  log(`mode ${mode}; workloads ${workloads.join(', ')}; servers ${servers.join(', ')}; ${reuse ? 'one server per kind' : 'a fresh server per workload'}`);
  if (revision) log(`Sakutei at ${revision.commit}${revision.uncommittedChanges ? ' with uncommitted changes in server/ or shared/' : ''}`);

  // The cold-load documents: generated once (cached in tests/.tmp), the same bytes for every server.
  const traces = new Map<string, { update: Uint8Array; contentHash: string }>();
  const preload: Record<string, string> = {};
  const traceDir = removeOnExit(fs.mkdtempSync(path.join(os.tmpdir(), 'sakutei-bench-traces-')));
  if (workloads.includes('cold')) {
    for (const doc of sizes.cold.docs) {
      const trace = loadTrace(doc.targetBytes, tmpDir);
      traces.set(doc.key, trace);
      preload[doc.key] = path.join(traceDir, `${doc.key}.bin`);
      fs.writeFileSync(preload[doc.key]!, trace.update);
      log(`trace ${doc.key}: ${trace.update.length} bytes, ${trace.ops} edits`);
    }
  }
  const workerScript = path.join(ROOT, 'tests/bench/load/worker.ts');
  const templateReady = servers.includes('sakutei') ? prepareSakuteiTemplate(documentKeys(sizes, workloads), preload) : Promise.resolve(null);
  templateReady.catch(() => {}); // awaited below; a failure is reported there
  // Smoke mode only checks that everything works: the peers run while Sakutei's folder is prepared.
  const overlap = mode === 'smoke';
  const [template, bulkA, bulkB, writer, poller] = await Promise.all([
    overlap ? Promise.resolve(null) : templateReady,
    WorkerProcess.start(workerScript, 'load-a'),
    WorkerProcess.start(workerScript, 'load-b'),
    WorkerProcess.start(workerScript, 'load-writer'),
    servers.includes('sakutei') && workloads.includes('durability')
      ? WorkerProcess.start(path.join(ROOT, 'tests/bench/load/dbPoller.ts'), 'db-poller')
      : Promise.resolve(null),
  ]);
  const loadProcesses = [bulkA!, bulkB!, writer!];
  if (template) log(`Sakutei data folder prepared: ${Object.keys(template.manifest).length} plans`);
  const sakuteiTemplate = async () => template ?? (await templateReady)!;

  const rows: Row[] = [];
  const labels: Record<string, string> = {};
  const overBudget = () => (performance.now() - began) / 1000 > BUDGET_S[mode];

  async function runTask(server: BenchServer, task: Task): Promise<void> {
    if (overBudget()) {
      rows.push(failedRow(task, server.name, 'skipped: over the time budget'));
      return;
    }
    log(`${task.workload} ${task.variant} on ${server.name}`);
    const ctx: Ctx = { server, sizes, bulk: [bulkA!, bulkB!], writer: writer!, poller, log, traces };
    const t0 = performance.now();
    const noticedBefore = server.noticed().length;
    try {
      const row = await task.run(ctx);
      // What the server said meanwhile (warnings about closed sockets, errors) goes with the row.
      const said = server.noticed().slice(noticedBefore);
      if (said.length > 0) row.details = { ...row.details, serverLogLines: said.length, serverLog: said.slice(0, 8) };
      rows.push(row);
      log(`  done in ${((performance.now() - t0) / 1000).toFixed(1)} s; converged: ${row.converged ? 'yes' : `NO (${row.convergence})`}`);
    } catch (err) {
      const message = server.alive() ? (err as Error).message : `server exited: ${server.output().slice(-1500)}`;
      log(`  failed: ${message.split('\n')[0]}`);
      rows.push(failedRow(task, server.name, message));
      // Leave no client of a failed workload behind for the next one.
      await Promise.allSettled(loadProcesses.map((w) => w.call('close')));
      await Promise.allSettled([poller?.call('stop')]);
    }
  }

  /** A server that will not start is a finding for the task at hand, not the end of the run. */
  async function startOrReport(name: ServerName, task: Task): Promise<BenchServer | null> {
    try {
      return await startServer(name, sakuteiTemplate);
    } catch (err) {
      log(`  ${name} did not start: ${(err as Error).message.split('\n')[0]}`);
      rows.push(failedRow(task, name, `server did not start: ${(err as Error).message}`));
      return null;
    }
  }

  const list = tasks();
  try {
    if (reuse) {
      const order = overlap ? [...servers].sort((a, b) => Number(a === 'sakutei') - Number(b === 'sakutei')) : servers;
      for (const name of order) {
        let server: BenchServer | null = null;
        for (const task of list) {
          if (!server || !server.alive()) server = await startOrReport(name, task);
          if (!server) continue;
          labels[name] = server.label;
          await runTask(server, task);
        }
        await server?.stop();
      }
    } else {
      for (const task of list) {
        for (const name of servers) {
          if (overBudget()) {
            rows.push(failedRow(task, name, 'skipped: over the time budget'));
            continue;
          }
          const server = await startOrReport(name, task);
          if (!server) continue;
          labels[name] = server.label;
          try {
            await runTask(server, task);
          } finally {
            await server.stop();
          }
        }
      }
    }
  } finally {
    for (const w of [...loadProcesses, poller]) w?.stop();
    const made = await templateReady.catch(() => null);
    if (made) removeNow(made.dir);
    removeNow(traceDir);
  }

  const durationS = (performance.now() - began) / 1000;
  const table = buildTable(rows, servers);
  console.log('');
  console.log(renderTable(table, servers, LABELS));
  console.log('');
  console.log(machineSummary(rows));
  for (const r of rows) {
    const lines = r.details?.serverLogLines as number | undefined;
    if (lines) console.log(`Server log during ${r.workload} ${r.variant} on ${r.server}: ${lines} warning/error line(s), e.g. ${String((r.details!.serverLog as string[])[0]).slice(0, 160)}`);
  }
  const bad = rows.filter((r) => r.error || !r.converged);
  console.log(
    bad.length === 0
      ? `Convergence: every run converged (${rows.length} runs).`
      : `Convergence: ${bad.length} of ${rows.length} runs did NOT converge or failed: ${bad.map((r) => `${r.workload} ${r.variant} on ${r.server}`).join('; ')}`,
  );
  const json = {
    meta: {
      mode,
      startedAt,
      durationS: Number(durationS.toFixed(1)),
      node: process.version,
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model ?? null,
      memoryGb: Number((os.totalmem() / 2 ** 30).toFixed(1)),
      loadAverageBefore: loadBefore,
      machineBeforeStart: quiet,
      loadAverageAfter: os.loadavg(),
      servers: labels,
      sakuteiRevision: revision,
      workloads,
      freshServerPerWorkload: !reuse,
      sizes,
      method: METHOD,
    },
    rows,
    table,
  };
  fs.mkdirSync(path.dirname(outFile), { recursive: true });
  fs.writeFileSync(outFile, `${JSON.stringify(json, null, 2)}\n`);
  console.log(`JSON: ${path.relative(process.cwd(), outFile) || outFile}; took ${durationS.toFixed(0)} s`);
  clearTimeout(hardStop);
  // Sakutei's own failures fail the command; a peer that cannot keep up is a finding, not an error.
  process.exitCode = bad.some((r) => r.server === 'sakutei' || r.error) ? 1 : 0;
}

/** The commit Sakutei ran from, and whether its code had uncommitted changes then. */
function sakuteiRevision(): { commit: string; uncommittedChanges: boolean } | null {
  try {
    const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--', 'server/src', 'shared/src'], { cwd: ROOT, encoding: 'utf8' }).trim();
    return { commit, uncommittedChanges: dirty.length > 0 };
  } catch {
    return null;
  }
}

/** What the machine did in the second before we started anything (all of it someone else's). */
async function machineQuiet(): Promise<{ otherPercent: number; stealPercent: number }> {
  const a = machineCpu();
  const self = process.cpuUsage();
  await new Promise((r) => setTimeout(r, 1000));
  const b = machineCpu();
  const own = process.cpuUsage(self);
  const pct = (us: number) => us / 10_000;
  return { otherPercent: Math.max(0, pct(b.processUs - a.processUs - own.user - own.system)), stealPercent: pct(b.stealUs - a.stealUs) };
}

/** The busiest the rest of the machine was during any timed phase. */
function machineSummary(rows: Row[]): string {
  let other = { v: 0, where: '' };
  let steal = { v: 0, where: '' };
  for (const r of rows) {
    const o = r.metrics.otherCpuPercent;
    const s = r.metrics.stealCpuPercent;
    if (typeof o === 'number' && o > other.v) other = { v: o, where: `${r.workload} ${r.variant} on ${r.server}` };
    if (typeof s === 'number' && s > steal.v) steal = { v: s, where: `${r.workload} ${r.variant} on ${r.server}` };
  }
  return `Machine during timed phases: other processes at most ${other.v.toFixed(0)}% of a core${other.where ? ` (${other.where})` : ''}; hypervisor steal at most ${steal.v.toFixed(0)}%${steal.where ? ` (${steal.where})` : ''}.`;
}

function failedRow(task: Task, server: string, error: string): Row {
  return { workload: task.workload, variant: task.variant, server, converged: false, convergence: 'not run to the end', failedConnections: 0, metrics: {}, error };
}

main().catch((err) => {
  console.error(err instanceof Error ? (err.stack ?? err.message) : err);
  killAll();
  process.exit(1);
});
