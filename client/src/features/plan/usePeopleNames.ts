import { can, type PlanSummary } from '@sakutei/shared';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { listMembers } from '../../lib/commentsApi';
import type { PresenceUser } from './presence';

/** A person's name by user id; null when nobody on the page knows it. */
export type NameOf = (userId: string) => string | null;

/**
 * Names for the user ids the document carries (a suggestion's author): the council's members
 * when this role may list them, else whoever is connected now, and always the reader. One
 * cached request per council, shared by every feature that asks.
 */
export function usePeopleNames(plan: Pick<PlanSummary, 'role' | 'workspaceId'>, present: readonly PresenceUser[], self: PresenceUser): NameOf {
  const mayList = can(plan.role, 'members.read');
  const members = useQuery({
    queryKey: ['workspace-members', plan.workspaceId],
    queryFn: ({ signal }) => listMembers(plan.workspaceId, signal),
    enabled: mayList,
    staleTime: 60_000,
  });
  // Awareness gives a new list on every remote caret move; keyed on the id → name pairs, the
  // function (and every paint and card built from it) stays the same until a name changes.
  const presentKey = JSON.stringify(present.map((person) => [person.id, person.name]));
  return useMemo(() => {
    const names = new Map<string, string>(JSON.parse(presentKey) as [string, string][]);
    for (const member of members.data?.members ?? []) names.set(member.userId, member.name);
    names.set(self.id, self.name);
    return (userId: string) => names.get(userId) ?? null;
  }, [presentKey, members.data, self.id, self.name]);
}
