import WebSocket from 'ws';
import * as Y from 'yjs';
import { AUTH, type Dialect, EMPTY_UPDATE, Framer, MSG, SYNC, syncPayload } from './protocol';

/** Where a client connects: one document on one server, with the credentials it needs. */
export type Target = {
  dialect: Dialect;
  docName: string;
  /** Base URL: `ws://host:port/collab` (Sakutei), `ws://host:port` (the peers). */
  serverUrl: string;
  /** Sakutei's collab token (in the query); Hocuspocus's auth message; null for the reference server. */
  token: string | null;
};

/** The URL a y-websocket client opens (the stock provider builds the same); Hocuspocus names the document in frames. */
export function socketUrl(target: Target): string {
  if (target.dialect === 'hocuspocus') return target.serverUrl;
  const query = target.token !== null ? `?token=${encodeURIComponent(target.token)}` : '';
  return `${target.serverUrl}/${target.docName}${query}`;
}

export type Received = { at: bigint; frame: Buffer; offset: number };

export type LightClientOptions = {
  /** A writer's document: its local updates are sent, the server's state is applied to it. */
  doc?: Y.Doc;
  /** Keep document update frames (with arrival time) for timing and the final content check. */
  keepUpdates?: boolean;
  /** Called for each awareness frame with its arrival time; for presence counting. */
  onAwareness?: (frame: Buffer, at: bigint) => void;
};

/**
 * A load client that does as little as the protocol allows: it answers the sync handshake,
 * keeps what it receives as raw frames stamped with their arrival time, and decodes nothing
 * on the hot path (no Y.applyUpdate until the timing is over). It sends no presence unless
 * told to: stock providers announce and renew a presence every 15 s, which here would be
 * traffic of its own, measured by the awareness workload instead.
 */
export class LightClient {
  readonly framer: Framer;
  readonly ws: WebSocket;
  readonly startedNs = process.hrtime.bigint();
  /** When the upgrade completed (the socket opened). */
  openedNs: bigint | null = null;
  syncedNs: bigint | null = null;
  /** The server's sync reply (step 2): the document as it was when this client joined. */
  stateFrame: Received | null = null;
  readonly updates: Received[] = [];
  /** Why the connection failed or ended on its own, if it did. */
  failure: string | null = null;
  closedByUs = false;
  readonly synced: Promise<void>;
  private readonly doc: Y.Doc | null;

  constructor(
    readonly target: Target,
    private readonly options: LightClientOptions = {},
  ) {
    this.framer = new Framer(target.dialect, target.docName);
    this.doc = options.doc ?? null;
    this.ws = new WebSocket(socketUrl(target), { perMessageDeflate: false, handshakeTimeout: 30_000, maxPayload: 256 * 1024 * 1024 });
    let resolveSynced!: () => void;
    let rejectSynced!: (err: Error) => void;
    this.synced = new Promise((resolve, reject) => {
      resolveSynced = resolve;
      rejectSynced = reject;
    });
    // A rejection nobody awaits (a client that failed after its phase) must not end the process.
    this.synced.catch(() => {});
    this.ws.on('open', () => {
      this.openedNs = process.hrtime.bigint();
      if (target.dialect === 'hocuspocus') this.ws.send(this.framer.auth(target.token ?? ''));
      this.ws.send(this.framer.syncStep1(this.doc ? Y.encodeStateVector(this.doc) : Uint8Array.of(0)));
    });
    this.ws.on('message', (data: Buffer) => {
      const at = process.hrtime.bigint();
      const offset = this.framer.bodyOffset(data);
      if (offset < 0) return;
      const type = data[offset];
      if (type === MSG.sync) {
        const sub = data[offset + 1];
        if (sub === SYNC.update) {
          if (this.options.keepUpdates) this.updates.push({ at, frame: data, offset });
        } else if (sub === SYNC.step2) {
          if (this.stateFrame === null) {
            this.stateFrame = { at, frame: data, offset };
            this.syncedNs = at;
            if (this.doc) Y.applyUpdate(this.doc, syncPayload(data, offset + 1), 'remote');
            resolveSynced();
          } else if (this.options.keepUpdates) {
            this.updates.push({ at, frame: data, offset });
          }
        } else if (sub === SYNC.step1) {
          // The server asks what we have that it lacks: nothing, unless we write.
          const stateVector = syncPayload(data, offset + 1);
          this.ws.send(this.framer.syncStep2(this.doc ? Y.encodeStateAsUpdate(this.doc, stateVector) : EMPTY_UPDATE));
        }
      } else if (type === MSG.awareness) {
        this.options.onAwareness?.(data, at);
      } else if (type === MSG.auth && data[offset + 1] === AUTH.permissionDenied) {
        this.fail('permission denied');
        this.ws.close();
      }
    });
    this.ws.on('error', (err) => this.fail(`error: ${err.message}`));
    this.ws.on('close', (code, reason) => {
      if (!this.closedByUs) this.fail(`closed ${code}${reason.length ? ` ${reason.toString()}` : ''}`);
      rejectSynced(new Error(this.failure ?? 'closed'));
    });
    this.ws.on('unexpected-response', (_req, res) => {
      this.fail(`HTTP ${res.statusCode}`);
      this.ws.terminate();
    });
    if (this.doc) {
      this.doc.on('update', (update: Uint8Array, origin: unknown) => {
        if (origin !== 'remote') this.send(this.framer.update(update));
      });
    }
  }

  private fail(why: string): void {
    this.failure ??= why;
  }

  get open(): boolean {
    return this.ws.readyState === WebSocket.OPEN;
  }

  send(frame: Uint8Array): void {
    if (this.ws.readyState === WebSocket.OPEN) this.ws.send(frame);
  }

  /** The update frames and the initial state, applied to `into` (a fresh doc unless the client writes). */
  applyReceived(into: Y.Doc | null = this.doc): Y.Doc {
    const doc = into ?? new Y.Doc();
    Y.transact(
      doc,
      () => {
        if (this.stateFrame && !this.doc) Y.applyUpdate(doc, syncPayload(this.stateFrame.frame, this.stateFrame.offset + 1), 'remote');
        for (const u of this.updates) Y.applyUpdate(doc, syncPayload(u.frame, u.offset + 1), 'remote');
      },
      'remote',
    );
    return doc;
  }

  /** Closes politely; `abrupt` drops the connection at once (after a phase, when a backlog would only delay the next). */
  close(abrupt = false): void {
    this.closedByUs = true;
    if (abrupt) this.ws.terminate();
    else if (this.ws.readyState === WebSocket.CONNECTING || this.ws.readyState === WebSocket.OPEN) this.ws.close();
  }
}

/** Waits for a client to sync, failing after `timeoutMs`. */
export async function whenSynced(client: LightClient, timeoutMs: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  try {
    return await Promise.race([client.synced.then(() => true, () => false), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
