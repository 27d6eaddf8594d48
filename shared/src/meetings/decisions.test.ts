import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decisionNeedsQuorum, voteProblem } from './decisions';

describe('meeting decisions (議決・報告・了承)', () => {
  it('a resolution and review decisions need the quorum; reports and acknowledgements do not', () => {
    expect(decisionNeedsQuorum('resolution')).toBe(true);
    expect(decisionNeedsQuorum('reviewApproved')).toBe(true);
    expect(decisionNeedsQuorum('reviewReturned')).toBe(true);
    expect(decisionNeedsQuorum('report')).toBe(false);
    expect(decisionNeedsQuorum('acknowledgement')).toBe(false);
  });

  it('takes no vote, 全会一致 with voters present, and counts within the voters present', () => {
    expect(voteProblem(null, 0)).toBeNull();
    expect(voteProblem({ unanimous: true }, 3)).toBeNull();
    expect(voteProblem({ unanimous: true }, 0)).toMatch(/unanimous/);
    expect(voteProblem({ for: 3, against: 1, abstain: 1 }, 5)).toBeNull();
    expect(voteProblem({ for: 0, against: 0, abstain: 0 }, 0)).toBeNull();
  });

  it('refuses counts over the voters present, together or alone, and negative or fractional counts', () => {
    expect(voteProblem({ for: 4, against: 2, abstain: 0 }, 5)).toMatch(/together \(6\)/);
    expect(voteProblem({ for: 6, against: 0, abstain: 0 }, 5)).toMatch(/exceed/);
    expect(voteProblem({ for: -1, against: 0, abstain: 0 }, 5)).toMatch(/whole/);
    expect(voteProblem({ for: 1.5, against: 0, abstain: 0 }, 5)).toMatch(/whole/);
  });

  it('accepts exactly the votes whose counts sum to at most the voters present', () => {
    const count = fc.integer({ min: 0, max: 30 });
    fc.assert(
      fc.property(count, count, count, fc.integer({ min: 0, max: 60 }), (f, a, b, present) => {
        expect(voteProblem({ for: f, against: a, abstain: b }, present) === null).toBe(f + a + b <= present);
      }),
    );
  });
});
