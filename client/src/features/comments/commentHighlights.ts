import type { TextAnchor } from '@sakutei/shared';
import { Extension } from '@tiptap/core';
import { Plugin, PluginKey, type EditorState } from '@tiptap/pm/state';
import { Decoration, DecorationSet, type EditorView } from '@tiptap/pm/view';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import { rangeInEditor, syncBindingOf } from './textAnchors';

/** One range to mark: a thread's anchor, or the selection a new comment is being written on. */
export interface HighlightRange {
  /** The thread's id; null for the draft of a new thread. */
  threadId: string | null;
  anchor: Pick<TextAnchor, 'start' | 'end'>;
  active: boolean;
}

/**
 * What the highlights read; the comments provider keeps one stable instance and refreshes
 * the editor (see `refreshCommentHighlights`) whenever what it returns changes.
 */
export interface HighlightSource {
  ranges(): readonly HighlightRange[];
  /** A highlight was clicked. */
  open(threadId: string): void;
}

export const commentHighlightsKey = new PluginKey<DecorationSet>('sakuteiCommentHighlights');

function buildDecorations(state: EditorState, source: HighlightSource): DecorationSet {
  const binding = syncBindingOf(state);
  if (!binding) return DecorationSet.empty;
  const max = state.doc.content.size;
  const decorations: Decoration[] = [];
  for (const { threadId, anchor, active } of source.ranges()) {
    const range = rangeInEditor(binding, anchor);
    if (!range) continue;
    const from = Math.min(range.from, max);
    const to = Math.min(range.to, max);
    if (from >= to) continue;
    const className = ['comment-highlight', active && 'comment-highlight--active', threadId === null && 'comment-highlight--draft']
      .filter(Boolean)
      .join(' ');
    const attrs: Record<string, string> = { class: className };
    if (threadId !== null) attrs['data-thread-id'] = threadId;
    // Typing at the end of a range extends it, as the relative end position does.
    decorations.push(Decoration.inline(from, to, attrs, { inclusiveStart: false, inclusiveEnd: true }));
  }
  return DecorationSet.create(state.doc, decorations);
}

/** Asks the editor to re-read the source, e.g. after threads changed. */
export function refreshCommentHighlights(view: EditorView): void {
  if (view.isDestroyed) return;
  view.dispatch(view.state.tr.setMeta(commentHighlightsKey, 'refresh').setMeta('addToHistory', false));
}

/**
 * Marks every open thread's text in the prose. Positions come from Yjs, so they are
 * recomputed whenever Yjs changed the document (remote edits, undo) or the threads changed;
 * a local edit only maps the marks, because the binding writes it to Yjs after this runs.
 */
export const CommentHighlights = Extension.create<{ source: HighlightSource | null }>({
  name: 'commentHighlights',

  addOptions() {
    return { source: null };
  },

  addProseMirrorPlugins() {
    const { source } = this.options;
    if (!source) return [];
    return [
      new Plugin<DecorationSet>({
        key: commentHighlightsKey,
        state: {
          init: (_config, state) => buildDecorations(state, source),
          apply(tr, previous, _oldState, newState) {
            const ystate = ySyncPluginKey.getState(newState) as { isChangeOrigin?: boolean } | undefined;
            if (tr.getMeta(commentHighlightsKey) !== undefined || ystate?.isChangeOrigin) {
              return buildDecorations(newState, source);
            }
            return tr.docChanged ? previous.map(tr.mapping, tr.doc) : previous;
          },
        },
        props: {
          decorations: (state) => commentHighlightsKey.getState(state),
          handleDOMEvents: {
            click(view, event) {
              const target = event.target instanceof Element ? event.target.closest('[data-thread-id]') : null;
              const threadId = target?.getAttribute('data-thread-id');
              if (target && threadId && view.dom.contains(target)) source.open(threadId);
              // Never swallow the click: it still places the caret for editors.
              return false;
            },
          },
        },
      }),
    ];
  },
});
