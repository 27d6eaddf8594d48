import { proseExtensions } from '@sakutei/shared/editor';
import { BODY_FRAGMENT } from '@sakutei/shared';
import { type AnyExtension, Editor, type EditorOptions, type JSONContent } from '@tiptap/core';
import Collaboration from '@tiptap/extension-collaboration';
import { yUndoPluginKey } from '@tiptap/y-tiptap';
import type { Node as ProseNode } from '@tiptap/pm/model';
import type * as Y from 'yjs';

/**
 * A prose editor on the plan's schema without React and without a server, for tests in
 * happy-dom: the shared schema, what a caller adds (the plan editor's typing behaviour and
 * find/replace; nothing for the minutes, whose editor has none), and optionally Yjs
 * collaboration (for undo through Yjs's UndoManager, as in the browser).
 */
export async function headlessProseEditor(
  options: { content?: JSONContent; ydoc?: Y.Doc; extensions?: AnyExtension[]; editorOptions?: Partial<EditorOptions> } = {},
): Promise<Editor> {
  const extensions: AnyExtension[] = [...proseExtensions(), ...(options.extensions ?? [])];
  if (options.ydoc) extensions.push(Collaboration.configure({ document: options.ydoc, field: BODY_FRAGMENT }));
  const editor = new Editor({ element: document.createElement('div'), extensions, ...options.editorOptions });
  if (options.ydoc) {
    // The Yjs binding renders and starts listening on the next tick.
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  if (options.content) {
    editor.commands.setContent(options.content);
    // Whatever comes next is a separate undo step, not merged with the initial content.
    if (options.ydoc) yUndoPluginKey.getState(editor.state)?.undoManager.stopCapturing();
  }
  return editor;
}

/** Types text one character at a time the way the browser's input reaches ProseMirror, so input rules run. */
export function typeText(editor: Editor, text: string): void {
  const { view } = editor;
  for (const char of text) {
    const { from, to } = view.state.selection;
    const deflt = () => view.state.tr.insertText(char, from, to);
    const handled = view.someProp('handleTextInput', (f) => f(view, from, to, char, deflt));
    if (!handled) view.dispatch(deflt());
  }
}

const MAC = /Mac|iP(hone|[oa]d)/.test(navigator.platform);

/** Presses a key with modifiers (`Mod` is Ctrl, ⌘ on a Mac), through ProseMirror's key handling. */
export function pressKey(editor: Editor, key: string, mods: { mod?: boolean; shift?: boolean; alt?: boolean; keyCode?: number } = {}): boolean {
  const event = new KeyboardEvent('keydown', {
    key,
    keyCode: mods.keyCode,
    ctrlKey: Boolean(mods.mod) && !MAC,
    metaKey: Boolean(mods.mod) && MAC,
    shiftKey: Boolean(mods.shift),
    altKey: Boolean(mods.alt),
    bubbles: true,
    cancelable: true,
  } as KeyboardEventInit);
  return Boolean(editor.view.someProp('handleKeyDown', (f) => f(editor.view, event)));
}

/**
 * The document's text blocks as `path: text`, e.g. `paragraph: 7. 計画の推進体制` or
 * `orderedList/listItem/paragraph: 計画`, for readable assertions.
 */
export function blocksOf(editor: Editor): string[] {
  const lines: string[] = [];
  const walk = (node: ProseNode, path: string[]) => {
    node.forEach((child) => {
      const here = [...path, child.type.name];
      if (child.isTextblock) lines.push(`${here.join('/')}: ${child.textContent}`);
      else if (!child.isLeaf) walk(child, here);
    });
  };
  walk(editor.state.doc, []);
  // The empty paragraph TipTap keeps after a final list or table, so one can type below it.
  if (lines.length > 1 && lines[lines.length - 1] === 'paragraph: ') lines.pop();
  return lines;
}

/** Puts the caret just after the first occurrence of `text`. */
export function caretAfter(editor: Editor, text: string): void {
  let at = -1;
  editor.state.doc.descendants((node, pos) => {
    if (at >= 0 || !node.isText) return at < 0;
    const index = node.text!.indexOf(text);
    if (index >= 0) at = pos + index + text.length;
    return false;
  });
  if (at < 0) throw new Error(`no 「${text}」 in the document`);
  editor.commands.setTextSelection(at);
}

export function paragraphs(...texts: string[]): JSONContent {
  return { type: 'doc', content: texts.map((text) => ({ type: 'paragraph', content: text ? [{ type: 'text', text }] : [] })) };
}
