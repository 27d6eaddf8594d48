import type { Row } from './workloads/common';

/**
 * The printed table (one line per figure, servers side by side, Sakutei/peer ratios, the
 * issue's target and whether it is met) and the JSON written next to it.
 */
type Line = {
  workload: string;
  /** Only rows of this variant (fan-out 1→500, say), or every variant when absent. */
  variant?: string;
  metric: string;
  label: string;
  target?: { max: number; text: string };
  /** The issue's figures for the peers (reference / Hocuspocus), for comparison. */
  issue?: string;
  /** No Sakutei/peer ratio: counts, sizes, and figures where higher is better. */
  noRatio?: true;
};

const LINES: Line[] = [
  { workload: 'fanout', metric: 'p50Ms', label: 'propagation p50 ms' },
  { workload: 'fanout', metric: 'p99Ms', label: 'propagation p99 ms' },
  { workload: 'fanout', variant: '1→500', metric: 'p99Ms', label: 'propagation p99 ms', target: { max: 20, text: '≤ 20' }, issue: '52 / 45' },
  { workload: 'fanout', metric: 'maxMs', label: 'propagation max ms' },
  { workload: 'fanout', metric: 'cpuUsPerUpdatePerObserver', label: 'server CPU µs / update / observer' },
  { workload: 'fanout', variant: '1→500', metric: 'cpuUsPerUpdatePerObserver', label: 'server CPU µs / update / observer', target: { max: 2.5, text: '≤ 2.5' }, issue: '5.1 / 7.6' },
  { workload: 'rooms', metric: 'p50Ms', label: 'latency p50 ms' },
  { workload: 'rooms', metric: 'p99Ms', label: 'latency p99 ms', target: { max: 3, text: '≤ 3' }, issue: '3.7 / 4.5' },
  { workload: 'rooms', metric: 'serverCpuPercent', label: 'server CPU %' },
  { workload: 'rooms', metric: 'cpuUsPerUpdate', label: 'server CPU µs / update', target: { max: 120, text: '≤ 120' }, issue: '232 / 322' },
  { workload: 'rooms', metric: 'rssMb', label: 'server RSS MB' },
  { workload: 'rooms', metric: 'failedConnections', label: 'failed connections', noRatio: true },
  { workload: 'idle', metric: 'kbPerConnection', label: 'RSS KB / connection (after full GC)', target: { max: 10, text: '≤ 10' }, issue: '21.9 / 30.2' },
  { workload: 'idle', metric: 'jsKbPerConnection', label: 'JS heap+external KB / connection' },
  { workload: 'idle', metric: 'rssMb', label: 'server RSS MB' },
  { workload: 'idle', metric: 'joinCpuUsPerConnection', label: 'server CPU µs / join (upgrade…sync)' },
  { workload: 'idle', metric: 'failedConnections', label: 'failed connections', noRatio: true },
  { workload: 'cold', metric: 'stateBytes', label: 'state bytes', noRatio: true },
  { workload: 'cold', metric: 'freshP50Ms', label: 'one fresh client p50 ms' },
  { workload: 'cold', metric: 'freshP95Ms', label: 'one fresh client p95 ms' },
  { workload: 'cold', metric: 'joinersP95Ms', label: 'joiners at once p95 ms' },
  { workload: 'cold', variant: '1 MB', metric: 'joinersP95Ms', label: 'joiners at once p95 ms', target: { max: 100, text: '≤ 100' }, issue: '539 / 427' },
  { workload: 'cold', metric: 'joinersP99Ms', label: 'joiners at once p99 ms' },
  { workload: 'cold', metric: 'joinersOpenP95Ms', label: '… of which socket open p95 ms' },
  { workload: 'cold', metric: 'firstOpenMs', label: 'first open from disk ms' },
  { workload: 'durability', metric: 'durability', label: 'durability' },
  { workload: 'durability', metric: 'onDiskP50Ms', label: 'accepted → on disk p50 ms' },
  { workload: 'durability', metric: 'onDiskP99Ms', label: 'accepted → on disk p99 ms' },
  { workload: 'durability', metric: 'onDiskMaxMs', label: 'accepted → on disk max ms' },
  { workload: 'durability', metric: 'seenBeforeOnDisk', label: 'seen by a client before on disk', noRatio: true },
  { workload: 'durability', metric: 'maybeSeenBeforeOnDisk', label: '… or maybe (within the 2 ms probe)', noRatio: true },
  { workload: 'durability', metric: 'relayP99Ms', label: 'relay to a client p99 ms' },
  { workload: 'awareness', metric: 'serverCpuPercent', label: 'server CPU %' },
  { workload: 'awareness', metric: 'cpuUsPerUpdate', label: 'server CPU µs / awareness update' },
  { workload: 'awareness', metric: 'deliveredPercent', label: 'caret states delivered % (8 s drain)', noRatio: true },
  { workload: 'awareness', metric: 'cpuUsPerDelivery', label: 'server CPU µs / delivered caret state' },
  { workload: 'awareness', metric: 'probeP99Ms', label: 'caret propagation p99 ms' },
];

