import type {} from '@tiptap/starter-kit';
import { afterEach, describe, expect, it } from 'vitest';
import { proseExtensions } from '@sakutei/shared/editor';
import { Editor } from '@tiptap/core';
import { blocksOf, caretAfter, headlessEditor, paragraphs, pressKey, typeText } from './testing/headlessEditor';

let editor: Editor;
afterEach(() => editor?.destroy());

/** A fresh editor with one empty paragraph and the caret in it, then `text` typed. */
async function typed(text: string): Promise<string[]> {
  editor = await headlessEditor({ content: paragraphs('') });
  editor.commands.focus('start');
  typeText(editor, text);
  return blocksOf(editor);
}

describe('typing at the start of a line, as a Word user would', () => {
  it.each([
    '7. 計画の推進体制',
    '1. はじめに',
    '(1) 施策の方向性',
    '（1） 施策の方向性',
    '① 主要な事業',
    'Ⅰ 目指すべき姿',
    '# 見出しではない',
    '> 引用ではない',
    '・ 中黒の項目',
    '--- 区切りではない',
  ])('「%s」 stays a paragraph of exactly that text', async (text) => {
    expect(await typed(text)).toEqual([`paragraph: ${text}`]);
  });

  it('(control) with TipTap’s default rules the same typing would have made a numbered list', async () => {
    editor = new Editor({ element: document.createElement('div'), extensions: proseExtensions(), content: paragraphs('') });
    editor.commands.focus('start');
    typeText(editor, '7. 計画の推進体制');
    expect(blocksOf(editor)).toEqual(['orderedList/listItem/paragraph: 計画の推進体制']);
  });

  it('「- 」 starts a bulleted list, as Word AutoFormat does', async () => {
    expect(await typed('- 商店街の空き店舗対策')).toEqual(['bulletList/listItem/paragraph: 商店街の空き店舗対策']);
  });

  it('keeps inline shortcuts: **太字** becomes bold', async () => {
    await typed('**重要**です');
    expect(blocksOf(editor)).toEqual(['paragraph: 重要です']);
    const bold: string[] = [];
    editor.state.doc.descendants((node) => {
      if (node.isText && node.marks.some((m) => m.type.name === 'bold')) bold.push(node.text!);
    });
    expect(bold).toEqual(['重要']);
  });
});

describe('lists come from the toolbar or a key', () => {
  it('Ctrl+Shift+7 makes a numbered list and Ctrl+Shift+8 a bulleted one', async () => {
    editor = await headlessEditor({ content: paragraphs('計画の推進体制') });
    editor.commands.focus('end');
    expect(pressKey(editor, '&', { mod: true, shift: true, keyCode: 55 })).toBe(true);
    expect(blocksOf(editor)).toEqual(['orderedList/listItem/paragraph: 計画の推進体制']);
    expect(pressKey(editor, '*', { mod: true, shift: true, keyCode: 56 })).toBe(true);
    expect(blocksOf(editor)).toEqual(['bulletList/listItem/paragraph: 計画の推進体制']);
  });

  it('Tab indents a list item under the one above and Shift+Tab brings it back', async () => {
    editor = await headlessEditor({
      content: {
        type: 'doc',
        content: [
          {
            type: 'orderedList',
            content: ['施策', '事業'].map((text) => ({ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] })),
          },
        ],
      },
    });
    caretAfter(editor, '事業');
    expect(pressKey(editor, 'Tab', { keyCode: 9 })).toBe(true);
    expect(blocksOf(editor)).toEqual(['orderedList/listItem/paragraph: 施策', 'orderedList/listItem/orderedList/listItem/paragraph: 事業']);
    expect(pressKey(editor, 'Tab', { shift: true, keyCode: 9 })).toBe(true);
    expect(blocksOf(editor)).toEqual(['orderedList/listItem/paragraph: 施策', 'orderedList/listItem/paragraph: 事業']);
  });

  it('headings come from Ctrl+Alt+1–4, not from typing #', async () => {
    editor = await headlessEditor({ content: paragraphs('第2章 計画の推進') });
    editor.commands.focus('end');
    expect(pressKey(editor, '2', { mod: true, alt: true, keyCode: 50 })).toBe(true);
    expect(editor.state.doc.firstChild!.type.name).toBe('heading');
    expect(editor.state.doc.firstChild!.attrs.level).toBe(2);
  });
});
