import { useEditorState, type Editor } from '@tiptap/react';
import { useId, useState } from 'react';
import { useI18n } from '../../../i18n';
import { currentEntryIndex, outlineOf, sameOutline } from '../outline';
import { Icon } from './icons';

/** Puts the caret at the start of the outline's `index`-th heading and brings it to the top. */
function goToHeading(editor: Editor, index: number): void {
  // Read afresh: the positions the outline was drawn with may have shifted since.
  const entry = outlineOf(editor.state.doc)[index];
  if (!entry) return;
  editor.chain().setTextSelection(entry.pos + 1).focus(null, { scrollIntoView: false }).run();
  const dom = editor.view.nodeDOM(entry.pos);
  if (dom instanceof HTMLElement) dom.scrollIntoView({ block: 'start' });
}

/**
 * 章の目次: the headings of the prose, kept current as anyone edits. Choosing a line moves the
 * caret to that heading. Beside the text on a wide screen; folded behind a button on a narrow one.
 */
export function ChapterOutline({ editor }: { editor: Editor }) {
  const { t } = useI18n();
  const listId = useId();
  const [open, setOpen] = useState(false);
  const { entries, current } = useEditorState({
    editor,
    selector: ({ editor: e }) => {
      const outline = outlineOf(e.state.doc);
      return { entries: outline, current: currentEntryIndex(outline, e.state.selection.from) };
    },
    // Redraw when a heading's words or the caret's chapter change, not on every keystroke.
    equalityFn: (a, b) => a.current === b?.current && sameOutline(a.entries, b.entries),
  });

  return (
    <nav className="editor-outline" aria-label={t('editor.outline')} data-testid="chapter-outline">
      <button
        type="button"
        className="editor-outline__toggle"
        aria-expanded={open}
        aria-controls={listId}
        onClick={() => setOpen(!open)}
      >
        <Icon name="outline" />
        {t('editor.outline.toggle')}
        <span aria-hidden="true">{open ? '▴' : '▾'}</span>
      </button>
      <h2 className="editor-outline__title">{t('editor.outline')}</h2>
      <div id={listId} className="editor-outline__body" data-open={open}>
        {entries.length === 0 ? (
          <p className="editor-outline__empty">{t('editor.outline.empty')}</p>
        ) : (
          <ol className="editor-outline__list">
            {entries.map((entry, index) => (
              <li key={`${index}-${entry.text}`} className={`editor-outline__item editor-outline__item--h${entry.level}`}>
                <button
                  type="button"
                  className="editor-outline__link"
                  aria-current={index === current ? 'location' : undefined}
                  onClick={() => {
                    goToHeading(editor, index);
                    setOpen(false);
                  }}
                >
                  {entry.text}
                </button>
              </li>
            ))}
          </ol>
        )}
      </div>
    </nav>
  );
}
