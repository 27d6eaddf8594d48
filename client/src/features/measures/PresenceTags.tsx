import type { CSSProperties } from 'react';
import type { PresenceUser } from '../plan/presence';

/** The outline colour of a cell someone else is on: the first of them, if several. */
export function presenceStyle(users: readonly PresenceUser[] | undefined): CSSProperties | undefined {
  const first = users?.[0];
  return first ? ({ '--presence-color': first.color } as CSSProperties) : undefined;
}

/** Name tags of the collaborators on a cell, in their colours. */
export function PresenceTags({ users }: { users: readonly PresenceUser[] | undefined }) {
  if (!users || users.length === 0) return null;
  return (
    <span className="measures-presence">
      {users.map((user, index) => (
        <span
          key={`${user.id}-${index}`}
          className="measures-presence__tag"
          data-testid="cell-presence"
          style={{ background: user.color }}
        >
          {user.name}
        </span>
      ))}
    </span>
  );
}
