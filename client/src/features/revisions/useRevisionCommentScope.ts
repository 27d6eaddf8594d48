import { canComment, type Revision } from '@sakutei/shared';
import { useEffect } from 'react';
import type * as Y from 'yjs';
import { useComments } from '../comments/commentsContext';

/**
 * Points the comments sidebar at this revision while it is being read. Council members and
 * staff may comment on any revision; an observer only on one whose open review invited them.
 */
export function useRevisionCommentScope(revision: Revision, doc: Y.Doc | null, label: string): void {
  const { plan, userId, setRevisionScope } = useComments();
  const invited = revision.review.status === 'in_review' && revision.invited.some((person) => person.id === userId);
  const mayComment = canComment(plan.role) || invited;
  const revisionId = revision.id;

  useEffect(() => {
    if (!doc) return;
    setRevisionScope({ revisionId, doc, canComment: mayComment, label });
    return () => setRevisionScope(null);
  }, [revisionId, doc, mayComment, label, setRevisionScope]);
}
