/**
 * So many places per key (a user, an address) held at once: a request running, a stream or a
 * socket open. A key with no place held is forgotten, so the map is as large as the keys in use.
 */
export class KeyedSlots {
  private readonly held = new Map<string, number>();

  constructor(readonly limit: number) {}

  /** Places `key` holds now. */
  count(key: string): number {
    return this.held.get(key) ?? 0;
  }

  /** Takes a place: the release to call when done (calling it again does nothing), or null when `key` holds `limit` already. */
  tryAcquire(key: string): (() => void) | null {
    const open = this.count(key);
    if (open >= this.limit) return null;
    this.held.set(key, open + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = this.count(key) - 1;
      if (left > 0) this.held.set(key, left);
      else this.held.delete(key);
    };
  }
}
