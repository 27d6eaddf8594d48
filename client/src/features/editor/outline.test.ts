import type { Editor } from '@tiptap/core';
import { afterEach, describe, expect, it } from 'vitest';
import { currentEntryIndex, outlineOf, sameOutline } from './outline';
import { headlessEditor } from './testing/headlessEditor';

let editor: Editor;
afterEach(() => editor?.destroy());

const heading = (level: number, text: string) => ({ type: 'heading', attrs: { level }, content: text ? [{ type: 'text', text }] : [] });
const paragraph = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] });
const table = {
  type: 'table',
  content: [{ type: 'tableRow', content: [{ type: 'tableCell', content: [heading(3, '表の中の見出し')] }] }],
};

describe('outlineOf', () => {
  it('lists the headings in order with their levels, skipping empty ones and those in tables', async () => {
    editor = await headlessEditor({
      content: {
        type: 'doc',
        content: [
          heading(1, '第1章 趣旨'),
          paragraph('本文'),
          heading(2, '1. 目的'),
          heading(2, ''),
          table,
          { type: 'blockquote', content: [heading(3, '(1) 引用の中')] },
          heading(4, '① 事業'),
        ],
      },
    });
    const entries = outlineOf(editor.state.doc);
    expect(entries.map((e) => `${e.level} ${e.text}`)).toEqual(['1 第1章 趣旨', '2 1. 目的', '3 (1) 引用の中', '4 ① 事業']);
    // Positions point at the heading nodes themselves.
    for (const entry of entries) expect(editor.state.doc.nodeAt(entry.pos)?.type.name).toBe('heading');
  });

  it('shows a heading with a proposed break or retyping as words on one line, never the marker characters', async () => {
    editor = await headlessEditor({
      content: { type: 'doc', content: [heading(2, '\u2063第2章 現状'), heading(2, '1. 目的\u2029と背景'), heading(3, '\u2028')] },
    });
    expect(outlineOf(editor.state.doc).map((e) => e.text)).toEqual(['第2章 現状', '1. 目的 と背景']);
  });

  it('says which chapter holds a position', () => {
    const entries = [
      { level: 1, text: 'a', pos: 0 },
      { level: 2, text: 'b', pos: 10 },
      { level: 2, text: 'c', pos: 30 },
    ];
    expect(currentEntryIndex(entries, 5)).toBe(0);
    expect(currentEntryIndex(entries, 10)).toBe(1);
    expect(currentEntryIndex(entries, 99)).toBe(2);
    expect(currentEntryIndex([{ level: 1, text: 'a', pos: 4 }], 2)).toBe(-1);
  });

  it('compares outlines by what they show, not by where the headings moved', () => {
    expect(sameOutline([{ level: 1, text: 'a', pos: 0 }], [{ level: 1, text: 'a', pos: 9 }])).toBe(true);
    expect(sameOutline([{ level: 1, text: 'a', pos: 0 }], [{ level: 2, text: 'a', pos: 0 }])).toBe(false);
    expect(sameOutline([{ level: 1, text: 'a', pos: 0 }], [])).toBe(false);
  });
});
