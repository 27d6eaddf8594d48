import { STORED_ACK_MESSAGE, decodeStoredReply, encodeStoredQuery } from '@sakutei/shared';
import type { WebsocketProvider } from 'y-websocket';
import type * as Y from 'yjs';
import {
  abandonQuery,
  applyReply,
  initialLedger,
  phaseOf,
  recordEdit,
  resetConnection,
  startQuery,
  unsentOf,
  wantsQuery,
  type Ledger,
  type SavePhase,
} from './saveLedger';

export interface SaveSnapshot {
  phase: SavePhase;
  /** Edits not yet confirmed stored by the server. */
  unsent: number;
  /** When an edit was last confirmed stored; null if none this visit. */
  savedAt: number | null;
}

export interface SaveTrackerOptions {
  /** Unconfirmed edits a previous visit left (from the offline store). */
  restoredUnsent?: number;
  /** Told the unconfirmed count whenever it changes, to keep it for the next visit. */
  onUnsentChange?: (unsent: number) => void;
  /** Edits are gathered this long before a query asks about them (ms). */
  queryDelayMs?: number;
  /** A query unanswered this long is given up, and another may go (ms). */
  replyTimeoutMs?: number;
  /** Resyncs tried in a row after lost edits before the tracker stops asking. */
  maxResyncs?: number;
  now?: () => number;
}

/** WebSocket.OPEN, spelled out: the constant is missing where tests run without a WebSocket. */
const OPEN = 1;

/** The part of y-websocket's decoder a message handler reads. */
interface Decoder {
  arr: Uint8Array;
  pos: number;
}

/**
 * Follows one provider's edits and asks Sakutei's room which of them are stored, so the page
 * can say 保存済み only when that is true. Updates from the provider (the server, other tabs)
 * and from `ignoreOrigins` (the offline store replaying this browser's copy) are not edits.
 */
export class SaveTracker {
  private ledger: Ledger;
  private snapshot: SaveSnapshot;
  private everSynced = false;
  private resyncs = 0;
  /** The server refused one of our updates: resending it (and all that depends on it) is futile. */
  private halted = false;
  private queryTimer: ReturnType<typeof setTimeout> | null = null;
  private replyTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly listeners = new Set<() => void>();
  private readonly ignoreOrigins = new Set<unknown>();
  private readonly queryDelayMs: number;
  private readonly replyTimeoutMs: number;
  private readonly maxResyncs: number;
  private readonly now: () => number;

  constructor(
    private readonly provider: WebsocketProvider,
    private readonly doc: Y.Doc,
    private readonly options: SaveTrackerOptions = {},
  ) {
    this.ledger = initialLedger(options.restoredUnsent ?? 0);
    this.queryDelayMs = options.queryDelayMs ?? 300;
    this.replyTimeoutMs = options.replyTimeoutMs ?? 10_000;
    this.maxResyncs = options.maxResyncs ?? 3;
    this.now = options.now ?? Date.now;
    this.snapshot = this.compute();
    provider.messageHandlers[STORED_ACK_MESSAGE] = this.onMessage;
    doc.on('update', this.onUpdate);
    provider.on('status', this.onStatus);
    provider.on('sync', this.onSync);
    window.addEventListener('online', this.refresh);
    window.addEventListener('offline', this.refresh);
  }

  /** Changes with this origin are replays of edits already counted (or already stored), not new ones. */
  ignoreOrigin(origin: unknown): void {
    this.ignoreOrigins.add(origin);
  }

