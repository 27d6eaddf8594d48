import { userColor } from '@sakutei/shared';
import { SUGGESTION_DELETE, SUGGESTION_INSERT, proseExtensions } from '@sakutei/shared/editor';
import { Editor } from '@tiptap/core';
import { afterEach, describe, expect, it } from 'vitest';
import { SuggestionPaint, repaintSuggestions, type DescribeSuggestion } from './suggestionPaint';

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
});
