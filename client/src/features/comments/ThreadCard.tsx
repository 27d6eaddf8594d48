import { canResolveThread, locationOf, type Thread } from '@sakutei/shared';
import { useState, type MouseEvent } from 'react';
import { useI18n } from '../../i18n';
import { CommentItem } from './CommentItem';
import { useComments } from './commentsContext';
import { DispositionPanel } from './Disposition';
import { commentErrorMessage } from './errors';
import { formatCommentTime } from '@sakutei/shared';
import { ReplyBox } from './ReplyBox';

/** 解決 / 再開, for staff, the chair and the thread's author. */
function StatusButton({ thread }: { thread: Thread }) {
  const { t } = useI18n();
  const { plan, userId, actions } = useComments();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (!canResolveThread(plan.role, userId, { authorId: thread.author.id })) return null;
  const resolving = thread.status === 'open';

  async function toggle() {
    if (pending) return;
    setPending(true);
    setError(null);
    try {
      await (resolving ? actions.resolve(thread.id) : actions.reopen(thread.id));
    } catch (failure) {
      setError(commentErrorMessage(failure, t));
    } finally {
      setPending(false);
    }
  }

  return (
    <>
      <button
        type="button"
        className="button button--quiet"
        data-testid={resolving ? 'thread-resolve' : 'thread-reopen'}
        aria-disabled={pending || undefined}
        onClick={() => void toggle()}
      >
        {resolving ? t('comments.thread.resolve') : t('comments.thread.reopen')}
      </button>
      {error && (
        <p className="comments-error" role="alert">
          {error}
        </p>
      )}
    </>
  );
}

interface Props {
  thread: Thread;
  detached: boolean;
  active: boolean;
  nameOf: (userId: string) => string | null;
}

/** One review thread in the sidebar: where it points, its comments, and what may be done. */
export function ThreadCard({ thread, detached, active, nameOf }: Props) {
  const { t, locale } = useI18n();
  const { canComment, canRespond, setActiveThread, jumpTo } = useComments();
  const titleId = `thread-title-${thread.id}`;
  const resolved = thread.status === 'resolved';

  // Clicking the card's text (not its controls) makes it the active thread.
  const onClick = (event: MouseEvent) => {
    if (!(event.target instanceof Element) || !event.target.closest('button, a, input, textarea, select, label')) {
      setActiveThread(thread.id);
    }
  };

  return (
    <article
      id={`thread-${thread.id}`}
      className={`thread${active ? ' thread--active' : ''}${resolved ? ' thread--resolved' : ''}`}
      data-testid="thread"
      data-thread-id={thread.id}
      data-status={thread.status}
      data-detached={detached || undefined}
      aria-labelledby={titleId}
      aria-current={active || undefined}
      tabIndex={-1}
      onClick={onClick}
      onFocus={() => setActiveThread(thread.id)}
    >
      <header className="thread__header">
        <h3 id={titleId} className="thread__title">
          <span className="thread__number" data-testid="thread-number">
            #{thread.number}
          </span>
          <span className="thread__location" data-testid="thread-location">
            {locationOf(thread)}
          </span>
        </h3>
        <div className="thread__badges">
          {detached && (
            <span className="badge badge--warn" data-testid="thread-detached" title={t('comments.thread.detachedHint')}>
              {t('comments.thread.detached')}
              <span className="visually-hidden">{t('comments.thread.detachedHint')}</span>
            </span>
          )}
          {resolved && (
            <span className="badge badge--ok" data-testid="thread-resolved">
              {t('comments.thread.resolved')}
            </span>
          )}
          <button
            type="button"
            className="link-button"
            data-testid="thread-jump"
            disabled={detached}
            aria-label={t('comments.thread.jumpLabel', { number: thread.number })}
            onClick={() => jumpTo(thread)}
          >
            {t('comments.thread.jump')}
          </button>
        </div>
      </header>
      <ol className="thread__comments">
        {thread.comments.map((comment) => (
          <CommentItem key={comment.id} comment={comment} nameOf={nameOf} />
        ))}
      </ol>
      {resolved && thread.resolvedBy && thread.resolvedAt && (
        <p className="thread__resolved-by">
          {t('comments.thread.resolvedBy', {
            name: thread.resolvedBy.name,
            time: formatCommentTime(thread.resolvedAt, locale),
          })}
        </p>
      )}
      <DispositionPanel thread={thread} canRespond={canRespond} />
      <div className="thread__footer">
        <StatusButton thread={thread} />
      </div>
      {canComment && <ReplyBox threadId={thread.id} threadNumber={thread.number} />}
    </article>
  );
}
