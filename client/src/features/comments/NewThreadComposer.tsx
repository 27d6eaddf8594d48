import type { Anchor } from '@sakutei/shared';
import { CommentFormActions } from './CommentFormActions';
import { locationOf } from '@sakutei/shared';
import { useEffect, useId, useRef, useState } from 'react';
import { useI18n } from '../../i18n';
import { useComments } from './commentsContext';
import { commentErrorMessage } from './errors';
import { MentionTextarea } from './MentionTextarea';
import { useMentionDraft } from './useMentionDraft';

/**
 * The first comment of a new thread, on the passage or cell the person chose. It keeps
 * its text if another passage is chosen meanwhile, and after a failed send.
 */
export function NewThreadComposer({ anchor, seq }: { anchor: Anchor; seq: number }) {
  const { t } = useI18n();
  const { actions, people, userId, cancelDraft } = useComments();
  const draft = useMentionDraft();
  const titleId = useId();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const inputRef = useRef<HTMLTextAreaElement>(null);
  const formRef = useRef<HTMLFormElement>(null);

  /** Where the person was when they asked to comment (the prose, a table cell); Cancel goes back there. */
  const origin = useRef<HTMLElement | null>(null);
  useEffect(() => {
    const from = document.activeElement;
    if (from instanceof HTMLElement && !formRef.current?.contains(from)) origin.current = from;
    formRef.current?.scrollIntoView({ block: 'nearest' });
    inputRef.current?.focus();
  }, [seq]);

  const cancel = () => {
    const back = origin.current;
    cancelDraft();
    if (back?.isConnected) back.focus();
  };

  async function send() {
    if (draft.empty || pending) return;
    setPending(true);
    setError(null);
    try {
      await actions.create(anchor, draft.body(people));
    } catch (failure) {
      setError(commentErrorMessage(failure, t));
      setPending(false);
    }
  }

  return (
    <form
      ref={formRef}
      className="new-thread"
      data-testid="new-thread"
      aria-labelledby={titleId}
      onSubmit={(event) => {
        event.preventDefault();
        void send();
      }}
    >
      <h3 id={titleId} className="new-thread__title">
        {t('comments.new.title')}
      </h3>
      <p className="new-thread__where" data-testid="new-thread-location">
        {locationOf({ anchor })}
      </p>
      <MentionTextarea
        label={t('comments.new.label')}
        placeholder={t('comments.new.placeholder')}
        value={draft.text}
        onChange={draft.setText}
        onPick={draft.pick}
        people={people.filter((person) => person.id !== userId)}
        onSubmit={() => void send()}
        onEscape={cancel}
        testId="new-comment-input"
        textareaRef={inputRef}
      />
      <CommentFormActions
        error={error}
        submitLabel={t('comments.new.submit')}
        submitTestId="new-comment-submit"
        empty={draft.empty}
        pending={pending}
        cancel={{ label: t('comments.new.cancel'), onClick: cancel, testId: 'new-comment-cancel' }}
      />
    </form>
  );
}
