import { Transform } from '@tiptap/pm/transform';
import { describe, expect, it } from 'vitest';
import { proseSchema } from '../extensions';
import type { ProseNode } from '../../revisions/canonical';
import { decideSuggestions } from './decide';
import { SUGGESTION_DELETE, SUGGESTION_INSERT, type SuggestionAttrs } from './marks';
import { listSuggestions } from './model';
import { hasPendingSuggestions, proseView } from './views';

const schema = proseSchema();
const member: SuggestionAttrs = { id: 'm1', author: 'u-member', at: 1000 };
const staff: SuggestionAttrs = { id: 's1', author: 'u-staff', at: 2000 };

type Run = string | { text: string; ins?: SuggestionAttrs; del?: SuggestionAttrs[]; bold?: boolean };

function text(run: Run): ProseNode {
  if (typeof run === 'string') return { type: 'text', text: run };
  const marks = [
    ...(run.bold ? [{ type: 'bold' }] : []),
    ...(run.ins ? [{ type: SUGGESTION_INSERT, attrs: run.ins }] : []),
    ...(run.del ?? []).map((attrs) => ({ type: SUGGESTION_DELETE, attrs })),
  ];
  return { type: 'text', text: run.text, ...(marks.length ? { marks } : {}) };
}

const para = (...runs: Run[]): ProseNode => ({ type: 'paragraph', content: runs.map(text) });
const heading = (title: string): ProseNode => ({ type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: title }] });
const docOf = (...blocks: ProseNode[]) => schema.nodeFromJSON({ type: 'doc', content: blocks });

describe('listSuggestions', () => {
  it('reads a replacement as one suggestion with its removed and added text, under its section', () => {
    const doc = docOf(
      heading('1. 商店街の活性化'),
      para('空き店舗数を', { text: '80', del: [member] }, { text: '70', ins: member }, '店舗にする'),
    );
    const [s] = listSuggestions(doc);
    expect(listSuggestions(doc)).toHaveLength(1);
    expect(s).toMatchObject({ id: 'm1', author: 'u-member', at: 1000, deleted: '80', inserted: '70', conflictsWith: [] });
    expect(s!.section).toEqual({ index: 0, title: '1. 商店街の活性化' });
    expect(doc.textBetween(s!.from, s!.to)).toBe('8070');
  });

  it('makes two deletions of the same words conflict, and an insertion alone conflicts with nothing', () => {
    const doc = docOf(para('目標は', { text: '80', del: [member, staff] }, { text: '70', ins: member }, { text: '75', ins: staff }, '店舗', { text: '以上', ins: { ...member, id: 'm2' } }));
    const found = listSuggestions(doc);
    expect(found.map((s) => [s.id, s.conflictsWith])).toEqual([
      ['m1', ['s1']],
      ['s1', ['m1']],
      ['m2', []],
    ]);
    expect(found.find((s) => s.id === 's1')).toMatchObject({ deleted: '80', inserted: '75' });
    expect(found[0]!.section).toBeNull();
  });

  it('gathers a suggestion that spans two paragraphs and reads a suggested hard break as a newline', () => {
    const doc = schema.nodeFromJSON({
      type: 'doc',
      content: [
        para('一', { text: '二', del: [member] }),
        { type: 'paragraph', content: [text({ text: '三', del: [member] }), { type: 'hardBreak', marks: [{ type: SUGGESTION_INSERT, attrs: member }] }, text({ text: '四', ins: member })] },
      ],
    });
    expect(listSuggestions(doc)).toMatchObject([{ id: 'm1', deleted: '二三', inserted: '\n四' }]);
  });
});

function decide(doc: ReturnType<typeof docOf>, ids: string[], decision: 'accept' | 'reject') {
  const tr = new Transform(doc);
  const outcome = decideSuggestions(tr, ids, decision);
  return { doc: tr.doc, outcome };
}

