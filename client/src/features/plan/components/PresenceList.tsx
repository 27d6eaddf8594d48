import { useI18n } from '../../../i18n';
import type { PresenceUser } from '../presence';

interface Props {
  users: PresenceUser[];
  selfId: string;
}

export function PresenceList({ users, selfId }: Props) {
  const { t } = useI18n();
  return (
    <ul className="presence" data-testid="presence-list" aria-label={t('presence.label')}>
      {users.map((user) => {
        const isSelf = user.id === selfId;
        return (
          <li
            key={user.id}
            className={isSelf ? 'presence__chip presence__chip--self' : 'presence__chip'}
            data-testid="presence-user"
            data-user-id={user.id}
            data-self={isSelf}
          >
            <span className="presence__dot" style={{ backgroundColor: user.color }} aria-hidden="true" />
            <span className="presence__name">{user.name}</span>
            {isSelf && <span className="presence__self">{t('presence.you')}</span>}
          </li>
        );
      })}
    </ul>
  );
}
