import type { Anchor } from '@sakutei/shared';
import type { AnyExtension, Editor } from '@tiptap/core';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useI18n } from '../../i18n';
import { CommentHighlights } from './commentHighlights';
import { useCommentsEditorBridge } from './commentsContext';
import type { ProseCommentStarter } from '../plan/ports';
import { anchorForRange, syncBindingOf, type ProseRange } from './textAnchors';

/** The highlight extension for the prose editor; none outside a plan page. */
export function useCommentExtensions(): AnyExtension[] {
  const source = useCommentsEditorBridge()?.highlightSource ?? null;
  return useMemo(() => (source ? [CommentHighlights.configure({ source })] : []), [source]);
}

/**
 * Starts a thread on a passage another feature names (a suggestion card's コメント), anchored
 * the way a selection is; null when this reader may not comment here.
 */
export function useProseCommentStarter(): ProseCommentStarter | null {
  const bridge = useCommentsEditorBridge();
  const startThread = bridge?.canComment ? bridge.startThread : null;
  return useMemo(
    () =>
      startThread &&
      ((editor: Editor, range: ProseRange, quote: string) => {
        const binding = editor.isDestroyed ? null : syncBindingOf(editor.state);
        const anchor = binding && anchorForRange(binding, range, quote);
        if (!anchor) return false;
        startThread(anchor);
        return true;
      }),
    [startThread],
  );
}

interface SelectedText {
  range: ProseRange;
  quote: string;
  rect: DOMRect;
}

/**
 * The text selected inside the editor, read from the DOM rather than from ProseMirror:
 * staff see the prose read-only, and a non-editable editor tracks no selection of its own.
 */
function selectedText(editor: Editor): SelectedText | null {
  if (editor.isDestroyed) return null;
  const { view } = editor;
  const selection = window.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  if (!view.dom.contains(range.startContainer) || !view.dom.contains(range.endContainer)) return null;
  let from: number;
  let to: number;
  try {
    from = view.posAtDOM(range.startContainer, range.startOffset);
    to = view.posAtDOM(range.endContainer, range.endOffset);
  } catch {
    return null;
  }
  const quote = selection.toString().trim();
  if (from === to || quote === '') return null;
  return { range: { from: Math.min(from, to), to: Math.max(from, to) }, quote, rect: range.getBoundingClientRect() };
}

const isShortcut = (event: KeyboardEvent) => (event.ctrlKey || event.metaKey) && event.altKey && event.code === 'KeyM';

/** A コメント button by the selection (and Ctrl+Alt+M) that starts a thread on it. */
function SelectionCommentButton({ editor, startThread }: { editor: Editor; startThread: (anchor: Anchor) => void }) {
  const { t } = useI18n();
  const [place, setPlace] = useState<{ top: number; left: number } | null>(null);

  const start = useCallback(() => {
    const selected = selectedText(editor);
    const binding = selected && syncBindingOf(editor.state);
    const anchor = binding && anchorForRange(binding, selected.range, selected.quote);
    if (!anchor) return false;
    startThread(anchor);
    setPlace(null);
    return true;
  }, [editor, startThread]);

  useEffect(() => {
    let frame: number | null = null;
    const update = () => {
      frame ??= requestAnimationFrame(() => {
        frame = null;
        const selected = selectedText(editor);
        const rect = selected?.rect;
        const visible = rect && rect.bottom > 0 && rect.top < window.innerHeight;
        setPlace(
          visible
            ? { top: rect.bottom + 6, left: Math.max(8, Math.min(rect.right - 40, window.innerWidth - 140)) }
            : null,
        );
      });
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (isShortcut(event) && start()) event.preventDefault();
    };
    document.addEventListener('selectionchange', update);
    window.addEventListener('scroll', update, true);
    window.addEventListener('resize', update);
    document.addEventListener('keydown', onKeyDown);
    return () => {
      document.removeEventListener('selectionchange', update);
      window.removeEventListener('scroll', update, true);
      window.removeEventListener('resize', update);
      document.removeEventListener('keydown', onKeyDown);
      if (frame !== null) cancelAnimationFrame(frame);
    };
  }, [editor, start]);

  if (!place) return null;
  return (
    <button
      type="button"
      className="button button--quiet selection-comment"
      style={{ top: place.top, left: place.left }}
      data-testid="comment-on-selection"
      aria-label={t('comments.selection.label')}
      aria-keyshortcuts="Control+Alt+M"
      // mousedown would otherwise clear the selection before the click arrives.
      onMouseDown={(event) => event.preventDefault()}
      onClick={() => start()}
    >
      {t('comments.selection.button')}
    </button>
  );
}

/** Connects the prose editor to the plan's comments: highlights follow it, selections start threads. */
export function ProseComments({ editor }: { editor: Editor }) {
  const bridge = useCommentsEditorBridge();
  const register = bridge?.registerProseEditor;
  useEffect(() => {
    if (!register) return;
    register(editor);
    return () => register(null);
  }, [register, editor]);

  if (!bridge?.canComment) return null;
  return <SelectionCommentButton editor={editor} startThread={bridge.startThread} />;
}
