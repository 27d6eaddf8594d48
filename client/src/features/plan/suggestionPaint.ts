import { userColor } from '@sakutei/shared';
import { SUGGESTION_DELETE, SUGGESTION_INSERT } from '@sakutei/shared/editor';
import { Extension } from '@tiptap/core';
import type { Node as PMNode } from '@tiptap/pm/model';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet, type EditorView } from '@tiptap/pm/view';
import './suggestionPaint.css';

export type SuggestionKind = 'insert' | 'delete';

/** What a screen reader and a tooltip say about one suggestion: 「山田さんの提案（追加）」. */
export type DescribeSuggestion = (author: string, kind: SuggestionKind) => string;

export interface SuggestionPaintOptions {
  /**
   * Called on every repaint; when the names behind it change, `repaintSuggestions` repaints.
   * A function, not a holder object: TipTap's configure deep-copies plain objects in options.
   */
  describe: DescribeSuggestion;
}

const paintKey = new PluginKey<DecorationSet>('suggestionPaint');

/**
 * Paints suggestions (見え消し) in their author's colour, the one presence gives them: the
 * suggested insertion underlined, the suggested deletion struck through, each text run named
 * by who proposed what (title and aria-description). The marks render plain <ins>/<del>;
 * colour is per author, so it comes from a decoration carrying the author's colour as a CSS
 * variable. Text carrying an insertion by one person and a deletion by another gets both.
 */
export const SuggestionPaint = Extension.create<SuggestionPaintOptions>({
  name: 'suggestionPaint',

  addOptions() {
    return { describe: () => '' };
  },

  addProseMirrorPlugins() {
    const describe = this.options.describe;
    return [
      new Plugin<DecorationSet>({
        key: paintKey,
        state: {
          init: (_, state) => paint(state.doc, describe),
          apply: (tr, old) => {
            if (tr.getMeta(paintKey)) return paint(tr.doc, describe);
            if (!tr.docChanged) return old;
            // While an IME composes, a new decoration around the composing text would redraw
            // it and break the composition; the paint follows when it ends (below).
            if (tr.getMeta('composition')) return old.map(tr.mapping, tr.doc);
            return paint(tr.doc, describe);
          },
        },
        props: {
          decorations: (state) => paintKey.getState(state),
          handleDOMEvents: {
            compositionend: (view) => {
              // After ProseMirror has read the composed text (it does so on this event too).
              setTimeout(() => {
                if (!view.isDestroyed) repaintSuggestions(view);
              });
              return false;
            },
          },
        },
      }),
    ];
  },
});

/**
 * Repaints after the names behind `describe` changed (the council's members arrived). Not while
 * an IME composes: a new decoration around the composing text would redraw it mid-word; the
 * compositionend handler above repaints with the names current then.
 */
export function repaintSuggestions(view: EditorView): void {
  if (view.composing) return;
  view.dispatch(view.state.tr.setMeta(paintKey, true).setMeta('addToHistory', false));
}

function paint(doc: PMNode, describe: DescribeSuggestion): DecorationSet {
  const decorations: Decoration[] = [];
  doc.descendants((node, pos) => {
    if (!node.isInline) return true;
    const insert = node.marks.find((mark) => mark.type.name === SUGGESTION_INSERT);
    const deletes = node.marks.filter((mark) => mark.type.name === SUGGESTION_DELETE);
    if (!insert && deletes.length === 0) return false;
    const classes = ['suggestion-paint'];
    const styles: string[] = [];
    const said: string[] = [];
    if (insert) {
      const author = String(insert.attrs.author ?? '');
      classes.push('suggestion-paint--insert');
      styles.push(`--suggestion-insert-colour: ${userColor(author)}`);
      said.push(describe(author, 'insert'));
    }
    if (deletes.length > 0) {
      // Two people may strike the same words; the line takes the first one's colour and both are named.
      const author = String(deletes[0]!.attrs.author ?? '');
      classes.push('suggestion-paint--delete');
      styles.push(`--suggestion-delete-colour: ${userColor(author)}`);
      for (const mark of deletes) said.push(describe(String(mark.attrs.author ?? ''), 'delete'));
    }
    const description = said.filter(Boolean).join('、');
    decorations.push(
      Decoration.inline(pos, pos + node.nodeSize, {
        class: classes.join(' '),
        style: styles.join('; '),
        ...(description ? { title: description, 'aria-description': description } : {}),
      }),
    );
    return false;
  });
  return DecorationSet.create(doc, decorations);
}
