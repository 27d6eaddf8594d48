import type { ClientSpec } from '../load/pool';
import { rssKb } from '../proc';
import { type Inspector, inspect } from '../servers/inspector';
import { summarize } from '../stats';
import { type Ctx, Meter, type Row, checkConvergence, closeIn, droppedIn, hashesIn, loadPids, machineMetrics, openIn, round, sleep, verifyStock } from './common';

/**
 * Memory after full collections (forced through the inspector) once RSS has levelled; heap
 * and external come from the server's own process.memoryUsage(). Without the forced
 * collections the RSS figure swung by a factor of 3 between runs, depending on when each heap
 * had last been collected. What no one can collect on demand still moves RSS a few MB at
 * its own time (tsx's loader thread has a heap of its own, largest for Sakutei's many
 * modules), so the JS figure is the steadier of the two.
 */
async function settledMemory(ctx: Ctx, inspector: Inspector | null) {
  const how = ctx.sizes.idle.memory;
  if (how === 'plain' || !inspector) return { rssKb: rssKb(ctx.server.pid), readings: [], jsKb: null };
  await inspector.collectGarbage();
  await sleep(how === 'steady' ? 2000 : 500);
  await inspector.collectGarbage();
  // V8 hands freed pages back to the system some seconds after a collection: read until RSS
  // has stayed level (within 512 KB) for 3 s, 20 s at most, and take the median of that span.
  const span = how === 'steady' ? 7 : 3;
  const readings: number[] = [];
  const deadline = performance.now() + (how === 'steady' ? 20_000 : 0);
  for (;;) {
    readings.push(rssKb(ctx.server.pid));
    const last = readings.slice(-span);
    if (last.length === span && (how === 'gc' || Math.max(...last) - Math.min(...last) < 512)) break;
    if (last.length === span && performance.now() > deadline) break;
    await sleep(how === 'steady' ? 500 : 300);
  }
  const usage = await inspector.memoryUsage();
  return { rssKb: summarize(readings.slice(-span)).p50, readings, jsKb: (usage.heapUsed + usage.external) / 1024 };
}

/**
 * Idle connections: what one more open editor costs in server memory.
 * Rule, the same for every server: first one client per room (every room's document loaded,
 * with a paragraph in it), settle, full GC, RSS = baseline; then the other connections (all
 * synced, silent: no presence, so nothing but the server's own keep-alive), settle, full GC,
 * RSS = after. Per connection = (after − baseline) / connections added. Document memory is
 * in the baseline, so this is the connection's own cost. JS heap + external is given too.
 */
export async function idle(ctx: Ctx): Promise<Row> {
  const { rooms: count, connections, settleMs } = ctx.sizes.idle;
  const keys = Array.from({ length: count }, (_, r) => `idle-${r}`);
  const targets = await ctx.server.targets(keys);
  const perRoom = Math.round(connections / count);
  const first: ClientSpec[][] = ctx.bulk.map(() => []);
  const rest: ClientSpec[][] = ctx.bulk.map(() => []);
  targets.forEach((target, r) => {
    first[r % ctx.bulk.length]!.push({ target, id: 1, role: 'writer' });
    for (let c = 1; c < perRoom; c++) rest[(r + c) % ctx.bulk.length]!.push({ target, id: c + 1, role: 'observer' });
  });
  const meter = new Meter(ctx.server.pid, loadPids(ctx));
  const openedFirst = await openIn(ctx.bulk, first);
  await sleep(settleMs);
  const inspector = ctx.sizes.idle.memory === 'plain'
    ? null
    : await inspect(ctx.server).catch((err: Error) => {
        ctx.log(`  no forced GC (${err.message}); memory figures are noisier`);
        return null;
      });
  const baseline = await settledMemory(ctx, inspector);
  // What a join costs the server (upgrade, auth, room join, sync handshake), per connection.
  const joining = new Meter(ctx.server.pid, loadPids(ctx));
  const openedRest = await openIn(ctx.bulk, rest, 48);
  const joinCpu = joining.stop();
  ctx.log(`  ${openedFirst.opened + openedRest.opened}/${count * perRoom} connections open`);
  await sleep(settleMs);
  const after = await settledMemory(ctx, inspector);
  inspector?.close();
  const usage = meter.stop();
  const dropped = await droppedIn(ctx.bulk);
  const conv = checkConvergence(await hashesIn(ctx.bulk), await verifyStock(ctx, targets.slice(0, 20)));
  await closeIn(ctx.bulk);
  const added = openedRest.opened;
  return {
    workload: 'idle',
    variant: `${count * perRoom} conns / ${count} rooms`,
    server: ctx.server.name,
    converged: conv.converged,
    convergence: conv.convergence,
    failedConnections: openedFirst.failed + openedRest.failed + dropped.count,
    stockIncompleteAtSynced: conv.stockIncomplete,
    metrics: {
      connections: openedFirst.opened + openedRest.opened,
      baselineRssMb: round(baseline.rssKb / 1024, 1),
      rssMb: round(after.rssKb / 1024, 1),
      kbPerConnection: added > 0 ? round((after.rssKb - baseline.rssKb) / added, 2) : null,
      jsKbPerConnection: added > 0 && baseline.jsKb !== null && after.jsKb !== null ? round((after.jsKb - baseline.jsKb) / added, 2) : null,
      forcedGc: inspector ? 'yes' : 'no',
      joinCpuUsPerConnection: added > 0 ? round(joinCpu.server.cpuUs / added, 0) : null,
      joinP99Ms: round(summarize(openedRest.connectMs).p99, 1),
      ...machineMetrics(usage),
    },
    details: { rssReadingsKb: { baseline: baseline.readings, after: after.readings }, failures: { ...openedFirst.failures, ...openedRest.failures }, dropped: dropped.reasons },
  };
}
