import { BODY_FRAGMENT, markName } from '@sakutei/shared';
import { type SuggestionAttrs, proseSchema, suggestTransaction } from '@sakutei/shared/editor';
import { EditorState, type Transaction } from '@tiptap/pm/state';
import type { Mark, Node as PMNode } from '@tiptap/pm/model';
import { Transform } from '@tiptap/pm/transform';
import { prosemirrorJSONToYDoc, updateYFragment, yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { suggestionViolation } from './suggestionGuard';

/**
 * Properties of the suggestion guard: what the browser writes in 提案 mode is always
 * accepted and the room ends up reading what the browser reads; plain edits are always
 * refused and change nothing; and, for arbitrary Yjs updates written against a stale copy
 * of a document others keep changing (where Yjs' conflict resolution, not the items'
 * origins, decides what formatting new text gets), the guard's verdict is the verdict of an
 * oracle that applies the update to a copy with Yjs itself and compares every character.
 */

const schema = proseSchema();
const PEER = 'staff-a';
const OTHER = 'member-b';
/** A suggestion's attributes under an id of the author's own (ids name their author: the guard checks). */
const attrs = (author: string, id: string): SuggestionAttrs => ({ id: `${author}:${id}`, author, at: 1_700_000_000_000 });
const ins = (author: string, id = 'i'): Mark => schema.marks.suggestionInsert!.create(attrs(author, id));
const del = (author: string, id = 'd'): Mark => schema.marks.suggestionDelete!.create(attrs(author, id));
const bold = (): Mark => schema.marks.bold!.create();
const t = (value: string, marks: Mark[] = []) => schema.text(value, marks);

/** A document with every kind of text a suggestion meets: plain, bold, others' suggestions, the peer's own. */
function startDoc(): PMNode {
  return schema.node('doc', null, [
    schema.node('paragraph', null, [t('地域の'), t('産業', [bold()]), t('振興を', [ins(OTHER)]), t('図る', [del(OTHER)]), t('ため', [ins(PEER)]), t('施策', [del(PEER)]), t('を講じる')]),
    schema.node('paragraph'),
    schema.node('paragraph', null, [t('第二段落の本文')]),
  ]);
}

function pmOf(doc: Y.Doc): PMNode {
  return yXmlFragmentToProseMirrorRootNode(doc.getXmlFragment(BODY_FRAGMENT), schema);
}

function clone(doc: Y.Doc, client?: number): Y.Doc {
  const copy = new Y.Doc();
  if (client !== undefined) copy.clientID = client;
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy;
}

function capture(doc: Y.Doc, write: () => void): Uint8Array {
  const updates: Uint8Array[] = [];
  const listen = (update: Uint8Array) => updates.push(update);
  doc.on('update', listen);
  doc.transact(write);
  doc.off('update', listen);
  return updates.length === 0 ? Y.encodeStateAsUpdate(new Y.Doc()) : Y.mergeUpdates(updates);
}

/** The change written the way the browser's binding writes it; null when it changes nothing. */
function write(replica: Y.Doc, next: PMNode): Uint8Array | null {
  if (next.eq(pmOf(replica))) return null;
  return capture(replica, () => updateYFragment(replica, replica.getXmlFragment(BODY_FRAGMENT), next, { mapping: new Map(), isOMark: new Map() }));
}

/** Text positions of each paragraph that holds text: [start, end). */
function textblocks(doc: PMNode): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  doc.forEach((node, offset) => out.push([offset + 1, offset + 1 + node.content.size]));
  return out;
}

const pick = (n: number, fraction: number) => Math.min(n - 1, Math.floor(fraction * n));

/** The character positions of `doc` whose text carries `test`. */
function positionsWhere(doc: PMNode, test: (marks: readonly Mark[]) => boolean): number[] {
  const out: number[] = [];
  doc.descendants((node, pos) => {
    if (node.isText) for (let i = 0; i < node.text!.length; i++) if (test(node.marks)) out.push(pos + i);
  });
  return out;
}
const isOwnInsert = (marks: readonly Mark[]) => marks.some((m) => m.type.name === 'suggestionInsert' && m.attrs.author === PEER);

// ---------------------------------------------------------------- edits the browser makes in 提案 mode

