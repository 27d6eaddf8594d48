import type { MessageKey } from '../../i18n';
import { ApiError } from '../../lib/api';

/** The sentence for a failed members or invitations call, by the server's stable code. */
export function membersErrorKey(error: unknown, fallback: MessageKey): MessageKey {
  if (!(error instanceof ApiError)) return fallback;
  switch (error.code) {
    case 'already_member':
      return 'invitations.error.alreadyMember';
    case 'too_many_invitations':
      return 'invitations.error.tooMany';
    case 'invitation_closed':
      return 'invitations.error.closed';
    case 'rate_limited':
      return 'members.error.rateLimited';
    case 'forbidden':
      return 'members.error.forbidden';
    default:
      return fallback;
  }
}
