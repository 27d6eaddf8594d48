import { userColor } from '@sakutei/shared';
import { SUGGESTION_DELETE, SUGGESTION_FORMAT, SUGGESTION_INSERT, SUGGESTION_STRUCTURE, isSuggestibleFormat, structureOf, type StructureChange } from '@sakutei/shared/editor';
import { Extension } from '@tiptap/core';
import type { Mark, Node as PMNode } from '@tiptap/pm/model';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet, type EditorView } from '@tiptap/pm/view';
import './suggestionPaint.css';

export type SuggestionKind = 'insert' | 'delete' | 'format' | 'structure';

/** A proposed formatting or block change, as the words for it are asked for. */
export type ProposedChange = ({ kind: 'format' } & { mark: string; action: 'add' | 'remove' }) | ({ kind: 'structure' } & StructureChange);

/**
 * What a screen reader and a tooltip say about one suggestion: 「山田さんの提案（追加）」, and
 * for a format or block change 「山田さんの提案（太字にする）」 with `change` its words.
 */
export type DescribeSuggestion = (author: string, kind: SuggestionKind, change?: string) => string;

/** The words for a proposed change: 「太字にする」「前の段落と結合」「見出し3にする」. */
export type LabelChange = (change: ProposedChange) => string;

export interface SuggestionPaintOptions {
  /**
   * Called on every repaint; when the names behind it change, `repaintSuggestions` repaints.
   * A function, not a holder object: TipTap's configure deep-copies plain objects in options.
   */
  describe: DescribeSuggestion;
  /** The words shown on a block change's label and said of a format change (i18n). */
  label: LabelChange;
}

const paintKey = new PluginKey<DecorationSet>('suggestionPaint');

/**
 * Paints suggestions (見え消し) in their author's colour, the one presence gives them: the
 * suggested insertion underlined, the suggested deletion struck through, each text run named
 * by who proposed what (title and aria-description). The marks render plain <ins>/<del>;
 * colour is per author, so it comes from a decoration carrying the author's colour as a CSS
 * variable. Text carrying an insertion by one person and a deletion by another gets both.
 *
 * Proposed formatting shows its effect with a dotted line in the author's colour under the
 * text (to add) or over it (to remove), so it does not read as adopted. A proposed block
 * change is a marker character (a paragraph or line separator, an invisible separator): the
 * character itself is never drawn (fonts draw some as boxes); its decoration shows ¶ or ↵
 * and a line break, or a label with the change's words 「前の段落と結合」「見出し3にする」.
 */
export const SuggestionPaint = Extension.create<SuggestionPaintOptions>({
  name: 'suggestionPaint',

  addOptions() {
    return { describe: () => '', label: () => '' };
  },

  addProseMirrorPlugins() {
    const words: Words = { describe: this.options.describe, label: this.options.label };
    return [
      new Plugin<DecorationSet>({
        key: paintKey,
        state: {
          init: (_, state) => paint(state.doc, words),
          apply: (tr, old) => {
            if (tr.getMeta(paintKey)) return paint(tr.doc, words);
            if (!tr.docChanged) return old;
            // While an IME composes, a new decoration around the composing text would redraw
            // it and break the composition; the paint follows when it ends (below).
            if (tr.getMeta('composition')) return old.map(tr.mapping, tr.doc);
            return paint(tr.doc, words);
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

type Words = { describe: DescribeSuggestion; label: LabelChange };

const authorOf = (mark: Mark) => String(mark.attrs.author ?? '');

function paint(doc: PMNode, words: Words): DecorationSet {
  const decorations: Decoration[] = [];
  doc.descendants((node, pos) => {
    if (!node.isInline) return true;
    const decoration = paintedAttrs(node.marks, words);
    if (decoration) decorations.push(Decoration.inline(pos, pos + node.nodeSize, decoration));
    return false;
  });
  return DecorationSet.create(doc, decorations);
}

/** The decoration's attributes for a text run carrying these marks; null when it carries no suggestion. */
function paintedAttrs(marks: readonly Mark[], { describe, label }: Words): Record<string, string> | null {
  const structure = marks.find((mark) => mark.type.name === SUGGESTION_STRUCTURE);
  const insert = marks.find((mark) => mark.type.name === SUGGESTION_INSERT);
  const deletes = marks.filter((mark) => mark.type.name === SUGGESTION_DELETE);
  const formats = marks.filter((mark) => mark.type.name === SUGGESTION_FORMAT);
  if (!insert && !structure && deletes.length === 0 && formats.length === 0) return null;
  const classes = ['suggestion-paint'];
  const styles: string[] = [];
  const said: string[] = [];
  const extra: Record<string, string> = {};
  if (structure) {
    // The marker is also its author's insertion: it is named as the change, not as added text.
    const change = structureOf(structure);
    const author = authorOf(structure);
    const words = label({ kind: 'structure', ...change });
    classes.push('suggestion-marker', `suggestion-marker--${change.op}`);
    styles.push(`--suggestion-insert-colour: ${userColor(author)}`);
    extra['data-label'] = words;
    said.push(describe(author, 'structure', words));
  } else if (insert) {
    const author = authorOf(insert);
    classes.push('suggestion-paint--insert');
    styles.push(`--suggestion-insert-colour: ${userColor(author)}`);
    said.push(describe(author, 'insert'));
  }
  if (deletes.length > 0) {
    // Two people may strike the same words; the line takes the first one's colour and both are named.
    classes.push('suggestion-paint--delete');
    styles.push(`--suggestion-delete-colour: ${userColor(authorOf(deletes[0]!))}`);
    for (const mark of deletes) said.push(describe(authorOf(mark), 'delete'));
  }
  if (formats.length > 0) {
    // Several people may propose formats on the same words: each effect shows, the line takes the first one's colour.
    styles.push(`--suggestion-format-colour: ${userColor(authorOf(formats[0]!))}`);
    for (const mark of formats) {
      const action = mark.attrs.action === 'remove' ? 'remove' : 'add';
      const name = String(mark.attrs.mark ?? '');
      classes.push(`suggestion-paint--format-${action}`);
      if (action === 'add' && isSuggestibleFormat(name)) classes.push(`suggestion-paint--add-${name}`);
      said.push(describe(authorOf(mark), 'format', label({ kind: 'format', mark: name, action })));
    }
  }
  const description = said.filter(Boolean).join('、');
  return {
    class: [...new Set(classes)].join(' '),
    style: styles.join('; '),
    ...extra,
    ...(description ? { title: description, 'aria-description': description } : {}),
  };
}
