import {
  SUGGESTION_INSERT,
  attrsForChange,
  isSuggestionMark,
  suggestTransaction,
  suggestionIdOf,
  type SuggestionAttrs,
} from '@sakutei/shared/editor';
import { type Editor, Extension } from '@tiptap/core';
import type { Mark } from '@tiptap/pm/model';
import { type EditorState, Plugin, PluginKey, type Transaction } from '@tiptap/pm/state';
import type { EditorView } from '@tiptap/pm/view';
import { ySyncPluginKey, yUndoPluginKey } from '@tiptap/y-tiptap';

export interface SuggestModeOptions {
  /** The user id every suggestion made here carries. */
  author: string;
  /** Called when a change cannot be a suggestion (a new paragraph, formatting) and was not made. */
  onRefused: () => void;
  /** The mode key (Ctrl+Alt+S / ⌥⌘S) was pressed. */
  onToggle: () => void;
}

export interface SuggestModeStorage {
  /** 提案 is on: the user's changes become suggestions. */
  active: boolean;
  /** The attributes a new suggestion takes now; renewed on every transaction outside a composition. */
  fresh: SuggestionAttrs | null;
}

declare module '@tiptap/core' {
  interface Storage {
    suggestMode: SuggestModeStorage;
  }
}

/**
 * A suggestion's group id: its author's, then random (made without `crypto.randomUUID`, which
 * plain-http intranets lack). The server refuses a suggester's id that is not theirs.
 */
function newSuggestionId(author: string): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return suggestionIdOf(author, Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join(''));
}

/** Marks a transaction dispatchTransaction let through while suggesting (see filterTransaction). */
const passedKey = new PluginKey('suggestModePassed');

function freshAttrs(author: string): SuggestionAttrs {
  return { id: newSuggestionId(author), author, at: Date.now() };
}

/**
 * Suggest mode (提案) in the live editor. Every local transaction that changes the document
 * goes through the shared transform (suggestTransaction): typing becomes a suggested
 * insertion, deleting a suggested deletion. What cannot be a suggestion is dropped and the
 * user told why. Transactions from y-prosemirror (remote changes, the initial sync, undo and
 * redo, which replay the Yjs history) pass untouched but for the cursor's stored mark: undo
 * reverts a suggestion like an edit.
 *
 * For an IME, the stored marks always hold the user's suggestionInsert, so ProseMirror's own
 * composition (which draws inside a cursor wrapper of the stored marks) types marked text:
 * the transform then finds nothing to change and the composition is never redrawn mid-word.
 */
export const SuggestMode = Extension.create<SuggestModeOptions, SuggestModeStorage>({
  name: 'suggestMode',
  // Before the core keymap: Backspace and Delete are handled here while suggesting.
  priority: 1000,

  addOptions() {
    return { author: '', onRefused: () => {}, onToggle: () => {} };
  },

  addStorage() {
    return { active: false, fresh: null };
  },

  dispatchTransaction({ transaction, next: apply }) {
    const storage = this.storage;
    if (!storage.active) {
      apply(transaction);
      return;
    }
    // Marked as seen here, so filterTransaction tells it from what other plugins append.
    const next = (tr: Transaction) => apply(tr.setMeta(passedKey, true));
    if (transaction.getMeta(ySyncPluginKey) !== undefined) {
      // A remote change (or undo, or the sync) passes untouched, but y-prosemirror restores
      // the caret with setSelection, which drops the stored marks: the next composition
      // would start unmarked and be redrawn mid-word. Stored marks are not synced, so the
      // cursor's mark is put back (not mid-composition: setting it would end the composition).
      if (this.editor.view.composing) {
        next(transaction);
        return;
      }
      storage.fresh ??= freshAttrs(this.options.author);
      next(withSuggestionCursor(transaction, storage.fresh));
      return;
    }
    // Stored marks in the state end a running composition (ProseMirror clears it to apply
    // them), so they are set only between compositions: at compositionstart they are in place.
    const composing = this.editor.view.composing;
    // A new suggestion takes the time of the change (or of the last step before a composition,
    // whose text must keep the attributes its stored mark gave it).
    if (!composing || !storage.fresh) storage.fresh = freshAttrs(this.options.author);
    const cursor = (tr: Transaction, fresh: SuggestionAttrs) => (composing ? tr : withSuggestionCursor(tr, fresh));
    if (!transaction.docChanged) {
      next(cursor(transaction, storage.fresh));
      return;
    }
    const suggested = suggestTransaction(this.editor.state, transaction, storage.fresh);
    if (!suggested) {
      this.options.onRefused();
      // A change the browser made in the DOM itself (read back by ProseMirror) is undone on
      // screen too: the view redraws the parts that mutation marked dirty.
      this.editor.view.updateState(this.editor.state);
      return;
    }
    next(cursor(suggested, storage.fresh));
  },

  addProseMirrorPlugins() {
    const storage = this.storage;
    const author = this.options.author;
    return [
      new Plugin({
        // Transactions other plugins append (StarterKit's TrailingNode adds a plain paragraph
        // after a final heading, list or table) go into the state without dispatchTransaction,
        // so they would reach Yjs as plain edits that a suggest-only server refuses, leaving
        // this browser's copy stuck. While suggesting, a change that did not come through it
        // (nor from Yjs) is kept only if it already is what the transform would make.
        filterTransaction: (tr, state) => {
          if (!storage.active || !tr.docChanged || tr.getMeta(passedKey) || tr.getMeta(ySyncPluginKey) !== undefined) return true;
          const suggested = suggestTransaction(state, tr, storage.fresh ?? freshAttrs(author));
          return suggested !== null && suggested.doc.eq(tr.doc);
        },
        props: {
          handleDOMEvents: {
            // Second line of defence for the mark cursor: if anything took the stored mark away
            // since the last transaction, it is put back before ProseMirror starts composing
            // (plugins' DOM handlers run before the view's own).
            compositionstart: (view) => {
              const insertType = view.state.schema.marks[SUGGESTION_INSERT];
              const marked = view.state.storedMarks?.some((mark) => mark.type === insertType) ?? false;
              if (storage.active && !view.composing && view.state.selection.empty && !marked) view.dispatch(view.state.tr);
              return false;
            },
            // A composition over a selection would replace it with unmarked text, which the
            // transform then redraws mid-word. An IME announces itself with a keydown of key
            // code 229 before the composition starts: the selection is struck then (as Delete
            // would), so the IME composes after it with the stored mark in place.
            keydown: (view, event) => {
              if (event.keyCode === 229 && storage.active && !view.composing && !view.state.selection.empty) {
                view.dispatch(view.state.tr.deleteSelection());
              }
              return false;
            },
          },
        },
      }),
    ];
  },

  addKeyboardShortcuts() {
    return {
      'Mod-Alt-s': () => {
        this.options.onToggle();
        return true;
      },
      // The browser's own deletion of a character would take it out of the DOM; the struck
      // character stays in the document, so the deletion is made here as a transaction.
      Backspace: () => this.storage.active && deleteCharacter(settled(this.editor.view), (tr) => this.editor.view.dispatch(tr), -1),
      Delete: () => this.storage.active && deleteCharacter(settled(this.editor.view), (tr) => this.editor.view.dispatch(tr), 1),
    };
  },
});

