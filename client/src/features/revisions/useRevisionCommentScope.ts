import { canComment, type Revision } from '@sakutei/shared';
import { useEffect } from 'react';
import type * as Y from 'yjs';
import { usePlan } from '../plan/PlanContext';
import { useRevisionCommentsPort } from '../plan/ports';

/**
 * Points the page's comments at this revision while it is being read. Council members and
 * staff may comment on any revision; an observer only on one whose open review invited them.
 */
export function useRevisionCommentScope(revision: Revision, doc: Y.Doc | null, label: string): void {
  const { plan, user } = usePlan();
  const { setScope } = useRevisionCommentsPort();
  const invited = revision.review.status === 'in_review' && revision.invited.some((person) => person.id === user.id);
  const mayComment = canComment(plan.role) || invited;
  const revisionId = revision.id;

  useEffect(() => {
    if (!doc) return;
    setScope({ revisionId, doc, canComment: mayComment, label });
    return () => setScope(null);
  }, [revisionId, doc, mayComment, label, setScope]);
}
