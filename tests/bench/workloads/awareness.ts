import type { ClientSpec } from '../load/pool';
import { summarizeMs } from '../stats';
import { type Ctx, Meter, loadPids, machineMetrics, type Row, type WriteResult, closeIn, deal, droppedIn, openIn, round, sleep } from './common';

/** How long after the last caret moved its delivery may take before the rest counts as not delivered. */
const DRAIN_MS = 8000;

type PresenceReport = { latenciesUs: number[]; seen: number; clientsShort: number };

/**
 * Presence: C clients in one room each move a caret (an awareness update) `perSecond`,
 * phases spread evenly, for `seconds`. Server CPU % and CPU µs per awareness update sent.
 * A few probe clients time arrival (marker in the caret state); every client counts the
 * caret states it receives. Converged = every client received every caret update.
 */
export async function awareness(ctx: Ctx): Promise<Row> {
  const { clients, perSecond, seconds, probes } = ctx.sizes.awareness;
  const [target] = await ctx.server.targets(['awareness']);
  const periodMs = 1000 / perSecond;
  const probeEvery = Math.max(1, Math.floor(clients / probes));
  const specs: ClientSpec[] = Array.from({ length: clients }, (_, i) => ({
    target: target!,
    id: i + 1,
    role: 'presence',
    phaseMs: (i * periodMs) / clients,
    probe: i % probeEvery === 0,
  }));
  const opened = await openIn(ctx.bulk, deal(specs, ctx.bulk.length));
  ctx.log(`  ${opened.opened}/${clients} presence clients connected`);
  await sleep(ctx.sizes.settleMs);

  const meter = new Meter(ctx.server.pid, loadPids(ctx));
  const sentBy = await Promise.all(ctx.bulk.map((w) => w.call<WriteResult>('presence', { perSecond, durationMs: seconds * 1000 })));
  const sent = sentBy.reduce((n, s) => n + s.sent, 0);
  // CPU % is the steady state while carets move; µs per update also counts the tail of delivery.
  const during = meter.stop();
  // Everyone hears every caret (servers echo a client's own state back too).
  const reports = await Promise.all(ctx.bulk.map((w) => w.call<PresenceReport>('presenceReport', { waitMs: DRAIN_MS, expectedPerClient: sent })));
  const cpu = meter.stop();
  const dropped = await droppedIn(ctx.bulk);
  await closeIn(ctx.bulk);

  const seen = reports.reduce((n, r) => n + r.seen, 0);
  const short = reports.reduce((n, r) => n + r.clientsShort, 0);
  const lat = summarizeMs(reports.flatMap((r) => r.latenciesUs));
  const expected = sent * opened.opened;
  return {
    workload: 'awareness',
    variant: `${clients} clients × ${perSecond} Hz`,
    server: ctx.server.name,
    converged: short === 0 && dropped.count === 0,
    convergence:
      short === 0
        ? `every client received all ${sent} caret updates`
        : `${short} clients still missing caret updates ${DRAIN_MS / 1000} s after the last was sent (${seen} of ${expected} delivered: a backlog)`,
    failedConnections: opened.failed + dropped.count,
    metrics: {
      clients: opened.opened,
      updates: sent,
      serverCpuPercent: round(during.server.percent, 1),
      cpuUsPerUpdate: round(cpu.server.cpuUs / sent, 1),
      cpuUsPerDelivery: round(cpu.server.cpuUs / Math.max(1, seen), 3),
      delivered: seen,
      expected,
      deliveredPercent: round((seen / Math.max(1, expected)) * 100, 1),
      probeP50Ms: round(lat.p50),
      probeP99Ms: round(lat.p99),
      ...machineMetrics(during),
      drainMs: round(cpu.server.wallMs - during.server.wallMs, 0),
    },
    details: { cpu: cpu.server, failures: opened.failures, dropped: dropped.reasons },
  };
}
