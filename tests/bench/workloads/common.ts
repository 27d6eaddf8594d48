import type { ClientSpec } from '../load/pool';
import type { Target } from '../load/lightClient';
import { type CpuReading, type CpuSpan, cpuBetween, machineCpu, readCpu } from '../proc';
import type { WorkerProcess } from '../rpc';
import type { BenchServer } from '../servers/process';
import type { Sizes } from '../sizes';

/** What a workload gets: the server under test and the load processes. */
export type Ctx = {
  server: BenchServer;
  sizes: Sizes;
  /** Two processes for the crowds (observers, rooms, idle connections, joiners). */
  bulk: WorkerProcess[];
  /** One process for writers, holders and the stock-provider check. */
  writer: WorkerProcess;
  /** The SQLite probe (durability), when Sakutei runs. */
  poller: WorkerProcess | null;
  log: (line: string) => void;
  traces: Map<string, { update: Uint8Array; contentHash: string }>;
};

/** Every load process (their CPU is the clients' share of the machine). */
export function loadPids(ctx: Ctx): number[] {
  return [...ctx.bulk, ctx.writer, ...(ctx.poller ? [ctx.poller] : [])].map((w) => w.pid);
}

/** One line of results: a workload (and variant) on one server. */
export type Row = {
  workload: string;
  variant: string;
  server: string;
  converged: boolean;
  convergence: string;
  failedConnections: number;
  /** Stock providers (of those that checked the result) whose document was incomplete at 'synced'. */
  stockIncompleteAtSynced?: string;
  metrics: Record<string, number | string | null>;
  details?: Record<string, unknown>;
  error?: string;
};

export type OpenResult = { opened: number; failed: number; failures: Record<string, number>; connectMs: number[] };
export type WriteResult = { sent: number; skipped: number; maxLateMs: number; perWriter: Array<[string, number, number]>; elapsedMs: number };
export type CollectResult = { latenciesUs: number[]; delivered: number; missing: number; raw: Array<[number, number, number]> };
export type HashRow = { docName: string; id: number; hash: string };
export type Dropped = { count: number; reasons: Record<string, number> };
export type StockHash = { docName: string; hash: string | null; atSynced: string | null; failure?: string };

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Opens clients in the given processes (specs[i] in workers[i]) and adds up what happened. */
export async function openIn(workers: WorkerProcess[], specs: ClientSpec[][], concurrency = 32, syncTimeoutMs = 30_000) {
  const results = await Promise.all(workers.map((w, i) => (specs[i]?.length ? w.call<OpenResult>('open', { clients: specs[i], concurrency, syncTimeoutMs }) : null)));
  const total: OpenResult = { opened: 0, failed: 0, failures: {}, connectMs: [] };
  for (const r of results) {
    if (!r) continue;
    total.opened += r.opened;
    total.failed += r.failed;
    for (const [k, v] of Object.entries(r.failures)) total.failures[k] = (total.failures[k] ?? 0) + v;
    total.connectMs.push(...r.connectMs);
  }
  return total;
}

export async function closeIn(workers: WorkerProcess[]): Promise<Dropped> {
  const results = await Promise.all(workers.map((w) => w.call<Dropped>('close')));
  const total: Dropped = { count: 0, reasons: {} };
  for (const r of results) {
    total.count += r.count;
    for (const [k, v] of Object.entries(r.reasons)) total.reasons[k] = (total.reasons[k] ?? 0) + v;
  }
  return total;
}

export async function droppedIn(workers: WorkerProcess[]): Promise<Dropped> {
  const results = await Promise.all(workers.map((w) => w.call<Dropped>('dropped')));
  const total: Dropped = { count: 0, reasons: {} };
  for (const r of results) {
    total.count += r.count;
    for (const [k, v] of Object.entries(r.reasons)) total.reasons[k] = (total.reasons[k] ?? 0) + v;
  }
  return total;
}

/**
 * CPU of the server and of the load processes over a phase, and what else the machine did:
 * other processes (anything this benchmark did not start), interrupt handling, and time the
 * hypervisor stole. All in % of one core. Non-zero `otherPercent` or `stealPercent` means
 * something competed with the run and its figures are noisier.
 */
export type Usage = { server: CpuSpan; clientsPercent: number; otherPercent: number; irqPercent: number; stealPercent: number };

