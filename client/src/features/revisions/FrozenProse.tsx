import { BODY_FRAGMENT } from '@sakutei/shared';
import { proseExtensions } from '@sakutei/shared/editor';
import Collaboration from '@tiptap/extension-collaboration';
import { EditorContent, useEditor } from '@tiptap/react';
import { useEffect } from 'react';
import type * as Y from 'yjs';
import { usePlanSlots } from '../plan/ports';
import { useRepaintSuggestions, useSuggestionPaint } from '../plan/useSuggestionPaint';

function attributes(label: string): Record<string, string> {
  return {
    role: 'document',
    'aria-label': label,
    class: 'document-page__body',
    'data-testid': 'revision-prose',
  };
}

/**
 * A revision's prose, read-only. It is bound to the revision's own Y.Doc (never to a
 * provider), so text anchors made on it, which are Yjs positions, resolve as in the draft.
 */
export function FrozenProse({ doc, label }: { doc: Y.Doc; label: string }) {
  const { useProseCommentExtensions, ProseComments } = usePlanSlots();
  const commentExtensions = useProseCommentExtensions();
  // Pending suggestions frozen with the revision read as in the draft: 見え消し in their authors' colours.
  const paint = useSuggestionPaint();
  const editor = useEditor(
    {
      extensions: [
        ...proseExtensions(),
        paint.extension,
        Collaboration.configure({ document: doc, field: BODY_FRAGMENT }),
        // After Collaboration: highlights read positions through its sync binding.
        ...commentExtensions,
      ],
      editable: false,
      editorProps: { attributes: attributes(label) },
      shouldRerenderOnTransaction: false,
    },
    [doc],
  );

  useEffect(() => {
    editor.setOptions({ editorProps: { attributes: attributes(label) } });
  }, [editor, label]);
  useRepaintSuggestions(editor, paint.describe);

  return (
    <>
      <EditorContent editor={editor} className="document-page" />
      <ProseComments editor={editor} />
    </>
  );
}
