import * as Y from 'yjs';
import { type LightClient as LightClientType, LightClient, type Target, whenSynced } from './lightClient';
import { addParagraph, contentHash, countMarkers, encodeAwarenessState, findMarkers, marker, prng, words } from './protocol';

/** How long receiving may stall before the rest is counted as lost. */
const STALL_MS = 3000;

/** One client of a pool, as the orchestrator describes it. */
export type ClientSpec = {
  target: Target;
  /** Unique across the run's clients on one document: the writer id in markers. */
  id: number;
  /** writer: edits its own paragraph; observer: only receives; presence: moves a caret. */
  role: 'writer' | 'observer' | 'presence';
  /** Offset of this client's first send within a period, ms (spreads a total rate evenly). */
  phaseMs?: number;
  /** Presence clients that time what they receive (the others only count). */
  probe?: boolean;
};

type PoolClient = {
  spec: ClientSpec;
  client: LightClientType;
  doc: Y.Doc | null;
  text: Y.XmlText | null;
  random: () => number;
  seq: number;
  awarenessClock: number;
  awarenessId: number;
  /** Presence markers seen, and the arrival times and frames of a probe's. */
  presenceSeen: number;
  presenceFrames: Array<{ at: bigint; frame: Buffer }>;
  /** Markers found so far in received update frames (scanned after the timing, not on arrival). */
  scanned: number;
  got: Map<number, Set<number>>;
  latenciesUs: number[];
};

/**
 * A process full of load clients. The orchestrator drives it phase by phase (open, write,
 * collect, check), so timing phases contain nothing but sending and receiving.
 */
export class Pool {
  private clients: PoolClient[] = [];

  async open(arg: { clients: ClientSpec[]; concurrency: number; syncTimeoutMs: number }) {
    const failures: string[] = [];
    const connectMs: number[] = [];
    let next = 0;
    const opened: PoolClient[] = [];
    const worker = async () => {
      while (next < arg.clients.length) {
        const spec = arg.clients[next++]!;
        const doc = spec.role === 'writer' ? new Y.Doc() : null;
        const client = new LightClient(spec.target, {
          doc: doc ?? undefined,
          keepUpdates: spec.role !== 'presence',
          onAwareness: spec.role === 'presence' ? (frame, at) => this.onPresence(entry, frame, at) : undefined,
        });
        const entry: PoolClient = {
          spec,
          client,
          doc,
          text: null,
          random: prng(spec.id * 7919 + 1),
          seq: 0,
          awarenessClock: 0,
          awarenessId: (spec.id * 2654435761) % 2 ** 31 || 1,
          presenceSeen: 0,
          presenceFrames: [],
          scanned: 0,
          got: new Map(),
          latenciesUs: [],
        };
        if (await whenSynced(client, arg.syncTimeoutMs)) {
          connectMs.push(Number(client.syncedNs! - client.startedNs) / 1e6);
          // A writer's own paragraph is made before any timing starts.
          if (doc) entry.text = addParagraph(doc);
          opened.push(entry);
        } else {
          failures.push(client.failure ?? 'no sync in time');
          client.close();
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(arg.concurrency, arg.clients.length) }, worker));
    this.clients.push(...opened);
    return { opened: opened.length, failed: failures.length, failures: summarizeReasons(failures), connectMs };
  }

  private onPresence(entry: PoolClient, frame: Buffer, at: bigint): void {
    entry.presenceSeen += countMarkers(frame);
    if (entry.spec.probe) entry.presenceFrames.push({ at, frame });
  }