export type TableLine = {
  section: string;
  label: string;
  values: Record<string, number | string | null>;
  ratios: Record<string, number | null>;
  target: string | null;
  met: boolean | null;
  issue: string | null;
};

const fmt = (v: number | string | null | undefined): string => {
  if (v === null || v === undefined) return '—';
  if (typeof v === 'string') return v;
  if (!Number.isFinite(v)) return '—';
  const abs = Math.abs(v);
  return abs >= 1000 ? v.toFixed(0) : abs >= 100 ? v.toFixed(1) : abs >= 1 ? v.toFixed(2) : v.toFixed(3);
};

/** Builds the table lines for the rows present, in the order of LINES, then the convergence lines. */
export function buildTable(rows: Row[], servers: string[]): TableLine[] {
  const groups: Array<{ workload: string; variant: string }> = [];
  for (const r of rows) if (!groups.some((g) => g.workload === r.workload && g.variant === r.variant)) groups.push({ workload: r.workload, variant: r.variant });
  const lines: TableLine[] = [];
  for (const g of groups) {
    const section = `${g.workload} ${g.variant}`;
    const pick = (server: string) => rows.find((r) => r.workload === g.workload && r.variant === g.variant && r.server === server);
    for (const line of LINES) {
      if (line.workload !== g.workload) continue;
      // A line with a variant replaces the general one for that variant.
      if (line.variant !== undefined && line.variant !== g.variant) continue;
      if (line.variant === undefined && LINES.some((l) => l.workload === line.workload && l.metric === line.metric && l.variant === g.variant)) continue;
      const values: TableLine['values'] = {};
      for (const s of servers) {
        const row = pick(s);
        values[s] = row ? (row.error ? 'error' : line.metric === 'failedConnections' ? row.failedConnections : (row.metrics[line.metric] ?? null)) : null;
      }
      if (Object.values(values).every((v) => v === null)) continue;
      const ratios: TableLine['ratios'] = {};
      const mine = values.sakutei;
      for (const s of servers) {
        if (s === 'sakutei') continue;
        const peer = values[s];
        ratios[s] = !line.noRatio && typeof mine === 'number' && typeof peer === 'number' && peer !== 0 ? mine / peer : null;
      }
      const met = line.target && typeof mine === 'number' ? mine <= line.target.max : null;
      lines.push({ section, label: line.label, values, ratios, target: line.target?.text ?? null, met, issue: line.issue ?? null });
    }
    const conv: TableLine['values'] = {};
    for (const s of servers) {
      const row = pick(s);
      conv[s] = row ? (row.error ? 'error' : row.converged ? 'yes' : 'NO') : null;
    }
    lines.push({ section, label: 'converged', values: conv, ratios: {}, target: null, met: null, issue: null });
    const late: TableLine['values'] = {};
    for (const s of servers) late[s] = pick(s)?.stockIncompleteAtSynced ?? null;
    if (Object.values(late).some((v) => v !== null)) {
      lines.push({ section, label: "stock client incomplete at 'synced'", values: late, ratios: {}, target: null, met: null, issue: null });
    }
  }
  return lines;
}

export function renderTable(lines: TableLine[], servers: string[], labels: Record<string, string>): string {
  const peers = servers.filter((s) => s !== 'sakutei');
  const hasSakutei = servers.includes('sakutei');
  const header = [
    'figure',
    ...servers.map((s) => labels[s] ?? s),
    ...(hasSakutei ? peers.map((p) => `S/${p === 'reference' ? 'ref' : p === 'hocuspocus' ? 'hp' : p}`) : []),
    'target',
    'met',
    'issue ref/hp',
  ];
  const body: string[][] = [];
  let section = '';
  for (const l of lines) {
    if (l.section !== section) {
      section = l.section;
      body.push([`[${section}]`]);
    }
    body.push([
      `  ${l.label}`,
      ...servers.map((s) => fmt(l.values[s])),
      ...(hasSakutei ? peers.map((p) => (l.ratios[p] === null || l.ratios[p] === undefined ? '' : `${fmt(l.ratios[p])}×`)) : []),
      l.target ?? '',
      l.met === null ? '' : l.met ? 'yes' : 'NO',
      l.issue ?? '',
    ]);
  }
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((r) => (r.length > 1 ? (r[i] ?? '').length : 0))));
  const pad = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [pad(header), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map((r) => (r.length === 1 ? r[0]! : pad(r)))].join('\n');
}
