import { useState } from 'react';
import { CommentFormActions } from './CommentFormActions';
import { useI18n } from '../../i18n';
import { useComments } from './commentsContext';
import { commentErrorMessage } from './errors';
import { MentionTextarea } from './MentionTextarea';
import { useMentionDraft } from './useMentionDraft';

/** Writes a reply; on failure the text stays and the error shows under it. */
export function ReplyBox({ threadId, threadNumber }: { threadId: string; threadNumber: number }) {
  const { t } = useI18n();
  const { actions, people, userId } = useComments();
  const draft = useMentionDraft();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const candidates = people.filter((person) => person.id !== userId);

  async function send() {
    if (draft.empty || pending) return;
    setPending(true);
    setError(null);
    try {
      await actions.reply(threadId, draft.body(people));
      draft.reset();
    } catch (failure) {
      setError(commentErrorMessage(failure, t));
    } finally {
      setPending(false);
    }
  }

  return (
    <form
      className="reply-box"
      onSubmit={(event) => {
        event.preventDefault();
        void send();
      }}
    >
      <MentionTextarea
        label={t('comments.reply.label', { number: threadNumber })}
        labelHidden
        placeholder={t('comments.reply.placeholder')}
        value={draft.text}
        onChange={draft.setText}
        onPick={draft.pick}
        people={candidates}
        onSubmit={() => void send()}
        testId="reply-input"
      />
      <CommentFormActions
        error={error}
        submitLabel={t('comments.reply.submit')}
        submitTestId="reply-submit"
        empty={draft.empty}
        pending={pending}
      />
    </form>
  );
}
