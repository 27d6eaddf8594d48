import type { ClientSpec } from '../load/pool';
import { sampleRss } from '../proc';
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
  droppedIn,
  hashesIn,
  openIn,
  round,
  sleep,
  verifyStock,
} from './common';

/**
 * Many small meetings: R rooms × 5 clients, each client editing its own paragraph at a
 * random place so that together they send `totalPerSecond` updates, spread evenly in time.
 * Latency is send → arrival at each of the room's other clients.
 */
export async function rooms(ctx: Ctx): Promise<Row> {
  const { rooms: count, perRoom, totalPerSecond, seconds } = ctx.sizes.rooms;
  const keys = Array.from({ length: count }, (_, r) => `rooms-${r}`);
  const targets = await ctx.server.targets(keys);
  const total = count * perRoom;
  const perClient = totalPerSecond / total;
  const periodMs = 1000 / perClient;
  // A room's clients share a process (their latency crosses the wire anyway); rooms alternate.
  const specs: ClientSpec[][] = ctx.bulk.map(() => []);
  targets.forEach((target, r) => {
    for (let c = 0; c < perRoom; c++) {
      const global = r * perRoom + c;
      specs[r % ctx.bulk.length]!.push({ target, id: c + 1, role: 'writer', phaseMs: ((global * 7919) % total) * (periodMs / total) });
    }
  });
  const opened = await openIn(ctx.bulk, specs);
  ctx.log(`  ${opened.opened}/${total} connections open`);
  await sleep(ctx.sizes.settleMs * 1.5);

  const rss = sampleRss(ctx.server.pid);
  const meter = new Meter(ctx.server.pid, loadPids(ctx));
  const written = await Promise.all(ctx.bulk.map((w) => w.call<WriteResult>('write', { perSecond: perClient, durationMs: seconds * 1000, position: 'random', fillerWords: 3 })));
  const perWriter = written.flatMap((w) => w.perWriter);
  // CPU % is the steady state while editing; µs per update also counts the tail of delivery.
  const during = meter.stop();
  const collected = await Promise.all(ctx.bulk.map((w) => w.call<CollectResult>('collect', { perWriter, waitMs: 20_000 })));
  const cpu = meter.stop();
  const memory = rss.stop();

  const sent = written.reduce((n, w) => n + w.sent, 0);
  const lat = summarizeMs(collected.flatMap((c) => c.latenciesUs));
  const missing = collected.reduce((n, c) => n + c.missing, 0);
  const dropped = await droppedIn(ctx.bulk);
  const conv = checkConvergence(await hashesIn(ctx.bulk), await verifyStock(ctx, targets));
  await closeIn(ctx.bulk);
  return {
    workload: 'rooms',
    variant: `${count}×${perRoom}`,
    server: ctx.server.name,
    converged: conv.converged && missing === 0,
    convergence: missing === 0 ? conv.convergence : `${missing} deliveries missing; ${conv.convergence}`,
    failedConnections: opened.failed + dropped.count,
    stockIncompleteAtSynced: conv.stockIncomplete,
    metrics: {
      connections: opened.opened,
      updates: sent,
      updatesPerSecond: round(sent / seconds, 1),
      p50Ms: round(lat.p50),
      p99Ms: round(lat.p99),
      maxMs: round(lat.max),
      missingDeliveries: missing,
      serverCpuPercent: round(during.server.percent, 1),
      cpuUsPerUpdate: round(cpu.server.cpuUs / sent, 1),
      rssMb: round(memory.lastKb / 1024, 1),
      peakRssMb: round(memory.peakKb / 1024, 1),
      ...machineMetrics(during),
      connectP99Ms: round(summarizeMs(opened.connectMs.map((ms) => ms * 1000)).p99, 1),
      writerMaxLateMs: round(Math.max(...written.map((w) => w.maxLateMs)), 1),
    },
    details: { cpu: cpu.server, failures: opened.failures, dropped: dropped.reasons },
  };
}