describe('decideSuggestions', () => {
  const replacement = () => docOf(para('空き店舗数を', { text: '80', del: [member] }, { text: '70', ins: member }, '店舗にする'));

  it('accepting keeps the proposed text plain and removes the struck text', () => {
    const { doc, outcome } = decide(replacement(), ['m1'], 'accept');
    expect(doc.textContent).toBe('空き店舗数を70店舗にする');
    expect(listSuggestions(doc)).toEqual([]);
    expect(outcome.decided.map((s) => s.id)).toEqual(['m1']);
    expect(doc.firstChild!.childCount).toBe(1);
  });

  it('rejecting removes the proposed text and keeps the struck text plain', () => {
    const { doc } = decide(replacement(), ['m1'], 'reject');
    expect(doc.textContent).toBe('空き店舗数を80店舗にする');
    expect(listSuggestions(doc)).toEqual([]);
  });

  it('keeps other marks, and leaves other suggestions as they were', () => {
    const doc0 = docOf(para({ text: '重点', bold: true, del: [member] }, { text: '主要', bold: true, ins: member }, { text: '施策', ins: staff }));
    const { doc } = decide(doc0, ['m1'], 'accept');
    expect(doc.toJSON().content[0].content).toEqual([
      { type: 'text', text: '主要', marks: [{ type: 'bold' }] },
      { type: 'text', text: '施策', marks: [{ type: SUGGESTION_INSERT, attrs: staff }] },
    ]);
  });

  it('accepting one of two competing wordings rejects the other', () => {
    const doc0 = docOf(para('目標は', { text: '80', del: [member, staff] }, { text: '70', ins: member }, { text: '75', ins: staff }, '店舗'));
    const { doc, outcome } = decide(doc0, ['s1'], 'accept');
    expect(doc.textContent).toBe('目標は75店舗');
    expect(outcome.resolved.map((s) => s.id)).toEqual(['m1']);
    expect(listSuggestions(doc)).toEqual([]);
  });

  it('accepting competing wordings together lets the earliest win', () => {
    const doc0 = docOf(para('目標は', { text: '80', del: [member, staff] }, { text: '70', ins: member }, { text: '75', ins: staff }, '店舗'));
    const { doc, outcome } = decide(doc0, ['s1', 'm1'], 'accept');
    expect(doc.textContent).toBe('目標は70店舗');
    expect(outcome.decided.map((s) => s.id)).toEqual(['m1']);
    expect(outcome.resolved.map((s) => s.id)).toEqual(['s1']);
  });

  it('reports as resolved a suggestion made on text that went with the decision', () => {
    // Staff struck part of the member's proposed words; rejecting the proposal takes the strike with it.
    const doc0 = docOf(para('目標は', { text: '70', ins: member }, { text: '店舗', ins: member, del: [staff] }, '以上'));
    const { doc, outcome } = decide(doc0, ['m1'], 'reject');
    expect(doc.textContent).toBe('目標は以上');
    expect(outcome.decided.map((s) => s.id)).toEqual(['m1']);
    expect(outcome.resolved.map((s) => s.id)).toEqual(['s1']);
    expect(listSuggestions(doc)).toEqual([]);
  });

  it('reports ids the document no longer holds and changes nothing for them', () => {
    const { doc, outcome } = decide(replacement(), ['gone'], 'accept');
    expect(outcome).toEqual({ decided: [], resolved: [], missing: ['gone'] });
    expect(doc.eq(replacement())).toBe(true);
  });

  it('decides suggestions spread over several paragraphs, deleting from the end backwards', () => {
    const doc0 = docOf(para('あ', { text: 'い', del: [member] }, 'う'), para({ text: 'え', ins: member }, 'お', { text: 'か', del: [member] }));
    expect(decide(doc0, ['m1'], 'accept').doc.textContent).toBe('あうえお');
    expect(decide(doc0, ['m1'], 'reject').doc.textContent).toBe('あいうおか');
  });
});

describe('proseView', () => {
  const json = docOf(para('目標は', { text: '80', del: [member] }, { text: '70', ins: member }, '店舗')).toJSON() as ProseNode;

  it('shows the wording so far, the wording if accepted, or the markup as stored', () => {
    const textOf = (node: ProseNode) => node.content![0]!.content!.map((t) => t.text).join('');
    expect(textOf(proseView(json, 'clean'))).toBe('目標は80店舗');
    expect(textOf(proseView(json, 'accepted'))).toBe('目標は70店舗');
    expect(proseView(json, 'markup')).toBe(json);
  });

  it('merges the texts a view joins, as ProseMirror would, so compares see one run', () => {
    expect(proseView(json, 'clean').content![0]!.content).toEqual([{ type: 'text', text: '目標は80店舗' }]);
    expect(schema.nodeFromJSON(proseView(json, 'accepted')).eq(docOf(para('目標は70店舗')))).toBe(true);
  });

  it('knows whether anything is pending', () => {
    expect(hasPendingSuggestions(json)).toBe(true);
    expect(hasPendingSuggestions(proseView(json, 'clean'))).toBe(false);
  });
});