type Honest =
  | { op: 'type'; block: number; at: number; text: string; group: number }
  | { op: 'markDelete'; block: number; from: number; to: number; group: number }
  | { op: 'takeBack'; at: number; length: number }
  | { op: 'unmarkDelete'; block: number; from: number; to: number; group: number };

const honestOp: fc.Arbitrary<Honest> = fc.oneof(
  fc.record({ op: fc.constant('type' as const), block: fc.nat(2), at: fc.double({ min: 0, max: 1, noNaN: true }), text: fc.constantFrom('新', '追加文言', 'ab', '。'), group: fc.nat(2) }),
  fc.record({ op: fc.constant('markDelete' as const), block: fc.nat(2), from: fc.double({ min: 0, max: 1, noNaN: true }), to: fc.double({ min: 0, max: 1, noNaN: true }), group: fc.nat(2) }),
  fc.record({ op: fc.constant('takeBack' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), length: fc.integer({ min: 1, max: 3 }) }),
  fc.record({ op: fc.constant('unmarkDelete' as const), block: fc.nat(2), from: fc.double({ min: 0, max: 1, noNaN: true }), to: fc.double({ min: 0, max: 1, noNaN: true }), group: fc.nat(2) }),
);

/** The document after an honest suggestion, or null when the edit has nothing to work on. */
function applyHonest(doc: PMNode, edit: Honest): PMNode | null {
  const tr = new Transform(doc);
  const blocks = textblocks(doc);
  if (edit.op === 'takeBack') {
    const own = positionsWhere(doc, isOwnInsert);
    if (own.length === 0) return null;
    const start = own[pick(own.length, edit.at)]!;
    let end = start + 1;
    while (end - start < edit.length && own.includes(end)) end++;
    tr.delete(start, end);
    return tr.doc;
  }
  const [from, to] = blocks[edit.block % blocks.length]!;
  const size = to - from;
  if (edit.op === 'type') {
    tr.insert(from + Math.round(edit.at * size), t(edit.text, [ins(PEER, `g${edit.group}`)]));
    return tr.doc;
  }
  const a = from + Math.round(Math.min(edit.from, edit.to) * size);
  const b = from + Math.round(Math.max(edit.from, edit.to) * size);
  if (a === b) return null;
  if (edit.op === 'markDelete') tr.addMark(a, b, del(PEER, `g${edit.group}`));
  else tr.removeMark(a, b, del(PEER, `g${edit.group}`));
  return tr.doc;
}

// ---------------------------------------------------------------- keystrokes, through the editor's suggest mode

// No hard break: y-prosemirror keeps no marks on one, so a suggested hard break would reach the
// room as a plain one, which the guard refuses (the editor's suggest mode should decline it).
type UserEdit = { kind: 'type' | 'backspace' | 'deleteRange' | 'replace' | 'pasteBold'; a: number; b: number; text: string };
const userEdit: fc.Arbitrary<UserEdit> = fc.record({
  kind: fc.constantFrom('type' as const, 'type' as const, 'backspace' as const, 'deleteRange' as const, 'replace' as const, 'pasteBold' as const),
  a: fc.double({ min: 0, max: 1, noNaN: true }),
  b: fc.double({ min: 0, max: 1, noNaN: true }),
  text: fc.constantFrom('新', 'の', '追加', 'を図る'),
});

/** What the user's own editor would do for a keystroke, before suggest mode rewrites it; null when there is nothing to do. */
function userTransaction(state: EditorState, edit: UserEdit): Transaction | null {
  const inline = positionsWhere(state.doc, () => true);
  const cursors: number[] = [];
  state.doc.descendants((node, pos) => {
    if (node.isTextblock) for (let i = 0; i <= node.content.size; i++) cursors.push(pos + 1 + i);
  });
  const at = cursors[pick(cursors.length, edit.a)]!;
  const other = cursors[pick(cursors.length, edit.b)]!;
  const [from, to] = [Math.min(at, other), Math.max(at, other)];
  const tr = state.tr;
  switch (edit.kind) {
    case 'type':
      return tr.insertText(edit.text, at);
    case 'backspace':
      return inline.includes(at - 1) ? tr.delete(at - 1, at) : null;
    case 'deleteRange':
      return from < to ? tr.delete(from, to) : null;
    case 'replace':
      return from < to ? tr.insertText(edit.text, from, to) : null;
    case 'pasteBold':
      return tr.replaceWith(from, to, schema.text(edit.text, [bold()]));
  }
}

