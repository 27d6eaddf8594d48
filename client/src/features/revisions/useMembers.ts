import type { Member } from '@sakutei/shared';
import { useEffect, useState } from 'react';
import { listMembers } from '../../lib/commentsApi';

const NONE: readonly Member[] = [];

/**
 * The council's members, for choosing a delegate and invited observers and for naming who
 * decided. Empty for roles that may not list them, and if the list cannot be read: the
 * choices then simply are not offered.
 */
export function useMembers(workspaceId: string, enabled: boolean): readonly Member[] {
  const [members, setMembers] = useState<readonly Member[]>(NONE);
  useEffect(() => {
    if (!enabled) return;
    const controller = new AbortController();
    listMembers(workspaceId, controller.signal).then(
      (response) => setMembers(response.members),
      () => {},
    );
    return () => controller.abort();
  }, [workspaceId, enabled]);
  return enabled ? members : NONE;
}
