import { useEffect, useState } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import { presentUsers, type PresenceUser } from './presence';

/** Who has the document open right now, refreshed whenever awareness changes. */
export function usePresence(awareness: Awareness): PresenceUser[] {
  const [users, setUsers] = useState(() => presentUsers(awareness));

  useEffect(() => {
    const refresh = () => setUsers(presentUsers(awareness));
    refresh();
    awareness.on('change', refresh);
    return () => awareness.off('change', refresh);
  }, [awareness]);

  return users;
}
