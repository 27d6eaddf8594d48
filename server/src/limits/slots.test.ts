import { describe, expect, it } from 'vitest';
import { KeyedSlots } from './slots';

describe('KeyedSlots', () => {
  it('gives each key up to the limit and no more, keys apart', () => {
    const slots = new KeyedSlots(2);
    expect(slots.tryAcquire('a')).toBeTypeOf('function');
    expect(slots.tryAcquire('a')).toBeTypeOf('function');
    expect(slots.tryAcquire('a')).toBeNull();
    expect(slots.tryAcquire('b')).toBeTypeOf('function');
    expect(slots.count('a')).toBe(2);
    expect(slots.count('b')).toBe(1);
  });

  it('frees a place on release, once however often it is called', () => {
    const slots = new KeyedSlots(2);
    const first = slots.tryAcquire('a')!;
    slots.tryAcquire('a');
    first();
    first();
    expect(slots.count('a')).toBe(1);
    expect(slots.tryAcquire('a')).toBeTypeOf('function');
    expect(slots.tryAcquire('a')).toBeNull();
  });

  it('forgets a key that holds nothing', () => {
    const slots = new KeyedSlots(1);
    slots.tryAcquire('a')!();
    expect(slots.count('a')).toBe(0);
    expect((slots as unknown as { held: Map<string, number> }).held.size).toBe(0);
  });
});
