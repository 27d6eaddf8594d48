/** A fixed-window counter per key; small, in-process, and bounded in memory. */
export class WindowCounter {
  private windows = new Map<string, { count: number; resetAt: number }>();
  constructor(
    readonly limit: number,
    readonly windowMs: number,
    private readonly maxKeys = 100_000,
  ) {}

  /** Counts one hit for `key`; returns seconds to wait when over the limit, else 0. */
  hit(key: string, now = Date.now()): number {
    let w = this.windows.get(key);
    if (!w || now >= w.resetAt) {
      if (this.windows.size >= this.maxKeys) this.sweep(now);
      w = { count: 0, resetAt: now + this.windowMs };
      this.windows.set(key, w);
    }
    w.count++;
    return w.count > this.limit ? Math.ceil((w.resetAt - now) / 1000) : 0;
  }

  /** Seconds to wait when `key` has already reached the limit in this window, else 0; counts nothing. */
  blockedFor(key: string, now = Date.now()): number {
    const w = this.windows.get(key);
    return w && now < w.resetAt && w.count >= this.limit ? Math.ceil((w.resetAt - now) / 1000) : 0;
  }

  private sweep(now: number): void {
    for (const [k, w] of this.windows) if (now >= w.resetAt) this.windows.delete(k);
    if (this.windows.size >= this.maxKeys) this.windows.clear();
  }
}
