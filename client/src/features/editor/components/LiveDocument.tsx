import { BODY_FRAGMENT } from '@sakutei/shared';
import { proseExtensions } from '@sakutei/shared/editor';
import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import { EditorContent, useEditor } from '@tiptap/react';
import { useEffect } from 'react';
import { useI18n } from '../../../i18n';
import type { PresenceUser } from '../presence';
import type { CollabSession } from '../useCollabDoc';
import { useConnectionStatus } from '../useConnectionStatus';
import { usePresence } from '../usePresence';
import { ConnectionStatus } from './ConnectionStatus';
import { EditorToolbar } from './EditorToolbar';
import { PresenceList } from './PresenceList';

interface Props {
  session: CollabSession;
  user: PresenceUser;
  editable: boolean;
  /** The server refused this document for good, so nothing typed here would ever sync. */
  refused: boolean;
}

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

/** The shared document itself, with who is here and whether it is in sync. */
export function LiveDocument({ session, user, editable, refused }: Props) {
  const { t } = useI18n();
  const { provider, ydoc } = session;
  const { status, synced } = useConnectionStatus(provider);
  const users = usePresence(provider.awareness);
  const label = t('plan.editorLabel');

  const editor = useEditor(
    {
      extensions: [
        ...proseExtensions(),
        Collaboration.configure({ document: ydoc, field: BODY_FRAGMENT }),
        // Publishes `user` in awareness too, so it carries the id the presence list groups by.
        CollaborationCaret.configure({ provider, user }),
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
    <div className="live-document">
      <div className="live-document__bar">
        <ConnectionStatus status={refused ? 'offline' : status} synced={synced} willResync={!refused} />
        <PresenceList users={users} selfId={user.id} />
      </div>
      {editable && <EditorToolbar editor={editor} />}
      <EditorContent editor={editor} className="document-page" />
    </div>
  );
}
