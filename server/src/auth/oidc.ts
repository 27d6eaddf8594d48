import { createHmac, timingSafeEqual } from 'node:crypto';
import * as client from 'openid-client';
import { z } from 'zod';
import type { Config, OidcConfig } from '../config';

/**
 * Sign-in with the municipality's OpenID provider: authorisation code + PKCE, with state and
 * nonce. What the callback must check (state, nonce, PKCE verifier) travels in a short-lived,
 * signed, HttpOnly cookie scoped to /api/auth/oidc, so any Sakutei process can finish a flow
 * another one started; the URL carries only what the protocol needs.
 */

export const FLOW_COOKIE = 'sakutei_oidc';
export const FLOW_COOKIE_PATH = '/api/auth/oidc';
/** How long a person may take at the provider (login, consent) before the flow is void. */
export const FLOW_TTL_MS = 10 * 60_000;
export const CALLBACK_PATH = '/api/auth/oidc/callback';

/** One flow's checks, plus what the person came for (an invitation to accept). */
export type Flow = {
  state: string;
  nonce: string;
  verifier: string;
  /** The invitation the person opened (its id, not its token), when they came from one. */
  invitationId: string | null;
  expiresAt: number;
};

const FlowPayload = z.object({ s: z.string().min(20), n: z.string().min(20), v: z.string().min(43), i: z.string().nullable(), e: z.number() });

const mac = (secret: Uint8Array, payload: Buffer) => createHmac('sha256', secret).update('oidc-flow\0').update(payload).digest();

export function signFlow(secret: Uint8Array, flow: Flow): string {
  const payload = Buffer.from(JSON.stringify({ s: flow.state, n: flow.nonce, v: flow.verifier, i: flow.invitationId, e: flow.expiresAt }));
  return `${payload.toString('base64url')}.${mac(secret, payload).toString('base64url')}`;
}

/** The flow a cookie carries, or null when it is missing, malformed, forged or expired. */
export function verifyFlow(secret: Uint8Array, value: string | undefined, now = Date.now()): Flow | null {
  if (!value || value.length > 2048) return null;
  const [payloadPart, macPart, extra] = value.split('.');
  if (!payloadPart || !macPart || extra !== undefined) return null;
  const payload = Buffer.from(payloadPart, 'base64url');
  const given = Buffer.from(macPart, 'base64url');
  const expected = mac(secret, payload);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  try {
    const p = FlowPayload.parse(JSON.parse(payload.toString('utf8')));
    if (p.e <= now) return null;
    return { state: p.s, nonce: p.n, verifier: p.v, invitationId: p.i, expiresAt: p.e };
  } catch {
    return null;
  }
}

/** What Sakutei takes from the provider about the person. */
export type OidcIdentity = { subject: string; email: string | null; emailVerified: boolean; name: string | null };

/** Why a flow failed, as a code the sign-in page explains. */
export class OidcFailure extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

/** The provider's client: discovery once (retried after a failure), then flows. */
export class OidcClient {
  private configuration: Promise<client.Configuration> | null = null;
  /** States whose callback has been handled, until their flow would have expired: a replay is refused. */
  private readonly finished = new Map<string, number>();

  constructor(
    private readonly oidc: OidcConfig,
    private readonly config: Pick<Config, 'publicUrl'>,
  ) {}

  get displayName(): string {
    return this.oidc.displayName;
  }

  redirectUrl(): string {
    return this.oidc.redirectUrl ?? `${this.config.publicUrl}${CALLBACK_PATH}`;
  }

  private discover(): Promise<client.Configuration> {
    if (!this.configuration) {
      const issuer = new URL(this.oidc.issuer);
      // Plain HTTP only to a provider on this machine (tests, a local proxy); HTTPS everywhere else.
      const insecure = issuer.protocol === 'http:' && LOOPBACK.has(issuer.hostname);
      const auth = this.oidc.clientSecret ? client.ClientSecretBasic(this.oidc.clientSecret) : client.None();
      this.configuration = client
        .discovery(issuer, this.oidc.clientId, undefined, auth, insecure ? { execute: [client.allowInsecureRequests], timeout: 10 } : { timeout: 10 })
        .catch((error: unknown) => {
          this.configuration = null;
          throw error;
        });
    }
    return this.configuration;
  }

  /** A new flow and the provider's authorisation URL for it. */
  async start(invitationId: string | null, now = Date.now()): Promise<{ url: URL; flow: Flow }> {
    const configuration = await this.discover();
    const flow: Flow = {
      state: client.randomState(),
      nonce: client.randomNonce(),
      verifier: client.randomPKCECodeVerifier(),
      invitationId,
      expiresAt: now + FLOW_TTL_MS,
    };
    const url = client.buildAuthorizationUrl(configuration, {
      redirect_uri: this.redirectUrl(),
      scope: 'openid email profile',
      state: flow.state,
      nonce: flow.nonce,
      code_challenge: await client.calculatePKCECodeChallenge(flow.verifier),
      code_challenge_method: 'S256',
    });
    return { url, flow };
  }

  /**
   * Finishes a flow from the callback's URL: checks state, exchanges the code with the PKCE
   * verifier, checks the ID token (signature, issuer, audience, nonce) and reads the person's
   * claims (ID token, then userinfo). Each state is finished once.
   */
  async finish(callbackUrl: URL, flow: Flow | null, now = Date.now()): Promise<OidcIdentity> {
    if (!flow) throw new OidcFailure('sso_flow_missing', 'The sign-in took too long or was started in another browser.');
    for (const [state, until] of this.finished) if (until <= now) this.finished.delete(state);
    if (callbackUrl.searchParams.get('state') !== flow.state || this.finished.has(flow.state)) {
      throw new OidcFailure('sso_state_mismatch', 'The answer from the identity provider does not belong to this sign-in.');
    }
    const providerError = callbackUrl.searchParams.get('error');
    if (providerError) throw new OidcFailure('sso_cancelled', `The identity provider answered ${providerError.slice(0, 100)}.`);
    this.finished.set(flow.state, flow.expiresAt);
    const configuration = await this.discover();
    // The callback URL as the provider was told it (behind a proxy the request's own URL differs).
    const current = new URL(this.redirectUrl());
    current.search = callbackUrl.search;
    let tokens: Awaited<ReturnType<typeof client.authorizationCodeGrant>>;
    try {
      tokens = await client.authorizationCodeGrant(configuration, current, {
        pkceCodeVerifier: flow.verifier,
        expectedState: flow.state,
        expectedNonce: flow.nonce,
        idTokenExpected: true,
      });
    } catch (error) {
      throw new OidcFailure('sso_failed', `The identity provider's answer was refused: ${(error as Error).message}`);
    }
    const claims = tokens.claims()!;
    let info: Record<string, unknown> = { ...claims };
    if (claims.email === undefined || claims.email_verified === undefined) {
      try {
        info = { ...(await client.fetchUserInfo(configuration, tokens.access_token, claims.sub)), ...claims };
      } catch (error) {
        throw new OidcFailure('sso_failed', `The identity provider's userinfo was refused: ${(error as Error).message}`);
      }
    }
    const email = typeof info.email === 'string' && info.email.includes('@') && info.email.length <= 254 ? info.email.trim() : null;
    const name = typeof info.name === 'string' && info.name.trim() ? info.name.trim().slice(0, 100) : null;
    return { subject: claims.sub, email, emailVerified: info.email_verified === true, name };
  }
}
