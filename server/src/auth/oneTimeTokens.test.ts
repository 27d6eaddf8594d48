import { OneTimeToken } from '@sakutei/shared';
import { describe, expect, it } from 'vitest';
import { invitationPath, newOneTimeToken, oneTimeTokenHash, resetPath } from './oneTimeTokens';

describe('one-time tokens', () => {
  it('are random, match the schema the routes accept, and are stored only as their SHA-256', () => {
    const a = newOneTimeToken();
    const b = newOneTimeToken();
    expect(a.token).not.toBe(b.token);
    expect(OneTimeToken.safeParse(a.token).success).toBe(true);
    expect(a.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(a.hash).toBe(oneTimeTokenHash(a.token));
    expect(a.hash).not.toContain(a.token);
  });

  it('hash as SHA-256 of the token text', () => {
    // printf 'abc' | sha256sum
    expect(oneTimeTokenHash('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('travel in the fragment of the link, never in its path or query', () => {
    const { token } = newOneTimeToken();
    for (const link of [invitationPath(token), resetPath(token)]) {
      const url = new URL(link, 'https://sakutei.example');
      expect(url.hash).toBe(`#token=${token}`);
      expect(url.pathname + url.search).not.toContain(token);
    }
  });

  it('are refused by the schema when malformed', () => {
    for (const bad of ['', 'short', 'A'.repeat(32), 'x'.repeat(129), 'abc def ghi jkl mno', '../../etc/passwd0000']) {
      expect(OneTimeToken.safeParse(bad).success).toBe(false);
    }
  });
});
