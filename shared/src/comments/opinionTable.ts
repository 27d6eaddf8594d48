import { DISPOSITION_LABELS, type Thread } from './model';
import { plainBody } from './body';

/** The columns of the 委員意見と対応 table handed to the next meeting. */
export const OPINION_TABLE_HEADER = ['No', '箇所', '委員', '意見', '対応方針', '対応内容'] as const;

export type OpinionRow = [no: string, location: string, member: string, opinion: string, disposition: string, response: string];

/** Where a thread points, as the table prints it. */
export function locationOf(thread: Pick<Thread, 'anchor'>): string {
  return thread.anchor.kind === 'text' ? `本文「${thread.anchor.quote}」` : thread.anchor.quote;
}

/**
 * One row per thread, in number order. The opinion is the first comment, with the thread's
 * later comments (other members' additions) after it, each marked with its author.
 */
export function opinionTableRows(threads: readonly Thread[], nameOf?: (userId: string) => string | null): OpinionRow[] {
  return [...threads]
    .sort((a, b) => a.number - b.number)
    .map((thread) => {
      const live = thread.comments.filter((comment) => comment.deletedAt === null);
      const [first, ...rest] = live;
      const opinion = [
        first ? plainBody(first.body, nameOf) : '',
        ...rest.map((comment) => `（${comment.author.name}）${plainBody(comment.body, nameOf)}`),
      ]
        .filter(Boolean)
        .join('\n');
      return [
        String(thread.number),
        locationOf(thread),
        first?.author.name ?? thread.author.name,
        opinion,
        thread.disposition ? DISPOSITION_LABELS[thread.disposition] : '',
        thread.response,
      ];
    });
}