export class Meter {
  private readonly server: CpuReading;
  private readonly clients: CpuReading[];
  private readonly machine = machineCpu();
  private readonly selfUs = ownCpuMicros();

  constructor(
    private readonly serverPid: number,
    private readonly clientPids: number[],
  ) {
    this.server = readCpu(serverPid);
    this.clients = clientPids.map((pid) => readCpu(pid));
  }

  stop(): Usage {
    const server = cpuBetween(this.server, readCpu(this.serverPid));
    const clients = this.clientPids.map((pid, i) => cpuBetween(this.clients[i]!, readCpu(pid)));
    const clientsPercent = clients.reduce((s, c) => s + c.percent, 0);
    const machine = machineCpu();
    const pct = (us: number) => (us / 1000 / server.wallMs) * 100;
    const selfPercent = pct(ownCpuMicros() - this.selfUs);
    // Tick-resolution noise can make this slightly negative on a quiet machine.
    const otherPercent = Math.max(0, pct(machine.processUs - this.machine.processUs) - server.percent - clientsPercent - selfPercent);
    return {
      server,
      clientsPercent,
      otherPercent,
      irqPercent: pct(machine.irqUs - this.machine.irqUs),
      stealPercent: pct(machine.stealUs - this.machine.stealUs),
    };
  }
}

function ownCpuMicros(): number {
  const u = process.cpuUsage();
  return u.user + u.system;
}

/**
 * Convergence: within each document every client's content hash is the same, and the same
 * as what a stock provider reads from the server afterwards. Also counted: stock providers
 * whose document was not yet complete when they reported `synced` (the rest came after).
 */
export function checkConvergence(hashes: HashRow[], stock: StockHash[]): { converged: boolean; convergence: string; stockIncomplete: string } {
  const byDoc = new Map<string, Set<string>>();
  for (const h of hashes) {
    const set = byDoc.get(h.docName) ?? new Set();
    set.add(h.hash);
    byDoc.set(h.docName, set);
  }
  const problems: string[] = [];
  for (const [doc, set] of byDoc) if (set.size !== 1) problems.push(`${doc}: ${set.size} different contents among its clients`);
  for (const s of stock) {
    if (s.hash === null) problems.push(`${s.docName}: stock provider failed (${s.failure})`);
    else if (byDoc.has(s.docName) && !byDoc.get(s.docName)!.has(s.hash)) problems.push(`${s.docName}: stock provider reads other content`);
  }
  const stockIncompleteAtSynced = stock.filter((s) => s.hash !== null && s.atSynced !== s.hash).length;
  const docs = byDoc.size;
  const clients = hashes.length;
  const late = stockIncompleteAtSynced > 0 ? `; ${stockIncompleteAtSynced} of ${stock.length} stock providers were incomplete at 'synced'` : '';
  if (problems.length === 0) {
    return {
      converged: true,
      convergence: `${clients} clients on ${docs} document(s) identical; stock provider agrees on ${stock.length}${late}`,
      stockIncomplete: `${stockIncompleteAtSynced} of ${stock.length}`,
    };
  }
  return {
    converged: false,
    convergence: `${problems.length} problem(s): ${problems.slice(0, 3).join('; ')}${late}`,
    stockIncomplete: `${stockIncompleteAtSynced} of ${stock.length}`,
  };
}

export async function hashesIn(workers: WorkerProcess[]): Promise<HashRow[]> {
  return (await Promise.all(workers.map((w) => w.call<HashRow[]>('hashes')))).flat();
}

export function verifyStock(ctx: Ctx, targets: Target[]): Promise<StockHash[]> {
  return ctx.writer.call<StockHash[]>('verify', { targets, concurrency: 16, timeoutMs: 30_000 });
}

/** Round-robin split of items over n parts. */
export function deal<T>(items: T[], n: number): T[][] {
  const parts: T[][] = Array.from({ length: n }, () => []);
  items.forEach((item, i) => parts[i % n]!.push(item));
  return parts;
}

export const round = (v: number, digits = 2) => (Number.isFinite(v) ? Number(v.toFixed(digits)) : null);

/** The machine-side figures of a phase, for a row's metrics. */
export function machineMetrics(u: Usage): Record<string, number | null> {
  return {
    clientCpuPercent: round(u.clientsPercent, 1),
    otherCpuPercent: round(u.otherPercent, 1),
    irqCpuPercent: round(u.irqPercent, 1),
    stealCpuPercent: round(u.stealPercent, 1),
  };
}
