import type { ClientSpec } from '../load/pool';
import { summarizeMs } from '../stats';
import {
  type CollectResult,
  type Ctx,
  Meter,
  loadPids,
  machineMetrics,
  type Row,
  type WriteResult,
  checkConvergence,
  closeIn,
  deal,
  droppedIn,
  hashesIn,
  openIn,
  round,
  sleep,
  verifyStock,
} from './common';

/**
 * Fan-out: one writer types into a document N observers have open. Propagation = an
 * observer's arrival time minus the send time in the marker; server CPU per update per
 * observer = server CPU over the phase / (updates × N).
 */
export async function fanout(ctx: Ctx, observers: number): Promise<Row> {
  const { perSecond, seconds } = ctx.sizes.fanout;
  const [target] = await ctx.server.targets([`fanout-${observers}`]);
  const receivers = observers >= 100 ? ctx.bulk : ctx.bulk.slice(0, 1);
  const specs: ClientSpec[] = Array.from({ length: observers }, (_, i) => ({ target: target!, id: i + 1, role: 'observer' }));
  const opened = await openIn(receivers, deal(specs, receivers.length));
  const writerOpen = await openIn([ctx.writer], [[{ target: target!, id: 0, role: 'writer' }]]);
  if (writerOpen.opened !== 1) throw new Error(`writer could not connect: ${JSON.stringify(writerOpen.failures)}`);
  ctx.log(`  ${opened.opened}/${observers} observers connected`);
  await sleep(ctx.sizes.settleMs);

  const meter = new Meter(ctx.server.pid, loadPids(ctx));
  const written = await ctx.writer.call<WriteResult>('write', { perSecond, durationMs: seconds * 1000, position: 'end', fillerWords: 4 });
  const collected = await Promise.all(receivers.map((w) => w.call<CollectResult>('collect', { perWriter: written.perWriter, waitMs: 20_000 })));
  const cpu = meter.stop();

  const latencies = collected.flatMap((c) => c.latenciesUs);
  const missing = collected.reduce((n, c) => n + c.missing, 0);
  const lat = summarizeMs(latencies);
  const dropped = await droppedIn([...receivers, ctx.writer]);
  const conv = checkConvergence(await hashesIn([...receivers, ctx.writer]), await verifyStock(ctx, [target!]));
  await closeIn([...receivers, ctx.writer]);
  const deliveries = written.sent * opened.opened;
  return {
    workload: 'fanout',
    variant: `1→${observers}`,
    server: ctx.server.name,
    converged: conv.converged && missing === 0,
    convergence: missing === 0 ? conv.convergence : `${missing} deliveries missing; ${conv.convergence}`,
    failedConnections: opened.failed + dropped.count,
    stockIncompleteAtSynced: conv.stockIncomplete,
    metrics: {
      observers: opened.opened,
      updates: written.sent,
      p50Ms: round(lat.p50),
      p99Ms: round(lat.p99),
      maxMs: round(lat.max),
      missingDeliveries: missing,
      serverCpuMs: round(cpu.server.cpuUs / 1000, 1),
      cpuUsPerUpdatePerObserver: round(cpu.server.cpuUs / deliveries, 3),
      serverCpuPercent: round(cpu.server.percent, 1),
      ...machineMetrics(cpu),
      writerMaxLateMs: round(written.maxLateMs, 1),
    },
    details: { cpu: cpu.server, failures: opened.failures, dropped: dropped.reasons },
  };
}
