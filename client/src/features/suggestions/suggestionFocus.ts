import { Extension } from '@tiptap/core';
import { Plugin, PluginKey, type EditorState } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';

/**
 * Outlines the text of the suggestion whose card is being looked at, without moving the
 * keyboard focus out of the card or the reader's selection: a decoration, mapped through
 * every change until another card is chosen.
 */
const focusKey = new PluginKey<DecorationSet>('suggestionFocus');

type FocusMeta = { from: number; to: number } | null;

export const SuggestionFocus = Extension.create({
  name: 'suggestionFocus',
  addProseMirrorPlugins() {
    return [
      new Plugin<DecorationSet>({
        key: focusKey,
        state: {
          init: () => DecorationSet.empty,
          apply(tr, set) {
            const meta = tr.getMeta(focusKey) as FocusMeta | undefined;
            if (meta === undefined) return set.map(tr.mapping, tr.doc);
            if (meta === null || meta.from >= meta.to) return DecorationSet.empty;
            return DecorationSet.create(tr.doc, [Decoration.inline(meta.from, meta.to, { class: 'suggestion-focus' })]);
          },
        },
        props: {
          decorations: (state: EditorState) => focusKey.getState(state) ?? DecorationSet.empty,
        },
      }),
    ];
  },
});

/** The metadata a transaction carries to outline a range (or clear the outline with null). */
export function focusMeta(tr: { setMeta(key: PluginKey, value: unknown): unknown }, range: FocusMeta): void {
  tr.setMeta(focusKey, range);
}
