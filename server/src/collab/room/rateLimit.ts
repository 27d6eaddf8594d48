/** Frames a connection may send, per kind, before they are dropped; and how many drops mean a flood. */
export type RateLimits = {
  /** Document messages (sync steps and updates) per second, and how many may come at once. */
  updatesPerSecond: number;
  updateBurst: number;
  /** Presence messages (awareness updates and queries) per second, and how many may come at once. */
  awarenessPerSecond: number;
  awarenessBurst: number;
  /**
   * Sync requests (state vectors) per second, and how many at once. Each makes the room
   * encode everything the peer lacks, up to the whole document, and the stock client sends
   * one per connection: the cheapest frame to send and the dearest to answer.
   */
  syncRequestsPerSecond: number;
  syncRequestBurst: number;
  /** Dropped frames tolerated (the allowance refills over ten seconds) before the socket is closed. */
  floodDrops: number;
};

export const DEFAULT_RATE_LIMITS: RateLimits = {
  updatesPerSecond: 200,
  updateBurst: 400,
  awarenessPerSecond: 20,
  awarenessBurst: 40,
  syncRequestsPerSecond: 0.2,
  syncRequestBurst: 3,
  floodDrops: 100,
};

/** Tokens refill continuously at `perSecond` up to `capacity`; a frame spends `cost` of them. */
export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    private readonly perSecond: number,
    private readonly capacity: number,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.tokens = capacity;
    this.last = now();
  }

  take(cost = 1): boolean {
    const t = this.now();
    this.tokens = Math.min(this.capacity, this.tokens + ((t - this.last) / 1000) * this.perSecond);
    this.last = t;
    if (this.tokens < cost) return false;
    this.tokens -= cost;
    return true;
  }
}

export type FrameKind = 'doc' | 'awareness' | 'syncRequest';
export type Admission = 'accept' | 'drop' | 'flood';

/**
 * One connection's budget. Over its rate a frame is dropped, not queued: a client that
 * sends faster than this is misbehaving, and queueing would only move the memory problem.
 * Occasional drops are forgiven; a sustained flood exhausts the drop allowance.
 */
export class FrameBudget {
  private readonly buckets: Record<FrameKind, TokenBucket>;
  private readonly drops: TokenBucket;

  constructor(limits: RateLimits, now?: () => number) {
    this.buckets = {
      doc: new TokenBucket(limits.updatesPerSecond, limits.updateBurst, now),
      awareness: new TokenBucket(limits.awarenessPerSecond, limits.awarenessBurst, now),
      syncRequest: new TokenBucket(limits.syncRequestsPerSecond, limits.syncRequestBurst, now),
    };
    this.drops = new TokenBucket(limits.floodDrops / 10, limits.floodDrops, now);
  }

  admit(kind: FrameKind): Admission {
    if (this.buckets[kind].take()) return 'accept';
    return this.drops.take() ? 'drop' : 'flood';
  }
}
