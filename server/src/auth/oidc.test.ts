import { describe, expect, it } from 'vitest';
import { type Flow, signFlow, verifyFlow } from './oidc';

const secret = new Uint8Array(32).fill(7);
const flow: Flow = {
  state: 's'.repeat(43),
  nonce: 'n'.repeat(43),
  verifier: 'v'.repeat(43),
  invitationId: null,
  expiresAt: 1_000_000,
};

describe('the OIDC flow cookie', () => {
  it('carries the flow back, signed', () => {
    expect(verifyFlow(secret, signFlow(secret, flow), 999_999)).toEqual(flow);
    expect(verifyFlow(secret, signFlow(secret, { ...flow, invitationId: 'inv-1' }), 0)?.invitationId).toBe('inv-1');
  });

  it('refuses an expired, forged, foreign or malformed cookie', () => {
    const value = signFlow(secret, flow);
    expect(verifyFlow(secret, value, 1_000_000)).toBeNull();
    expect(verifyFlow(new Uint8Array(32).fill(8), value, 0)).toBeNull();
    const [payload, mac] = value.split('.') as [string, string];
    const changed = Buffer.from(Buffer.from(payload, 'base64url').toString().replace('"i":null', '"i":"x"')).toString('base64url');
    expect(verifyFlow(secret, `${changed}.${mac}`, 0)).toBeNull();
    for (const bad of [undefined, '', 'abc', `${payload}.${mac}.x`, 'x'.repeat(3000)]) expect(verifyFlow(secret, bad, 0)).toBeNull();
  });
});
