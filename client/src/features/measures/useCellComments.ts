import type { MeasureTarget, Thread } from '@sakutei/shared';
import { useMeasureCommentsPort, type MeasureCommentsPort } from '../plan/ports';

/** The review comments of the measure table, as its cells and KPI fields use them. */
export type CellComments = MeasureCommentsPort;

export const isOpen = (thread: Thread) => thread.status === 'open';

/** Read once for the whole table, from the plan kernel; cells look their threads up in it. */
export function useCellComments(): CellComments {
  return useMeasureCommentsPort();
}

/** `has-comments` where threads are open, `is-comment-target` where the sidebar is looking. */
export function commentClasses(comments: CellComments, target: MeasureTarget | null): string {
  if (target === null) return '';
  const open = comments.threadsFor(target).some(isOpen);
  return [open ? 'has-comments' : '', comments.isActive(target) ? 'is-comment-target' : ''].filter(Boolean).join(' ');
}
