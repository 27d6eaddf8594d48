import type {} from '@tiptap/extension-collaboration';
import { BODY_FRAGMENT } from '@sakutei/shared';
import { STRUCTURE_MARKERS, SUGGESTION_DELETE, SUGGESTION_FORMAT, SUGGESTION_INSERT, listSuggestions, proseExtensions } from '@sakutei/shared/editor';
import { Editor } from '@tiptap/core';
import Collaboration from '@tiptap/extension-collaboration';
import { yUndoPluginKey } from '@tiptap/y-tiptap';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { EDITOR_BEHAVIOUR } from './editorBehaviour';
import { SuggestMode, setSuggesting } from './suggestMode';
import { caretAfter, paragraphs, pressKey, typeText } from './testing/headlessEditor';

let editor: Editor;
afterEach(() => editor?.destroy());

/** A collaborative editor (Yjs, as in the browser) with suggest mode on, over `text`. */
async function suggesting(text: string, author = 'u-member') {
  const ydoc = new Y.Doc();
  const onRefused = vi.fn();
  const onToggle = vi.fn();
  editor = new Editor({
    element: document.createElement('div'),
    extensions: [
      ...proseExtensions(),
      SuggestMode.configure({ author, onRefused, onToggle }),
      Collaboration.configure({ document: ydoc, field: BODY_FRAGMENT }),
    ],
    ...EDITOR_BEHAVIOUR,
  });
  await new Promise((resolve) => setTimeout(resolve, 10));
  editor.commands.setContent(paragraphs(text));
  yUndoPluginKey.getState(editor.state)?.undoManager.stopCapturing();
  editor.storage.suggestMode.active = true;
  return { ydoc, onRefused, onToggle };
}

/** The first paragraph as runs: plain text, [+inserted:author], [-deleted:author]. */
function runs(): string {
  let out = '';
  editor.state.doc.firstChild!.forEach((node) => {
    const ins = node.marks.find((m) => m.type.name === SUGGESTION_INSERT);
    const del = node.marks.find((m) => m.type.name === SUGGESTION_DELETE);
    out += ins ? `[+${node.text}:${ins.attrs.author}]` : del ? `[-${node.text}:${del.attrs.author}]` : node.text;
  });
  return out;
}