// ---------------------------------------------------------------- edits that are not suggestions

type Plain =
  | { op: 'plainText' | 'othersSuggestion'; block: number; at: number }
  | { op: 'delete' | 'bold' | 'forgeDelete' | 'unmarkOthers' | 'claim'; block: number; from: number; to: number };

const plainOp: fc.Arbitrary<Plain> = fc.oneof(
  fc.record({ op: fc.constantFrom('plainText' as const, 'othersSuggestion' as const), block: fc.nat(2), at: fc.double({ min: 0, max: 1, noNaN: true }) }),
  fc.record({
    op: fc.constantFrom('delete' as const, 'bold' as const, 'forgeDelete' as const, 'unmarkOthers' as const, 'claim' as const),
    block: fc.nat(2),
    from: fc.double({ min: 0, max: 1, noNaN: true }),
    to: fc.double({ min: 0, max: 1, noNaN: true }),
  }),
);

/** The document after a plain edit, or null when the edit would change nothing a suggestion may not. */
function applyPlain(doc: PMNode, edit: Plain): PMNode | null {
  const tr = new Transform(doc);
  const [from, to] = textblocks(doc)[edit.block % 3]!;
  const size = to - from;
  if ('at' in edit) {
    tr.insert(from + Math.round(edit.at * size), t('挿入', edit.op === 'plainText' ? [] : [ins(OTHER, 'forged')]));
    return tr.doc;
  }
  const a = from + Math.round(Math.min(edit.from, edit.to) * size);
  const b = from + Math.round(Math.max(edit.from, edit.to) * size);
  if (a === b) return null;
  const range = positionsWhere(doc, () => true).filter((p) => p >= a && p < b);
  const marksAt = (p: number) => doc.resolve(p + 1).marks();
  switch (edit.op) {
    case 'delete':
      // Taking back only one's own suggested text is allowed; anything more is not.
      if (range.every((p) => isOwnInsert(doc.nodeAt(p)!.marks))) return null;
      tr.delete(a, b);
      break;
    case 'bold':
      // Its own suggested text may take any formatting: it is all a proposal.
      if (range.every((p) => doc.nodeAt(p)!.marks.some((m) => m.type.name === 'bold') || isOwnInsert(doc.nodeAt(p)!.marks))) return null;
      tr.addMark(a, b, bold());
      break;
    case 'forgeDelete':
      tr.addMark(a, b, del(OTHER, 'forged'));
      break;
    case 'claim':
      // Its own insertion mark on text that was there: it could then delete it.
      if (range.every((p) => isOwnInsert(doc.nodeAt(p)!.marks))) return null;
      tr.addMark(a, b, ins(PEER, 'claimed'));
      break;
    case 'unmarkOthers':
      if (!range.some((p) => marksAt(p).some((m) => m.type.name === 'suggestionDelete' && m.attrs.author === OTHER))) return null;
      tr.removeMark(a, b, del(OTHER));
      break;
  }
  return tr.doc;
}

