import { BODY_FRAGMENT, CLOSE_CODES, type Meeting } from '@sakutei/shared';
import { proseExtensions } from '@sakutei/shared/editor';
import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import { EditorContent, useEditor } from '@tiptap/react';
import { useEffect, useMemo, useState } from 'react';
import { useMe } from '../../app/session';
import { useI18n } from '../../i18n';
import { PresenceList } from '../plan/components/PresenceList';
import { presenceUserOf } from '../plan/presence';
import { useCollabDoc, type CollabSession } from '../plan/useCollabDoc';
import { useConnectionStatus } from '../plan/useConnectionStatus';
import { usePresence } from '../plan/usePresence';
import type { PresenceUser } from '../plan/presence';
import { MinutesToolbar } from './MinutesToolbar';

interface Props {
  docName: string;
  meeting: Meeting;
  /** Whether this person writes (staff or the chair while the minutes are not confirmed); the others follow live. */
  editable: boolean;
  /** The server changed what this socket may do (the minutes were confirmed): read the minutes again. */
  onAccessChanged: () => void;
}

/**
 * The minutes as a live document: the plan's prose schema in TipTap on Yjs, over the plan
 * kernel's connection (useCollabDoc). Those who may write get the toolbar; members read the
 * text as it is typed, with everyone present shown.
 */
export function MinutesEditor({ docName, meeting, editable, onAccessChanged }: Props) {
  const { t } = useI18n();
  const me = useMe();
  const user = useMemo(() => presenceUserOf(me.user), [me.user]);
  // Nothing is kept on the device: minutes are written in the room, online, and once confirmed
  // an offline copy could only hold edits the server will refuse.
  const { session, refusedWith, updateRefused, reopen } = useCollabDoc({ docName, user, onAccessChanged });
  useEffect(() => {
    if (refusedWith === CLOSE_CODES.forbidden) onAccessChanged();
  }, [refusedWith, onAccessChanged]);

  if (refusedWith !== null) {
    return (
      <p className="banner banner--error" role="alert" data-testid="minutes-refused" data-close-code={refusedWith}>
        {t('minutes.refused')}
      </p>
    );
  }
  return (
    <section className="minutes-editor" aria-label={t('minutes.editorLabel')}>
      {updateRefused !== null && (
        <div className="banner banner--error" role="alert" data-testid="minutes-update-refused">
          <p>{t('minutes.updateRefused')}</p>
          <button type="button" className="button button--primary" onClick={reopen}>
            {t('minutes.reopen')}
          </button>
        </div>
      )}
      {session && (
        <LiveMinutes
          key={session.ydoc.guid}
          session={session}
          user={user}
          meeting={meeting}
          editable={editable && updateRefused === null}
        />
      )}
    </section>
  );
}

function documentAttributes(label: string, editable: boolean): Record<string, string> {
  return {
    role: 'textbox',
    'aria-multiline': 'true',
    'aria-label': label,
    'aria-readonly': String(!editable),
    class: 'document-page__body',
    'data-testid': 'minutes-body',
  };
}

function LiveMinutes({ session, user, meeting, editable }: { session: CollabSession; user: PresenceUser; meeting: Meeting; editable: boolean }) {
  const { t } = useI18n();
  const { provider, ydoc } = session;
  const label = t('minutes.editorLabel');
  const { status } = useConnectionStatus(provider);
  const users = usePresence(provider.awareness);
  const [notice, setNotice] = useState('');
  const editor = useEditor(
    {
      extensions: [
        ...proseExtensions(),
        Collaboration.configure({ document: ydoc, field: BODY_FRAGMENT }),
        CollaborationCaret.configure({ provider, user }),
      ],
      editable,
      editorProps: { attributes: documentAttributes(label, editable) },
      shouldRerenderOnTransaction: false,
    },
    [provider],
  );
  useEffect(() => {
    // Options given to useEditor apply only when it makes the editor: access and language are pushed here.
    editor.setEditable(editable, false);
    editor.setOptions({ editorProps: { attributes: documentAttributes(label, editable) } });
  }, [editor, editable, label]);

  return (
    <>
      <div className="minutes-editor__bar">
        <span className="minutes-connection" data-status={status} data-testid="minutes-connection" role="status">
          <span className="minutes-connection__dot" aria-hidden="true" />
          {t(`minutes.connection.${status}`)}
        </span>
        <PresenceList users={users} selfId={user.id} />
      </div>
      {editable && <MinutesToolbar editor={editor} meeting={meeting} say={setNotice} />}
      <EditorContent editor={editor} className="document-page" />
      {editable && (
        <p className="minutes-notice" role="status" data-testid="minutes-notice">
          {notice}
        </p>
      )}
    </>
  );
}
