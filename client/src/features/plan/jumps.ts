import type { MeasureTarget } from '@sakutei/shared';

/**
 * A request to show one place of the measure table: a row (its name cell, or the field a
 * thread is on) or a KPI field. The measure view decides how to land on it.
 */
export interface MeasureJump {
  target: MeasureTarget;
  /** The 目次 links a row's name, a thread its anchor: a whole-row target lands on this cell. */
  landOn: 'number' | 'title';
}

/** Kept only briefly: a request whose tab never opened is stale. */
const PENDING_MS = 5_000;

/**
 * Jumps between the views of one plan page. Requests usually arrive just as the page switches
 * to the measure tab, before the table has mounted or after, depending on timing nobody
 * controls; so one that finds no listener is kept for the table about to mount.
 */
export class JumpBus {
  private pending: { jump: MeasureJump; at: number } | null = null;
  private readonly listeners = new Set<(jump: MeasureJump) => void>();

  constructor(private readonly now: () => number = () => performance.now()) {}

  /** Asks the measure table to show a place; delivered now, or to the next table that subscribes. */
  toMeasure(jump: MeasureJump): void {
    if (this.listeners.size === 0) this.pending = { jump, at: this.now() };
    else for (const listener of this.listeners) listener(jump);
  }

  /** Receives every jump from now on, and the one that arrived just before the table mounted. */
  subscribe(listener: (jump: MeasureJump) => void): () => void {
    this.listeners.add(listener);
    const waiting = this.pending;
    this.pending = null;
    if (waiting && this.now() - waiting.at < PENDING_MS) listener(waiting.jump);
    return () => {
      this.listeners.delete(listener);
    };
  }
}
