import { Fragment, type Node as PMNode, Slice } from '@tiptap/pm/model';
import { AllSelection, EditorState, TextSelection, type Transaction } from '@tiptap/pm/state';
import { describe, expect, it } from 'vitest';
import { proseSchema } from '../extensions';
import { SUGGESTION_DELETE, SUGGESTION_FORMAT, SUGGESTION_INSERT, SUGGESTION_STRUCTURE, type SuggestionAttrs } from './marks';
import { listSuggestions } from './model';
import { attrsForChange, suggestTransaction } from './suggest';

const schema = proseSchema();
const me = (id: string, at = 1000): SuggestionAttrs => ({ id, author: 'u-me', at });
const other: SuggestionAttrs = { id: 'o1', author: 'u-other', at: 500 };

type Run = string | { text: string; ins?: SuggestionAttrs; del?: SuggestionAttrs; bold?: boolean } | 'br';

function inline(run: Run) {
  if (run === 'br') return { type: 'hardBreak' };
  if (typeof run === 'string') return { type: 'text', text: run };
  const marks = [
    ...(run.bold ? [{ type: 'bold' }] : []),
    ...(run.ins ? [{ type: SUGGESTION_INSERT, attrs: run.ins }] : []),
    ...(run.del ? [{ type: SUGGESTION_DELETE, attrs: run.del }] : []),
  ];
  return { type: 'text', text: run.text, ...(marks.length ? { marks } : {}) };
}

const para = (...runs: Run[]) => ({ type: 'paragraph', content: runs.map(inline) });

function stateOf(blocks: object[], cursor?: number | [number, number]): EditorState {
  const doc = schema.nodeFromJSON({ type: 'doc', content: blocks });
  const state = EditorState.create({ schema, doc });
  if (cursor === undefined) return state;
  const [anchor, head] = typeof cursor === 'number' ? [cursor, cursor] : cursor;
  return state.apply(state.tr.setSelection(TextSelection.create(doc, anchor, head)));
}

/** The document in a compact notation: [+added:id] [-struck:id], paragraphs joined by |. */
function show(doc: PMNode): string {
  const blocks: string[] = [];
  doc.descendants((node) => {
    if (!node.isTextblock) return true;
    let out = '';
    node.forEach((child) => {
      const structure = child.marks.find((m) => m.type.name === SUGGESTION_STRUCTURE);
      const op = structure?.attrs.op;
      const text = structure
        ? op === 'split' ? '¶' : op === 'line' ? '↵' : op === 'join' ? '⤴' : `{${structure.attrs.block}${structure.attrs.level || ''}}`
        : child.isText ? child.text! : child.type.name === 'hardBreak' ? '⏎' : '?';
      const ins = child.marks.find((m) => m.type.name === SUGGESTION_INSERT);
      const del = child.marks.filter((m) => m.type.name === SUGGESTION_DELETE);
      let piece = text;
      if (ins) piece = `[+${piece}:${ins.attrs.id}]`;
      for (const d of del) piece = `[-${piece}:${d.attrs.id}]`;
      out += piece;
    });
    blocks.push(out);
    return false;
  });
  return blocks.join('|');
}

/** Applies a user's transaction in suggest mode, as the editor would; fails on refusal. */
function suggest(state: EditorState, make: (tr: Transaction) => Transaction, attrs = me('n1')): EditorState {
  const result = suggestTransaction(state, make(state.tr), attrs);
  expect(result, 'the change was refused').not.toBeNull();
  return state.apply(result!);
}

function typeText(state: EditorState, text: string, attrs = me('n1')): EditorState {
  return suggest(state, (tr) => tr.insertText(text), attrs);
}

function backspace(state: EditorState, attrs = me('n1')): EditorState {
  const pos = state.selection.from;
  return suggest(state, (tr) => tr.delete(pos - 1, pos), attrs);
}

