import { describe, expect, it } from 'vitest';
import { SIGN_IN_LIMITS, SignInThrottle, type SignInSource } from './signInThrottle';

const from = (address: string, device: string | null = null, account = 'member@example.jp'): SignInSource => ({ account, address, device });

/** Fails `times` times as soon as the throttle lets the source try, returning the waits asked for on the way. */
function failRepeatedly(throttle: SignInThrottle, source: SignInSource, times: number, start = 0): { waits: number[]; now: number } {
  let now = start;
  const waits: number[] = [];
  for (let i = 0; i < times; i++) {
    const wait = throttle.attempt(source, now);
    if (wait > 0) {
      waits.push(wait);
      now += wait * 1000;
    }
    throttle.failed(source, now);
  }
  return { waits, now };
}

describe('SignInThrottle', () => {
  it('lets a few failures through, then doubles the wait each time up to the ceiling', () => {
    const throttle = new SignInThrottle();
    const { waits } = failRepeatedly(throttle, from('10.0.0.1'), 16);
    expect(waits.slice(0, 5)).toEqual([1, 2, 4, 8, 16]);
    expect(Math.max(...waits)).toBe(SIGN_IN_LIMITS.maxDelayMs / 1000);
  });

  it("holds strangers back once the account's cap is reached, but not the addresses it signed in from", () => {
    const throttle = new SignInThrottle();
    throttle.succeeded(from('10.0.0.1'));
    for (let i = 0; i < 12; i++) throttle.failed(from(`192.0.2.${i}`), 1000);
    expect(throttle.attempt(from('192.0.2.200'), 2000)).toBeGreaterThan(0);
    expect(throttle.attempt(from('10.0.0.1'), 2000)).toBe(0);
    // A browser with the account's known-device cookie, from anywhere.
    expect(throttle.attempt(from('198.51.100.7', 'device-1'), 2000)).toBe(0);
  });

  it("does not share a pair's back-off with other sources, nor a device's with its address", () => {
    const throttle = new SignInThrottle();
    const { now } = failRepeatedly(throttle, from('10.0.0.1'), 6);
    expect(throttle.attempt(from('10.0.0.1'), now)).toBeGreaterThan(0);
    expect(throttle.attempt(from('10.0.0.1', 'device-1'), now)).toBe(0);
    expect(throttle.attempt(from('10.0.0.2'), now)).toBe(0);
  });

  it('caps failures per address across accounts, but not for known devices', () => {
    const throttle = new SignInThrottle();
    for (let i = 0; i < SIGN_IN_LIMITS.addressFailures.limit; i++) throttle.failed(from('10.0.0.9', null, `user${i}@example.jp`), 0);
    expect(throttle.attempt(from('10.0.0.9', null, 'someone@example.jp'), 1)).toBeGreaterThan(0);
    expect(throttle.attempt(from('10.0.0.9', 'device-2', 'someone@example.jp'), 1)).toBe(0);
  });

  it('forgets a pair after a success, and a pair quiet for longer than the longest wait', () => {
    const throttle = new SignInThrottle();
    const { now } = failRepeatedly(throttle, from('10.0.0.1'), 5);
    throttle.succeeded(from('10.0.0.1'));
    expect(throttle.attempt(from('10.0.0.1'), now)).toBe(0);
    const later = failRepeatedly(throttle, from('10.0.0.3'), 5, now);
    const quiet = later.now + SIGN_IN_LIMITS.maxDelayMs + 1;
    throttle.failed(from('10.0.0.3'), quiet);
    expect(throttle.attempt(from('10.0.0.3'), quiet)).toBe(0);
  });
});
