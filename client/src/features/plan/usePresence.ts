import { useEffect, useState } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import { presentUsers, samePeople, type PresenceUser } from './presence';

/**
 * Who has the document open right now, refreshed whenever awareness changes; nobody without a
 * live draft (null: an observer reading revisions). Awareness changes on every remote caret
 * move: the list stays the same array unless who is here changed, so its readers do not re-render.
 */
export function usePresence(awareness: Awareness | null): PresenceUser[] {
  const [users, setUsers] = useState(() => (awareness ? presentUsers(awareness) : []));

  useEffect(() => {
    if (!awareness) {
      setUsers((previous) => (previous.length === 0 ? previous : []));
      return;
    }
    const refresh = () => setUsers((previous) => samePeople(previous, presentUsers(awareness)));
    refresh();
    awareness.on('change', refresh);
    return () => awareness.off('change', refresh);
  }, [awareness]);

  return users;
}
