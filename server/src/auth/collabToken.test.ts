import { describe, expect, it } from 'vitest';
import { signCollabToken, verifyCollabToken } from './collabToken';

const secret = new Uint8Array(32).fill(7);
const grant = { userId: 'u1', sessionId: 's1', docName: 'plan-abc', access: 'edit' as const, expiresAt: 10_000 };

describe('collab tokens', () => {
  it('round-trips a grant before it expires', () => {
    expect(verifyCollabToken(secret, signCollabToken(secret, grant), 9_999)).toEqual(grant);
  });

  it('refuses an expired token', () => {
    expect(verifyCollabToken(secret, signCollabToken(secret, grant), 10_000)).toBeNull();
  });

  it('refuses a token signed with another secret', () => {
    expect(verifyCollabToken(new Uint8Array(32).fill(8), signCollabToken(secret, grant), 0)).toBeNull();
  });

  it('refuses a token whose payload was altered', () => {
    const [, mac] = signCollabToken(secret, grant).split('.');
    const forged = Buffer.from(JSON.stringify({ u: 'u1', s: 's1', d: 'plan-abc', a: 'edit', e: 99_999_999 })).toString('base64url');
    expect(verifyCollabToken(secret, `${forged}.${mac}`, 0)).toBeNull();
  });

  it('refuses garbage without throwing', () => {
    for (const bad of ['', '.', 'a.b', 'a.b.c', '!!!.???', 'x'.repeat(5000)]) {
      expect(verifyCollabToken(secret, bad, 0)).toBeNull();
    }
  });
});
