import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AttendanceValue, QuorumRule } from '../schemas/meetings';
import { ATTENDANCE } from './kinds';
import { DEFAULT_QUORUM, quorumOf, quorumRequired } from './quorum';

const RULES: QuorumRule[] = [
  { kind: 'moreThanHalf', proxyCounts: true },
  { kind: 'atLeastHalf', proxyCounts: false },
  { kind: 'atLeastTwoThirds', proxyCounts: true },
  { kind: 'atLeastCount', count: 4, proxyCounts: false },
];

const times = (n: number, value: AttendanceValue | null) => Array.from({ length: n }, () => value);

describe('quorum (定足数)', () => {
  it('needs more than half, at least half or at least two thirds of the voters', () => {
    expect(RULES.map((r) => quorumRequired(r, 10))).toEqual([6, 5, 7, 4]);
    expect(RULES.map((r) => quorumRequired(r, 9))).toEqual([5, 5, 6, 4]);
    expect(RULES.map((r) => quorumRequired(r, 1))).toEqual([1, 1, 1, 4]);
  });

  it('counts present and online members, and proxies only when the rule says so', () => {
    const attendance: Array<AttendanceValue | null> = [...times(4, 'present'), 'online', 'proxy', 'absent', null, null, null];
    expect(quorumOf(DEFAULT_QUORUM, 10, attendance)).toEqual({ required: 6, present: 6, met: true });
    expect(quorumOf({ kind: 'moreThanHalf', proxyCounts: false }, 10, attendance)).toEqual({ required: 6, present: 5, met: false });
  });

  it('never has a quorum without voters, and asks for at least one', () => {
    for (const rule of RULES) {
      expect(quorumOf(rule, 0, []).met).toBe(false);
      expect(quorumOf(rule, 0, []).required).toBeGreaterThanOrEqual(1);
    }
    expect(quorumOf(DEFAULT_QUORUM, 0, [])).toEqual({ required: 1, present: 0, met: false });
  });

  it('asks a fixed count even when the council has fewer voters (never met then)', () => {
    expect(quorumOf({ kind: 'atLeastCount', count: 4, proxyCounts: true }, 3, times(3, 'present'))).toEqual({ required: 4, present: 3, met: false });
  });

  const arbitraryRule: fc.Arbitrary<QuorumRule> = fc.oneof(
    fc.record({ kind: fc.constantFrom('moreThanHalf' as const, 'atLeastHalf' as const, 'atLeastTwoThirds' as const), proxyCounts: fc.boolean() }),
    fc.record({ kind: fc.constant('atLeastCount' as const), count: fc.integer({ min: 1, max: 60 }), proxyCounts: fc.boolean() }),
  );

  it('never asks fewer as the council grows, and never more than the voters for a share (property)', () => {
    fc.assert(
      fc.property(arbitraryRule, fc.integer({ min: 0, max: 200 }), (rule, voters) => {
        const required = quorumRequired(rule, voters);
        expect(quorumRequired(rule, voters + 1)).toBeGreaterThanOrEqual(required);
        expect(required).toBeGreaterThanOrEqual(1);
        if (rule.kind !== 'atLeastCount' && voters > 0) expect(required).toBeLessThanOrEqual(voters);
      }),
    );
  });

  it('is met exactly when those counted reach the required number (property)', () => {
    fc.assert(
      fc.property(arbitraryRule, fc.array(fc.constantFrom<AttendanceValue | null>(null, ...ATTENDANCE), { maxLength: 60 }), (rule, attendance) => {
        const voters = attendance.length;
        const result = quorumOf(rule, voters, attendance);
        const counted = attendance.filter((a) => a === 'present' || a === 'online' || (a === 'proxy' && rule.proxyCounts)).length;
        expect(result.present).toBe(counted);
        expect(result.met).toBe(voters > 0 && counted >= result.required);
        // A proxy counting can only help.
        expect(quorumOf({ ...rule, proxyCounts: true }, voters, attendance).present).toBeGreaterThanOrEqual(quorumOf({ ...rule, proxyCounts: false }, voters, attendance).present);
      }),
    );
  });
});
