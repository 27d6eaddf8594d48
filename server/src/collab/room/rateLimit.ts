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
  /**
   * What the updates of one connection may cost (updateGuard's `updateCost`: structs, deleted
   * ranges, content) per second, and at once. Counting frames alone let one frame carry a
   * million structs; this charges each by what it makes the server (and every reader) do.
   */
  costPerSecond: number;
  costBurst: number;
  /**
   * The same for all of one person's connections together, in every room: opening more
   * sockets, or reconnecting again and again with fresh ones, buys no more than this.
   */
  userCostPerSecond: number;
  userCostBurst: number;
};

export const DEFAULT_RATE_LIMITS: RateLimits = {
  updatesPerSecond: 200,
  updateBurst: 400,
  awarenessPerSecond: 20,
  awarenessBurst: 40,
  syncRequestsPerSecond: 0.2,
  syncRequestBurst: 3,
  floodDrops: 100,
  // A burst holds the largest update (DEFAULT_UPDATE_LIMITS.maxCost), so an offline day merges
  // in one go; a person's holds two, for two tabs coming back online at once. Typing costs a
  // few units a second; the refill bounds a sender to about a tenth of a core.
  costPerSecond: 6_000,
  costBurst: 60_000,
  userCostPerSecond: 12_000,
  userCostBurst: 120_000,
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
    if (this.available() < cost) return false;
    this.tokens -= cost;
    return true;
  }

  /** The tokens there are now. */
  available(): number {
    const t = this.now();
    this.tokens = Math.min(this.capacity, this.tokens + ((t - this.last) / 1000) * this.perSecond);
    this.last = t;
    return this.tokens;
  }

  /** Spends `cost` whether or not there is that much: work already done is paid for, into debt if need be. */
  charge(cost: number): void {
    this.available();
    this.tokens -= cost;
  }

  /** Milliseconds until the bucket is full again. */
  msUntilFull(): number {
    return (Math.max(0, this.capacity - this.available()) / this.perSecond) * 1000;
  }

  get full(): boolean {
    return this.available() >= this.capacity;
  }
}

/**
 * What each person's updates may still cost, across all their connections and rooms. Buckets
 * are kept by person, not by socket, so a new socket starts with what the person has left; a
 * full bucket is the same as none, so full ones are forgotten from time to time.
 */
export class UserCostBudgets {
  private readonly buckets = new Map<string, TokenBucket>();
  private spends = 0;

  constructor(
    private readonly perSecond: number,
    private readonly capacity: number,
    private readonly now?: () => number,
  ) {}

  available(user: string): number {
    return this.buckets.get(user)?.available() ?? this.capacity;
  }

  charge(user: string, cost: number): void {
    let bucket = this.buckets.get(user);
    if (!bucket) this.buckets.set(user, (bucket = new TokenBucket(this.perSecond, this.capacity, this.now)));
    bucket.charge(cost);
    if (++this.spends % 1024 === 0) this.forgetFull();
  }

  msUntilFull(user: string): number {
    return this.buckets.get(user)?.msUntilFull() ?? 0;
  }

  /** People with a budget not yet refilled (for tests). */
  get tracked(): number {
    this.forgetFull();
    return this.buckets.size;
  }

  private forgetFull(): void {
    for (const [user, bucket] of this.buckets) if (bucket.full) this.buckets.delete(user);
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
  /** What this connection's updates may still cost. */
  readonly cost: TokenBucket;

  constructor(limits: RateLimits, now?: () => number) {
    this.buckets = {
      doc: new TokenBucket(limits.updatesPerSecond, limits.updateBurst, now),
      awareness: new TokenBucket(limits.awarenessPerSecond, limits.awarenessBurst, now),
      syncRequest: new TokenBucket(limits.syncRequestsPerSecond, limits.syncRequestBurst, now),
    };
    this.drops = new TokenBucket(limits.floodDrops / 10, limits.floodDrops, now);
    this.cost = new TokenBucket(limits.costPerSecond, limits.costBurst, now);
  }

  admit(kind: FrameKind): Admission {
    if (this.buckets[kind].take()) return 'accept';
    return this.drop();
  }

  /** A frame dropped for another reason (its cost) counts against the same allowance. */
  drop(): Admission {
    return this.drops.take() ? 'drop' : 'flood';
  }
}