  /**
   * Stops resyncing: the room refused an update of ours, so every resync would send it again
   * and be refused again, and enough refusals close the socket for good as abuse. Until the
   * document is reopened from the server, lost edits stay unsaved.
   */
  halt(): void {
    this.halted = true;
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getSnapshot = (): SaveSnapshot => this.snapshot;

  destroy(): void {
    this.clearTimers();
    delete this.provider.messageHandlers[STORED_ACK_MESSAGE];
    this.doc.off('update', this.onUpdate);
    this.provider.off('status', this.onStatus);
    this.provider.off('sync', this.onSync);
    window.removeEventListener('online', this.refresh);
    window.removeEventListener('offline', this.refresh);
    this.listeners.clear();
  }

  private compute(): SaveSnapshot {
    const phase = phaseOf(this.ledger, {
      online: typeof navigator === 'undefined' || navigator.onLine,
      connected: this.provider.wsconnected,
      synced: this.provider.synced,
      everSynced: this.everSynced,
    });
    return { phase, unsent: unsentOf(this.ledger), savedAt: this.ledger.savedAt };
  }

  private readonly refresh = (): void => {
    const next = this.compute();
    const prev = this.snapshot;
    if (prev.phase === next.phase && prev.unsent === next.unsent && prev.savedAt === next.savedAt) return;
    this.snapshot = next;
    if (prev.unsent !== next.unsent) this.options.onUnsentChange?.(next.unsent);
    for (const listener of this.listeners) listener();
  };

  private readonly onUpdate = (_update: Uint8Array, origin: unknown): void => {
    if (origin === this.provider || this.ignoreOrigins.has(origin)) return;
    this.ledger = recordEdit(this.ledger);
    this.resyncs = 0;
    this.refresh();
    this.scheduleQuery();
  };

  private readonly onStatus = (): void => {
    // Each socket is vouched for afresh: a reply speaks only for frames sent on its own socket.
    this.ledger = resetConnection(this.ledger);
    this.clearTimers();
    this.refresh();
  };

  private readonly onSync = (synced: boolean): void => {
    if (synced) {
      this.everSynced = true;
      // By now our sync reply, with every edit the server lacked, has gone out: ask about it.
      this.scheduleQuery(0);
    }
    this.refresh();
  };

  private readonly onMessage = (_encoder: unknown, decoder: Decoder, _provider: unknown, fromSocket: boolean): void => {
    const body = decoder.arr.subarray(decoder.pos);
    decoder.pos = decoder.arr.length;
    // Replies come only over our own socket, never from another tab's broadcast.
    const reply = fromSocket ? decodeStoredReply(body) : null;
    if (!reply) return;
    const { ledger, outcome } = applyReply(this.ledger, reply, this.now());
    if (outcome === 'ignored') return;
    this.ledger = ledger;
    if (this.replyTimer) clearTimeout(this.replyTimer);
    this.replyTimer = null;
    this.refresh();
    if (outcome === 'lost') this.resync();
    else {
      this.resyncs = 0;
      this.scheduleQuery();
    }
  };

  /**
   * Some edit never reached the document. A new socket's sync exchange sends everything the
   * server lacks, deletions included; a few tries, then the indicator stays at 同期中.
   */
  private resync(): void {
    if (this.halted || this.resyncs >= this.maxResyncs) return;
    this.resyncs++;
    // Not from inside the socket's own message handler, which is still running.
    queueMicrotask(() => {
      this.provider.disconnect();
      this.provider.connect();
    });
  }

  private scheduleQuery(delay = this.queryDelayMs): void {
    if (this.queryTimer !== null || !wantsQuery(this.ledger)) return;
    this.queryTimer = setTimeout(this.sendQuery, delay);
  }

  private readonly sendQuery = (): void => {
    this.queryTimer = null;
    const ws = this.provider.ws;
    if (!wantsQuery(this.ledger) || !this.provider.synced || !ws || ws.readyState !== OPEN) return;
    const { ledger, id } = startQuery(this.ledger);
    this.ledger = ledger;
    ws.send(encodeStoredQuery(id));
    this.replyTimer = setTimeout(() => {
      this.replyTimer = null;
      this.ledger = abandonQuery(this.ledger, id);
      this.scheduleQuery();
    }, this.replyTimeoutMs);
  };

  private clearTimers(): void {
    if (this.queryTimer) clearTimeout(this.queryTimer);
    if (this.replyTimer) clearTimeout(this.replyTimer);
    this.queryTimer = null;
    this.replyTimer = null;
  }
}