describe('suggestion guard properties', () => {
  it('accepts every honest suggestion (the room then reads what the browser reads) and refuses every plain edit, changing nothing', () => {
    let accepted = 0;
    let refused = 0;
    fc.assert(
      fc.property(fc.array(fc.tuple(honestOp, fc.option(plainOp, { nil: undefined })), { minLength: 1, maxLength: 12 }), fc.integer({ min: 1, max: 5000 }), (steps, client) => {
        const server = prosemirrorJSONToYDoc(schema, startDoc().toJSON(), BODY_FRAGMENT);
        const replica = clone(server, client);
        for (const [honest, plain] of steps) {
          if (plain) {
            // Tried on a copy of the browser's document: refused, the room unchanged.
            const attempt = clone(server, client + 1);
            const next = applyPlain(pmOf(attempt), plain);
            const update = next && write(attempt, next);
            if (update) {
              const before = Y.encodeStateAsUpdate(server);
              expect(suggestionViolation(server, update, PEER), JSON.stringify(plain)).toEqual(expect.any(String));
              expect(Y.encodeStateAsUpdate(server)).toEqual(before);
              refused++;
            }
          }
          const next = applyHonest(pmOf(replica), honest);
          const update = next && write(replica, next);
          if (!update) continue;
          expect(suggestionViolation(server, update, PEER), JSON.stringify(honest)).toBeNull();
          Y.applyUpdate(server, update);
          accepted++;
          expect(pmOf(server).toJSON()).toEqual(pmOf(replica).toJSON());
        }
      }),
      { numRuns: 60 },
    );
    console.log(`suggestion guard property: ${accepted} honest suggestions accepted, ${refused} plain edits refused`);
    expect(accepted).toBeGreaterThan(100);
    expect(refused).toBeGreaterThan(50);
  });

  it("passes whatever the editor's suggest mode (suggestTransaction) makes of random keystrokes, and the room reads what the browser reads", () => {
    let passed = 0;
    let notRepresentable = 0;
    fc.assert(
      fc.property(fc.array(userEdit, { minLength: 1, maxLength: 10 }), (edits) => {
        const server = prosemirrorJSONToYDoc(schema, startDoc().toJSON(), BODY_FRAGMENT);
        const replica = clone(server, 7);
        for (const [n, edit] of edits.entries()) {
          const state = EditorState.create({ schema, doc: pmOf(replica) });
          const user = userTransaction(state, edit);
          if (!user) continue;
          const out = suggestTransaction(state, user, attrs(PEER, `k${n}`));
          if (!out) {
            notRepresentable++;
            continue;
          }
          const update = write(replica, out.doc);
          if (!update) continue;
          expect(suggestionViolation(server, update, PEER), JSON.stringify(edit)).toBeNull();
          Y.applyUpdate(server, update);
          passed++;
          expect(pmOf(server).toJSON()).toEqual(pmOf(replica).toJSON());
        }
      }),
      { numRuns: Number(process.env.SUGGESTION_GUARD_RUNS ?? 60) },
    );
    console.log(`suggest mode × guard: ${passed} suggestions passed, ${notRepresentable} edits the editor declined`);
    expect(passed).toBeGreaterThan(100);
  });

  // A measurement, not a property (run with SUGGESTION_GUARD_CONCURRENCY=1): how often an honest
  // suggestion is refused because an editor changed the same short paragraphs meanwhile. Each
  // refusal is printed with the oracle's reason; they agree (the oracle test above), and the one
  // seen in 1,000 was the editor deleting everything while the suggester's binding rewrote text
  // in it, which applied would have brought the deleted text back as the suggester's plain text.
  it.skipIf(!process.env.SUGGESTION_GUARD_CONCURRENCY)('measures: honest suggestions written while an editor types at the same time', () => {
    let accepted = 0;
    let refused = 0;
    fc.assert(
      fc.property(fc.array(userEdit, { minLength: 1, maxLength: 4 }), fc.array(userEdit, { minLength: 1, maxLength: 4 }), fc.constantFrom(7, 3_000_000_000), (mine, theirs, editorClient) => {
        const server = prosemirrorJSONToYDoc(schema, startDoc().toJSON(), BODY_FRAGMENT);
        const replica = clone(server, 1_000_000);
        const editor = clone(server, editorClient);
        const before = Y.encodeStateVector(replica);
        for (const [n, edit] of mine.entries()) {
          const state = EditorState.create({ schema, doc: pmOf(replica) });
          const user = userTransaction(state, edit);
          const out = user && suggestTransaction(state, user, attrs(PEER, `c${n}`));
          if (out) write(replica, out.doc);
        }
        for (const edit of theirs) {
          const state = EditorState.create({ schema, doc: pmOf(editor) });
          const user = userTransaction(state, edit);
          if (user) write(editor, user.doc);
        }
        Y.applyUpdate(server, Y.encodeStateAsUpdate(editor));
        const update = Y.encodeStateAsUpdate(replica, before);
        const problem = suggestionViolation(server, update, PEER);
        if (problem === null) accepted++;
        else {
          refused++;
          console.log(`refused: ${problem}; oracle: ${oracleViolation(server, update, PEER)}; ${JSON.stringify({ mine, theirs })}`);
        }
      }),
      { numRuns: 1000 },
    );
    console.log(`concurrent: ${accepted} accepted, ${refused} refused`);
  });

  it('agrees with Yjs itself on updates written against a stale copy of a document others keep changing', () => {
    const verdicts = { accepted: 0, refused: 0 };
    fc.assert(
      fc.property(
        fc.array(rawOp, { maxLength: 4 }),
        fc.array(rawOp, { minLength: 1, maxLength: 5 }),
        fc.constantFrom(1, 99, 150, 100_000),
        fc.constantFrom(2, 98, 151, 99_999),
        (concurrent, attack, attackerClient, otherClient) => {
          const server = prosemirrorJSONToYDoc(schema, startDoc().toJSON(), BODY_FRAGMENT);
          // The attacker's stale copy; meanwhile someone else changes the room.
          const attacker = clone(server, attackerClient);
          const other = clone(server, otherClient);
          for (const op of concurrent) Y.applyUpdate(server, capture(other, () => runRaw(other, op, OTHER)));
          const stale = Y.encodeStateVector(attacker);
          for (const op of attack) attacker.transact(() => runRaw(attacker, op, PEER));
          const update = Y.encodeStateAsUpdate(attacker, stale);
          const guard = suggestionViolation(server, update, PEER);
          const oracle = oracleViolation(server, update, PEER);
          expect(guard === null, `guard: ${guard}, oracle: ${oracle}`).toBe(oracle === null);
          verdicts[guard === null ? 'accepted' : 'refused']++;
        },
      ),
      { numRuns: Number(process.env.SUGGESTION_GUARD_RUNS ?? 400) },
    );
    console.log(`suggestion guard vs Yjs oracle: ${verdicts.accepted} accepted, ${verdicts.refused} refused, all agreeing`);
    expect(verdicts.accepted).toBeGreaterThan(20);
    expect(verdicts.refused).toBeGreaterThan(20);
  });
});

