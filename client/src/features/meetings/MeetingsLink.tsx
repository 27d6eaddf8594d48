import { can, type Role } from '@sakutei/shared';
import { Link } from '../../app/router';
import { useI18n } from '../../i18n';
import { meetingsPagePath } from './paths';
import './meetings.css';

/** A way to a council's meetings, beside its 委員名簿 link; nothing for a role that cannot read them (observers). */
export function MeetingsLink({ workspaceId, role }: { workspaceId: string; role: Role }) {
  const { t } = useI18n();
  if (!can(role, 'meetings.read')) return null;
  return (
    <Link to={meetingsPagePath(workspaceId)} className="meetings-council-link" data-testid="council-meetings-link">
      {t('meetings.link')}
    </Link>
  );
}