function forwardDelete(state: EditorState, attrs = me('n1')): EditorState {
  const pos = state.selection.from;
  return suggest(state, (tr) => tr.delete(pos, pos + 1), attrs);
}

// Positions: the first paragraph's text starts at 1.
describe('suggestTransaction', () => {
  it('marks typed text as the author’s insertion and leaves the cursor after it', () => {
    const state = typeText(stateOf([para('目標80店舗')], 3), '70→');
    expect(show(state.doc)).toBe('目標[+70→:n1]80店舗');
    expect(state.selection.head).toBe(6);
    expect(listSuggestions(state.doc)).toMatchObject([{ id: 'n1', author: 'u-me', at: 1000, inserted: '70→', deleted: '' }]);
  });

  it('keeps deleted text, struck, and removes nothing', () => {
    const state = suggest(stateOf([para('目標80店舗')], [3, 5]), (tr) => tr.deleteSelection());
    expect(show(state.doc)).toBe('目標[-80:n1]店舗');
    expect(state.doc.textContent).toBe('目標80店舗');
    expect(state.selection.head).toBe(5);
  });

  it('puts a replacement right after the struck text, as one suggestion, cursor after the new text', () => {
    const state = suggest(stateOf([para('目標80店舗')], [3, 5]), (tr) => tr.insertText('70'));
    expect(show(state.doc)).toBe('目標[-80:n1][+70:n1]店舗');
    expect(state.selection.head).toBe(7);
    expect(listSuggestions(state.doc)).toMatchObject([{ id: 'n1', deleted: '80', inserted: '70' }]);
    // Typing on extends the same suggestion.
    const more = typeText(state, '以上', me('n2'));
    expect(show(more.doc)).toBe('目標[-80:n1][+70以上:n1]店舗');
  });

  it('walks Backspace left over the text it strikes, one suggestion for the run', () => {
    let state = stateOf([para('市内の店舗')], 6);
    state = backspace(state, me('b1'));
    state = backspace(state, me('b2'));
    expect(show(state.doc)).toBe('市内の[-店舗:b1]');
    expect(state.selection.head).toBe(4);
    expect(listSuggestions(state.doc)).toHaveLength(1);
  });

  it('walks Delete right over the text it strikes', () => {
    let state = stateOf([para('市内の店舗')], 1);
    state = forwardDelete(state, me('d1'));
    expect(state.selection.head).toBe(2);
    state = forwardDelete(state, me('d2'));
    expect(show(state.doc)).toBe('[-市内:d1]の店舗');
    expect(state.selection.head).toBe(3);
  });

  it('leaves text the author already struck as it is, and Backspace moves on over it', () => {
    let state = stateOf([para('あ', { text: 'い', del: me('old') }, 'う')], 3);
    state = backspace(state);
    expect(show(state.doc)).toBe('あ[-い:old]う');
    expect(state.selection.head).toBe(2);
  });

  it('really deletes the author’s own suggested insertion', () => {
    let state = stateOf([para('目標', { text: '70', ins: me('n1') }, '店舗')], 5);
    state = backspace(state);
    expect(show(state.doc)).toBe('目標[+7:n1]店舗');
    state = backspace(state);
    expect(show(state.doc)).toBe('目標店舗');
    expect(state.selection.head).toBe(3);
  });

  it('strikes another author’s suggested insertion instead of removing it', () => {
    const state = suggest(stateOf([para('目標', { text: '70', ins: other }, '店舗')], [3, 5]), (tr) => tr.deleteSelection());
    expect(show(state.doc)).toBe('目標[-[+70:o1]:n1]店舗');
  });

  it('types inside another author’s insertion as a separate suggestion that splits it', () => {
    const state = typeText(stateOf([para('目標', { text: '7075', ins: other }, '店舗')], 5), '／');
    expect(show(state.doc)).toBe('目標[+70:o1][+／:n1][+75:o1]店舗');
    expect(listSuggestions(state.doc).map((s) => s.id)).toEqual(['o1', 'n1']);
  });

  it('types at the start and at the end of a paragraph', () => {
    const start = typeText(stateOf([para('本文')], 1), '新しい');
    expect(show(start.doc)).toBe('[+新しい:n1]本文');
    const end = typeText(stateOf([para('本文')], 3), '。');
    expect(show(end.doc)).toBe('本文[+。:n1]');
    expect(end.selection.head).toBe(4);
  });

  it('types into an empty paragraph', () => {
    const state = typeText(stateOf([para('一'), { type: 'paragraph' }], 4), '二');
    expect(show(state.doc)).toBe('一|[+二:n1]');
  });

  it('strikes the text of a selection over paragraphs and proposes joining them', () => {
    const state = suggest(stateOf([para('第一段落'), para('第二段落')], [3, 9]), (tr) => tr.deleteSelection());
    expect(state.doc.childCount).toBe(2);
    expect(show(state.doc)).toBe('第一[-段落:n1]|[+⤴:n1][-第二:n1]段落');
  });

  it('replaces a selection over paragraphs: both struck, joined, the new text in the last', () => {
    const state = suggest(stateOf([para('第一段落'), para('第二段落')], [3, 9]), (tr) => tr.insertText('X'));
    expect(show(state.doc)).toBe('第一[-段落:n1]|[+⤴:n1][-第二:n1][+X:n1]段落');
    expect(listSuggestions(state.doc)).toHaveLength(1);
  });

  it('pastes inline text, dropping the suggestion marks it carried but keeping its formatting', () => {
    const source = stateOf([para({ text: '強調', bold: true, ins: other }, { text: '文', del: other })]).doc;
    const slice = source.slice(1, 4);
    const state = suggest(stateOf([para('本文')], 2), (tr) => tr.replaceSelection(slice));
    expect(show(state.doc)).toBe('本[+強調:n1][+文:n1]文');
    expect(state.doc.firstChild!.child(1).marks.map((m) => m.type.name)).toEqual(['bold', SUGGESTION_INSERT]);
  });

  it('proposes a hard break as a line marker, typed or pasted', () => {
    const state = stateOf([para('一二')], 2);
    expect(show(suggest(state, (tr) => tr.replaceSelectionWith(schema.nodes.hardBreak!.create())).doc)).toBe('一[+↵:n1]二');
    const pasted = schema.nodes.paragraph!.create(null, [schema.text('三'), schema.nodes.hardBreak!.create(), schema.text('四')]);
    expect(show(suggest(state, (tr) => tr.replaceSelection(new Slice(pasted.content, 0, 0))).doc)).toBe('一[+三:n1][+↵:n1][+四:n1]二');
  });

  it('proposes a new paragraph (Enter), a join (Backspace at a start, Delete at an end) and an empty paragraph as markers', () => {
    const state = stateOf([para('第一'), para('第二')], 2);
    const split = suggest(state, (tr) => tr.split(2));
    expect(show(split.doc)).toBe('第[+¶:n1]一|第二');
    expect(split.selection.head).toBe(3);
    expect(show(suggest(state, (tr) => tr.join(4)).doc)).toBe('第一|[+⤴:n1]第二');
    const joined = suggest(state, (tr) => tr.delete(3, 5));
    expect(show(joined.doc)).toBe('第一|[+⤴:n1]第二');
    expect(joined.selection.head).toBe(3);
    // Pressed again: the join is proposed already.
    expect(show(suggest(joined, (tr) => tr.delete(3, 5)).doc)).toBe('第一|[+⤴:n1]第二');
    expect(show(suggest(state, (tr) => tr.insert(0, schema.nodes.paragraph!.create())).doc)).toBe('[+¶:n1]第一|第二');
  });

  it('takes a proposed paragraph back with Backspace right after it', () => {
    const split = suggest(stateOf([para('第一')], 2), (tr) => tr.split(2));
    expect(show(backspace(split).doc)).toBe('第一');
  });

  it('types on after Enter as one suggestion', () => {
    const state = typeText(suggest(stateOf([para('本文')], 3), (tr) => tr.split(3)), '追加');
    expect(show(state.doc)).toBe('本文[+¶:n1][+追加:n1]');
    expect(listSuggestions(state.doc)).toMatchObject([{ inserted: '\n追加', structure: [{ op: 'split' }] }]);
  });

  it('proposes Enter in a list item as a paragraph marker in the item', () => {
    const list = { type: 'bulletList', content: [{ type: 'listItem', content: [para('項目')] }] };
    const state = stateOf([list], 4);
    const result = suggest(state, (tr) => tr.split(4, 2));
    expect(show(result.doc)).toBe('項[+¶:n1]目');
  });

  it('pastes paragraphs as text with paragraph markers, and a block dropped between blocks at the end of the one before', () => {
    const source = stateOf([para('甲'), para('乙')]).doc;
    const state = stateOf([para('本文'), para('次')], 2);
    expect(show(suggest(state, (tr) => tr.replaceSelection(source.slice(1, 5))).doc)).toBe('本[+甲:n1][+¶:n1][+乙:n1]文|次');
    const block = new Slice(Fragment.from(schema.nodes.paragraph!.create(null, schema.text('丙'))), 0, 0);
    expect(show(suggest(state, (tr) => tr.replace(4, 4, block)).doc)).toBe('本文[+¶:n1][+丙:n1]|次');
  });

  it('proposes a move (cut here, dropped there) as one suggestion: struck text and proposed text', () => {
    const state = stateOf([para('甲乙丙')], 1);
    const tr = state.tr.delete(1, 2);
    tr.insert(3, schema.text('甲'));
    const result = suggestTransaction(state, tr, me('mv'));
    expect(result).not.toBeNull();
    const after = state.apply(result!);
    expect(show(after.doc)).toBe('[-甲:mv]乙丙[+甲:mv]');
    expect(listSuggestions(after.doc)).toMatchObject([{ id: 'mv', deleted: '甲', inserted: '甲' }]);
  });

  it('proposes a block type with a type marker, replaces the author’s earlier one, and drops it when the type goes back', () => {
    const state = stateOf([para('第一'), para('第二')], 2);
    const heading = suggest(state, (tr) => tr.setBlockType(1, 3, schema.nodes.heading!, { level: 2 }));
    expect(show(heading.doc)).toBe('[+{heading2}:n1]第一|第二');
    expect(heading.doc.firstChild!.type.name).toBe('paragraph');
    const h3 = suggest(heading, (tr) => tr.setBlockType(1, 3, schema.nodes.heading!, { level: 3 }), me('n2'));
    expect(show(h3.doc)).toBe('[+{heading3}:n2]第一|第二');
    const headingDoc = stateOf([{ type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: '見出し' }] }], 2);
    expect(show(suggest(headingDoc, (tr) => tr.setBlockType(1, 4, schema.nodes.paragraph!)).doc)).toBe('[+{paragraph}:n1]見出し');
  });

  it('proposes formatting of others’ text as a format mark and formats the author’s own proposed text', () => {
    const state = stateOf([para('他人', { text: '自分', ins: me('x') })], 1);
    const bolded = suggest(state, (tr) => tr.addMark(1, 5, schema.marks.bold!.create()));
    const [others, own] = [bolded.doc.firstChild!.child(0), bolded.doc.firstChild!.child(1)];
    expect(others.marks.map((m) => [m.type.name, m.attrs.mark, m.attrs.action])).toEqual([[SUGGESTION_FORMAT, 'bold', 'add']]);
    expect(own.marks.map((m) => m.type.name)).toEqual(['bold', SUGGESTION_INSERT]);
    // 太字 pressed again over it (the toolbar shows the adopted formatting, so it adds again) takes the proposal back.
    const back = suggest(bolded, (tr) => tr.addMark(1, 3, schema.marks.bold!.create()), me('n2'));
    expect(back.doc.firstChild!.child(0).marks).toEqual([]);
    // Removing real formatting is proposed as a removal.
    const bold = stateOf([para({ text: '太字', bold: true })], 1);
    const removal = suggest(bold, (tr) => tr.removeMark(1, 3, schema.marks.bold!));
    expect(removal.doc.firstChild!.firstChild!.marks.map((m) => [m.type.name, m.attrs.action])).toEqual([['bold', undefined], [SUGGESTION_FORMAT, 'remove']]);
  });

  it('still refuses what has no suggestion form: lists, tables, links, images', () => {
    const state = stateOf([para('第一'), para('第二')], 2);
    const bullet = schema.nodes.bulletList!;
    expect(suggestTransaction(state, state.tr.wrap(state.doc.resolve(1).blockRange()!, [{ type: bullet }, { type: schema.nodes.listItem! }]), me('n1'))).toBeNull();
    expect(suggestTransaction(state, state.tr.addMark(1, 3, schema.marks.link!.create({ href: 'https://example.jp' })), me('n1'))).toBeNull();
    const table = schema.nodes.table!.createAndFill()!;
    expect(suggestTransaction(state, state.tr.insert(4, table), me('n1'))).toBeNull();
    expect(suggestTransaction(state, state.tr.setBlockType(1, 3, schema.nodes.codeBlock!), me('n1'))).toBeNull();
  });

  it('passes a transaction that changes nothing in the document through', () => {
    const state = stateOf([para('本文')], 1);
    const tr = state.tr.setSelection(TextSelection.create(state.doc, 2));
    expect(suggestTransaction(state, tr, me('n1'))).toBe(tr);
  });

  it('keeps an IME composition one suggestion: each update replaces the composing text', () => {
    // Successive compositions replace what was composed so far (か → かん → 漢), then confirm.
    let state = stateOf([para('本文')], 3);
    state = typeText(state, 'か', me('c1'));
    state = suggest(state, (tr) => tr.insertText('かん', 3, 4), me('c2'));
    state = suggest(state, (tr) => tr.insertText('漢', 3, 5), me('c3'));
    expect(show(state.doc)).toBe('本文[+漢:c1]');
    expect(state.selection.head).toBe(4);
    state = typeText(state, '字', me('c4'));
    expect(show(state.doc)).toBe('本文[+漢字:c1]');
  });

  it('returns the user’s own transaction when the composition already carries the stored mark', () => {
    const state = stateOf([para('本文')], 3);
    const attrs = attrsForChange(state.doc, 3, 3, me('s1'));
    const tr = state.tr.setStoredMarks([schema.marks[SUGGESTION_INSERT]!.create(attrs)]).insertText('か');
    expect(suggestTransaction(state, tr, me('s1'))).toBe(tr);
  });

  it('handles a transaction of several replacements (replace all) as suggestions each', () => {
    const state = stateOf([para('市は市の')], 1);
    const tr = state.tr.insertText('町', 1, 2).insertText('町', 3, 4);
    const result = suggestTransaction(state, tr, me('r1'));
    expect(result).not.toBeNull();
    expect(show(state.apply(result!).doc)).toBe('[-市:r1][+町:r1]は[-市:r1][+町:r1]の');
  });
});

describe('suggestTransaction on a whole-document delete', () => {
  it('strikes everything (Ctrl+A, Delete), keeps every paragraph and proposes joining them', () => {
    const state = stateOf([para('一'), para('二')]);
    const all = state.apply(state.tr.setSelection(new AllSelection(state.doc)));
    const result = suggestTransaction(all, all.tr.deleteSelection(), me('a1'));
    expect(result).not.toBeNull();
    expect(show(all.apply(result!).doc)).toBe('[-一:a1]|[+⤴:a1][-二:a1]');
  });
});