describe('SuggestMode', () => {
  it('turns typing into the author’s suggested insertion, with the stored mark ready for an IME', async () => {
    await suggesting('目標80店舗');
    caretAfter(editor, '目標');
    typeText(editor, '70→');
    expect(runs()).toBe('目標[+70→:u-member]80店舗');
    expect(listSuggestions(editor.state.doc)).toHaveLength(1);
    expect(editor.state.storedMarks?.map((m) => m.type.name)).toEqual([SUGGESTION_INSERT]);
  });

  it('strikes with Backspace instead of deleting, and walks left', async () => {
    await suggesting('目標80店舗');
    caretAfter(editor, '80');
    pressKey(editor, 'Backspace');
    pressKey(editor, 'Backspace');
    expect(runs()).toBe('目標[-80:u-member]店舗');
    expect(editor.state.selection.from).toBe(3);
  });

  it('proposes a new paragraph on Enter: one block still, with the marker of a split, until it is accepted', async () => {
    const { onRefused } = await suggesting('本文');
    caretAfter(editor, '本');
    pressKey(editor, 'Enter');
    typeText(editor, '新');
    expect(onRefused).not.toHaveBeenCalled();
    expect(editor.state.doc.childCount).toBe(1);
    // The marker is its own run (it carries the structure mark too), of the same suggestion.
    expect(runs()).toBe(`本[+${STRUCTURE_MARKERS.split}:u-member][+新:u-member]文`);
    expect(listSuggestions(editor.state.doc)).toMatchObject([{ inserted: '\n新', structure: [{ op: 'split' }] }]);
  });

  it('proposes bold with Ctrl+B on others’ text, and a join with Backspace at a block’s start', async () => {
    const { onRefused } = await suggesting('本文');
    editor.commands.setTextSelection({ from: 1, to: 3 });
    pressKey(editor, 'b', { mod: true });
    expect(editor.state.doc.firstChild!.firstChild!.marks.map((m) => m.type.name)).toEqual([SUGGESTION_FORMAT]);
    // Two paragraphs, written in 編集.
    editor.storage.suggestMode.active = false;
    editor.commands.setContent(paragraphs('前', '後'));
    editor.storage.suggestMode.active = true;
    editor.commands.setTextSelection(4);
    pressKey(editor, 'Backspace');
    expect(onRefused).not.toHaveBeenCalled();
    expect(editor.state.doc.childCount).toBe(2);
    expect(listSuggestions(editor.state.doc).map((s) => s.structure)).toEqual([[{ op: 'join', block: '', level: 0 }]]);
  });

  it('refuses a list and says so, leaving the document as it was', async () => {
    const { onRefused } = await suggesting('本文');
    caretAfter(editor, '本');
    pressKey(editor, '8', { mod: true, shift: true });
    expect(onRefused).toHaveBeenCalledTimes(1);
    expect(editor.state.doc.firstChild!.type.name).toBe('paragraph');
    expect(runs()).toBe('本文');
  });

  it('undoes a suggestion through the collaboration undo', async () => {
    await suggesting('本文');
    caretAfter(editor, '本文');
    typeText(editor, '案');
    expect(runs()).toBe('本文[+案:u-member]');
    editor.commands.undo();
    expect(runs()).toBe('本文');
  });

  it('passes remote changes through untouched: another editor’s plain text stays plain', async () => {
    const { ydoc } = await suggesting('本文');
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(ydoc));
    const text = other.getXmlFragment(BODY_FRAGMENT).get(0) as Y.XmlElement;
    (text.get(0) as Y.XmlText).insert(2, '追記');
    Y.applyUpdate(ydoc, Y.encodeStateAsUpdate(other));
    expect(runs()).toBe('本文追記');
  });

  it('keeps the stored suggestion mark across a remote change, so the next IME composition starts marked', async () => {
    const { ydoc } = await suggesting('本文');
    caretAfter(editor, '本文');
    expect(editor.state.storedMarks?.map((m) => m.type.name)).toEqual([SUGGESTION_INSERT]);
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(ydoc));
    const text = other.getXmlFragment(BODY_FRAGMENT).get(0) as Y.XmlElement;
    (text.get(0) as Y.XmlText).insert(0, '前');
    Y.applyUpdate(ydoc, Y.encodeStateAsUpdate(other));
    expect(runs()).toBe('前本文');
    expect(editor.state.storedMarks?.map((m) => m.type.name)).toEqual([SUGGESTION_INSERT]);
  });

  it('puts the stored suggestion mark back at compositionstart if something took it away', async () => {
    await suggesting('本文');
    caretAfter(editor, '本文');
    editor.view.updateState(editor.state.apply(editor.state.tr.setStoredMarks(null)));
    expect(editor.state.storedMarks).toBeNull();
    editor.view.dom.dispatchEvent(new CompositionEvent('compositionstart', { bubbles: true }));
    expect(editor.state.storedMarks?.map((m) => m.type.name)).toEqual([SUGGESTION_INSERT]);
  });

  it('adds no plain trailing paragraph after a final heading while suggesting (a suggest-only server refuses it)', async () => {
    const { ydoc } = await suggesting('本文');
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(ydoc));
    const heading = new Y.XmlElement('heading');
    heading.setAttribute('level', 2 as unknown as string);
    heading.insert(0, [new Y.XmlText('第2章')]);
    const fragment = other.getXmlFragment(BODY_FRAGMENT);
    fragment.insert(fragment.length, [heading]);
    Y.applyUpdate(ydoc, Y.encodeStateAsUpdate(other, Y.encodeStateVector(ydoc)));
    caretAfter(editor, '本文');
    typeText(editor, '案');
    expect(editor.state.doc.lastChild?.type.name).toBe('heading');
    expect(ydoc.getXmlFragment(BODY_FRAGMENT).length).toBe(2);
    expect(runs()).toBe('本文[+案:u-member]');
  });

  it('forgets the plain edits made in 編集 when 提案 starts, so Ctrl+Z there cannot replay one', async () => {
    await suggesting('本文');
    setSuggesting(editor, false);
    caretAfter(editor, '本文');
    typeText(editor, '案');
    expect(runs()).toBe('本文案');
    setSuggesting(editor, true);
    expect(editor.storage.suggestMode.active).toBe(true);
    expect(editor.state.storedMarks?.map((m) => m.type.name)).toEqual([SUGGESTION_INSERT]);
    editor.commands.undo();
    expect(runs()).toBe('本文案');
    // Its own suggestions stay undoable.
    typeText(editor, '件');
    expect(runs()).toBe('本文案[+件:u-member]');
    editor.commands.undo();
    expect(runs()).toBe('本文案');
  });

  it('edits plainly when off, with no stored suggestion mark', async () => {
    await suggesting('本文');
    editor.storage.suggestMode.active = false;
    editor.view.dispatch(editor.state.tr.setStoredMarks(null));
    caretAfter(editor, '本文');
    typeText(editor, '案');
    expect(runs()).toBe('本文案');
  });

  it('toggles with Ctrl+Alt+S', async () => {
    const { onToggle } = await suggesting('本文');
    expect(pressKey(editor, 's', { mod: true, alt: true, keyCode: 83 })).toBe(true);
    expect(onToggle).toHaveBeenCalledTimes(1);
  });
});
