import { BODY_FRAGMENT } from '@sakutei/shared';
import {
  SUGGESTION_DELETE,
  SUGGESTION_INSERT,
  type SuggestionAttrs,
  decideSuggestions,
  listSuggestions,
  proseSchema,
  suggestTransaction,
} from '@sakutei/shared/editor';
import { EditorState } from '@tiptap/pm/state';
import type { Node as PMNode } from '@tiptap/pm/model';
import { Transform } from '@tiptap/pm/transform';
import { prosemirrorJSONToYDoc, updateYFragment } from '@tiptap/y-tiptap';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { proseJsonOf } from './proseJson';

/**
 * Suggestions are marks in the shared document, made by each browser through y-prosemirror
 * and decided by the server on its own copy (suggestions/decide.ts through updateYFragment).
 * Whatever order the edits and decisions cross in, every replica must end with the same
 * text, readable by the schema, and deciding everything left must leave no suggestion.
 */

const schema = proseSchema();
const START = {
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: '1. 商店街の活性化' }] },
    { type: 'paragraph', content: [{ type: 'text', text: '空き店舗数を80店舗にする。' }] },
    { type: 'paragraph', content: [{ type: 'text', text: '創業支援件数を年間20件とする。' }] },
  ],
};

type Replica = { name: string; doc: Y.Doc; outbox: Uint8Array[] };

function replica(name: string, from: Y.Doc): Replica {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(from));
  const r: Replica = { name, doc, outbox: [] };
  doc.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin !== 'remote') r.outbox.push(update);
  });
  return r;
}

const pmOf = (doc: Y.Doc): PMNode => schema.nodeFromJSON(proseJsonOf(doc.getXmlFragment(BODY_FRAGMENT)).prose);

function write(r: Replica, next: PMNode): void {
  r.doc.transact(() => updateYFragment(r.doc, r.doc.getXmlFragment(BODY_FRAGMENT), next, { mapping: new Map(), isOMark: new Map() }), 'local');
}

/** Text positions inside textblocks: where a browser's caret can be. */
function textPositions(doc: PMNode): Array<{ from: number; to: number }> {
  const ranges: Array<{ from: number; to: number }> = [];
  doc.descendants((node, pos) => {
    if (node.isTextblock) {
      ranges.push({ from: pos + 1, to: pos + 1 + node.content.size });
      return false;
    }
    return true;
  });
  return ranges;
}

type Op =
  | { kind: 'insert'; who: number; block: number; at: number; text: string }
  | { kind: 'delete'; who: number; block: number; at: number; length: number; text: string }
  | { kind: 'block'; who: number; block: number; at: number; change: 'split' | 'join' | 'heading' | 'paragraph' | 'bold' | 'break' }
  | { kind: 'decide'; decision: 'accept' | 'reject'; pick: number }
  | { kind: 'sync'; who: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), who: fc.nat(1), block: fc.nat(5), at: fc.nat(10), text: fc.constantFrom('70', '新規', '・', 'a') }),
  fc.record({ kind: fc.constant('delete' as const), who: fc.nat(1), block: fc.nat(5), at: fc.nat(10), length: fc.integer({ min: 1, max: 4 }), text: fc.constantFrom('', '75', '以上') }),
  fc.record({
    kind: fc.constant('block' as const),
    who: fc.nat(1),
    block: fc.nat(5),
    at: fc.nat(10),
    change: fc.constantFrom('split' as const, 'join' as const, 'heading' as const, 'paragraph' as const, 'bold' as const, 'break' as const),
  }),
  fc.record({ kind: fc.constant('decide' as const), decision: fc.constantFrom('accept' as const, 'reject' as const), pick: fc.nat(7) }),
  fc.record({ kind: fc.constant('sync' as const), who: fc.nat(1) }),
);

let sequence = 0;

/** A browser's suggestion, as suggest mode writes it: struck text, then the proposed text after it. */
function suggest(r: Replica, author: string, o: Extract<Op, { kind: 'insert' | 'delete' }>): void {
  const doc = pmOf(r.doc);
  const blocks = textPositions(doc);
  const block = blocks[o.block % blocks.length]!;
  const size = block.to - block.from;
  const attrs: SuggestionAttrs = { id: `${author}-${++sequence}`, author, at: sequence };
  const tr = new Transform(doc);
  const at = block.from + (o.at % (size + 1));
  if (o.kind === 'insert') {
    tr.insert(at, schema.text(o.text, [schema.marks[SUGGESTION_INSERT]!.create(attrs)]));
  } else {
    const to = Math.min(at + o.length, block.to);
    if (to > at) tr.addMark(at, to, schema.marks[SUGGESTION_DELETE]!.create(attrs));
    if (o.text) tr.insert(to, schema.text(o.text, [schema.marks[SUGGESTION_INSERT]!.create(attrs)]));
  }
  write(r, tr.doc);
}

