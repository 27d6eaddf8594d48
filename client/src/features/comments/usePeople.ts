import { can, type PlanSummary, type Thread } from '@sakutei/shared';
import { useEffect, useMemo, useState } from 'react';
import * as api from '../../lib/commentsApi';
import type { Participant } from './commentsContext';

/**
 * Who can be mentioned or filtered by: the council's members (when this role may list
 * them) and everyone who wrote or was mentioned in a thread, since observers may not list
 * members.
 */
export function usePeople(
  plan: Pick<PlanSummary, 'role' | 'workspaceId'>,
  threads: readonly Thread[],
  onAuthError: (error: unknown) => void,
): Participant[] {
  const [members, setMembers] = useState<Participant[]>([]);
  useEffect(() => {
    if (!can(plan.role, 'members.read')) return;
    const controller = new AbortController();
    api.listMembers(plan.workspaceId, controller.signal).then(
      ({ members: list }) => setMembers(list.map((member) => ({ id: member.userId, name: member.name, role: member.role }))),
      (error: unknown) => {
        if (!controller.signal.aborted) onAuthError(error);
      },
    );
    return () => controller.abort();
  }, [plan.workspaceId, plan.role, onAuthError]);

  return useMemo(() => {
    const byId = new Map<string, Participant>(members.map((member) => [member.id, member]));
    for (const thread of threads) {
      for (const person of [thread.author, ...thread.comments.flatMap((comment) => [comment.author, ...comment.mentions])]) {
        if (!byId.has(person.id)) byId.set(person.id, { ...person, role: null });
      }
    }
    return [...byId.values()];
  }, [members, threads]);
}
