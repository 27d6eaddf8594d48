import { ROLES } from '@sakutei/shared';
import { describe, expect, it } from 'vitest';
import type { RevisionRecord } from '../storage';
import { canReadThreadOn } from './threads';

const revision = (status: RevisionRecord['review']['status'], invited: string[] = []) =>
  ({ id: 'r1', review: { status }, invited: invited.map((id) => ({ id, name: id })) }) as unknown as RevisionRecord;

describe('canReadThreadOn', () => {
  it('gives the draft threads to everyone who reads the draft, not to observers', () => {
    for (const role of ROLES) expect(canReadThreadOn(role, 'u1', null, null), role).toBe(role !== 'observer');
  });

  it('gives an observer the threads of approved revisions and of reviews they were invited to, nothing else', () => {
    expect(canReadThreadOn('observer', 'u1', 'r1', revision('approved'))).toBe(true);
    expect(canReadThreadOn('observer', 'u1', 'r1', revision('in_review', ['u1']))).toBe(true);
    expect(canReadThreadOn('observer', 'u1', 'r1', revision('in_review', ['u2']))).toBe(false);
    expect(canReadThreadOn('member', 'u1', 'r1', revision('in_review'))).toBe(true);
  });

  it('gives nobody the threads of a revision that is gone', () => {
    for (const role of ROLES) expect(canReadThreadOn(role, 'u1', 'r1', null), role).toBe(false);
  });
});
