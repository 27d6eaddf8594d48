import { BODY_FRAGMENT } from '@sakutei/shared';
import { proseExtensions } from '@sakutei/shared/editor';
import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import { EditorContent, useEditor } from '@tiptap/react';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useI18n, type MessageKey } from '../../../i18n';
import { usePlanSlots } from '../../plan/ports';
import type { PlanViewProps } from '../../plan/planView';
import { useRepaintSuggestions, useSuggestionPaint } from '../../plan/useSuggestionPaint';
import { EDITOR_BEHAVIOUR } from '../editorBehaviour';
import { FindReplace, type FindMode } from '../findReplace/findReplace';
import { SuggestMode, setSuggesting } from '../suggestMode';
import { ChapterOutline } from './ChapterOutline';
import { EditorToolbar } from './EditorToolbar';
import { FindReplaceBar } from './FindReplaceBar';
import { nextNotice, type Notice } from './notice';
import { SuggestModeToggle, type WritingMode } from './SuggestModeToggle';
import '../editor.css';

function documentAttributes(label: string, editable: boolean): Record<string, string> {
  return {
    // Restated because replacing the attributes prop would drop TipTap's own role.
    role: 'textbox',
    'aria-multiline': 'true',
    'aria-label': label,
    'aria-readonly': String(!editable),
    class: 'document-page__body',
    'data-testid': 'plan-editor',
  };
}

/** The find bar's state: closed, or open in a mode; `request` re-focuses it when asked again. */
type FindBarState = { mode: FindMode; request: number } | null;

/** How long a notice stays on screen; screen readers have read it by then. */
const NOTICE_MS = 6000;

/**
 * The plan's prose, co-edited in TipTap, with its toolbar, chapter outline and find bar.
 * Whoever may suggest writes in 提案 (suggest mode) when chosen, or always when that is all
 * they may do (staff, a review lock): their changes become suggestions (suggestMode.ts).
 */
export function LiveDocument({ session, user, editable, suggesting = null }: PlanViewProps) {
  const { t } = useI18n();
  const { provider, ydoc } = session;
  const label = t('plan.editorLabel');
  const { useProseCommentExtensions, ProseComments } = usePlanSlots();
  const commentExtensions = useProseCommentExtensions();
  const [findBar, setFindBar] = useState<FindBarState>(null);
  const openFind = useCallback(
    (mode: FindMode) => setFindBar((previous) => ({ mode, request: (previous?.request ?? 0) + 1 })),
    [],
  );

  const [chosenMode, setChosenMode] = useState<WritingMode>('edit');
  const mode: WritingMode = suggesting?.only ? 'suggest' : suggesting ? chosenMode : 'edit';
  // Staff and a locked review do not edit, but write suggestions: the editor takes input.
  const writable = editable || suggesting !== null;
  const [notice, setNotice] = useState<Notice>(null);
  const say = useCallback((key: MessageKey) => setNotice((previous) => nextNotice(previous, key)), []);
  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(() => setNotice(null), NOTICE_MS);
    return () => clearTimeout(timer);
  }, [notice]);
  const chooseMode = useCallback(
    (next: WritingMode) => {
      if (!suggesting || suggesting.only) {
        if (suggesting?.only) say(suggesting.reason === 'staff' ? 'editor.suggest.lockedStaff' : 'editor.suggest.lockedReview');
        return;
      }
      setChosenMode(next);
      say(next === 'suggest' ? 'editor.suggest.nowSuggesting' : 'editor.suggest.nowEditing');
    },
    [suggesting, say],
  );
  // The editor is made once per connection; its callbacks reach the current ones through refs.
  const callbacks = useRef({ refused: () => {}, toggle: () => {} });
  callbacks.current = {
    refused: () => say('editor.suggest.refused'),
    toggle: () => chooseMode(mode === 'suggest' ? 'edit' : 'suggest'),
  };
  const paint = useSuggestionPaint();

  const editor = useEditor(
    {
      extensions: [
        ...proseExtensions(),
        paint.extension,
        SuggestMode.configure({
          author: user.id,
          onRefused: () => callbacks.current.refused(),
          onToggle: () => callbacks.current.toggle(),
        }),
        Collaboration.configure({ document: ydoc, field: BODY_FRAGMENT }),
        // Publishes `user` in awareness too, so it carries the id the presence list groups by.
        CollaborationCaret.configure({ provider, user }),
        // openFind never changes (only a state setter inside), so the editor can keep it.
        FindReplace.configure({ onOpen: openFind }),
        // After Collaboration: comment highlights read positions through its sync binding.
        ...commentExtensions,
      ],
      ...EDITOR_BEHAVIOUR,
      editable: writable,
      editorProps: { attributes: documentAttributes(label, writable) },
      // Only the toolbar, outline and find bar re-render on change, not this whole tree per keystroke.
      shouldRerenderOnTransaction: false,
    },
    [provider],
  );

  useEffect(() => {
    // useEditor with deps only applies options when it recreates the editor, so
    // access and language changes are pushed to the live editor here.
    editor.setEditable(writable, false);
    editor.setOptions({ editorProps: { attributes: documentAttributes(label, writable) } });
  }, [editor, writable, label]);

  useEffect(() => setSuggesting(editor, writable && mode === 'suggest'), [editor, writable, mode]);

  useRepaintSuggestions(editor, paint.describe);

  return (
    <div className="editor-layout">
      <div className="editor-layout__grid">
        <ChapterOutline editor={editor} />
        <div className="editor-main">
          {(writable || findBar) && (
            <div className="editor-chrome" data-mode={writable ? mode : undefined}>
              {writable && (
                <EditorToolbar
                  editor={editor}
                  onOpenFind={openFind}
                  suggesting={mode === 'suggest'}
                  modeControl={suggesting && <SuggestModeToggle suggesting={suggesting} mode={mode} onChange={chooseMode} />}
                />
              )}
              <p className="suggest-notice" role="status" data-testid="suggest-notice">
                {notice && <span key={notice.seq}>{t(notice.key)}</span>}
              </p>
              {findBar && (
                <FindReplaceBar
                  editor={editor}
                  mode={findBar.mode}
                  focusRequest={findBar.request}
                  editable={writable}
                  onOpen={openFind}
                  onClose={() => setFindBar(null)}
                />
              )}
            </div>
          )}
          <EditorContent editor={editor} className="document-page" />
          <ProseComments editor={editor} />
        </div>
      </div>
    </div>
  );
}
