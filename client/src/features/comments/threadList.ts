import type { MeasureTarget, Thread } from '@sakutei/shared';
import { compareKeys } from './textAnchors';

export const FILTER_KINDS = ['open', 'resolved', 'mine', 'mentions', 'member'] as const;
export type FilterKind = (typeof FILTER_KINDS)[number];
export interface ThreadFilter {
  kind: FilterKind;
  /** For `member`: whose comments to show; null shows nothing until someone is chosen. */
  memberId: string | null;
}

export const THREAD_ORDERS = ['position', 'newest'] as const;
export type ThreadOrder = (typeof THREAD_ORDERS)[number];

/** Where a thread's anchor is now: a sort key in plan order, or detached. */
export interface ThreadPlace {
  detached: boolean;
  /** Text first, then the measure table, then detached threads. */
  key: readonly number[];
}

const liveComments = (thread: Thread) => thread.comments.filter((comment) => comment.deletedAt === null);

function wrote(thread: Thread, userId: string): boolean {
  return thread.author.id === userId || liveComments(thread).some((comment) => comment.author.id === userId);
}

export function matchesFilter(thread: Thread, filter: ThreadFilter, me: string): boolean {
  switch (filter.kind) {
    case 'open':
      return thread.status === 'open';
    case 'resolved':
      return thread.status === 'resolved';
    case 'mine':
      return wrote(thread, me);
    case 'mentions':
      return liveComments(thread).some((comment) => comment.mentions.some((person) => person.id === me));
    case 'member':
      return filter.memberId !== null && wrote(thread, filter.memberId);
  }
}

/** The filter that shows `thread` when the current one hides it. */
export function filterShowing(thread: Thread): ThreadFilter {
  return { kind: thread.status === 'open' ? 'open' : 'resolved', memberId: null };
}

export function orderThreads(threads: readonly Thread[], order: ThreadOrder, places: ReadonlyMap<string, ThreadPlace>): Thread[] {
  const sorted = [...threads];
  if (order === 'newest') {
    return sorted.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.number - a.number);
  }
  const keyOf = (thread: Thread) => places.get(thread.id)?.key ?? [3];
  return sorted.sort((a, b) => compareKeys(keyOf(a), keyOf(b)) || a.number - b.number);
}

/** Identifies a measure-table cell (or a whole row / KPI when `field` is null). */
export function measureTargetKey(target: MeasureTarget): string {
  return target.kind === 'node'
    ? `node\u0000${target.id}\u0000${target.field ?? ''}`
    : `kpi\u0000${target.id}\u0000${target.field ?? ''}\u0000${target.fiscalYear ?? ''}`;
}
