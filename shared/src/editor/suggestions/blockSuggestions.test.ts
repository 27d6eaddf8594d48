import { Transform } from '@tiptap/pm/transform';
import { describe, expect, it } from 'vitest';
import type { ProseNode } from '../../revisions/canonical';
import { proseSchema } from '../extensions';
import { MAX_BLOCK_CHANGES_PER_DECISION, TooManyBlockChangesError, decideSuggestions } from './decide';
import { STRUCTURE_MARKERS, SUGGESTION_DELETE, SUGGESTION_FORMAT, SUGGESTION_INSERT, SUGGESTION_STRUCTURE, type StructureOp, type SuggestionAttrs } from './marks';
import { listSuggestions } from './model';
import { hasPendingSuggestions, proseView } from './views';

const schema = proseSchema();
const member: SuggestionAttrs = { id: 'u-member:1', author: 'u-member', at: Date.UTC(2026, 5, 1) };
const staff: SuggestionAttrs = { id: 'u-staff:1', author: 'u-staff', at: Date.UTC(2026, 5, 2) };

const plain = (text: string): ProseNode => ({ type: 'text', text });
const inserted = (text: string, by = member): ProseNode => ({ type: 'text', text, marks: [{ type: SUGGESTION_INSERT, attrs: by }] });
const struck = (text: string, by = member): ProseNode => ({ type: 'text', text, marks: [{ type: SUGGESTION_DELETE, attrs: by }] });
const marker = (op: StructureOp, by = member, block = '', level = 0): ProseNode => ({
  type: 'text',
  text: STRUCTURE_MARKERS[op],
  marks: [
    { type: SUGGESTION_INSERT, attrs: by },
    { type: SUGGESTION_STRUCTURE, attrs: { ...by, op, block, level } },
  ],
});
const formatted = (text: string, mark: string, action: 'add' | 'remove', by = member, real: string[] = []): ProseNode => ({
  type: 'text',
  text,
  marks: [...real.map((type) => ({ type })), { type: SUGGESTION_FORMAT, attrs: { ...by, mark, action } }],
});
const para = (...content: ProseNode[]): ProseNode => ({ type: 'paragraph', content });
const heading = (level: number, ...content: ProseNode[]): ProseNode => ({ type: 'heading', attrs: { level }, content });
const docOf = (...blocks: ProseNode[]) => schema.nodeFromJSON({ type: 'doc', content: blocks });
const item = (...blocks: ProseNode[]): ProseNode => ({ type: 'listItem', content: blocks });

function decide(doc: ReturnType<typeof docOf>, ids: string[], kind: 'accept' | 'reject') {
  const tr = new Transform(doc);
  const outcome = decideSuggestions(tr, ids, kind);
  return { doc: tr.doc, outcome };
}