  /**
   * Every writer inserts `~BM` markers into its paragraph at `perSecond`, offset by its phase,
   * for `durationMs`. One timer walks a merged timeline, so 500 writers cost 500 sends, not
   * 500 timers.
   */
  async write(arg: { perSecond: number; durationMs: number; position: 'end' | 'random'; fillerWords: number }) {
    return this.schedule(arg.perSecond, arg.durationMs, 'writer', (c) => {
      if (!c.client.open || !c.text || !c.doc) return false;
      const seq = ++c.seq;
      const text = marker(c.spec.id, seq, process.hrtime.bigint()) + words(c.random, arg.fillerWords);
      const at = arg.position === 'end' ? c.text.length : Math.floor(c.random() * (c.text.length + 1));
      c.text.insert(at, text);
      return true;
    });
  }

  /** Every presence client publishes a new caret at `perSecond` (y-protocols awareness update). */
  async presence(arg: { perSecond: number; durationMs: number }) {
    return this.schedule(arg.perSecond, arg.durationMs, 'presence', (c) => {
      if (!c.client.open) return false;
      const seq = ++c.seq;
      const pos = Math.floor(c.random() * 5000);
      const state = {
        user: { name: `bench ${c.spec.id}`, color: '#3366cc' },
        cursor: { anchor: pos, head: pos + (seq % 3), m: marker(c.spec.id, seq, process.hrtime.bigint()) },
      };
      c.client.send(c.client.framer.awareness(encodeAwarenessState(c.awarenessId, ++c.awarenessClock, state)));
      return true;
    });
  }

  private async schedule(perSecond: number, durationMs: number, role: ClientSpec['role'], act: (c: PoolClient) => boolean) {
    const periodMs = 1000 / perSecond;
    const events: Array<{ t: number; c: PoolClient }> = [];
    for (const c of this.clients) {
      if (c.spec.role !== role) continue;
      for (let t = (c.spec.phaseMs ?? 0) % periodMs; t < durationMs; t += periodMs) events.push({ t, c });
    }
    events.sort((a, b) => a.t - b.t);
    const start = performance.now();
    let sent = 0;
    let skipped = 0;
    let maxLateMs = 0;
    for (let i = 0; i < events.length; ) {
      // Always yield when nothing is due yet: spinning would delay what this process receives.
      const wait = start + events[i]!.t - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      const now = performance.now() - start;
      while (i < events.length && events[i]!.t <= now) {
        maxLateMs = Math.max(maxLateMs, now - events[i]!.t);
        if (act(events[i]!.c)) sent++;
        else skipped++;
        i++;
      }
    }
    // What each writer sent, so receivers know what to wait for.
    const perWriter: Array<[string, number, number]> = this.clients
      .filter((c) => c.spec.role === role && c.seq > 0)
      .map((c) => [c.spec.target.docName, c.spec.id, c.seq]);
    return { sent, skipped, maxLateMs, perWriter, elapsedMs: performance.now() - start };
  }

  /** Scans newly received update frames for markers; returns how many of the expected are still missing. */
  private scan(expected: Map<string, Array<[number, number]>>): number {
    let missing = 0;
    for (const c of this.clients) {
      if (c.spec.role === 'presence') continue;
      const updates = c.client.updates;
      for (; c.scanned < updates.length; c.scanned++) {
        const u = updates[c.scanned]!;
        for (const m of findMarkers(u.frame)) {
          if (m.writer === c.spec.id) continue; // our own edit, echoed back by some servers
          let seqs = c.got.get(m.writer);
          if (!seqs) c.got.set(m.writer, (seqs = new Set()));
          if (seqs.has(m.seq)) continue;
          seqs.add(m.seq);
          c.latenciesUs.push(Number(u.at - m.sentNs) / 1000);
        }
      }
      for (const [writer, count] of expected.get(c.spec.target.docName) ?? []) {
        if (writer === c.spec.id) continue;
        missing += count - (c.got.get(writer)?.size ?? 0);
      }
    }
    return missing;
  }

