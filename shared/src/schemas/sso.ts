import { z } from 'zod';

/** How people may sign in to this installation (public: the sign-in page asks before anyone is known). */
export const AuthMethodsResponse = z
  .object({
    /** Local passwords: false when the installation turned them off (SAKUTEI_PASSWORD_LOGIN=0). */
    password: z.boolean(),
    /** The identity provider's button, when one is configured. */
    sso: z.object({ name: z.string(), startPath: z.string() }).nullable(),
  });
export type AuthMethodsResponse = z.infer<typeof AuthMethodsResponse>;

/** Start a sign-in with the provider that accepts an invitation (its token never goes into a URL). */
export const SsoInvitationStartRequest = z.object({ token: z.string().min(1).max(200) }).strict();
export type SsoInvitationStartRequest = z.infer<typeof SsoInvitationStartRequest>;

export const SsoStartResponse = z.object({ url: z.string().url() });
export type SsoStartResponse = z.infer<typeof SsoStartResponse>;

/** Why the provider's sign-in was refused: the code in `/sign-in?sso_error=` that the sign-in page explains. */
export const SSO_ERRORS = [
  'sso_flow_missing',
  'sso_state_mismatch',
  'sso_cancelled',
  'sso_failed',
  'sso_email_unverified',
  'sso_no_account',
  'sso_deactivated',
  'sso_invitation_invalid',
  'sso_invitation_other_email',
  'sso_rate_limited',
] as const;
export type SsoError = (typeof SSO_ERRORS)[number];
