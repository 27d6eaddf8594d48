import type { ssoJa } from './sso.ja';

export const ssoEn: Record<keyof typeof ssoJa, string> = {
  'revisions.audit.kind.account.createdWithSso': 'Account created with SSO',

  'sso.signIn': 'Sign in with {provider}',
  'sso.join': 'Sign in with {provider} and join',
  'sso.or': 'or',
  'sso.passwordOff': 'On this installation you sign in with your {provider} account.',
  'sso.joinLead': 'Sign in with your {provider} account (the one with the invited address): your account is created and you join the council.',
  'sso.joinLeadExisting': 'Sign in with your {provider} account (the one with the invited address) to join the council.',
  'sso.joinFailed': 'Could not go to {provider}. Please try again later.',
  'sso.error.title': 'Could not sign in',
  'sso.error.sso_flow_missing': 'The sign-in took too long or was started in another browser. Please sign in again.',
  'sso.error.sso_state_mismatch': "The identity provider's answer did not belong to this sign-in. Please sign in again.",
  'sso.error.sso_cancelled': 'The sign-in was cancelled at the identity provider.',
  'sso.error.sso_failed': 'Talking to the identity provider failed. Please try again later.',
  'sso.error.sso_email_unverified': 'The identity provider has not confirmed your e-mail address, so you cannot sign in. Ask your IT department.',
  'sso.error.sso_no_account': 'There is no account with this e-mail address. Ask the council secretariat for an invitation and join from the link in it.',
  'sso.error.sso_deactivated': 'This account has been deactivated. Ask an administrator of this installation.',
  'sso.error.sso_invitation_invalid': 'This invitation was withdrawn, used or has expired. Ask the secretariat to send it again.',
  'sso.error.sso_invitation_other_email': 'The invited address and your address at the identity provider differ. Sign in with the account of the invited address.',
  'sso.error.sso_rate_limited': 'Too many sign-in attempts. Please wait a while and try again.',
  'sso.error.unknown': 'Could not sign in. Please try again.',
  'sso.passwordLoginOff': 'Password sign-in is turned off on this installation.',
};