  /**
   * Waits (up to `waitMs`) until every client has every marker written on its document by
   * the others, then returns the propagation latencies, µs. `raw` adds one row per delivery.
   */
  async collect(arg: { perWriter: Array<[string, number, number]>; waitMs: number; raw?: boolean }) {
    const expected = new Map<string, Array<[number, number]>>();
    for (const [docName, writer, count] of arg.perWriter) {
      const list = expected.get(docName) ?? [];
      list.push([writer, count]);
      expected.set(docName, list);
    }
    const deadline = performance.now() + arg.waitMs;
    let missing = this.scan(expected);
    // Give up early when nothing more arrives for a while: what is missing is lost.
    let lastChange = performance.now();
    while (missing > 0 && performance.now() < deadline && performance.now() - lastChange < STALL_MS) {
      await new Promise((r) => setTimeout(r, 50));
      const now = this.scan(expected);
      if (now !== missing) lastChange = performance.now();
      missing = now;
    }
    const latenciesUs: number[] = [];
    let delivered = 0;
    const raw: Array<[number, number, number]> = [];
    for (const c of this.clients) {
      if (c.spec.role === 'presence') continue;
      delivered += c.latenciesUs.length;
      for (const l of c.latenciesUs) latenciesUs.push(l);
      if (arg.raw) {
        // Rebuild (writer, seq, latency) from the frames: only asked for by small workloads.
        for (const u of c.client.updates) for (const m of findMarkers(u.frame)) if (m.writer !== c.spec.id) raw.push([m.writer, m.seq, Number(u.at - m.sentNs) / 1000]);
      }
    }
    return { latenciesUs, delivered, missing, raw };
  }

  /** Presence: what the probes timed and what everyone counted. */
  async presenceReport(arg: { waitMs: number; expectedPerClient: number }) {
    const deadline = performance.now() + arg.waitMs;
    const short = () => this.clients.filter((c) => c.spec.role === 'presence' && c.presenceSeen < arg.expectedPerClient).length;
    const total = () => this.clients.reduce((n, c) => n + c.presenceSeen, 0);
    let last = total();
    let lastChange = performance.now();
    while (short() > 0 && performance.now() < deadline && performance.now() - lastChange < STALL_MS) {
      await new Promise((r) => setTimeout(r, 50));
      const now = total();
      if (now !== last) lastChange = performance.now();
      last = now;
    }
    const latenciesUs: number[] = [];
    let seen = 0;
    for (const c of this.clients) {
      if (c.spec.role !== 'presence') continue;
      seen += c.presenceSeen;
      for (const { at, frame } of c.presenceFrames) {
        for (const m of findMarkers(frame)) if (m.writer !== c.spec.id) latenciesUs.push(Number(at - m.sentNs) / 1000);
      }
    }
    return { latenciesUs, seen, clientsShort: short() };
  }

  /** Applies what each client received to a document and hashes its content. */
  async hashes() {
    return this.clients.map((c) => {
      const doc = c.client.applyReceived();
      const hash = contentHash(doc);
      if (!c.doc) doc.destroy();
      return { docName: c.spec.target.docName, id: c.spec.id, hash };
    });
  }

  /** Clients whose socket ended without being asked to, with why. */
  dropped() {
    const gone = this.clients.filter((c) => !c.client.open);
    return { count: gone.length, reasons: summarizeReasons(gone.map((c) => c.client.failure ?? 'closed')) };
  }

  async close() {
    const dropped = this.dropped();
    for (const c of this.clients) {
      c.client.close(true);
      c.doc?.destroy();
    }
    this.clients = [];
    return dropped;
  }

  /** Sends one raw update (a whole document, say) through the first client, and waits until it left. */
  async upload(arg: { update: Uint8Array }) {
    const c = this.clients[0];
    if (!c) throw new Error('upload: no client');
    c.client.send(c.client.framer.update(arg.update));
    while (c.client.ws.bufferedAmount > 0) await new Promise((r) => setTimeout(r, 10));
    return { bytes: arg.update.length };
  }
}

/** "closed 4429 too many messages" ×3, …: failures grouped by reason. */
export function summarizeReasons(reasons: string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of reasons) out[r] = (out[r] ?? 0) + 1;
  return out;
}
