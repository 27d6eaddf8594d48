import { BODY_FRAGMENT } from '@sakutei/shared';
import { proseExtensions } from '@sakutei/shared/editor';
import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import { EditorContent, useEditor } from '@tiptap/react';
import { useCallback, useEffect, useState } from 'react';
import { useI18n } from '../../../i18n';
import { usePlanSlots } from '../../plan/ports';
import type { PlanViewProps } from '../../plan/planView';
import { EDITOR_BEHAVIOUR } from '../editorBehaviour';
import { FindReplace, type FindMode } from '../findReplace/findReplace';
import { ChapterOutline } from './ChapterOutline';
import { EditorToolbar } from './EditorToolbar';
import { FindReplaceBar } from './FindReplaceBar';
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

/** The plan's prose, co-edited in TipTap, with its toolbar, chapter outline and find bar. */
export function LiveDocument({ session, user, editable }: PlanViewProps) {
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

  const editor = useEditor(
    {
      extensions: [
        ...proseExtensions(),
        Collaboration.configure({ document: ydoc, field: BODY_FRAGMENT }),
        // Publishes `user` in awareness too, so it carries the id the presence list groups by.
        CollaborationCaret.configure({ provider, user }),
        // openFind never changes (only a state setter inside), so the editor can keep it.
        FindReplace.configure({ onOpen: openFind }),
        // After Collaboration: comment highlights read positions through its sync binding.
        ...commentExtensions,
      ],
      ...EDITOR_BEHAVIOUR,
      editable,
      editorProps: { attributes: documentAttributes(label, editable) },
      // Only the toolbar, outline and find bar re-render on change, not this whole tree per keystroke.
      shouldRerenderOnTransaction: false,
    },
    [provider],
  );

  useEffect(() => {
    // useEditor with deps only applies options when it recreates the editor, so
    // access and language changes are pushed to the live editor here.
    editor.setEditable(editable, false);
    editor.setOptions({ editorProps: { attributes: documentAttributes(label, editable) } });
  }, [editor, editable, label]);

  return (
    <div className="editor-layout">
      <div className="editor-layout__grid">
        <ChapterOutline editor={editor} />
        <div className="editor-main">
          {(editable || findBar) && (
            <div className="editor-chrome">
              {editable && <EditorToolbar editor={editor} onOpenFind={openFind} />}
              {findBar && (
                <FindReplaceBar
                  editor={editor}
                  mode={findBar.mode}
                  focusRequest={findBar.request}
                  editable={editable}
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
