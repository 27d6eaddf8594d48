import type { TextAnchor, Thread } from '@sakutei/shared';
import type { Editor } from '@tiptap/core';
import { TextSelection } from '@tiptap/pm/state';
import type { Translate } from '../../i18n';
import { rangeInEditor, syncBindingOf } from './textAnchors';

/** What to tell screen-reader users about a change someone else made; null for our own. */
export function describeChange(before: Thread | undefined, after: Thread, me: string, t: Translate): string | null {
  if (!before) {
    return after.author.id === me ? null : t('comments.live.newThread', { name: after.author.name, number: after.number });
  }
  const last = after.comments.at(-1);
  if (after.comments.length > before.comments.length && last && last.author.id !== me) {
    return t('comments.live.reply', { name: last.author.name, number: after.number });
  }
  if (before.status !== after.status && after.resolvedBy?.id !== me) {
    return t(after.status === 'resolved' ? 'comments.live.resolved' : 'comments.live.reopened', { number: after.number });
  }
  return null;
}

/** The thread a `#thread-<id>` fragment names (from a notification, or a shared link). */
export function threadIdFromHash(hash: string = location.hash): string | null {
  const match = /^#thread-(.+)$/.exec(hash);
  if (!match?.[1]) return null;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return null;
  }
}

/** Selects and shows a text anchor in the prose editor; false when it cannot be placed. */
export function revealInEditor(editor: Editor, threadId: string, anchor: TextAnchor): boolean {
  if (editor.isDestroyed) return false;
  const { view } = editor;
  const binding = syncBindingOf(view.state);
  const range = binding && rangeInEditor(binding, anchor);
  if (!range) return false;
  if (editor.isEditable) {
    view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, range.from, range.to)).scrollIntoView());
    view.focus();
  }
  // Read-only editors keep no visible selection, so the highlight itself is brought into view.
  requestAnimationFrame(() => {
    const mark = view.dom.querySelector(`[data-thread-id="${CSS.escape(threadId)}"]`);
    mark?.scrollIntoView({ block: 'center' });
  });
  return true;
}
