// The schema's commands (toggleBold, …) are typed by the extensions' module augmentations.
import type {} from '@tiptap/starter-kit';
import type {} from '@tiptap/extension-collaboration';
import type {} from '@tiptap/extension-table';
import { useEditorState, type Editor } from '@tiptap/react';
import type { ReactNode } from 'react';
import { Group, Separator, Toolbar } from 'react-aria-components';
import { useI18n } from '../../../i18n';
import type { FindMode } from '../findReplace/findReplace';
import { SHORTCUTS } from '../shortcuts';
import { BlockStyleSelect, blockStyleOf } from './BlockStyleSelect';
import { Icon } from './icons';
import { TableMenu } from './TableMenu';
import { ToolButton } from './ToolButton';

/** What the buttons show, read once per transaction so only the toolbar re-renders. */
function useToolbarState(editor: Editor) {
  return useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      canUndo: e.can().undo(),
      canRedo: e.can().redo(),
      bold: e.isActive('bold'),
      italic: e.isActive('italic'),
      underline: e.isActive('underline'),
      strike: e.isActive('strike'),
      code: e.isActive('code'),
      blockStyle: blockStyleOf(e),
      bulletList: e.isActive('bulletList'),
      orderedList: e.isActive('orderedList'),
      canIndent: e.can().sinkListItem('listItem'),
      canOutdent: e.can().liftListItem('listItem'),
      inTable: e.isActive('table'),
    }),
  });
}

interface EditorToolbarProps {
  editor: Editor;
  onOpenFind: (mode: FindMode) => void;
  /**
   * 提案 is on: wording, bold/italic/underline and the paragraph style become suggestions
   * (shared suggest.ts); lists, indenting and tables cannot be suggested, so their buttons are off.
   */
  suggesting?: boolean;
  /** The 編集 / 提案 control, first in the toolbar, for those who may suggest. */
  modeControl?: ReactNode;
}

/**
 * The formatting toolbar, for editors only (the caller leaves it out for read-only members).
 * One tab stop: arrow keys move between its buttons (WAI-ARIA toolbar pattern), and every
 * tooltip names the key that does the same from the text.
 */
export function EditorToolbar({ editor, onOpenFind, suggesting = false, modeControl }: EditorToolbarProps) {
  const { t } = useI18n();
  const s = useToolbarState(editor);
  // What 提案 cannot propose: list wrapping and tables (formats and the paragraph style it can).
  const off = suggesting;
  const chain = () => editor.chain().focus();

  return (
    <Toolbar className="editor-toolbar" aria-label={t('editor.toolbar')} data-testid="editor-toolbar">
      {modeControl && (
        <>
          {modeControl}
          <Separator orientation="vertical" className="editor-toolbar__separator" />
        </>
      )}
      <Group className="editor-toolbar__group" aria-label={t('editor.undo')}>
        <ToolButton label={t('editor.undo')} shortcut={SHORTCUTS.undo} disabled={!s.canUndo} onPress={() => chain().undo().run()} testId="tool-undo">
          <Icon name="undo" />
        </ToolButton>
        <ToolButton label={t('editor.redo')} shortcut={SHORTCUTS.redo} disabled={!s.canRedo} onPress={() => chain().redo().run()} testId="tool-redo">
          <Icon name="redo" />
        </ToolButton>
      </Group>
      <Separator orientation="vertical" className="editor-toolbar__separator" />
      <BlockStyleSelect editor={editor} current={s.blockStyle} />
      <Separator orientation="vertical" className="editor-toolbar__separator" />
      <Group className="editor-toolbar__group" aria-label={t('editor.toolbar')}>
        <ToolButton label={t('editor.bold')} shortcut={SHORTCUTS.bold} pressed={s.bold} onPress={() => chain().toggleBold().run()} testId="tool-bold">
          <b className="editor-glyph">B</b>
        </ToolButton>
        <ToolButton label={t('editor.italic')} shortcut={SHORTCUTS.italic} pressed={s.italic} onPress={() => chain().toggleItalic().run()} testId="tool-italic">
          <i className="editor-glyph">I</i>
        </ToolButton>
        <ToolButton
          label={t('editor.underline')}
          shortcut={SHORTCUTS.underline}
          pressed={s.underline}
          onPress={() => chain().toggleUnderline().run()}
          testId="tool-underline"
        >
          <u className="editor-glyph">U</u>
        </ToolButton>
        <ToolButton label={t('editor.strike')} shortcut={SHORTCUTS.strike} pressed={s.strike} onPress={() => chain().toggleStrike().run()} testId="tool-strike">
          <s className="editor-glyph">S</s>
        </ToolButton>
        {/* Not proposable: code clears every other mark, suggestions' included (SUGGESTIBLE_FORMATS). */}
        <ToolButton label={t('editor.code')} shortcut={SHORTCUTS.code} pressed={s.code} disabled={off} onPress={() => chain().toggleCode().run()} testId="tool-code">
          <code className="editor-glyph editor-glyph--code">{'</>'}</code>
        </ToolButton>
      </Group>
      <Separator orientation="vertical" className="editor-toolbar__separator" />
      <Group className="editor-toolbar__group" aria-label={t('editor.bulletList')}>
        <ToolButton
          label={t('editor.bulletList')}
          shortcut={SHORTCUTS.bulletList}
          pressed={s.bulletList}
          onPress={() => chain().toggleBulletList().run()}
          disabled={off} testId="tool-bullet-list"
        >
          <Icon name="bulletList" />
        </ToolButton>
        <ToolButton
          label={t('editor.orderedList')}
          shortcut={SHORTCUTS.orderedList}
          pressed={s.orderedList}
          onPress={() => chain().toggleOrderedList().run()}
          disabled={off} testId="tool-ordered-list"
        >
          <Icon name="orderedList" />
        </ToolButton>
        <ToolButton
          label={t('editor.outdent')}
          shortcut={SHORTCUTS.outdent}
          disabled={off || !s.canOutdent}
          onPress={() => chain().liftListItem('listItem').run()}
          testId="tool-outdent"
        >
          <Icon name="outdent" />
        </ToolButton>
        <ToolButton
          label={t('editor.indent')}
          shortcut={SHORTCUTS.indent}
          disabled={off || !s.canIndent}
          onPress={() => chain().sinkListItem('listItem').run()}
          testId="tool-indent"
        >
          <Icon name="indent" />
        </ToolButton>
      </Group>
      <Separator orientation="vertical" className="editor-toolbar__separator" />
      <Group className="editor-toolbar__group" aria-label={t('editor.table.menu')}>
        <ToolButton
          label={t('editor.table.insert')}
          disabled={off || s.inTable}
          onPress={() => chain().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run()}
          testId="tool-insert-table"
        >
          <Icon name="table" />
        </ToolButton>
        <TableMenu editor={editor} inTable={s.inTable && !off} />
      </Group>
      <Separator orientation="vertical" className="editor-toolbar__separator" />
      <Group className="editor-toolbar__group" aria-label={t('editor.find.region')}>
        <ToolButton label={t('editor.find')} shortcut={SHORTCUTS.find} onPress={() => onOpenFind('find')} testId="tool-find">
          <Icon name="find" />
        </ToolButton>
        <ToolButton label={t('editor.replace')} shortcut={SHORTCUTS.replace} onPress={() => onOpenFind('replace')} testId="tool-replace">
          <Icon name="replace" />
        </ToolButton>
      </Group>
    </Toolbar>
  );
}
