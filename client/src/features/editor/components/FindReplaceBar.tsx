import { markerFree } from '@sakutei/shared';
import { useEditorState, type Editor } from '@tiptap/react';
import { type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import { useI18n } from '../../../i18n';
import { type FindMode, findStateOf } from '../findReplace/findReplace';
import { DEFAULT_SEARCH_OPTIONS, type SearchOptions } from '../findReplace/match';
import { SHORTCUTS } from '../shortcuts';
import { Icon } from './icons';
import { useShortcutText } from './ToolButton';

interface FindReplaceBarProps {
  editor: Editor;
  mode: FindMode;
  /** Grows each time the bar is asked for (Ctrl+F again): the query field takes the focus. */
  focusRequest: number;
  /** Readers may search but not replace. */
  editable: boolean;
  /** Ctrl+F / Ctrl+H pressed in the bar itself: switch mode and focus the find field. */
  onOpen: (mode: FindMode) => void;
  onClose: () => void;
}

/** The selected text, when it is a short phrase on one line: what Word puts in the find field. */
function selectedPhrase(editor: Editor): string {
  const { from, to, empty } = editor.state.selection;
  if (empty) return '';
  // A proposed paragraph break in the selection reads as the break it stands for.
  const text = markerFree(editor.state.doc.textBetween(from, to, '\n'));
  return text.includes('\n') || text.length > 100 ? '' : text;
}

/**
 * 検索と置換 for the prose. Enter finds the next match and Shift+Enter the previous one, in the
 * find field; Enter in the replace field replaces the current match; Escape closes the bar and
 * puts the caret back in the text, on the match.
 */
export function FindReplaceBar({ editor, mode, focusRequest, editable, onOpen, onClose }: FindReplaceBarProps) {
  const { t } = useI18n();
  const withShortcut = useShortcutText();
  const id = useId();
  const queryRef = useRef<HTMLInputElement>(null);
  const [query, setQuery] = useState(() => selectedPhrase(editor));
  const [replacement, setReplacement] = useState('');
  const [options, setOptions] = useState<SearchOptions>(DEFAULT_SEARCH_OPTIONS);
  const [announcement, setAnnouncement] = useState('');
  const found = useEditorState({
    editor,
    selector: ({ editor: e }) => {
      const state = findStateOf(e.state);
      return { total: state.matches.length, current: state.current };
    },
  });

  useEffect(() => {
    editor.commands.setSearch(query, options);
  }, [editor, query, options]);

  // Closing (unmounting) clears the highlights.
  useEffect(() => () => void (editor.isDestroyed || editor.commands.setSearch('')), [editor]);

  useEffect(() => {
    queryRef.current?.focus();
    queryRef.current?.select();
  }, [focusRequest]);

  const close = () => {
    onClose();
    editor.commands.focus();
  };

  const onQueryKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter' && !event.nativeEvent.isComposing) {
      event.preventDefault();
      if (event.shiftKey) editor.commands.findPrevious();
      else editor.commands.findNext();
    }
  };
  const onBarKey = (event: KeyboardEvent<HTMLDivElement>) => {
    const mod = event.ctrlKey || event.metaKey;
    if (event.key === 'Escape') {
      event.preventDefault();
      close();
    } else if (mod && !event.altKey && (event.key === 'f' || event.key === 'h')) {
      // The same keys as in the text; without this the browser's own find or history opens.
      event.preventDefault();
      onOpen(event.key === 'h' ? 'replace' : 'find');
    }
  };
  // With no match left the replace buttons turn disabled and would drop the focus to the
  // page; it goes back to the find field instead, so Escape and typing still work.
  const keepFocusInBar = () => {
    if (findStateOf(editor.state).matches.length === 0) queryRef.current?.focus();
  };
  const replaceOne = () => {
    editor.commands.replaceCurrent(replacement);
    keepFocusInBar();
  };
  const replaceAll = () => {
    const count = findStateOf(editor.state).matches.length;
    if (editor.commands.replaceAll(replacement)) setAnnouncement(t('editor.find.replaced', { count }));
    keepFocusInBar();
  };

  const status =
    query === '' ? '' : found.total === 0 ? t('editor.find.none') : t('editor.find.count', { current: found.current + 1, total: found.total });

  return (
    <div className="find-bar" role="search" aria-label={t('editor.find.region')} onKeyDown={onBarKey} data-testid="find-bar">
      <div className="find-bar__row">
        <label className="visually-hidden" htmlFor={`${id}-query`}>
          {t('editor.find.query')}
        </label>
        <input
          ref={queryRef}
          id={`${id}-query`}
          className="find-bar__input"
          type="search"
          value={query}
          placeholder={t('editor.find.query')}
          onChange={(event) => {
            setQuery(event.target.value);
            setAnnouncement('');
          }}
          onKeyDown={onQueryKey}
          data-testid="find-query"
        />
        <output className="find-bar__count" aria-live="polite" htmlFor={`${id}-query`} data-testid="find-count">
          {status}
        </output>
        <button type="button" className="find-bar__button" onClick={() => editor.commands.findPrevious()} disabled={found.total === 0}>
          <span aria-hidden="true">↑</span>
          <span className="visually-hidden">{t('editor.find.previous')}</span>
        </button>
        <button type="button" className="find-bar__button" onClick={() => editor.commands.findNext()} disabled={found.total === 0}>
          <span aria-hidden="true">↓</span>
          <span className="visually-hidden">{t('editor.find.next')}</span>
        </button>
        <button type="button" className="find-bar__button find-bar__close" onClick={close} title={withShortcut(t('editor.find.close'), ['Escape'])}>
          <span aria-hidden="true">×</span>
          <span className="visually-hidden">{t('editor.find.close')}</span>
        </button>
      </div>
      {editable && mode === 'replace' && (
        <div className="find-bar__row">
          <label className="visually-hidden" htmlFor={`${id}-replacement`}>
            {t('editor.find.replacement')}
          </label>
          <input
            id={`${id}-replacement`}
            className="find-bar__input"
            type="text"
            value={replacement}
            placeholder={t('editor.find.replacement')}
            onChange={(event) => setReplacement(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter' && !event.nativeEvent.isComposing) {
                event.preventDefault();
                replaceOne();
              }
            }}
            data-testid="find-replacement"
          />
          <button type="button" className="find-bar__button find-bar__button--text" onClick={replaceOne} disabled={found.total === 0}>
            {t('editor.find.replaceOne')}
          </button>
          <button
            type="button"
            className="find-bar__button find-bar__button--text"
            onClick={replaceAll}
            disabled={found.total === 0}
            data-testid="find-replace-all"
          >
            {t('editor.find.replaceAll')}
          </button>
        </div>
      )}
      <div className="find-bar__row find-bar__options">
        <label>
          <input
            type="checkbox"
            checked={options.caseSensitive}
            onChange={(event) => setOptions({ ...options, caseSensitive: event.target.checked })}
          />
          {t('editor.find.caseSensitive')}
        </label>
        <label>
          <input
            type="checkbox"
            checked={options.widthSensitive}
            onChange={(event) => setOptions({ ...options, widthSensitive: event.target.checked })}
          />
          {t('editor.find.widthSensitive')}
        </label>
        {editable && mode === 'find' && (
          <span className="find-bar__hint">
            <Icon name="replace" /> {withShortcut(t('editor.replace'), SHORTCUTS.replace)}
          </span>
        )}
      </div>
      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>
    </div>
  );
}