describe('block suggestions', () => {
  it('reads a proposed new paragraph as one suggestion whose text has a newline, and makes the paragraph on accept', () => {
    const doc = docOf(para(plain('商店街を活性化する。'), marker('split'), inserted('空き店舗を減らす。')));
    const [s] = listSuggestions(doc);
    expect(s).toMatchObject({ inserted: '\n空き店舗を減らす。', deleted: '', structure: [{ op: 'split', block: '', level: 0 }] });
    const accepted = decide(doc, [member.id], 'accept').doc;
    expect(accepted.eq(docOf(para(plain('商店街を活性化する。')), para(plain('空き店舗を減らす。'))))).toBe(true);
    const rejected = decide(doc, [member.id], 'reject').doc;
    expect(rejected.eq(docOf(para(plain('商店街を活性化する。'))))).toBe(true);
  });

  it('starts the block the break names: a paragraph after Enter at a heading\'s end, a heading after Enter in its middle', () => {
    const end = docOf(heading(2, plain('1. 基本方針'), marker('split', member, 'paragraph'), inserted('本文')));
    expect(decide(end, [member.id], 'accept').doc.eq(docOf(heading(2, plain('1. 基本方針')), para(plain('本文'))))).toBe(true);
    const middle = docOf(heading(2, plain('基本'), marker('split', member, 'heading', 2), plain('方針')));
    expect(decide(middle, [member.id], 'accept').doc.eq(docOf(heading(2, plain('基本')), heading(2, plain('方針'))))).toBe(true);
    // A break naming no block does as Enter would there: a paragraph at the heading's end, a heading inside it.
    const unnamedEnd = docOf(heading(2, plain('見出し'), marker('split')));
    expect(decide(unnamedEnd, [member.id], 'accept').doc.eq(docOf(heading(2, plain('見出し')), para()))).toBe(true);
    const unnamedMiddle = docOf(heading(2, plain('見'), marker('split'), plain('出し')));
    expect(decide(unnamedMiddle, [member.id], 'accept').doc.eq(docOf(heading(2, plain('見')), heading(2, plain('出し'))))).toBe(true);
  });

  it('splits a list item into two items', () => {
    const doc = docOf({ type: 'bulletList', content: [item(para(plain('一'), marker('split'), inserted('二')))] });
    const accepted = decide(doc, [member.id], 'accept').doc;
    expect(accepted.eq(docOf({ type: 'bulletList', content: [item(para(plain('一'))), item(para(plain('二')))] }))).toBe(true);
  });

  it('makes a proposed line break a hard break', () => {
    const doc = docOf(para(plain('一行目'), marker('line'), plain('二行目')));
    const accepted = decide(doc, [member.id], 'accept').doc;
    expect(accepted.eq(docOf(para(plain('一行目'), { type: 'hardBreak' }, plain('二行目'))))).toBe(true);
  });

  it('joins a paragraph onto the one before, with the struck text of a deleted passage gone', () => {
    const doc = docOf(para(plain('前の段落'), struck('。')), para(marker('join'), plain('後の段落')));
    const [s] = listSuggestions(doc);
    expect(s).toMatchObject({ deleted: '。', inserted: '', structure: [{ op: 'join' }] });
    expect(decide(doc, [member.id], 'accept').doc.eq(docOf(para(plain('前の段落後の段落'))))).toBe(true);
    expect(decide(doc, [member.id], 'reject').doc.eq(docOf(para(plain('前の段落。')), para(plain('後の段落'))))).toBe(true);
  });

  it('removes a whole paragraph whose text is struck and joined', () => {
    const doc = docOf(para(plain('残す')), para(marker('join'), struck('消す段落')), para(plain('次')));
    expect(decide(doc, [member.id], 'accept').doc.eq(docOf(para(plain('残す')), para(plain('次'))))).toBe(true);
  });

  it('joins a list item onto the item before it', () => {
    const doc = docOf({ type: 'bulletList', content: [item(para(plain('一'))), item(para(marker('join'), plain('二')))] });
    expect(decide(doc, [member.id], 'accept').doc.eq(docOf({ type: 'bulletList', content: [item(para(plain('一二')))] }))).toBe(true);
  });

  it('leaves the text as it reads when a join is no longer possible (the first block)', () => {
    const doc = docOf(para(marker('join'), plain('最初')));
    expect(decide(doc, [member.id], 'accept').doc.eq(docOf(para(plain('最初'))))).toBe(true);
  });

  it('retypes a paragraph as a heading and back', () => {
    const doc = docOf(para(marker('type', member, 'heading', 3), plain('(1) 施策')), heading(2, marker('type', staff, 'paragraph'), plain('本文')));
    expect(listSuggestions(doc).map((s) => s.structure)).toEqual([[{ op: 'type', block: 'heading', level: 3 }], [{ op: 'type', block: 'paragraph', level: 0 }]]);
    const both = decide(doc, [member.id, staff.id], 'accept').doc;
    expect(both.eq(docOf(heading(3, plain('(1) 施策')), para(plain('本文'))))).toBe(true);
  });

  it('lets a join win over a retyping of the same block, whichever marker stands first', () => {
    for (const order of [[marker('type', staff, 'heading', 3), marker('join')], [marker('join'), marker('type', staff, 'heading', 3)]]) {
      const doc = docOf(para(plain('前')), para(...order, plain('後')));
      expect(decide(doc, [member.id, staff.id], 'accept').doc.eq(docOf(para(plain('前後'))))).toBe(true);
    }
  });

  it('ignores a retyping to a block type that is not offered', () => {
    const doc = docOf(para(marker('type', member, 'codeBlock'), plain('x')));
    expect(decide(doc, [member.id], 'accept').doc.eq(docOf(para(plain('x'))))).toBe(true);
  });

  it('makes two proposed paragraphs from two markers of one suggestion', () => {
    const doc = docOf(para(plain('一'), marker('split'), marker('split'), inserted('三')));
    expect(decide(doc, [member.id], 'accept').doc.eq(docOf(para(plain('一')), para(), para(plain('三'))))).toBe(true);
  });

  it('never lets a marker character into a card: a heading proposed to split, a stray marker in adopted text', () => {
    const doc = docOf(heading(2, plain('1. 方針'), marker('split'), inserted('追加')), para(plain('前\u2029後'), inserted('案', staff)));
    const [first, second] = listSuggestions(doc);
    expect(first).toMatchObject({ inserted: '\n追加' });
    expect(second!.section).toEqual({ index: 0, title: '1. 方針\n追加' });
    const stray = docOf(para(struck('前\u2029後')));
    expect(listSuggestions(stray)[0]!.deleted).toBe('前\n後');
  });

  it('refuses to make more block changes in one decision than it can make in reasonable time, and rejects them cheaply', () => {
    const many = Array.from({ length: MAX_BLOCK_CHANGES_PER_DECISION + 1 }, () => marker('line'));
    const doc = docOf(para(plain('本文'), ...many));
    expect(() => decide(doc, [member.id], 'accept')).toThrow(TooManyBlockChangesError);
    expect(decide(doc, [member.id], 'reject').doc.eq(docOf(para(plain('本文'))))).toBe(true);
  });

  it('keeps the clean view free of markers and the markup view as stored', () => {
    const json: ProseNode = { type: 'doc', content: [para(plain('一'), marker('split'), inserted('二')), para(marker('join'), plain('三'))] };
    expect(hasPendingSuggestions(json)).toBe(true);
    const clean = proseView(json, 'clean');
    expect(JSON.stringify(clean)).not.toMatch(/[\u2029\u2028\u2063]/);
    expect(schema.nodeFromJSON(clean).eq(docOf(para(plain('一')), para(plain('三'))))).toBe(true);
    expect(JSON.stringify(proseView(json, 'accepted'))).not.toMatch(/[\u2029\u2028\u2063]/);
  });
});

