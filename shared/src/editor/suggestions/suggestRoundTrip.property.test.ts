import fc from 'fast-check';
import type { Node as PMNode } from '@tiptap/pm/model';
import { EditorState, type Transaction } from '@tiptap/pm/state';
import { Transform } from '@tiptap/pm/transform';
import { describe, expect, it } from 'vitest';
import { proseSchema } from '../extensions';
import { decideSuggestions } from './decide';
import { listSuggestions } from './model';
import { suggestTransaction } from './suggest';

/**
 * For any one change a user makes in 提案 (typing, deleting within or across paragraphs, a new
 * paragraph, a join, a retyping, bold on or off), accepting everything it proposed gives the
 * document the same change made in 編集 gives, and rejecting it gives back the document as it was.
 */
const schema = proseSchema();
const author = 'u-prop';

const word = fc.stringMatching(/^[一二三四五六七八九十市町村計画施策あいうえおカキクケコ0-9A-Za-z]{1,8}$/);
const block = fc.record({ heading: fc.boolean(), level: fc.integer({ min: 1, max: 4 }), text: word, bold: fc.boolean() });
const docArb = fc.array(block, { minLength: 1, maxLength: 4 }).map((blocks) =>
  schema.nodeFromJSON({
    type: 'doc',
    content: blocks.map((b) => ({
      type: b.heading ? 'heading' : 'paragraph',
      ...(b.heading ? { attrs: { level: b.level } } : {}),
      content: [{ type: 'text', text: b.text, ...(b.bold ? { marks: [{ type: 'bold' }] } : {}) }],
    })),
  }),
);

/** Positions inside text: [start, end] of each textblock's content. */
function textRanges(doc: PMNode): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  doc.forEach((node, offset) => ranges.push([offset + 1, offset + 1 + node.content.size]));
  return ranges;
}

type Op =
  | { kind: 'type'; block: number; at: number; text: string }
  | { kind: 'delete'; block: number; a: number; b: number }
  | { kind: 'across'; block: number; a: number; b: number }
  | { kind: 'split'; block: number; at: number }
  | { kind: 'join'; block: number }
  | { kind: 'retype'; block: number; heading: boolean; level: number }
  | { kind: 'bold'; block: number; a: number; b: number; on: boolean };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('type' as const), block: fc.nat(), at: fc.nat(), text: word }),
  fc.record({ kind: fc.constant('delete' as const), block: fc.nat(), a: fc.nat(), b: fc.nat() }),
  fc.record({ kind: fc.constant('across' as const), block: fc.nat(), a: fc.nat(), b: fc.nat() }),
  fc.record({ kind: fc.constant('split' as const), block: fc.nat(), at: fc.nat() }),
  fc.record({ kind: fc.constant('join' as const), block: fc.nat() }),
  fc.record({ kind: fc.constant('retype' as const), block: fc.nat(), heading: fc.boolean(), level: fc.integer({ min: 1, max: 4 }) }),
  fc.record({ kind: fc.constant('bold' as const), block: fc.nat(), a: fc.nat(), b: fc.nat(), on: fc.boolean() }),
);

const ordered = (x: number, y: number): [number, number] => (x <= y ? [x, y] : [y, x]);

/** The plain edit, or null when the op does not apply to this document. */
function plainEdit(state: EditorState, op: Op): Transaction | null {
  const ranges = textRanges(state.doc);
  const i = op.block % ranges.length;
  const [start, end] = ranges[i]!;
  const size = end - start;
  const tr = state.tr;
  const within = (n: number) => start + (n % (size + 1));
  switch (op.kind) {
    case 'type':
      return tr.insertText(op.text, within(op.at));
    case 'delete': {
      const [a, b] = ordered(within(op.a), within(op.b));
      return a < b ? tr.delete(a, b) : null;
    }
    case 'across': {
      if (i + 1 >= ranges.length) return null;
      const [nextStart, nextEnd] = ranges[i + 1]!;
      return tr.delete(within(op.a), nextStart + (op.b % (nextEnd - nextStart + 1)));
    }
    case 'split': {
      // As Enter (splitBlock) does: a heading split at its end starts a paragraph, in its middle a heading.
      const node = state.doc.child(i);
      const at = within(op.at);
      if (node.type.name === 'heading' && at === end) return tr.split(at, 1, [{ type: schema.nodes.paragraph! }]);
      return tr.split(at);
    }
    case 'join':
      return i > 0 ? tr.join(start - 1) : null;
    case 'retype': {
      const type = op.heading ? schema.nodes.heading! : schema.nodes.paragraph!;
      const next = tr.setBlockType(start, end, type, op.heading ? { level: op.level } : null);
      return next.docChanged ? next : null;
    }
    case 'bold': {
      const [a, b] = ordered(within(op.a), within(op.b));
      if (a === b) return null;
      const next = op.on ? tr.addMark(a, b, schema.marks.bold!.create()) : tr.removeMark(a, b, schema.marks.bold!);
      return next.docChanged ? next : null;
    }
  }
}

describe('suggest, then decide', () => {
  it('accepting all gives the plain edit; rejecting all gives the document back', () => {
    fc.assert(
      fc.property(docArb, opArb, (doc, op) => {
        const state = EditorState.create({ schema, doc });
        const plain = plainEdit(state, op);
        if (!plain) return;
        const suggested = suggestTransaction(state, plain, { id: `${author}:p1`, author, at: Date.UTC(2026, 0, 1) });
        expect(suggested, `refused ${JSON.stringify(op)}`).not.toBeNull();
        const proposed = suggested!.doc;
        const ids = listSuggestions(proposed).map((s) => s.id);
        const accept = new Transform(proposed);
        decideSuggestions(accept, ids, 'accept');
        expect(accept.doc.toJSON(), `accept ${JSON.stringify(op)}`).toEqual(plain.doc.toJSON());
        const reject = new Transform(proposed);
        decideSuggestions(reject, ids, 'reject');
        expect(reject.doc.toJSON(), `reject ${JSON.stringify(op)}`).toEqual(doc.toJSON());
      }),
      { numRuns: 400 },
    );
  });
});
