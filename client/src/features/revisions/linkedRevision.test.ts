import { describe, expect, it } from 'vitest';
import { revisionNamedByLink } from './linkedRevision';

describe('revisionNamedByLink', () => {
  it('reads the revision a notification link names', () => {
    expect(revisionNamedByLink('?revision=abc123')).toBe('abc123');
    expect(revisionNamedByLink('?x=1&revision=r%201')).toBe('r 1');
  });

  it('names none without one, or with one that cannot be an id', () => {
    expect(revisionNamedByLink('')).toBeNull();
    expect(revisionNamedByLink('?revision=')).toBeNull();
    expect(revisionNamedByLink(`?revision=${'x'.repeat(65)}`)).toBeNull();
  });
});