/** A change of blocks or formatting in 提案, made by the editor's own transform (suggest.ts). */
function suggestBlock(r: Replica, author: string, o: Extract<Op, { kind: 'block' }>): void {
  const doc = pmOf(r.doc);
  const blocks = textPositions(doc);
  const index = o.block % blocks.length;
  const block = blocks[index]!;
  const at = block.from + (o.at % (block.to - block.from + 1));
  const state = EditorState.create({ schema, doc });
  const tr = state.tr;
  if (o.change === 'split') tr.split(at);
  else if (o.change === 'join') {
    if (index === 0) return;
    tr.delete(blocks[index - 1]!.to, block.from);
  } else if (o.change === 'heading') tr.setBlockType(block.from, block.to, schema.nodes.heading!, { level: 3 });
  else if (o.change === 'paragraph') tr.setBlockType(block.from, block.to, schema.nodes.paragraph!);
  else if (o.change === 'break') tr.replaceWith(at, at, schema.nodes.hardBreak!.create());
  else if (block.to > at) tr.addMark(at, block.to, schema.marks.bold!.create());
  if (!tr.docChanged) return;
  const suggested = suggestTransaction(state, tr, { id: `${author}-${++sequence}`, author, at: sequence });
  if (suggested) write(r, suggested.doc);
}

function decide(server: Replica, decision: 'accept' | 'reject', pick: number | 'all'): void {
  const doc = pmOf(server.doc);
  const pending = listSuggestions(doc);
  if (pending.length === 0) return;
  const ids = pick === 'all' ? pending.map((s) => s.id) : [pending[pick % pending.length]!.id];
  const tr = new Transform(doc);
  decideSuggestions(tr, ids, decision);
  write(server, tr.doc);
}

/** Delivers everything a replica has sent to the others. */
function flush(from: Replica, to: Replica[]): void {
  for (const update of from.outbox.splice(0)) for (const r of to) Y.applyUpdate(r.doc, update, 'remote');
}

describe('suggestions converge', () => {
  it('whatever order suggestions, acceptances and rejections cross in', () => {
    fc.assert(
      fc.property(fc.array(op, { minLength: 1, maxLength: 25 }), fc.constantFrom<'accept' | 'reject'>('accept', 'reject'), (ops, finally_) => {
        const origin = prosemirrorJSONToYDoc(schema, START, BODY_FRAGMENT);
        const server = replica('server', origin);
        const browsers = [replica('member', origin), replica('staff', origin)];
        const everyone = [server, ...browsers];
        for (const o of ops) {
          if (o.kind === 'sync') {
            const b = browsers[o.who]!;
            flush(b, everyone.filter((r) => r !== b));
            flush(server, browsers);
          } else if (o.kind === 'decide') decide(server, o.decision, o.pick);
          else if (o.kind === 'block') suggestBlock(browsers[o.who]!, browsers[o.who]!.name, o);
          else suggest(browsers[o.who]!, browsers[o.who]!.name, o);
        }
        for (const r of everyone) flush(r, everyone.filter((x) => x !== r));
        const texts = everyone.map((r) => pmOf(r.doc));
        for (const doc of texts) doc.check();
        expect(texts[1]!.toJSON()).toEqual(texts[0]!.toJSON());
        expect(texts[2]!.toJSON()).toEqual(texts[0]!.toJSON());
        // Deciding what is left leaves the same clean text everywhere.
        decide(server, finally_, 'all');
        flush(server, browsers);
        const clean = everyone.map((r) => pmOf(r.doc));
        for (const doc of clean) expect(listSuggestions(doc)).toEqual([]);
        expect(clean[1]!.textContent).toBe(clean[0]!.textContent);
        expect(clean[2]!.textContent).toBe(clean[0]!.textContent);
      }),
      { numRuns: 150 },
    );
  });
});
