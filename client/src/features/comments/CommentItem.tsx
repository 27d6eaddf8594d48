import { canChangeComment, type Comment } from '@sakutei/shared';
import { CommentFormActions } from './CommentFormActions';
import { useEffect, useId, useRef, useState } from 'react';
import { useI18n } from '../../i18n';
import { CommentBody } from './CommentBody';
import { useComments } from './commentsContext';
import { commentErrorMessage } from './errors';
import { formatCommentTime } from '@sakutei/shared';
import { toEditableText } from './mentions';
import { MentionTextarea } from './MentionTextarea';
import { useMentionDraft } from './useMentionDraft';

type Mode = 'view' | 'edit' | 'confirmDelete';

function CommentEditor({ comment, onDone }: { comment: Comment; onDone: () => void }) {
  const { t } = useI18n();
  const { actions, people, userId } = useComments();
  const draft = useMentionDraft(toEditableText(comment.body), comment.mentions);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const inputRef = useRef<HTMLTextAreaElement>(null);
  // The comment's own mentions count as known names even if the members list is unavailable.
  const known = [...people, ...comment.mentions.map((person) => ({ ...person, role: null }))];

  useEffect(() => {
    const input = inputRef.current;
    input?.focus();
    input?.setSelectionRange(input.value.length, input.value.length);
  }, []);

  async function save() {
    if (draft.empty || pending) return;
    setPending(true);
    setError(null);
    try {
      await actions.edit(comment.id, draft.body(known));
      onDone();
    } catch (failure) {
      setError(commentErrorMessage(failure, t));
      setPending(false);
    }
  }

  return (
    <form
      className="comment__editor"
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <MentionTextarea
        label={t('comments.comment.editLabel')}
        labelHidden
        value={draft.text}
        onChange={draft.setText}
        onPick={draft.pick}
        people={people.filter((person) => person.id !== userId)}
        onSubmit={() => void save()}
        onEscape={onDone}
        testId="comment-edit-input"
        textareaRef={inputRef}
      />
      <CommentFormActions
        error={error}
        submitLabel={t('comments.comment.save')}
        submitTestId="comment-edit-save"
        empty={draft.empty}
        pending={pending}
        cancel={{ label: t('comments.comment.cancel'), onClick: onDone }}
      />
    </form>
  );
}

function DeleteConfirm({ commentId, onDone }: { commentId: string; onDone: (deleted: boolean) => void }) {
  const { t } = useI18n();
  const { actions } = useComments();
  const questionId = useId();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  useEffect(() => confirmRef.current?.focus(), []);

  async function remove() {
    if (pending) return;
    setPending(true);
    setError(null);
    try {
      await actions.remove(commentId);
      onDone(true);
    } catch (failure) {
      setError(commentErrorMessage(failure, t));
      setPending(false);
    }
  }

  return (
    <div
      className="comment__confirm"
      role="group"
      aria-labelledby={questionId}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onDone(false);
      }}
    >
      <p id={questionId}>{t('comments.comment.confirmDelete')}</p>
      {error && (
        <p className="comments-error" role="alert">
          {error}
        </p>
      )}
      <div className="comments-actions">
        <button
          ref={confirmRef}
          type="button"
          className="button button--quiet button--danger"
          data-testid="comment-delete-confirm"
          aria-disabled={pending || undefined}
          onClick={() => void remove()}
        >
          {t('comments.comment.confirmDeleteYes')}
        </button>
        <button type="button" className="button button--quiet" data-testid="comment-delete-cancel" onClick={() => onDone(false)}>
          {t('comments.comment.cancel')}
        </button>
      </div>
    </div>
  );
}

/** One comment of a thread: who, when, what; its author may edit or delete it. */
export function CommentItem({ comment, nameOf }: { comment: Comment; nameOf: (userId: string) => string | null }) {
  const { t, locale } = useI18n();
  const { plan, userId } = useComments();
  const [mode, setMode] = useState<Mode>('view');
  const itemRef = useRef<HTMLLIElement>(null);
  const editRef = useRef<HTMLButtonElement>(null);
  const deleted = comment.deletedAt !== null;
  const mayChange = canChangeComment(plan.role, userId, { authorId: comment.author.id, deleted });

  /** Back to reading; focus returns to where the person was, or to the comment once it is gone. */
  const finish = (to: 'edit' | 'item' | null) => {
    setMode('view');
    requestAnimationFrame(() => (to === 'edit' ? editRef.current : to === 'item' ? itemRef.current : null)?.focus());
  };

  return (
    <li
      ref={itemRef}
      className={`comment${deleted ? ' comment--deleted' : ''}`}
      data-testid="comment"
      data-comment-id={comment.id}
      tabIndex={-1}
    >
      <div className="comment__meta">
        <span className="comment__author" data-testid="comment-author">
          {comment.author.name}
          {comment.author.id === userId && <span className="comment__you">{t('comments.author.you')}</span>}
        </span>
        <time className="comment__time" dateTime={comment.createdAt}>
          {formatCommentTime(comment.createdAt, locale)}
        </time>
        {comment.editedAt !== null && !deleted && (
          <span className="comment__edited" data-testid="comment-edited">
            {t('comments.comment.edited')}
          </span>
        )}
      </div>
      {deleted ? (
        <p className="comment__body comment__body--deleted" data-testid="comment-deleted">
          {t('comments.comment.deleted')}
        </p>
      ) : mode === 'edit' ? (
        <CommentEditor comment={comment} onDone={() => finish('edit')} />
      ) : (
        <CommentBody body={comment.body} nameOf={nameOf} />
      )}
      {mayChange && mode === 'view' && (
        <div className="comment__tools">
          <button ref={editRef} type="button" className="link-button" data-testid="comment-edit" onClick={() => setMode('edit')}>
            {t('comments.comment.edit')}
          </button>
          <button type="button" className="link-button" data-testid="comment-delete" onClick={() => setMode('confirmDelete')}>
            {t('comments.comment.delete')}
          </button>
        </div>
      )}
      {mayChange && mode === 'confirmDelete' && (
        <DeleteConfirm commentId={comment.id} onDone={(gone) => finish(gone ? 'item' : 'edit')} />
      )}
    </li>
  );
}