// ---------------------------------------------------------------- raw Yjs edits and the oracle

type Raw = { kind: 'insert' | 'delete' | 'format'; block: number; at: number; length: number; choice: number };
const rawOp: fc.Arbitrary<Raw> = fc.record({
  kind: fc.constantFrom('insert' as const, 'insert' as const, 'delete' as const, 'format' as const),
  block: fc.nat(2),
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  length: fc.integer({ min: 1, max: 3 }),
  choice: fc.nat(7),
});

/** A text edit straight on the Y.XmlText (as a crafted client would), formatted as `author` chooses. */
function runRaw(doc: Y.Doc, op: Raw, author: string): void {
  const paragraph = doc.getXmlFragment(BODY_FRAGMENT).get(op.block) as Y.XmlElement;
  let run = paragraph.get(0) as Y.XmlText | undefined;
  if (!run) {
    if (op.kind !== 'insert') return;
    run = new Y.XmlText();
    paragraph.insert(0, [run]);
  }
  const own = attrs(author, `raw-${author}`);
  const at = Math.round(op.at * run.length);
  if (op.kind === 'insert') {
    const options: Array<Record<string, unknown> | undefined> = [undefined, {}, { suggestionInsert: own }, { suggestionInsert: own, bold: true }, { suggestionInsert: attrs('x', 'y') }, { bold: true }, { suggestionInsert: own }, { suggestionInsert: own }];
    run.insert(at, 'xyz'.slice(0, op.length), options[op.choice]);
  } else if (op.kind === 'delete') {
    const length = Math.min(op.length, run.length - at);
    if (length > 0) run.delete(at, length);
  } else {
    const options: Array<Record<string, unknown>> = [
      { suggestionInsert: null },
      { suggestionInsert: own },
      { 'suggestionDelete--aaaaaaaa': own },
      { 'suggestionDelete--aaaaaaaa': null },
      { bold: true },
      { bold: null },
      { 'suggestionDelete--bbbbbbbb': attrs('x', 'z') },
      { 'suggestionDelete--aaaaaaaa': own },
    ];
    const length = Math.min(op.length, run.length - at);
    if (length > 0) run.format(at, length, options[op.choice]!);
  }
}

type Char = { id: string; char: string; attrs: Map<string, unknown> };

