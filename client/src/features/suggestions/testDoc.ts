import { proseSchema } from '@sakutei/shared/editor';
import type { Node as PMNode } from '@tiptap/pm/model';

/*
 * Prose with suggestions for the feature's tests, built on the shared schema: the cards are
 * read from a real document by the real listSuggestions, not from hand-made summaries.
 */

type Attrs = { id: string; author: string; at: number };
type Run = { text: string; ins?: Attrs; del?: Attrs[] };

const text = ({ text: value, ins, del = [] }: Run) => ({
  type: 'text',
  text: value,
  marks: [...(ins ? [{ type: 'suggestionInsert', attrs: ins }] : []), ...del.map((attrs) => ({ type: 'suggestionDelete', attrs }))],
});

export const heading = (title: string) => ({ type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: title }] });
export const paragraph = (...runs: Run[]) => ({ type: 'paragraph', content: runs.map(text) });

export function docOf(...blocks: object[]): PMNode {
  return proseSchema().nodeFromJSON({ type: 'doc', content: blocks });
}

export const AT = Date.UTC(2026, 11, 7, 0, 0);
export const aya: Attrs = { id: 's-aya', author: 'u-aya', at: AT };
export const staff: Attrs = { id: 's-staff', author: 'u-staff', at: AT + 60_000 };
export const lone: Attrs = { id: 's-lone', author: 'u-aya', at: AT + 120_000 };

/**
 * 「目標 80 店舗」 where Aya proposes 70 and the secretariat 75 for the same 80 (competing),
 * and, in the next section, Aya proposes deleting 「概ね」.
 */
export function competingDoc(): PMNode {
  return docOf(
    paragraph({ text: '前文。' }),
    heading('第1章 目標'),
    paragraph({ text: '目標 ' }, { text: '80', del: [aya, staff] }, { text: '70', ins: aya }, { text: '75', ins: staff }, { text: ' 店舗' }),
    heading('第2章 施策'),
    paragraph({ text: '概ね', del: [lone] }, { text: '進める。' }),
  );
}

/**
 * Aya's block and format proposals on 「目標は70店舗とする。」: 70店舗 in bold; a new paragraph
 * with 「空き店舗を減らす。」; the next paragraph made heading 3. And the secretariat's move of
 * 「（再掲）」 into a paragraph of its own (struck in one place, proposed after a new paragraph).
 */
export const bolder: Attrs = { id: 's-bold', author: 'u-aya', at: AT };
export const splitter: Attrs = { id: 's-split', author: 'u-aya', at: AT + 60_000 };
export const retyper: Attrs = { id: 's-type', author: 'u-aya', at: AT + 120_000 };
export const mover: Attrs = { id: 's-move', author: 'u-staff', at: AT + 180_000 };

const marker = (op: 'split' | 'line' | 'join' | 'type', by: Attrs, block = '', level = 0) => ({
  type: 'text',
  text: { split: '\u2029', line: '\u2028', join: '\u2063', type: '\u2063' }[op],
  marks: [
    { type: 'suggestionInsert', attrs: by },
    { type: 'suggestionStructure', attrs: { ...by, op, block, level } },
  ],
});

export function blockDoc(): PMNode {
  return docOf(
    heading('第1章 目標'),
    {
      type: 'paragraph',
      content: [
        { type: 'text', text: '目標は' },
        { type: 'text', text: '70店舗', marks: [{ type: 'suggestionFormat', attrs: { ...bolder, mark: 'bold', action: 'add' } }] },
        { type: 'text', text: 'とする。' },
        { type: 'text', text: '（再掲）', marks: [{ type: 'suggestionDelete', attrs: mover }] },
        marker('split', splitter),
        { type: 'text', text: '空き店舗を減らす。', marks: [{ type: 'suggestionInsert', attrs: splitter }] },
      ],
    },
    { type: 'paragraph', content: [marker('type', retyper, 'heading', 3), { type: 'text', text: '(1) 施策' }, marker('split', mover), { type: 'text', text: '（再掲）', marks: [{ type: 'suggestionInsert', attrs: mover }] }] },
  );
}
