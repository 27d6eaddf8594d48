import type { Meeting } from '@sakutei/shared';
import type { Editor } from '@tiptap/core';
import { useEditorState } from '@tiptap/react';
import { Separator, Toolbar } from 'react-aria-components';
import { useI18n } from '../../i18n';
import { decisionLine, insertAgendaHeadings, insertDecision, insertSpeaker } from './minutesInserts';
import { InsertMenu } from './InsertMenu';
import { SpeakerPicker } from './SpeakerPicker';

interface Props {
  editor: Editor;
  meeting: Meeting;
  /** Says what an insert did (or why it did nothing) in the toolbar's status line. */
  say: (message: string) => void;
}

/**
 * The minutes' few tools: 見出し, 太字, 箇条書き, undo and redo (through Yjs, so each writer
 * undoes only their own changes), and the inserts the secretariat needs while the meeting
 * runs: a speaker, the agenda as headings, a decision as it is taken.
 */
export function MinutesToolbar({ editor, meeting, say }: Props) {
  const { t } = useI18n();
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      heading: e.isActive('heading', { level: 2 }),
      bold: e.isActive('bold'),
      bullets: e.isActive('bulletList'),
      canUndo: e.can().undo(),
      canRedo: e.can().redo(),
    }),
  });
  const decisions = meeting.decisions.filter((d) => d.text.trim() !== '' || d.vote !== null);

  return (
    // React Aria's toolbar: one tab stop, arrow keys move between the tools (the WAI-ARIA pattern).
    <Toolbar className="minutes-toolbar" aria-label={t('minutes.toolbar.label')} data-testid="minutes-toolbar">
      <button
        type="button"
        className="minutes-tool"
        aria-pressed={state.heading}
        onClick={() => editor.chain().focus().toggleHeading({ level: 2 }).run()}
        data-testid="minutes-heading"
      >
        {t('minutes.toolbar.heading')}
      </button>
      <button type="button" className="minutes-tool" aria-pressed={state.bold} onClick={() => editor.chain().focus().toggleBold().run()} data-testid="minutes-bold">
        <b>{t('minutes.toolbar.bold')}</b>
      </button>
      <button
        type="button"
        className="minutes-tool"
        aria-pressed={state.bullets}
        onClick={() => editor.chain().focus().toggleBulletList().run()}
        data-testid="minutes-bullets"
      >
        {t('minutes.toolbar.bullets')}
      </button>
      <button type="button" className="minutes-tool" disabled={!state.canUndo} onClick={() => editor.chain().focus().undo().run()} data-testid="minutes-undo">
        {t('minutes.toolbar.undo')}
      </button>
      <button type="button" className="minutes-tool" disabled={!state.canRedo} onClick={() => editor.chain().focus().redo().run()} data-testid="minutes-redo">
        {t('minutes.toolbar.redo')}
      </button>
      <Separator orientation="vertical" className="minutes-toolbar__sep" />
      <SpeakerPicker attendance={meeting.attendance} onPick={(label) => insertSpeaker(editor, label)} />
      <button
        type="button"
        className="minutes-tool"
        onClick={() => {
          const count = insertAgendaHeadings(editor, meeting.agenda);
          say(count > 0 ? t('minutes.agendaHeadings.done', { count }) : t('minutes.agendaHeadings.none'));
        }}
        data-testid="minutes-agenda-headings"
      >
        {t('minutes.agendaHeadings')}
      </button>
      <InsertMenu
        label={t('minutes.decision.label')}
        choices={decisions.map((d) => ({ id: d.id, text: decisionLine(d) }))}
        emptyText={t('minutes.decision.none')}
        onPick={(id) => {
          const decision = decisions.find((d) => d.id === id);
          if (decision) insertDecision(editor, decision);
        }}
        testId="minutes-decision"
      />
    </Toolbar>
  );
}