/** Each text run of the prose (by its item's id) as its live characters with their formatting, in Yjs' own order; and the element structure. */
function readProse(doc: Y.Doc): { texts: Map<string, Char[]>; structure: string } {
  const texts = new Map<string, Char[]>();
  const structure: string[] = [];
  const walk = (type: Y.XmlElement | Y.XmlFragment) => {
    for (let item = type._start; item; item = item.right) {
      if (item.deleted || !(item.content instanceof Y.ContentType)) continue;
      const child = item.content.type;
      if (child instanceof Y.XmlElement) {
        structure.push(`<${child.nodeName} ${JSON.stringify(child.getAttributes())}>`);
        walk(child);
        structure.push('</>');
      } else if (child instanceof Y.XmlText) {
        const chars: Char[] = [];
        const current = new Map<string, unknown>();
        for (let n = child._start; n; n = n.right) {
          if (n.deleted) continue;
          if (n.content instanceof Y.ContentFormat) {
            if (n.content.value === null) current.delete(n.content.key);
            else current.set(n.content.key, n.content.value);
          } else if (n.content instanceof Y.ContentString) {
            for (let i = 0; i < n.length; i++) chars.push({ id: `${n.id.client}:${n.id.clock + i}`, char: n.content.str[i]!, attrs: new Map(current) });
          }
        }
        texts.set(`${item.id.client}:${item.id.clock}`, chars);
      }
    }
  };
  walk(doc.getXmlFragment(BODY_FRAGMENT));
  return { texts, structure: structure.join('') };
}

const isOwn = (value: unknown, peer: string) => {
  const v = value as Partial<SuggestionAttrs> | null;
  return typeof v === 'object' && v !== null && v.author === peer && typeof v.id === 'string' && v.id.length > 0 && v.id.length <= 64 && typeof v.at === 'number';
};

const ownInsert = (c: Char, peer: string) => [...c.attrs].some(([k, v]) => markName(k) === 'suggestionInsert' && isOwn(v, peer));

/** A character as it reads, the peer's own deletion marks left out. */
function reads(c: Char, peer: string): string {
  const attrs = [...c.attrs].filter(([k, v]) => !(markName(k) === 'suggestionDelete' && isOwn(v, peer))).map(([k, v]) => [k, v] as const);
  attrs.sort(([a], [b]) => (a < b ? -1 : 1));
  return `${c.char}${JSON.stringify(attrs)}`;
}

/** The rules (suggestionGuard.ts, checkText), checked on a copy the update was applied to by Yjs itself. */
function oracleViolation(server: Y.Doc, update: Uint8Array, peer: string): string | null {
  const before = readProse(server);
  const copy = clone(server);
  Y.applyUpdate(copy, update);
  const after = readProse(copy);
  if (before.structure !== after.structure) return 'structure changed';
  for (const id of new Set([...before.texts.keys(), ...after.texts.keys()])) {
    const was = before.texts.get(id) ?? [];
    const now = after.texts.get(id) ?? [];
    const wasIds = new Set(was.map((c) => c.id));
    let ownChanged = 0;
    let churn = 0;
    const nowById = new Map(now.map((c) => [c.id, c]));
    for (const c of was) {
      const later = nowById.get(c.id);
      if (ownInsert(c, peer) !== (later !== undefined && ownInsert(later, peer))) ownChanged++;
      if (!ownInsert(c, peer) && !later) churn++;
    }
    for (const c of now) {
      if (!wasIds.has(c.id) && ownInsert(c, peer)) ownChanged++;
      if (!ownInsert(c, peer)) {
        if (!wasIds.has(c.id)) churn++;
        continue;
      }
      for (const [k, v] of c.attrs) if (['suggestionInsert', 'suggestionDelete'].includes(markName(k)) && !isOwn(v, peer)) return `own text with others' ${k}`;
    }
    const plainWas = was.filter((c) => !ownInsert(c, peer)).map((c) => reads(c, peer));
    const plainNow = now.filter((c) => !ownInsert(c, peer)).map((c) => reads(c, peer));
    if (JSON.stringify(plainWas) !== JSON.stringify(plainNow)) return `text ${id} reads differently outside own suggestions`;
    if (churn > 0 && ownChanged === 0) return 'churn';
  }
  return null;
}
