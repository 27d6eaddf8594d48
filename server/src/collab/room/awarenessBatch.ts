/**
 * Presence changes collected for a moment and relayed as one message. Carets move often and
 * everyone sees everyone's: relayed one by one, 500 people moving their carets once a second
 * cost 250,000 sends a second; batched every 50 ms, 10,000 sends carrying the same news, and
 * a caret arrives at most one batch late. With a delay of 0 every change goes out at once.
 */
export class AwarenessBatch {
  private readonly changed = new Set<number>();
  /** Of those, the ones changed by this process's own connections (the rest came from peers). */
  private readonly local = new Set<number>();
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly delayMs: number,
    private readonly relay: (changed: number[], local: number[]) => void,
  ) {}

  add(clientIds: number[], local: boolean): void {
    for (const id of clientIds) {
      this.changed.add(id);
      if (local) this.local.add(id);
    }
    if (this.delayMs <= 0) this.flush();
    else this.timer ??= setTimeout(() => this.flush(), this.delayMs);
  }

  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.changed.size === 0) return;
    const changed = [...this.changed];
    const local = [...this.local];
    this.changed.clear();
    this.local.clear();
    this.relay(changed, local);
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.changed.clear();
    this.local.clear();
  }
}
