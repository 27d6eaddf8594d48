import type { PlanSummary } from '@sakutei/shared';
import { useMemo } from 'react';
import { useMe } from '../app/session';
import { CommentsProvider } from '../features/comments/CommentsProvider';
import { CommentsSidebar } from '../features/comments/CommentsSidebar';
import { PlanProvider } from '../features/plan/PlanContext';
import { PlanSlotsContext } from '../features/plan/ports';
import { presenceUserOf } from '../features/plan/presence';
import { ObserverRevisionsView } from '../features/revisions/ObserverRevisionsView';
import { planSlots } from './planSlots';

const noTabs = () => {};

/** The plan page of a role that may not open the live draft: approved revisions, with their comments. */
export function ApprovedRevisionsPage({ plan }: { plan: PlanSummary }) {
  const me = useMe();
  // The kernel is rebuilt when its user changes identity: keep it while the account is the same.
  const user = useMemo(() => presenceUserOf(me.user), [me.user]);
  return (
    <PlanProvider plan={plan} user={user} session={null} editable={false} selectView={noTabs}>
      <PlanSlotsContext value={planSlots}>
        <CommentsProvider>
          <ObserverRevisionsView sidebar={<CommentsSidebar />} />
        </CommentsProvider>
      </PlanSlotsContext>
    </PlanProvider>
  );
}
