import type { Editor } from '@tiptap/react';
import { Button, type Key, ListBox, ListBoxItem, Popover, Select, SelectValue } from 'react-aria-components';
import { useI18n } from '../../../i18n';
import { SHORTCUTS, type ShortcutKeys } from '../shortcuts';
import { shortcutText } from './ToolButton';

/** The paragraph styles offered: 本文 and 見出し1–4 (H1 is a chapter, H2 its sections, as in the plans). */
const STYLES: ReadonlyArray<{ key: string; level: number | null; shortcut: ShortcutKeys }> = [
  { key: 'paragraph', level: null, shortcut: SHORTCUTS.paragraph },
  { key: 'h1', level: 1, shortcut: SHORTCUTS.heading1 },
  { key: 'h2', level: 2, shortcut: SHORTCUTS.heading2 },
  { key: 'h3', level: 3, shortcut: SHORTCUTS.heading3 },
  { key: 'h4', level: 4, shortcut: SHORTCUTS.heading4 },
];

/** The style key of the block at the selection: 'h5' for an old H5, null inside e.g. a code block. */
export function blockStyleOf(editor: Editor): string | null {
  for (let level = 1; level <= 6; level++) if (editor.isActive('heading', { level })) return `h${level}`;
  return editor.isActive('paragraph') ? 'paragraph' : null;
}

/**
 * 段落スタイル, as Word names it: a drop-down rather than five buttons, so the toolbar fits a
 * phone. Each option shows its key (Ctrl+Alt+1 …).
 */
export function BlockStyleSelect({ editor, current, disabled = false }: { editor: Editor; current: string | null; disabled?: boolean }) {
  const { t } = useI18n();
  const labelOf = (level: number | null) => (level === null ? t('editor.paragraph') : t('editor.heading', { level }));
  // An H5/H6 from an older document is shown as what it is, though it is not offered.
  const extra = current && !STYLES.some((s) => s.key === current) ? [{ key: current, level: Number(current.slice(1)), shortcut: [] as ShortcutKeys }] : [];
  const items = [...STYLES, ...extra];

  const choose = (key: Key | null) => {
    const style = items.find((s) => s.key === key);
    if (!style) return;
    const chain = editor.chain().focus();
    if (style.level === null) chain.setParagraph().run();
    else chain.setHeading({ level: style.level as 1 | 2 | 3 | 4 | 5 | 6 }).run();
  };

  return (
    <Select
      className="editor-style"
      aria-label={t('editor.blockStyle')}
      selectedKey={current}
      onSelectionChange={choose}
      isDisabled={disabled || current === null}
      placeholder={t('editor.blockStyle')}
    >
      <Button className="editor-style__button" data-testid="block-style">
        {/* The chosen style's name only, without the key the option shows. */}
        <SelectValue className="editor-style__value">
          {({ selectedText, isPlaceholder, defaultChildren }) => (isPlaceholder ? defaultChildren : selectedText)}
        </SelectValue>
        <span aria-hidden="true" className="editor-style__chevron">
          ▾
        </span>
      </Button>
      <Popover className="editor-popover" placement="bottom start">
        <ListBox className="editor-menu" items={items}>
          {(style) => (
            <ListBoxItem
              id={style.key}
              className={`editor-menu__item editor-style__option--${style.key}`}
              textValue={labelOf(style.level)}
            >
              <span>{labelOf(style.level)}</span>
              {style.shortcut.length > 0 && (
                <kbd className="editor-menu__key">{shortcutText(style.shortcut)}</kbd>
              )}
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </Select>
  );
}
