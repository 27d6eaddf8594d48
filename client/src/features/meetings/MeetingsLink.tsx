import type { Role } from '@sakutei/shared';
import { Link } from '../../app/router';
import { useI18n } from '../../i18n';
import { meetingsPagePath } from './paths';

/** Observers do not see a council's meetings (the API answers them 404). */
export const mayReadMeetings = (role: Role) => role !== 'observer';

/** A way to a council's meetings, beside its 委員名簿 link; nothing for a role that cannot read them. */
export function MeetingsLink({ workspaceId, role }: { workspaceId: string; role: Role }) {
  const { t } = useI18n();
  if (!mayReadMeetings(role)) return null;
  return (
    <Link to={meetingsPagePath(workspaceId)} data-testid="council-meetings-link">
      {t('meetings.link')}
    </Link>
  );
}
