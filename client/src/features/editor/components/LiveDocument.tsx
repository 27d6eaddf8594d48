import { BODY_FRAGMENT } from '@sakutei/shared';
import { proseExtensions } from '@sakutei/shared/editor';
import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import { EditorContent, useEditor } from '@tiptap/react';
import { useEffect } from 'react';
import { useI18n } from '../../../i18n';
import { ProseComments, useCommentExtensions } from '../../comments/ProseComments';
import type { PlanViewProps } from '../../plan/planView';
import { EditorToolbar } from './EditorToolbar';

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

/** The plan's prose, co-edited in TipTap. */
export function LiveDocument({ session, user, editable }: PlanViewProps) {
  const { t } = useI18n();
  const { provider, ydoc } = session;
  const label = t('plan.editorLabel');
  const commentExtensions = useCommentExtensions();

  const editor = useEditor(
    {
      extensions: [
        ...proseExtensions(),
        Collaboration.configure({ document: ydoc, field: BODY_FRAGMENT }),
        // Publishes `user` in awareness too, so it carries the id the presence list groups by.
        CollaborationCaret.configure({ provider, user }),
        // After Collaboration: comment highlights read positions through its sync binding.
        ...commentExtensions,
      ],
      editable,
      editorProps: { attributes: documentAttributes(label, editable) },
      // Only the toolbar and status re-render on change, not this whole tree per keystroke.
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
    <>
      {editable && <EditorToolbar editor={editor} />}
      <EditorContent editor={editor} className="document-page" />
      <ProseComments editor={editor} />
    </>
  );
}
