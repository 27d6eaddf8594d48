import type { Membership } from '@sakutei/shared';
import type { ReactNode } from 'react';
import { Link } from '../../app/router';
import './members.css';
import { useMe } from '../../app/session';
import { useI18n } from '../../i18n';

/**
 * The councils the person is on, each with a way to its 委員名簿; shown under the plan list.
 * `more` adds other features' links per council (the page composing this one plugs them in).
 */
export function CouncilLinks({ more }: { more?: (membership: Membership) => ReactNode } = {}) {
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
            {more && <> {more(m)}</>}
          </li>
        ))}
      </ul>
    </section>
  );
}
