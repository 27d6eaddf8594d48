import { afterEach, describe, expect, it } from 'vitest';
import type { Editor } from '@tiptap/core';
import { blocksOf, caretAfter, headlessProseEditor, paragraphs, typeText } from '../../test/headlessProse';
import { decisionLine, insertAgendaHeadings, insertDecision, insertSpeaker } from './minutesInserts';
import { agendaItem, decision } from './minutesTesting';

let editor: Editor | null = null;
afterEach(() => {
  editor?.destroy();
  editor = null;
});

/** The marks on each text run of the block at `index`: `['bold:山田座長：', ':本日は…']`. */
function runs(e: Editor, index: number): string[] {
  const out: string[] = [];
  e.state.doc.child(index).forEach((node) => out.push(`${node.marks.map((m) => m.type.name).join('+')}:${node.text ?? ''}`));
  return out;
}

describe('inserting a speaker into the minutes', () => {
  it('fills the empty paragraph the caret is in, in bold, and what is typed next is plain', async () => {
    editor = await headlessProseEditor({ content: paragraphs('開会', '') });
    editor.commands.setTextSelection(editor.state.doc.content.size - 1);
    insertSpeaker(editor, '山田座長：');
    typeText(editor, 'ただいまから開会します。');
    expect(blocksOf(editor)).toEqual(['paragraph: 開会', 'paragraph: 山田座長：ただいまから開会します。']);
    expect(runs(editor, 1)).toEqual(['bold:山田座長：', ':ただいまから開会します。']);
  });

  it('starts a new paragraph after the one being written, never inside its text', async () => {
    editor = await headlessProseEditor({ content: paragraphs('事務局から資料1を説明。', '次の段落') });
    caretAfter(editor, '事務局から');
    insertSpeaker(editor, '佐藤委員：');
    typeText(editor, '質問です。');
    expect(blocksOf(editor)).toEqual(['paragraph: 事務局から資料1を説明。', 'paragraph: 佐藤委員：質問です。', 'paragraph: 次の段落']);
    expect(runs(editor, 1)).toEqual(['bold:佐藤委員：', ':質問です。']);
  });
});

describe('the agenda as headings', () => {
  const agenda = [agendaItem(1, '開会'), agendaItem(2, '計画素案について'), agendaItem(3, '閉会')];

  it('adds each item as 「n　議題名」 (h2) in agenda order, then finds nothing more to add', async () => {
    editor = await headlessProseEditor({ content: paragraphs('') });
    expect(insertAgendaHeadings(editor, agenda)).toBe(3);
    expect(blocksOf(editor)).toEqual(['heading: 1\u3000開会', 'heading: 2\u3000計画素案について', 'heading: 3\u3000閉会']);
    expect(editor.state.doc.child(1).attrs['level']).toBe(2);
    const before = editor.getJSON();
    expect(insertAgendaHeadings(editor, agenda)).toBe(0);
    expect(editor.getJSON()).toEqual(before);
  });

  it('puts a missing heading before the next item’s, keeping what was written under the earlier one', async () => {
    editor = await headlessProseEditor({
      content: {
        type: 'doc',
        content: [
          { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: '1　開会' }] },
          { type: 'paragraph', content: [{ type: 'text', text: '座長あいさつ' }] },
          // Numbered differently by hand: still the same item.
          { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: '(3) 閉会' }] },
        ],
      },
    });
    expect(insertAgendaHeadings(editor, [agendaItem(1, '開会'), agendaItem(2, '計画素案について'), agendaItem(3, '閉会')])).toBe(1);
    expect(blocksOf(editor)).toEqual(['heading: 1　開会', 'paragraph: 座長あいさつ', 'heading: 2\u3000計画素案について', 'heading: (3) 閉会']);
  });
});

describe('inserting a decision', () => {
  it('writes the kind, the text and the vote as the minutes do', () => {
    expect(decisionLine(decision('d1'))).toBe('（議決）素案のとおり承認する。\u3000全会一致');
    expect(decisionLine(decision('d2', { kind: 'report', text: '進捗を報告した。', vote: null }))).toBe('（報告）進捗を報告した。');
    expect(decisionLine(decision('d3', { vote: { for: 7, against: 1, abstain: 2 } }))).toBe('（議決）素案のとおり承認する。\u3000賛成7、反対1、棄権2');
  });

  it('adds it as a paragraph of its own after the one being written', async () => {
    editor = await headlessProseEditor({ content: paragraphs('山田座長：採決します。') });
    caretAfter(editor, '採決');
    insertDecision(editor, decision('d1'));
    expect(blocksOf(editor)).toEqual(['paragraph: 山田座長：採決します。', 'paragraph: （議決）素案のとおり承認する。\u3000全会一致']);
  });
});
