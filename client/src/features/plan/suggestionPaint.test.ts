import { userColor } from '@sakutei/shared';
import { STRUCTURE_MARKERS, SUGGESTION_DELETE, SUGGESTION_FORMAT, SUGGESTION_INSERT, SUGGESTION_STRUCTURE, proseExtensions } from '@sakutei/shared/editor';
import { Editor } from '@tiptap/core';
import { afterEach, describe, expect, it } from 'vitest';
import { translatorFor } from '../../i18n';
import { SuggestionPaint, repaintSuggestions, type DescribeSuggestion, type LabelChange } from './suggestionPaint';
import { formatWords, structureWords } from './suggestionWords';

let editor: Editor;
afterEach(() => editor?.destroy());

const member = { id: 's1', author: 'u-member', at: 1 };
const staff = { id: 's2', author: 'u-staff', at: 2 };
const NAMES: Record<string, string> = { 'u-member': '山田委員', 'u-staff': '事務局 高橋' };

function painted(describe: { current: DescribeSuggestion }) {
  // As the page does it: one function for the editor's life, reading the current names.
  editor = new Editor({
    element: document.createElement('div'),
    extensions: [...proseExtensions(), SuggestionPaint.configure({ describe: (author, kind) => describe.current(author, kind) })],
    content: {
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: '目標' },
            { type: 'text', text: '80', marks: [{ type: SUGGESTION_DELETE, attrs: member }] },
            { type: 'text', text: '70', marks: [{ type: SUGGESTION_INSERT, attrs: member }, { type: SUGGESTION_DELETE, attrs: staff }] },
            { type: 'text', text: '店舗' },
          ],
        },
      ],
    },
  });
  return editor.view.dom;
}

const byName: DescribeSuggestion = (author, kind) => `${NAMES[author] ?? '不明'}の提案（${kind === 'insert' ? '追加' : '削除'}）`;

const ja = translatorFor('ja');
/** As the page does it (useSuggestionPaint), in Japanese. */
const saidJa: DescribeSuggestion = (author, kind, change) => `${NAMES[author] ?? '不明'}の提案（${kind === 'insert' ? '追加' : kind === 'delete' ? '削除' : change}）`;
const labelJa: LabelChange = (change) => (change.kind === 'format' ? formatWords(ja, change.mark, change.action) : structureWords(ja, change));

type Json = Record<string, unknown>;
const marker = (op: 'split' | 'line' | 'join' | 'type', by = member, block = '', level = 0): Json => ({
  type: 'text',
  text: STRUCTURE_MARKERS[op],
  marks: [
    { type: SUGGESTION_INSERT, attrs: by },
    { type: SUGGESTION_STRUCTURE, attrs: { ...by, op, block, level } },
  ],
});

function paintedBlocks(...blocks: Json[]) {
  editor = new Editor({
    element: document.createElement('div'),
    extensions: [...proseExtensions(), SuggestionPaint.configure({ describe: saidJa, label: labelJa })],
    content: { type: 'doc', content: blocks },
  });
  return editor.view.dom;
}

