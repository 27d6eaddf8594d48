import type {} from '@tiptap/extension-collaboration';
import type { Editor, JSONContent } from '@tiptap/core';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { BODY_FRAGMENT } from '@sakutei/shared';
import { blocksOf, headlessEditor, paragraphs, typeText } from './testing/headlessEditor';
import { findStateOf } from './findReplace/findReplace';

let editor: Editor;
afterEach(() => editor?.destroy());

/** 「計画の推進体制」 with 推進 in bold: a phrase split across two marks. */
const MIXED: JSONContent = {
  type: 'doc',
  content: [
    {
      type: 'paragraph',
      content: [
        { type: 'text', text: '計画の' },
        { type: 'text', text: '推進', marks: [{ type: 'bold' }] },
        { type: 'text', text: '体制を定める。計画は毎年見直す。' },
      ],
    },
    { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: '2. 計画の期間' }] },
  ],
};

const found = () => findStateOf(editor.state);
const matchedTexts = () => found().matches.map((m) => editor.state.doc.textBetween(m.from, m.to));

describe('find', () => {
  it('finds a phrase across marks and blocks, and highlights every match', async () => {
    editor = await headlessEditor({ content: MIXED });
    editor.commands.setSearch('の推進体');
    expect(matchedTexts()).toEqual(['の推進体']);
    editor.commands.setSearch('計画');
    expect(matchedTexts()).toEqual(['計画', '計画', '計画']);
    expect(editor.view.dom.querySelectorAll('.find-match')).toHaveLength(3);
    expect(editor.view.dom.querySelectorAll('.find-match--current')).toHaveLength(1);
  });

  it('steps through matches with next and previous, wrapping round, and selects the current one', async () => {
    editor = await headlessEditor({ content: MIXED });
    editor.commands.setTextSelection(1);
    editor.commands.setSearch('計画');
    expect(found().current).toBe(0);
    editor.commands.findNext();
    expect(found().current).toBe(1);
    const { from, to } = editor.state.selection;
    expect(editor.state.doc.textBetween(from, to)).toBe('計画');
    editor.commands.findNext();
    editor.commands.findNext();
    expect(found().current).toBe(0);
    editor.commands.findPrevious();
    expect(found().current).toBe(2);
  });

  it('searches again when the text changes', async () => {
    editor = await headlessEditor({ content: paragraphs('計画') });
    editor.commands.setSearch('計画');
    expect(found().matches).toHaveLength(1);
    editor.commands.focus('end');
    typeText(editor, 'と計画');
    expect(found().matches).toHaveLength(2);
  });

  it('treats full-width and half-width alike by default, and can be told not to', async () => {
    editor = await headlessEditor({ content: paragraphs('令和７年度と令和7年度') });
    editor.commands.setSearch('令和7年度');
    expect(found().matches).toHaveLength(2);
    editor.commands.setSearch('令和7年度', { caseSensitive: false, widthSensitive: true });
    expect(matchedTexts()).toEqual(['令和7年度']);
  });

  it('an empty query clears the highlights', async () => {
    editor = await headlessEditor({ content: MIXED });
    editor.commands.setSearch('計画');
    editor.commands.setSearch('');
    expect(found().matches).toEqual([]);
    expect(editor.view.dom.querySelectorAll('.find-match')).toHaveLength(0);
  });
});

describe('replace', () => {
  it('replaces the current match and moves on to the next', async () => {
    editor = await headlessEditor({ content: MIXED });
    editor.commands.setTextSelection(1);
    editor.commands.setSearch('計画');
    editor.commands.replaceCurrent('プラン');
    expect(blocksOf(editor)).toEqual(['paragraph: プランの推進体制を定める。計画は毎年見直す。', 'heading: 2. 計画の期間']);
    expect(found().matches).toHaveLength(2);
    expect(found().current).toBe(0);
    expect(editor.state.doc.textBetween(found().matches[0]!.from, found().matches[0]!.to)).toBe('計画');
  });

  it('moves past a replacement that contains the query, instead of finding it again inside', async () => {
    editor = await headlessEditor({ content: paragraphs('計画と計画') });
    editor.commands.setTextSelection(1);
    editor.commands.setSearch('計画');
    editor.commands.replaceCurrent('振興計画');
    expect(blocksOf(editor)).toEqual(['paragraph: 振興計画と計画']);
    // Two matches now (one inside 振興計画); the current one is the 計画 after 「と」.
    expect(found().matches).toHaveLength(2);
    expect(found().current).toBe(1);
    editor.commands.replaceCurrent('振興計画');
    expect(blocksOf(editor)).toEqual(['paragraph: 振興計画と振興計画']);
  });

  it('replaces all matches in one transaction, across marks, and one undo (Yjs) restores them all', async () => {
    const ydoc = new Y.Doc();
    editor = await headlessEditor({ content: MIXED, ydoc });
    const before = blocksOf(editor);
    let transactions = 0;
    editor.on('transaction', ({ transaction }) => {
      if (transaction.docChanged) transactions += 1;
    });

    editor.commands.setSearch('の推進体制');
    expect(editor.commands.replaceAll('における推進の体制')).toBe(true);
    await Promise.resolve();
    editor.commands.setSearch('計画');
    expect(editor.commands.replaceAll('振興計画')).toBe(true);
    await Promise.resolve();
    expect(blocksOf(editor)).toEqual([
      'paragraph: 振興計画における推進の体制を定める。振興計画は毎年見直す。',
      'heading: 2. 振興計画の期間',
    ]);
    // Each replace-all was one change, and reached the shared document.
    expect(transactions).toBe(2);
    expect(ydoc.getXmlFragment(BODY_FRAGMENT).toString()).toContain('振興計画は毎年見直す');

    editor.commands.undo();
    expect(blocksOf(editor)).toEqual([
      'paragraph: 計画における推進の体制を定める。計画は毎年見直す。',
      'heading: 2. 計画の期間',
    ]);
    editor.commands.undo();
    expect(blocksOf(editor)).toEqual(before);
  });

  it('replacing with nothing deletes the matches', async () => {
    editor = await headlessEditor({ content: paragraphs('（仮称）計画（仮称）') });
    editor.commands.setSearch('（仮称）');
    editor.commands.replaceAll('');
    expect(blocksOf(editor)).toEqual(['paragraph: 計画']);
  });

  it('does nothing when there is no match', async () => {
    editor = await headlessEditor({ content: MIXED });
    editor.commands.setSearch('存在しない語');
    expect(editor.commands.replaceAll('x')).toBe(false);
    expect(editor.commands.replaceCurrent('x')).toBe(false);
  });
});
