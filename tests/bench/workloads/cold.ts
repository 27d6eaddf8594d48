import { summarizeMs } from '../stats';
import { type Ctx, Meter, loadPids, machineMetrics, type OpenResult, type Row, closeIn, openIn, round, sleep } from './common';

type FetchReport = { ms: number[]; openMs: number[]; bytes: number; failures: string[]; distinctReplies: number; contentHashes: string[] };

/**
 * Cold load of a large document: one fresh client at a time (p50/p95 of `fresh`), then
 * `joiners` fresh clients at once (a council opening the plan as the meeting starts).
 * The document is loaded before timing, the same way for every server: a holder client
 * keeps it open (Sakutei: the holder's join loads it from disk, timed apart as
 * `firstOpenMs`; peers: the holder uploads the trace, since they keep nothing on disk).
 */
export async function cold(ctx: Ctx, doc: { key: string; label: string }): Promise<Row> {
  const { fresh, joiners } = ctx.sizes.cold;
  const trace = ctx.traces.get(doc.key)!;
  const [target] = await ctx.server.targets([doc.key]);
  const holder: OpenResult = await openIn([ctx.writer], [[{ target: target!, id: 0, role: 'observer' }]], 1, 60_000);
  if (holder.opened !== 1) throw new Error(`holder could not connect: ${JSON.stringify(holder.failures)}`);
  const firstOpenMs = ctx.server.preloaded.has(doc.key) ? holder.connectMs[0]! : null;
  if (!ctx.server.preloaded.has(doc.key)) await ctx.writer.call('upload', { update: trace.update });

  // Untimed: the server holds the trace (an upload may still be in flight) and has answered once.
  let check: FetchReport | null = null;
  for (let attempt = 0; attempt < 20; attempt++) {
    check = await ctx.bulk[0]!.call<FetchReport>('fresh', { target, count: 1, pauseMs: 0, timeoutMs: 60_000 });
    if (check.contentHashes[0] === trace.contentHash) break;
    await sleep(250);
  }
  if (check?.contentHashes[0] !== trace.contentHash) throw new Error('the server does not hold the trace document');

  const sequential = await ctx.bulk[0]!.call<FetchReport>('fresh', { target, count: fresh, pauseMs: 50, timeoutMs: 60_000 });
  await sleep(ctx.sizes.settleMs / 2);
  const meter = new Meter(ctx.server.pid, loadPids(ctx));
  const shares = ctx.bulk.map((_, i) => Math.floor(joiners / ctx.bulk.length) + (i < joiners % ctx.bulk.length ? 1 : 0));
  const together = await Promise.all(ctx.bulk.map((w, i) => w.call<FetchReport>('join', { target, count: shares[i], timeoutMs: 60_000 })));
  const cpu = meter.stop();
  await closeIn([ctx.writer]);

  const seq = summarizeMs(sequential.ms.map((ms) => ms * 1000));
  const all = summarizeMs(together.flatMap((t) => t.ms).map((ms) => ms * 1000));
  const opened = summarizeMs(together.flatMap((t) => t.openMs).map((ms) => ms * 1000));
  const hashes = new Set([...sequential.contentHashes, ...together.flatMap((t) => t.contentHashes)]);
  const failures = [...sequential.failures, ...together.flatMap((t) => t.failures)];
  const converged = hashes.size === 1 && hashes.has(trace.contentHash) && failures.length === 0;
  return {
    workload: 'cold',
    variant: doc.label,
    server: ctx.server.name,
    converged,
    convergence: converged
      ? `all ${seq.count + all.count} fresh clients got the trace's content (${new Set([sequential.distinctReplies, ...together.map((t) => t.distinctReplies)]).size === 1 ? 'byte-identical replies' : 'replies differ in bytes'})`
      : `${failures.length} failed; ${hashes.size} distinct contents, trace's ${hashes.has(trace.contentHash) ? 'among them' : 'missing'}`,
    failedConnections: failures.length,
    metrics: {
      stateBytes: sequential.bytes,
      freshP50Ms: round(seq.p50, 1),
      freshP95Ms: round(seq.p95, 1),
      joiners: all.count,
      joinersP50Ms: round(all.p50, 1),
      joinersP95Ms: round(all.p95, 1),
      joinersP99Ms: round(all.p99, 1),
      joinersMaxMs: round(all.max, 1),
      // Of that, until the socket was open (TCP, upgrade, auth): the rest is the reply.
      joinersOpenP50Ms: round(opened.p50, 1),
      joinersOpenP95Ms: round(opened.p95, 1),
      joinersServerCpuMs: round(cpu.server.cpuUs / 1000, 1),
      ...machineMetrics(cpu),
      firstOpenMs: firstOpenMs === null ? null : round(firstOpenMs, 1),
    },
    details: { failures },
  };
}