describe('SuggestionPaint', () => {
  it('paints each suggestion in its author’s colour and names it', () => {
    const dom = painted({ current: byName });
    const deleted = dom.querySelector('del .suggestion-paint--delete:not(.suggestion-paint--insert)') as HTMLElement;
    expect(deleted.textContent).toBe('80');
    expect(deleted.style.getPropertyValue('--suggestion-delete-colour')).toBe(userColor('u-member'));
    expect(deleted.getAttribute('aria-description')).toBe('山田委員の提案（削除）');

    // Another person's strike over a proposed insertion: both colours, both named.
    const both = dom.querySelector('.suggestion-paint--insert.suggestion-paint--delete') as HTMLElement;
    expect(both.textContent).toBe('70');
    expect(both.style.getPropertyValue('--suggestion-insert-colour')).toBe(userColor('u-member'));
    expect(both.style.getPropertyValue('--suggestion-delete-colour')).toBe(userColor('u-staff'));
    expect(both.getAttribute('title')).toBe('山田委員の提案（追加）、事務局 高橋の提案（削除）');
    expect(dom.querySelectorAll('.suggestion-paint')).toHaveLength(2);
  });

  it('repaints with new names when asked, and follows the text as it changes', () => {
    const describe = { current: (() => '') as DescribeSuggestion };
    const dom = painted(describe);
    expect(dom.querySelector('.suggestion-paint')!.hasAttribute('title')).toBe(false);
    describe.current = byName;
    repaintSuggestions(editor.view);
    expect(dom.querySelector('.suggestion-paint')!.getAttribute('title')).toBe('山田委員の提案（削除）');
    editor.commands.setContent({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: '提案なし' }] }] });
    expect(dom.querySelectorAll('.suggestion-paint')).toHaveLength(0);
  });

  it('does not repaint while an IME composes (a new decoration would redraw the composing text)', () => {
    const describe = { current: (() => '') as DescribeSuggestion };
    const dom = painted(describe);
    describe.current = byName;
    editor.view.dom.dispatchEvent(new CompositionEvent('compositionstart', { bubbles: true }));
    expect(editor.view.composing).toBe(true);
    const before = editor.state;
    repaintSuggestions(editor.view);
    expect(editor.state).toBe(before);
    expect(dom.querySelector('.suggestion-paint')!.hasAttribute('title')).toBe(false);
  });

  it('shows proposed formatting as its effect with a line in the proposer’s colour, named by what it proposes', () => {
    const dom = paintedBlocks({
      type: 'paragraph',
      content: [
        { type: 'text', text: '目標は' },
        { type: 'text', text: '70店舗', marks: [{ type: SUGGESTION_FORMAT, attrs: { ...member, mark: 'bold', action: 'add' } }] },
        {
          type: 'text',
          text: '重要',
          marks: [
            { type: 'italic' },
            { type: SUGGESTION_FORMAT, attrs: { ...staff, mark: 'italic', action: 'remove' } },
            { type: SUGGESTION_FORMAT, attrs: { ...member, mark: 'underline', action: 'add' } },
          ],
        },
      ],
    });
    const bold = dom.querySelector('.suggestion-paint--format-add') as HTMLElement;
    expect(bold.textContent).toBe('70店舗');
    expect(bold.classList.contains('suggestion-paint--add-bold')).toBe(true);
    expect(bold.style.getPropertyValue('--suggestion-format-colour')).toBe(userColor('u-member'));
    expect(bold.getAttribute('aria-description')).toBe('山田委員の提案（太字にする）');
    // Not adopted: the text is not inside a <strong>.
    expect(bold.closest('strong')).toBeNull();

    const both = dom.querySelector('.suggestion-paint--format-remove') as HTMLElement;
    expect(both.textContent).toBe('重要');
    expect([...both.classList]).toEqual(expect.arrayContaining(['suggestion-paint--format-add', 'suggestion-paint--add-underline']));
    expect(both.classList.contains('suggestion-paint--add-italic')).toBe(false);
    expect(both.getAttribute('title')).toBe('事務局 高橋の提案（斜体を外す）、山田委員の提案（下線を引く）');
  });

  it('draws each block change by its marker: a sign or a label in the proposer’s colour, with words for a screen reader', () => {
    const dom = paintedBlocks(
      { type: 'paragraph', content: [{ type: 'text', text: '一' }, marker('split'), { type: 'text', text: '二', marks: [{ type: SUGGESTION_INSERT, attrs: member }] }, marker('line')] },
      { type: 'paragraph', content: [marker('join', staff), { type: 'text', text: '三' }] },
      { type: 'paragraph', content: [marker('type', member, 'heading', 3), { type: 'text', text: '(1) 施策' }] },
      { type: 'heading', attrs: { level: 2 }, content: [marker('type', staff, 'paragraph'), { type: 'text', text: '本文' }] },
    );
    const markers = [...dom.querySelectorAll<HTMLElement>('.suggestion-marker')];
    expect(markers.map((m) => [...m.classList].find((c) => c.startsWith('suggestion-marker--')))).toEqual([
      'suggestion-marker--split',
      'suggestion-marker--line',
      'suggestion-marker--join',
      'suggestion-marker--type',
      'suggestion-marker--type',
    ]);
    expect(markers.map((m) => m.getAttribute('data-label'))).toEqual(['段落を分ける', '改行を入れる', '前の段落と結合', '見出し3にする', '本文にする']);
    expect(markers[2]!.getAttribute('aria-description')).toBe('事務局 高橋の提案（前の段落と結合）');
    expect(markers[2]!.style.getPropertyValue('--suggestion-insert-colour')).toBe(userColor('u-staff'));
    // The marker is its author's insertion, but it is named as the change, not as added text.
    expect(markers[0]!.classList.contains('suggestion-paint--insert')).toBe(false);
    expect(markers[0]!.textContent).toBe(STRUCTURE_MARKERS.split);
    // The proposed text after the break is painted as an insertion as before.
    expect(dom.querySelector('.suggestion-paint--insert')!.textContent).toBe('二');
  });

  it('labels block and format changes in English too', () => {
    const en = translatorFor('en');
    expect(structureWords(en, { op: 'type', block: 'heading', level: 3 })).toBe('make heading 3');
    expect(structureWords(en, { op: 'join', block: '', level: 0 })).toBe('join with the paragraph before');
    expect(formatWords(en, 'strike', 'remove')).toBe('remove strikethrough');
    expect(formatWords(ja, 'link', 'add')).toBe('書式を付ける');
  });
});