describe('formatting suggestions', () => {
  it('lists proposed formatting with the text it applies to, and applies it only when accepted', () => {
    const doc = docOf(para(plain('目標は'), formatted('70店舗', 'bold', 'add'), plain('とする')));
    const [s] = listSuggestions(doc);
    expect(s).toMatchObject({ inserted: '', deleted: '', formats: [{ mark: 'bold', action: 'add', text: '70店舗' }] });
    const accepted = decide(doc, [member.id], 'accept').doc;
    expect(accepted.eq(docOf(para(plain('目標は'), { type: 'text', text: '70店舗', marks: [{ type: 'bold' }] }, plain('とする'))))).toBe(true);
    expect(decide(doc, [member.id], 'reject').doc.eq(docOf(para(plain('目標は70店舗とする'))))).toBe(true);
  });

  it('removes formatting on accept, and lets two people propose on the same words', () => {
    const doc = schema.nodeFromJSON({
      type: 'doc',
      content: [
        para({
          type: 'text',
          text: '重要',
          marks: [
            { type: 'bold' },
            { type: SUGGESTION_FORMAT, attrs: { ...member, mark: 'bold', action: 'remove' } },
            { type: SUGGESTION_FORMAT, attrs: { ...staff, mark: 'underline', action: 'add' } },
          ],
        }),
      ],
    });
    expect(listSuggestions(doc).map((s) => s.formats)).toEqual([[{ mark: 'bold', action: 'remove', text: '重要' }], [{ mark: 'underline', action: 'add', text: '重要' }]]);
    const { doc: after } = decide(doc, [member.id, staff.id], 'accept');
    expect(after.eq(docOf(para({ type: 'text', text: '重要', marks: [{ type: 'underline' }] })))).toBe(true);
  });

  it('never applies a mark that is not a plain format (a link without its address)', () => {
    const doc = docOf(para(formatted('市', 'link', 'add')));
    expect(decide(doc, [member.id], 'accept').doc.eq(docOf(para(plain('市'))))).toBe(true);
  });

  it('clean view strips proposed formatting and keeps the adopted formatting', () => {
    const json: ProseNode = { type: 'doc', content: [para(formatted('語', 'italic', 'add', member, ['bold']))] };
    expect(proseView(json, 'clean')).toEqual({ type: 'doc', content: [para({ type: 'text', text: '語', marks: [{ type: 'bold' }] })] });
  });
});
