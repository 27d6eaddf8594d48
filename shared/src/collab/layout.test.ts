import { describe, expect, it } from 'vitest';
import { CLOSE_CODES, DOC_NAME_PATTERN, docNameForPlan, isPermanentRefusal } from './layout';

describe('collab layout', () => {
  it('makes URL-safe document names for plans', () => {
    expect(docNameForPlan('abc123')).toBe('plan-abc123');
    expect(DOC_NAME_PATTERN.test(docNameForPlan('abc123'))).toBe(true);
  });

  it('rejects document names that would need escaping or climb paths', () => {
    for (const bad of ['', '../x', 'a/b', 'plan x', 'Plan', '計画', 'a'.repeat(129)]) {
      expect(DOC_NAME_PATTERN.test(bad)).toBe(false);
    }
  });

  it('tells permanent refusals from reconnect requests', () => {
    expect(isPermanentRefusal(CLOSE_CODES.forbidden)).toBe(true);
    expect(isPermanentRefusal(CLOSE_CODES.unauthenticated)).toBe(true);
    expect(isPermanentRefusal(CLOSE_CODES.accessChanged)).toBe(false);
    expect(isPermanentRefusal(CLOSE_CODES.abuse)).toBe(true);
    expect(isPermanentRefusal(CLOSE_CODES.rateLimited)).toBe(true);
    // A slow reader may well keep up after a fresh start.
    expect(isPermanentRefusal(CLOSE_CODES.tooSlow)).toBe(false);
    expect(isPermanentRefusal(1006)).toBe(false);
  });
});
