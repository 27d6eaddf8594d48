import { Link } from '../../app/router';
import './members.css';
import { useMe } from '../../app/session';
import { useI18n } from '../../i18n';

/** The councils the person is on, each with a way to its 委員名簿; shown under the plan list. */
export function CouncilLinks() {
  const { t } = useI18n();
  const { memberships } = useMe();
  if (memberships.length === 0) return null;
  return (
    <section className="page council-links" aria-labelledby="council-links-heading" data-testid="council-links">
      <h2 id="council-links-heading">{t('account.councils')}</h2>
      <ul>
        {memberships.map((m) => (
          <li key={m.workspaceId}>
            <span>
              {m.workspaceName}（{t(`role.${m.role}`)}）
            </span>{' '}
            <Link to={`/councils/${encodeURIComponent(m.workspaceId)}/members`} data-testid="council-members-link">
              {t('account.membersLink')}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
