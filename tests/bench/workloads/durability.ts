import { summarizeMs } from '../stats';
import {
  type CollectResult,
  type Ctx,
  type Row,
  type WriteResult,
  Meter,
  checkConvergence,
  closeIn,
  droppedIn,
  hashesIn,
  loadPids,
  machineMetrics,
  openIn,
  round,
  sleep,
  verifyStock,
} from './common';

type Seen = { writer: number; seq: number; diskUs: number; notYetUs: number };

/**
 * Durability window: from an update's send to its being in the database where another
 * process can read it (Sakutei's SQLite, probed every 2 ms by load/dbPoller.ts). Also: how
 * many updates another client saw before they were on disk. The peers keep documents in
 * memory only; they run the same writer and observer so their row still checks convergence.
 */
export async function durability(ctx: Ctx): Promise<Row> {
  const { perSecond, seconds } = ctx.sizes.durability;
  const [target] = await ctx.server.targets(['durability']);
  const writerOpen = await openIn([ctx.writer], [[{ target: target!, id: 0, role: 'writer' }]]);
  const observerOpen = await openIn([ctx.bulk[0]!], [[{ target: target!, id: 1, role: 'observer' }]]);
  if (writerOpen.opened + observerOpen.opened !== 2) throw new Error('writer or observer could not connect');
  await sleep(ctx.sizes.settleMs / 2);
  const probing = ctx.server.dbPath !== null && ctx.poller !== null;
  if (probing) await ctx.poller!.call('start', { dbPath: ctx.server.dbPath, everyMs: 2 });
  const meter = new Meter(ctx.server.pid, loadPids(ctx));
  const written = await ctx.writer.call<WriteResult>('write', { perSecond, durationMs: seconds * 1000, position: 'end', fillerWords: 4 });
  const usage = meter.stop();
  const [observed] = await Promise.all([ctx.bulk[0]!.call<CollectResult>('collect', { perWriter: written.perWriter, waitMs: 10_000, raw: true })]);
  await sleep(ctx.sizes.settleMs);
  const disk = probing ? await ctx.poller!.call<{ polls: number; seen: Seen[] }>('stop') : null;

  const dropped = await droppedIn([ctx.writer, ctx.bulk[0]!]);
  const conv = checkConvergence(await hashesIn([ctx.writer, ctx.bulk[0]!]), await verifyStock(ctx, [target!]));
  await closeIn([ctx.writer, ctx.bulk[0]!]);
  const relay = summarizeMs(observed!.latenciesUs);
  const metrics: Row['metrics'] = { updates: written.sent, relayP50Ms: round(relay.p50), relayP99Ms: round(relay.p99), ...machineMetrics(usage) };
  if (disk) {
    const window = summarizeMs(disk.seen.map((s) => s.diskUs));
    const notYet = summarizeMs(disk.seen.map((s) => s.notYetUs));
    const diskBy = new Map(disk.seen.map((s) => [`${s.writer}.${s.seq}`, s]));
    // Certainly seen first: the client had it before a read that did not find it on disk yet.
    // Maybe: it arrived between that read and the one that found it (the probe's resolution).
    let seenFirst = 0;
    let maybeFirst = 0;
    for (const [w, seq, us] of observed!.raw) {
      const d = diskBy.get(`${w}.${seq}`);
      if (!d) continue;
      if (us < d.notYetUs) seenFirst++;
      else if (us < d.diskUs) maybeFirst++;
    }
    Object.assign(metrics, {
      durability: 'SQLite (WAL)',
      onDiskP50Ms: round(window.p50),
      onDiskP99Ms: round(window.p99),
      onDiskMaxMs: round(window.max),
      // The commit fell between the read that missed it and the one that found it.
      onDiskLowerBoundP50Ms: round(notYet.p50),
      onDiskLowerBoundP99Ms: round(notYet.p99),
      notSeenOnDisk: written.sent - disk.seen.length,
      seenBeforeOnDisk: seenFirst,
      maybeSeenBeforeOnDisk: maybeFirst,
      pollEveryMs: 2,
    });
  } else {
    Object.assign(metrics, { durability: 'none (memory only)', onDiskP50Ms: null, onDiskP99Ms: null, onDiskMaxMs: null, seenBeforeOnDisk: null });
  }
  return {
    workload: 'durability',
    variant: `${perSecond}/s × ${seconds} s`,
    server: ctx.server.name,
    converged: conv.converged && observed!.missing === 0,
    convergence: observed!.missing === 0 ? conv.convergence : `${observed!.missing} deliveries missing; ${conv.convergence}`,
    failedConnections: dropped.count,
    stockIncompleteAtSynced: conv.stockIncomplete,
    metrics,
  };
}
