import { WindowCounter } from './windowCounter';

/**
 * Who may try a password now, so that guessing is slow but nobody can lock the real user out.
 *
 * - Per (account, source) — the source is the browser's known-device id when it has one for
 *   this account, else the address — failures back off exponentially: a few are free, then
 *   each waits twice as long as the one before (1 s, 2 s, 4 s, … up to 15 min). A guesser
 *   slows only their own pair.
 * - Per address: every attempt (a flood) and every failure across accounts (spraying one
 *   password over many accounts) are capped.
 * - Per account, failures from *unknown* sources are capped, so a guesser spread over many
 *   addresses still stops; but a source the account signed in from before — its address, or a
 *   browser holding its known-device cookie — is not held by that cap: ten wrong passwords from
 *   anyone elsewhere cannot keep the real user out.
 *
 * In memory (one process; a restart forgets), bounded in size, time passed in for tests.
 */
export type ThrottleLimits = {
  freeFailures: number;
  baseDelayMs: number;
  maxDelayMs: number;
  addressAttempts: { limit: number; windowMs: number };
  addressFailures: { limit: number; windowMs: number };
  accountFailures: { limit: number; windowMs: number };
  maxEntries: number;
};

export const SIGN_IN_LIMITS: ThrottleLimits = {
  freeFailures: 3,
  baseDelayMs: 1000,
  maxDelayMs: 15 * 60_000,
  // A council meeting signs in from one city-hall address.
  addressAttempts: { limit: 100, windowMs: 60_000 },
  addressFailures: { limit: 30, windowMs: 15 * 60_000 },
  accountFailures: { limit: 10, windowMs: 15 * 60_000 },
  maxEntries: 100_000,
};

/** Where an attempt comes from: the address, and the browser's known-device id for this account if it holds a valid one. */
export type SignInSource = { account: string; address: string; device: string | null };

type Backoff = { failures: number; notBefore: number; lastAt: number };

export class SignInThrottle {
  private readonly pairs = new Map<string, Backoff>();
  /** account → addresses it signed in from (most recent last), a few per account. */
  private readonly goodAddresses = new Map<string, string[]>();
  private readonly addressAttempts: WindowCounter;
  private readonly addressFailures: WindowCounter;
  private readonly accountFailures: WindowCounter;

  constructor(private readonly limits: ThrottleLimits = SIGN_IN_LIMITS) {
    this.addressAttempts = new WindowCounter(limits.addressAttempts.limit, limits.addressAttempts.windowMs, limits.maxEntries);
    this.addressFailures = new WindowCounter(limits.addressFailures.limit, limits.addressFailures.windowMs, limits.maxEntries);
    this.accountFailures = new WindowCounter(limits.accountFailures.limit, limits.accountFailures.windowMs, limits.maxEntries);
  }

  /** Seconds this attempt must wait before its password is even checked, else 0. Counts the attempt. */
  attempt(source: SignInSource, now = Date.now()): number {
    const known = this.isKnown(source);
    // A browser the account signed in from is not one of the address's strangers.
    const addressWait = source.device
      ? 0
      : Math.max(this.addressAttempts.hit(source.address, now), this.addressFailures.blockedFor(source.address, now));
    const accountWait = known ? 0 : this.accountFailures.blockedFor(source.account, now);
    const pair = this.pairs.get(pairKey(source));
    const pairWait = pair && pair.notBefore > now ? Math.ceil((pair.notBefore - now) / 1000) : 0;
    return Math.max(addressWait, accountWait, pairWait);
  }

  failed(source: SignInSource, now = Date.now()): void {
    const key = pairKey(source);
    const previous = this.pairs.get(key);
    // A pair quiet for longer than the longest wait starts again from nothing.
    const stale = previous && now - previous.lastAt > this.limits.maxDelayMs;
    const failures = (previous && !stale ? previous.failures : 0) + 1;
    const over = failures - this.limits.freeFailures;
    const delay = over > 0 ? Math.min(this.limits.maxDelayMs, this.limits.baseDelayMs * 2 ** (over - 1)) : 0;
    if (!previous && this.pairs.size >= this.limits.maxEntries) this.sweep(now);
    this.pairs.set(key, { failures, notBefore: now + delay, lastAt: now });
    if (!source.device) this.addressFailures.hit(source.address, now);
    if (!this.isKnown(source)) this.accountFailures.hit(source.account, now);
  }

  succeeded(source: SignInSource): void {
    this.pairs.delete(pairKey(source));
    const list = (this.goodAddresses.get(source.account) ?? []).filter((a) => a !== source.address);
    list.push(source.address);
    if (!this.goodAddresses.has(source.account) && this.goodAddresses.size >= this.limits.maxEntries) this.goodAddresses.clear();
    this.goodAddresses.set(source.account, list.slice(-GOOD_ADDRESSES_PER_ACCOUNT));
  }

  private isKnown(source: SignInSource): boolean {
    return source.device !== null || (this.goodAddresses.get(source.account)?.includes(source.address) ?? false);
  }

  private sweep(now: number): void {
    for (const [key, entry] of this.pairs) if (now - entry.lastAt > this.limits.maxDelayMs && entry.notBefore <= now) this.pairs.delete(key);
    if (this.pairs.size >= this.limits.maxEntries) this.pairs.clear();
  }
}

/** Enough for an office, home and a phone; older ones drop off. */
const GOOD_ADDRESSES_PER_ACCOUNT = 8;

function pairKey(source: SignInSource): string {
  return source.device ? `${source.account}\0device\0${source.device}` : `${source.account}\0address\0${source.address}`;
}