/**
 * Turns 提案 on or off in a live editor: the cursor takes the suggestion's stored mark (or
 * loses it) before the next keystroke, and starting 提案 empties the undo stack. Undo replays
 * the Yjs history untouched, so Ctrl+Z in 提案 would otherwise re-make plain edits from 編集,
 * which a suggest-only connection (staff, a review lock, a demotion) may not send and which
 * contradict the mode on screen. Emptying it is less surprising than undoing a plain edit as a
 * suggestion (「~~typed~~」 struck text nobody asked for), and the same for every way in.
 */
export function setSuggesting(editor: Editor, active: boolean): void {
  // A destroyed editor has no storage left (the session changed under it).
  const storage = editor.isDestroyed ? undefined : editor.storage.suggestMode;
  if (!storage || storage.active === active) return;
  storage.active = active;
  if (editor.isDestroyed || !editor.isInitialized) return;
  if (active) yUndoPluginKey.getState(editor.state)?.undoManager.clear();
  editor.view.dispatch(active ? editor.state.tr : editor.state.tr.setStoredMarks(null));
}

/**
 * The state with the caret where the browser has it now. ProseMirror reads a caret moved by a
 * key (End, an arrow) on selectionchange, a task later; a Backspace pressed within that task
 * would otherwise strike at the old caret. Its observer's flush reads the DOM selection now.
 */
function settled(view: EditorView): EditorState {
  (view as unknown as { domObserver?: { flush?: () => void } }).domObserver?.flush?.();
  return view.state;
}

/**
 * Deletes the character before (-1) or after (1) an empty cursor inside a textblock, a
 * surrogate pair as one. False (the keymap goes on: a join, refused in 提案) at a block's edge
 * or with a selection (deleteSelection handles it).
 */
function deleteCharacter(
  state: EditorState,
  dispatch: (tr: Transaction) => void,
  direction: -1 | 1,
): boolean {
  const { empty, $from } = state.selection;
  if (!empty || !$from.parent.inlineContent) return false;
  const pos = $from.pos;
  const edge = direction < 0 ? $from.parentOffset === 0 : $from.parentOffset === $from.parent.content.size;
  if (edge) return false;
  const reach = (size: number) => (direction < 0 ? state.doc.textBetween(pos - size, pos, '\n', '\n') : state.doc.textBetween(pos, pos + size, '\n', '\n'));
  const twoUnits = $from.parentOffset >= 2 || direction > 0 ? safeReach(reach, 2) : '';
  const size = twoUnits.length === 2 && /^[\uD800-\uDBFF][\uDC00-\uDFFF]$/.test(twoUnits) ? 2 : 1;
  const from = direction < 0 ? pos - size : pos;
  dispatch(state.tr.delete(from, from + size).scrollIntoView());
  return true;
}

function safeReach(reach: (size: number) => string, size: number): string {
  try {
    return reach(size);
  } catch {
    return '';
  }
}

/**
 * The stored marks a suggesting cursor carries: the formatting typing would take there, and
 * the user's suggestionInsert with the attributes the transform would give text typed there.
 */
function withSuggestionCursor(tr: Transaction, fresh: SuggestionAttrs): Transaction {
  const selection = tr.selection;
  const insertType = tr.doc.type.schema.marks[SUGGESTION_INSERT];
  if (!insertType || !selection.empty || !selection.$from.parent.inlineContent) return tr;
  const $from = selection.$from;
  const base: readonly Mark[] = tr.storedMarks ?? $from.marks();
  const formatting = base.filter((mark) => !isSuggestionMark(mark));
  const attrs = attrsForChange(tr.doc, $from.pos, $from.pos, fresh);
  const marks = insertType.create(attrs).addToSet(formatting);
  const current = tr.storedMarks;
  if (current && current.length === marks.length && current.every((mark, i) => mark.eq(marks[i]!))) return tr;
  return tr.setStoredMarks(marks);
}
