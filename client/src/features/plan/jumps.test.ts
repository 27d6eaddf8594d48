import { describe, expect, it } from 'vitest';
import { JumpBus, type MeasureJump } from './jumps';

const row = (id: string): MeasureJump => ({ target: { kind: 'node', id, field: null }, landOn: 'title' });

describe('JumpBus', () => {
  it('delivers a jump to every table listening', () => {
    const bus = new JumpBus();
    const a: MeasureJump[] = [];
    const b: MeasureJump[] = [];
    bus.subscribe((jump) => a.push(jump));
    const stop = bus.subscribe((jump) => b.push(jump));
    bus.toMeasure(row('r1'));
    stop();
    bus.toMeasure(row('r2'));
    expect(a.map((jump) => jump.target.id)).toEqual(['r1', 'r2']);
    expect(b.map((jump) => jump.target.id)).toEqual(['r1']);
  });

  it('keeps the latest jump for a table that mounts just after it was asked', () => {
    let now = 0;
    const bus = new JumpBus(() => now);
    bus.toMeasure(row('old'));
    bus.toMeasure(row('new'));
    now = 1_000;
    const got: string[] = [];
    bus.subscribe((jump) => got.push(jump.target.id));
    expect(got).toEqual(['new']);
    // Handed over once: the next table to mount does not jump again.
    const again: string[] = [];
    bus.subscribe((jump) => again.push(jump.target.id));
    expect(again).toEqual([]);
  });

  it('forgets a jump whose tab never opened', () => {
    let now = 0;
    const bus = new JumpBus(() => now);
    bus.toMeasure(row('stale'));
    now = 6_000;
    const got: string[] = [];
    bus.subscribe((jump) => got.push(jump.target.id));
    expect(got).toEqual([]);
  });
});
