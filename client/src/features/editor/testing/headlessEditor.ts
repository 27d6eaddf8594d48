import type { Editor, JSONContent } from '@tiptap/core';
import type * as Y from 'yjs';
import { headlessProseEditor } from '../../../test/headlessProse';
import { EDITOR_BEHAVIOUR } from '../editorBehaviour';
import { FindReplace } from '../findReplace/findReplace';

export { blocksOf, caretAfter, paragraphs, pressKey, typeText } from '../../../test/headlessProse';

/** The plan editor without React and without a server: the shared prose editor with the client's typing behaviour and find/replace. */
export function headlessEditor(options: { content?: JSONContent; ydoc?: Y.Doc } = {}): Promise<Editor> {
  return headlessProseEditor({ ...options, extensions: [FindReplace], editorOptions: EDITOR_BEHAVIOUR });
}
