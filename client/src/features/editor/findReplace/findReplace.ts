import { type CommandProps, Extension } from '@tiptap/core';
import { Plugin, PluginKey, TextSelection, type EditorState, type Transaction } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { yUndoPluginKey } from '@tiptap/y-tiptap';
import { type DocMatch, findInDoc } from './docMatches';
import { DEFAULT_SEARCH_OPTIONS, type SearchOptions, matchIndexFrom } from './match';

export interface FindState {
  query: string;
  options: SearchOptions;
  matches: DocMatch[];
  /** The match the next replace acts on, -1 when there is none. */
  current: number;
  decorations: DecorationSet;
}

type FindMeta =
  | { search: { query: string; options: SearchOptions } }
  | { select: number }
  /** A replacement was made: the next current match is the first one after this position. */
  | { continueFrom: number };

export const findReplaceKey = new PluginKey<FindState>('sakuteiFindReplace');

const EMPTY: FindState = { query: '', options: DEFAULT_SEARCH_OPTIONS, matches: [], current: -1, decorations: DecorationSet.empty };

function decorate(state: EditorState, matches: DocMatch[], current: number): DecorationSet {
  if (matches.length === 0) return DecorationSet.empty;
  return DecorationSet.create(
    state.doc,
    matches.map((m, i) => Decoration.inline(m.from, m.to, { class: i === current ? 'find-match find-match--current' : 'find-match' })),
  );
}

function withMatches(state: EditorState, query: string, options: SearchOptions, near: number): FindState {
  const matches = findInDoc(state.doc, query, options);
  const current = matchIndexFrom(matches, near);
  return { query, options, matches, current, decorations: decorate(state, matches, current) };
}

function applyFind(tr: Transaction, previous: FindState, state: EditorState): FindState {
  const meta = tr.getMeta(findReplaceKey) as FindMeta | undefined;
  if (meta && 'search' in meta) {
    return withMatches(state, meta.search.query, meta.search.options, state.selection.from);
  }
  if (meta && 'select' in meta) {
    return { ...previous, current: meta.select, decorations: decorate(state, previous.matches, meta.select) };
  }
  if (tr.docChanged && previous.query !== '') {
    // Edits (ours or a co-editor's) move or remove matches: search again, staying near
    // the match we were on; after a replacement, past it (計画 → 振興計画 must not find 計画 again in it).
    const near =
      meta && 'continueFrom' in meta ? meta.continueFrom
      : previous.current >= 0 ? tr.mapping.map(previous.matches[previous.current]!.from)
      : state.selection.from;
    return withMatches(state, previous.query, previous.options, near);
  }
  return previous;
}

/** Reads what the find bar shows: the query's matches and which one is current. */
export function findStateOf(state: EditorState): FindState {
  return findReplaceKey.getState(state) ?? EMPTY;
}

/**
 * Makes the next change its own undo step. Yjs's UndoManager merges changes made within half a
 * second; a replace-all must not merge with the typing just before it, nor with the next.
 */
function separateUndoStep(state: EditorState): void {
  const undo = yUndoPluginKey.getState(state) as { undoManager?: { stopCapturing(): void } } | undefined;
  undo?.undoManager?.stopCapturing();
}

/** Selects a match and scrolls to it; the find field keeps the focus. */
function selectMatch(tr: Transaction, match: DocMatch, index: number): Transaction {
  return tr
    .setSelection(TextSelection.create(tr.doc, match.from, match.to))
    .setMeta(findReplaceKey, { select: index } satisfies FindMeta)
    .scrollIntoView();
}

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    findReplace: {
      /** Searches the prose; an empty query clears the highlights. */
      setSearch: (query: string, options?: SearchOptions) => ReturnType;
      findNext: () => ReturnType;
      findPrevious: () => ReturnType;
      /** Replaces the current match and moves to the next one. */
      replaceCurrent: (replacement: string) => ReturnType;
      /** Replaces every match in one transaction, so one undo restores them all. */
      replaceAll: (replacement: string) => ReturnType;
    };
  }
}

export type FindMode = 'find' | 'replace';

export interface FindReplaceOptions {
  /** Ctrl+F / Ctrl+H inside the editor: the page opens its find bar. */
  onOpen: ((mode: FindMode) => void) | null;
}

/**
 * Find and replace as a ProseMirror plugin: matches are decorations (nothing is written to
 * the shared document until a replace), recomputed when anyone's edit changes the text.
 */
export const FindReplace = Extension.create<FindReplaceOptions>({
  name: 'findReplace',

  addOptions() {
    return { onOpen: null };
  },

  addCommands() {
    const step =
      (delta: 1 | -1) =>
      () =>
      ({ state, tr, dispatch }: CommandProps) => {
        const find = findStateOf(state);
        const count = find.matches.length;
        if (count === 0) return false;
        const index = find.current < 0 ? 0 : (find.current + delta + count) % count;
        if (dispatch) selectMatch(tr, find.matches[index]!, index);
        return true;
      };
    return {
      setSearch:
        (query, options = DEFAULT_SEARCH_OPTIONS) =>
        ({ tr, dispatch }) => {
          if (dispatch) tr.setMeta(findReplaceKey, { search: { query, options } } satisfies FindMeta).setMeta('addToHistory', false);
          return true;
        },
      findNext: step(1),
      findPrevious: step(-1),
      replaceCurrent:
        (replacement) =>
        ({ state, tr, dispatch }) => {
          const find = findStateOf(state);
          const match = find.matches[find.current];
          if (!match) return false;
          if (dispatch) {
            if (replacement === '') tr.delete(match.from, match.to);
            else tr.insertText(replacement, match.from, match.to);
            const after = match.from + replacement.length;
            tr.setSelection(TextSelection.create(tr.doc, after))
              .setMeta(findReplaceKey, { continueFrom: after } satisfies FindMeta)
              .scrollIntoView();
          }
          return true;
        },
      replaceAll:
        (replacement) =>
        ({ state, tr, dispatch }) => {
          const { matches } = findStateOf(state);
          if (matches.length === 0) return false;
          if (dispatch) {
            separateUndoStep(state);
            // Right to left, so earlier positions stay valid without mapping.
            for (let i = matches.length - 1; i >= 0; i--) {
              const { from, to } = matches[i]!;
              if (replacement === '') tr.delete(from, to);
              else tr.insertText(replacement, from, to);
            }
            // The binding writes the transaction to Yjs synchronously once dispatched; the
            // step closes after that.
            queueMicrotask(() => separateUndoStep(state));
          }
          return true;
        },
    };
  },

  addKeyboardShortcuts() {
    const open = (mode: FindMode) => () => {
      if (!this.options.onOpen) return false;
      this.options.onOpen(mode);
      return true;
    };
    return { 'Mod-f': open('find'), 'Mod-h': open('replace') };
  },

  addProseMirrorPlugins() {
    return [
      new Plugin<FindState>({
        key: findReplaceKey,
        state: {
          init: () => EMPTY,
          apply: (tr, previous, _old, state) => applyFind(tr, previous, state),
        },
        props: {
          decorations: (state) => findReplaceKey.getState(state)?.decorations ?? DecorationSet.empty,
        },
      }),
    ];
  },
});
