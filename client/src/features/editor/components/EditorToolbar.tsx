// The schema's commands (toggleBold, …) are typed by StarterKit's module augmentations.
import type {} from '@tiptap/starter-kit';
import { useEditorState, type Editor } from '@tiptap/react';
import type { ReactNode } from 'react';
import { useI18n, type MessageKey } from '../../../i18n';

interface ToolProps {
  label: MessageKey;
  shortcut: string;
  pressed: boolean;
  onPress: () => void;
  children: ReactNode;
}

function Tool({ label, shortcut, pressed, onPress, children }: ToolProps) {
  const { t } = useI18n();
  return (
    <button
      type="button"
      className="toolbar__button"
      aria-label={t(label)}
      aria-pressed={pressed}
      aria-keyshortcuts={shortcut}
      title={`${t(label)} (${shortcut})`}
      onClick={onPress}
    >
      <span aria-hidden="true">{children}</span>
    </button>
  );
}

/** Formatting buttons for editors only; the caller leaves it out for read-only members. */
export function EditorToolbar({ editor }: { editor: Editor }) {
  const { t } = useI18n();
  const active = useEditorState({
    editor,
    selector: ({ editor: current }) => ({
      bold: current.isActive('bold'),
      italic: current.isActive('italic'),
      heading: current.isActive('heading', { level: 2 }),
      bulletList: current.isActive('bulletList'),
    }),
  });

  return (
    <div className="toolbar" role="group" aria-label={t('toolbar.label')} data-testid="editor-toolbar">
      <Tool
        label="toolbar.bold"
        shortcut="Control+B"
        pressed={active.bold}
        onPress={() => editor.chain().focus().toggleBold().run()}
      >
        <b>B</b>
      </Tool>
      <Tool
        label="toolbar.italic"
        shortcut="Control+I"
        pressed={active.italic}
        onPress={() => editor.chain().focus().toggleItalic().run()}
      >
        <i>I</i>
      </Tool>
      <Tool
        label="toolbar.heading"
        shortcut="Control+Alt+2"
        pressed={active.heading}
        onPress={() => editor.chain().focus().toggleHeading({ level: 2 }).run()}
      >
        H2
      </Tool>
      <Tool
        label="toolbar.bulletList"
        shortcut="Control+Shift+8"
        pressed={active.bulletList}
        onPress={() => editor.chain().focus().toggleBulletList().run()}
      >
        ••
      </Tool>
    </div>
  );
}
