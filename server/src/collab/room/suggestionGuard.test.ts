import { BODY_FRAGMENT } from '@sakutei/shared';
import { STRUCTURE_MARKERS, type SuggestionAttrs, decideSuggestions, listSuggestions, proseSchema, suggestTransaction } from '@sakutei/shared/editor';
import { EditorState, type Transaction } from '@tiptap/pm/state';
import { proseWithTable } from '@sakutei/shared/fixtures/proseWithTable';
import type { Mark, Node as PMNode } from '@tiptap/pm/model';
import { Transform } from '@tiptap/pm/transform';
import { prosemirrorJSONToYDoc, updateYFragment, yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap';
import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { demoProseDocument } from '../../demo/fukushimaProgramme';
import { suggestionViolation } from './suggestionGuard';

const schema = proseSchema();
const PEER = 'staff-a';
const OTHER = 'member-b';

/** A suggestion's attributes; a short id is the author's own (`author:id`), a full one (with a colon) is used as it is. */
const attrs = (author: string, id = 's', at = 1_700_000_000_000): SuggestionAttrs => ({ id: id.includes(':') ? id : `${author}:${id}`, author, at });
const ins = (author: string, id?: string): Mark => schema.marks.suggestionInsert!.create(attrs(author, id));
const del = (author: string, id?: string): Mark => schema.marks.suggestionDelete!.create(attrs(author, id));
const bold = (): Mark => schema.marks.bold!.create();
const text = (value: string, marks: Mark[] = []) => schema.text(value, marks);
const para = (...parts: Array<PMNode | string>) => schema.node('paragraph', null, parts.map((p) => (typeof p === 'string' ? text(p) : p)));
const emptyPara = () => schema.node('paragraph');

/** The server's document and a browser's replica of it (client ids fixed, so YATA's tie-breaks are known). */
function setup(paragraphs: PMNode[], replicaClient = 100): { server: Y.Doc; replica: Y.Doc } {
  const server = prosemirrorJSONToYDoc(schema, schema.node('doc', null, paragraphs).toJSON(), BODY_FRAGMENT);
  const replica = new Y.Doc();
  replica.clientID = replicaClient;
  Y.applyUpdate(replica, Y.encodeStateAsUpdate(server));
  return { server, replica };
}

function pmOf(doc: Y.Doc): PMNode {
  return yXmlFragmentToProseMirrorRootNode(doc.getXmlFragment(BODY_FRAGMENT), schema);
}

/** Writes a ProseMirror change into the replica the way the browser's binding does, and returns the update it made. */
function edit(replica: Y.Doc, change: (tr: Transform) => unknown): Uint8Array {
  const tr = new Transform(pmOf(replica));
  change(tr);
  return capture(replica, () => updateYFragment(replica, replica.getXmlFragment(BODY_FRAGMENT), tr.doc, { mapping: new Map(), isOMark: new Map() }));
}

function capture(doc: Y.Doc, write: () => void): Uint8Array {
  const updates: Uint8Array[] = [];
  const listen = (update: Uint8Array) => updates.push(update);
  doc.on('update', listen);
  doc.transact(write);
  doc.off('update', listen);
  return updates.length === 0 ? Y.encodeStateAsUpdate(new Y.Doc()) : Y.mergeUpdates(updates);
}

/** The guard lets it through, and the server then reads what the replica reads. */
function expectAccepted(server: Y.Doc, replica: Y.Doc, update: Uint8Array, peer = PEER): void {
  expect(suggestionViolation(server, update, peer)).toBeNull();
  Y.applyUpdate(server, update);
  expect(pmOf(server).toJSON()).toEqual(pmOf(replica).toJSON());
}

function expectRefused(server: Y.Doc, update: Uint8Array, peer = PEER): string {
  const before = Y.encodeStateAsUpdate(server);
  const problem = suggestionViolation(server, update, peer);
  expect(problem).toEqual(expect.any(String));
  // The guard only reads.
  expect(Y.encodeStateAsUpdate(server)).toEqual(before);
  return problem!;
}

/** The paragraph's text, with [+inserted+] and [-deleted-] by author. */
function markup(doc: Y.Doc): string {
  const out: string[] = [];
  pmOf(doc).forEach((block) => {
    let line = '';
    block.forEach((node) => {
      let s = node.text ?? '';
      for (const mark of node.marks) {
        if (mark.type.name === 'suggestionInsert') s = `[+${mark.attrs.author}:${s}+]`;
        else if (mark.type.name === 'suggestionDelete') s = `[-${mark.attrs.author}:${s}-]`;
        else s = `<${mark.type.name}>${s}`;
      }
      line += s;
    });
    out.push(line);
  });
  return out.join('|');
}

describe('honest suggestions are accepted', () => {
  it('typing a suggestion in the middle, then continuing to type', () => {
    const { server, replica } = setup([para('地域の振興を図る')]);
    expectAccepted(server, replica, edit(replica, (tr) => tr.insert(1 + 3, text('産業', [ins(PEER)]))));
    expectAccepted(server, replica, edit(replica, (tr) => tr.insert(1 + 5, text('と観光', [ins(PEER)]))));
    expect(markup(server)).toBe(`地域の[+${PEER}:産業と観光+]振興を図る`);
  });

  it('at the start and at the end of a paragraph', () => {
    const { server, replica } = setup([para('振興を図る'), para('次の段落')]);
    expectAccepted(server, replica, edit(replica, (tr) => tr.insert(1, text('地域の', [ins(PEER, 'a')]))));
    expectAccepted(server, replica, edit(replica, (tr) => tr.insert(1 + 8, text('。', [ins(PEER, 'b')]))));
    expect(markup(server)).toBe(`[+${PEER}:地域の+]振興を図る[+${PEER}:。+]|次の段落`);
  });

  it('into an empty paragraph', () => {
    const { server, replica } = setup([para('前文'), emptyPara(), para('後文')]);
    expectAccepted(server, replica, edit(replica, (tr) => tr.insert(1 + 2 + 2, text('新しい一文', [ins(PEER)]))));
    expect(markup(server)).toBe(`前文|[+${PEER}:新しい一文+]|後文`);
  });

  it('a replacement: the old words marked for deletion, the new ones inserted after them', () => {
    const { server, replica } = setup([para('目標は80店舗とする')]);
    const update = edit(replica, (tr) => {
      tr.addMark(1 + 3, 1 + 5, del(PEER, 'r1'));
      tr.insert(1 + 5, text('70', [ins(PEER, 'r1')]));
    });
    expectAccepted(server, replica, update);
    expect(markup(server)).toBe(`目標は[-${PEER}:80-][+${PEER}:70+]店舗とする`);
  });

  it('deleting one of its own suggested characters, and then the rest of them', () => {
    const { server, replica } = setup([para('地域の振興')]);
    expectAccepted(server, replica, edit(replica, (tr) => tr.insert(1 + 3, text('産業', [ins(PEER)]))));
    expectAccepted(server, replica, edit(replica, (tr) => tr.delete(1 + 4, 1 + 5)));
    expect(markup(server)).toBe(`地域の[+${PEER}:産+]振興`);
    expectAccepted(server, replica, edit(replica, (tr) => tr.delete(1 + 3, 1 + 4)));
    expect(markup(server)).toBe('地域の振興');
  });

  it('taking back everything it typed into an empty paragraph (the text run goes too)', () => {
    const { server, replica } = setup([para('前文'), emptyPara()]);
    expectAccepted(server, replica, edit(replica, (tr) => tr.insert(5, text('追記', [ins(PEER)]))));
    expectAccepted(server, replica, edit(replica, (tr) => tr.delete(5, 7)));
    expect(markup(server)).toBe('前文|');
  });

  it('removing its own deletion mark', () => {
    const { server, replica } = setup([para('地域の振興を図る')]);
    expectAccepted(server, replica, edit(replica, (tr) => tr.addMark(1 + 3, 1 + 5, del(PEER))));
    expect(markup(server)).toBe(`地域の[-${PEER}:振興-]を図る`);
    expectAccepted(server, replica, edit(replica, (tr) => tr.removeMark(1 + 3, 1 + 5, del(PEER))));
    expect(markup(server)).toBe('地域の振興を図る');
  });

  it("overlapping another author's deletion with its own", () => {
    const { server, replica } = setup([para(text('地域の'), text('振興を', [del(OTHER)]), text('図る'))]);
    expectAccepted(server, replica, edit(replica, (tr) => tr.addMark(1 + 4, 1 + 8, del(PEER))));
    const marks = pmOf(server).child(0).child(2).marks.map((m) => m.attrs.author);
    expect(marks.sort()).toEqual([OTHER, PEER].sort());
  });

  it('suggesting inside bold text and next to another author\'s suggestion', () => {
    const { server, replica } = setup([para(text('太字の'), text('強調', [bold()]), text('案', [ins(OTHER)]), text('末尾'))]);
    expectAccepted(server, replica, edit(replica, (tr) => tr.insert(1 + 4, text('な', [bold(), ins(PEER)]))));
    expectAccepted(server, replica, edit(replica, (tr) => tr.insert(1 + 7, text('・', [ins(PEER, 'x')]))));
    expect(markup(server)).toBe(`太字の<bold>強[+${PEER}:<bold>な+]<bold>調[+${OTHER}:案+][+${PEER}:・+]末尾`);
  });

  it('its own offline suggestions across several of its past client ids, in one sync reply', () => {
    const { server, replica } = setup([para('地域の振興を図る')]);
    const stateBefore = Y.encodeStateVector(server);
    edit(replica, (tr) => tr.insert(1 + 3, text('産業', [ins(PEER, 'o1')])));
    replica.clientID = 50; // a reloaded tab gets a new id
    edit(replica, (tr) => tr.insert(1 + 5, text('と観光', [ins(PEER, 'o1')])));
    replica.clientID = 300;
    edit(replica, (tr) => tr.addMark(1 + 11, 1 + 13, del(PEER, 'o2')));
    expectAccepted(server, replica, Y.encodeStateAsUpdate(replica, stateBefore));
    expect(markup(server)).toBe(`地域の[+${PEER}:産業と観光+]振興を[-${PEER}:図る-]`);
  });

  it('typing a character in front of the same character (the binding\'s string diff swaps the two items)', () => {
    const { server, replica } = setup([para('地域のの振興')]);
    expectAccepted(server, replica, edit(replica, (tr) => tr.insert(1 + 3, text('の', [ins(PEER)]))));
    expect(markup(server)).toBe(`地域の[+${PEER}:の+]の振興`);
    // Two suggestions of its own in front of the same characters, then taking one back.
    expectAccepted(server, replica, edit(replica, (tr) => tr.insert(1 + 3, text('の', [ins(PEER, 'second')]))));
    expectAccepted(server, replica, edit(replica, (tr) => tr.delete(1 + 4, 1 + 5)));
    expect(markup(server)).toBe(`地域の[+${PEER}:の+]の振興`);
  });

  it("taking back its own character in front of the same plain one, and typing before another's deleted one", () => {
    const { server, replica } = setup([para(text('地域'), text('の', [ins(PEER)]), text('の振興'), text('を', [del(OTHER)]))]);
    expectAccepted(server, replica, edit(replica, (tr) => tr.delete(1 + 2, 1 + 3)));
    expect(markup(server)).toBe(`地域の振興[-${OTHER}:を-]`);
    expectAccepted(server, replica, edit(replica, (tr) => tr.insert(1 + 5, text('を', [ins(PEER)]))));
    expect(markup(server)).toBe(`地域の振興[+${PEER}:を+][-${OTHER}:を-]`);
  });

  it.each([
    ['the demo plan', demoProseDocument()],
    ['prose with a table', proseWithTable()],
  ])('in every textblock of %s (headings, lists, table cells)', (_name, prose) => {
    const server = prosemirrorJSONToYDoc(schema, prose, BODY_FRAGMENT);
    const replica = new Y.Doc();
    Y.applyUpdate(replica, Y.encodeStateAsUpdate(server));
    const middles = (doc: PMNode) => {
      const out: Array<{ at: number; kind: string }> = [];
      doc.descendants((node, pos) => {
        if (node.isTextblock && node.content.size > 0) out.push({ at: pos + 1 + Math.floor(node.content.size / 2), kind: node.type.name });
      });
      return out;
    };
    const count = middles(pmOf(replica)).length;
    expect(count).toBeGreaterThan(5);
    for (let i = 0; i < count; i++) {
      const { at } = middles(pmOf(replica))[i]!;
      expectAccepted(server, replica, edit(replica, (tr) => tr.insert(at, text('案', [ins(PEER, `block-${i}`)]))));
    }
  });

  it('a sync reply that repeats what the server has, or only deletions it already applied', () => {
    const { server, replica } = setup([para('地域の振興')]);
    const first = edit(replica, (tr) => tr.insert(1 + 3, text('産業', [ins(PEER)])));
    const second = edit(replica, (tr) => tr.delete(1 + 4, 1 + 5));
    Y.applyUpdate(server, first);
    // Everything since the start, of which the server has the first part.
    expectAccepted(server, replica, Y.mergeUpdates([first, second]));
    expect(suggestionViolation(server, Y.encodeStateAsUpdate(replica), PEER)).toBeNull();
  });
});

describe('anything else is refused', () => {
  it('a plain insertion', () => {
    const { server, replica } = setup([para('地域の振興')]);
    expect(expectRefused(server, edit(replica, (tr) => tr.insert(1 + 3, text('産業'))))).toMatch(/outside a suggestion/);
  });

  it('a plain deletion', () => {
    const { server, replica } = setup([para('地域の振興')]);
    expect(expectRefused(server, edit(replica, (tr) => tr.delete(1 + 1, 1 + 2)))).toMatch(/deletes text/);
  });

  it('plain text deleted and written again, reading the same', () => {
    const { server, replica } = setup([para('地域の振興')]);
    const run = (replica.getXmlFragment(BODY_FRAGMENT).get(0) as Y.XmlElement).get(0) as Y.XmlText;
    const update = capture(replica, () => {
      run.delete(1, 2);
      run.insert(1, '域の', {});
    });
    expect(expectRefused(server, update)).toMatch(/rewrites others' text/);
  });

  it('bold added', () => {
    const { server, replica } = setup([para('地域の振興')]);
    expect(expectRefused(server, edit(replica, (tr) => tr.addMark(1, 3, bold())))).toMatch(/changes text or marks/);
  });

  it('its own insertion mark put on existing text (which it could then delete)', () => {
    const { server, replica } = setup([para('地域の振興')]);
    expectRefused(server, edit(replica, (tr) => tr.addMark(1, 3, ins(PEER))));
  });

  it("a suggestion in another author's name", () => {
    const { server, replica } = setup([para('地域の振興')]);
    expectRefused(server, edit(replica, (tr) => tr.insert(1 + 3, text('産業', [ins(OTHER)]))));
    const other = setup([para('地域の振興')]);
    expectRefused(other.server, edit(other.replica, (tr) => tr.addMark(1, 3, del(OTHER))));
  });

  it('a suggestion whose attributes are not an id, an author and a time', () => {
    const { server, replica } = setup([para('地域の振興')]);
    const bad = schema.marks.suggestionInsert!.create({ id: '', author: PEER, at: 1 });
    expectRefused(server, edit(replica, (tr) => tr.insert(1, text('産業', [bad]))));
    const long = schema.marks.suggestionInsert!.create({ id: `${PEER}:${'x'.repeat(64)}`, author: PEER, at: 1_700_000_000_000 });
    const other = setup([para('地域の振興')]);
    expectRefused(other.server, edit(other.replica, (tr) => tr.insert(1, text('産業', [long]))));
  });

  it('an update deleting more separate ranges than any honest suggestion does (its cost would grow with their square)', () => {
    const { server, replica } = setup([para('地域の振興')]);
    // 40,002 own characters, then every other one taken back in one update: 20,001 ranges,
    // written as a V1 update of no structs and a delete set (as Yjs encodes one).
    ((replica.getXmlFragment(BODY_FRAGMENT).get(0) as Y.XmlElement).get(0) as Y.XmlText).insert(0, 'あ'.repeat(20_001 * 2), { suggestionInsert: attrs(PEER) });
    Y.applyUpdate(server, Y.encodeStateAsUpdate(replica));
    const start = Y.getState(server.store, replica.clientID) - 20_001 * 2;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, 0);
    encoding.writeVarUint(encoder, 1);
    encoding.writeVarUint(encoder, replica.clientID);
    encoding.writeVarUint(encoder, 20_001);
    for (let k = 0; k < 20_001; k++) {
      encoding.writeVarUint(encoder, start + 2 * k);
      encoding.writeVarUint(encoder, 1);
    }
    expect(expectRefused(server, encoding.toUint8Array(encoder))).toMatch(/20001 separate ranges/);
  });

  it("its text under another author's suggestion id (added to their suggestion, decided with it)", () => {
    const { server, replica } = setup([para(text('地域の'), text('産業', [ins(OTHER)]), text('振興'))]);
    const borrowed = schema.marks.suggestionInsert!.create(attrs(PEER, `${OTHER}:s`));
    expectRefused(server, edit(replica, (tr) => tr.insert(1, text('商工', [borrowed]))));
    const struck = schema.marks.suggestionDelete!.create(attrs(PEER, `${OTHER}:s`));
    const other = setup([para(text('地域の'), text('産業', [ins(OTHER)]), text('振興'))]);
    expectRefused(other.server, edit(other.replica, (tr) => tr.addMark(1, 3, struck)));
  });

  it('a suggestion dated before 2020 (it would win every earliest-first choice) or beyond a week from now (no date prints it)', () => {
    for (const at of [0, 1, Date.now() + 30 * 24 * 3600 * 1000, 1e300]) {
      const { server, replica } = setup([para('地域の振興')]);
      const odd = schema.marks.suggestionInsert!.create(attrs(PEER, `${PEER}:t`, at));
      expectRefused(server, edit(replica, (tr) => tr.insert(1, text('産業', [odd]))));
    }
  });

  it("deleting another author's suggested insertion", () => {
    const { server, replica } = setup([para(text('地域の'), text('産業', [ins(OTHER)]), text('振興'))]);
    expect(expectRefused(server, edit(replica, (tr) => tr.delete(1 + 3, 1 + 4)))).toMatch(/deletes text/);
  });

  it("removing another author's deletion mark", () => {
    const { server, replica } = setup([para(text('地域の'), text('振興', [del(OTHER)]))]);
    expectRefused(server, edit(replica, (tr) => tr.removeMark(1 + 3, 1 + 5, del(OTHER))));
  });

  it('a new paragraph, even of suggested text', () => {
    const { server, replica } = setup([para('地域の振興')]);
    expectRefused(server, edit(replica, (tr) => tr.split(1 + 2)));
    const other = setup([para('地域の振興')]);
    expectRefused(other.server, edit(other.replica, (tr) => tr.insert(7, para(text('新段落', [ins(PEER)])))));
  });

  it('a paragraph turned into a heading', () => {
    const { server, replica } = setup([para('地域の振興')]);
    expectRefused(server, edit(replica, (tr) => tr.setBlockType(1, 3, schema.nodes.heading!, { level: 2 })));
  });

  it("an element's attribute, a text run's attribute, or a text run where the prose holds no text", () => {
    const { server, replica } = setup([para('地域の振興'), schema.node('bulletList', null, [schema.node('listItem', null, [para('項目')])])]);
    const body = replica.getXmlFragment(BODY_FRAGMENT);
    const paragraph = body.get(0) as Y.XmlElement;
    expect(expectRefused(server, capture(replica, () => paragraph.setAttribute('textAlign', 'center')))).toMatch(/attributes/);
    const fresh = setup([para('地域の振興'), schema.node('bulletList', null, [schema.node('listItem', null, [para('項目')])])]);
    const run = (fresh.replica.getXmlFragment(BODY_FRAGMENT).get(0) as Y.XmlElement).get(0) as Y.XmlText;
    expect(expectRefused(fresh.server, capture(fresh.replica, () => run.setAttribute('x', 1)))).toMatch(/attributes/);
    const third = setup([para('地域の振興'), schema.node('bulletList', null, [schema.node('listItem', null, [para('項目')])])]);
    const list = third.replica.getXmlFragment(BODY_FRAGMENT).get(1) as Y.XmlElement;
    const stray = new Y.XmlText();
    const update = capture(third.replica, () => {
      list.insert(0, [stray]);
      stray.insert(0, '提案', { suggestionInsert: attrs(PEER) });
    });
    expect(expectRefused(third.server, update)).toMatch(/holds none/);
  });

  it('a hard break, even marked as its own suggestion (the binding keeps no marks on it)', () => {
    const { server, replica } = setup([para('地域の振興')]);
    const update = edit(replica, (tr) => tr.insert(1 + 2, schema.nodes.hardBreak!.create(null, null, [ins(PEER)])));
    expectRefused(server, update);
  });

  it('touching the measure table or any other root', () => {
    const { server, replica } = setup([para('地域の振興')]);
    expectRefused(server, capture(replica, () => replica.getMap('measureNodes').set('n1', new Y.Map())));
    expectRefused(server, capture(replica, () => replica.getText('reportEvaluation:2025|plan').insert(0, '評価')));
  });

  it('deleting a whole paragraph, or a text run that holds plain text', () => {
    const { server, replica } = setup([para('地域の振興'), para('第二段落')]);
    expectRefused(server, edit(replica, (tr) => tr.delete(7, 13)));
    const other = setup([para('地域の振興')]);
    const run = (other.replica.getXmlFragment(BODY_FRAGMENT).get(0) as Y.XmlElement).get(0) as Y.XmlText;
    const update = capture(other.replica, () => (other.replica.getXmlFragment(BODY_FRAGMENT).get(0) as Y.XmlElement).delete(0, 1));
    expect(run._item?.deleted).toBe(true);
    expect(expectRefused(other.server, update)).toMatch(/deletes text/);
  });
});

describe('block and formatting suggestions, made by the suggest transform and written by the binding', () => {
  /** The peer's change in 提案, as the editor makes it, written into the replica: the update the browser sends. */
  function suggestEdit(replica: Y.Doc, change: (tr: Transaction) => unknown, id = 'b1'): Uint8Array {
    const state = EditorState.create({ schema, doc: pmOf(replica) });
    const tr = state.tr;
    change(tr);
    const suggested = suggestTransaction(state, tr, attrs(PEER, id, Date.now()));
    expect(suggested).not.toBeNull();
    return capture(replica, () => updateYFragment(replica, replica.getXmlFragment(BODY_FRAGMENT), suggested!.doc, { mapping: new Map(), isOMark: new Map() }));
  }

  it('a new paragraph (Enter) and typing on, a line break, a join, a retyping, and bold on others\' text are accepted', () => {
    const cases: Array<(tr: Transaction) => unknown> = [
      (tr) => tr.split(3).insertText('新しい段落', 4),
      (tr) => tr.replaceWith(3, 3, schema.nodes.hardBreak!.create()),
      (tr) => tr.join(7),
      (tr) => tr.delete(4, 10),
      (tr) => tr.setBlockType(8, 10, schema.nodes.heading!, { level: 2 }),
      (tr) => tr.addMark(2, 5, schema.marks.bold!.create()),
      (tr) => tr.removeMark(8, 12, schema.marks.bold!),
    ];
    for (const change of cases) {
      const { server, replica } = setup([para('地域の振興'), para(text('第二', [bold()]), '段落')]);
      expectAccepted(server, replica, suggestEdit(replica, change));
      // Deciding it on the server's copy (as the decisions route does) makes it real, or takes it away.
      expect(listSuggestions(pmOf(server)).map((x) => x.author)).toEqual([PEER]);
    }
  });

  it('accepting the proposals gives the edit, whoever made them', () => {
    const { server, replica } = setup([para('地域の振興'), para('第二段落')]);
    expectAccepted(server, replica, suggestEdit(replica, (tr) => tr.split(3)));
    const tr = new Transform(pmOf(server));
    decideSuggestions(tr, listSuggestions(tr.doc).map((x) => x.id), 'accept');
    expect(tr.doc.childCount).toBe(3);
    expect(tr.doc.textBetween(0, tr.doc.content.size, '|')).toBe('地域|の振興|第二段落');
  });

  it("a structure mark put on others' text (accepting it would remove that text) is refused", () => {
    const { server, replica } = setup([para('地域の振興')]);
    const structure = schema.marks.suggestionStructure!.create({ ...attrs(PEER), op: 'split', block: '', level: 0 });
    expectRefused(server, edit(replica, (tr) => tr.addMark(1, 3, structure)));
  });

  it('a block change on its own ordinary text, or under another id than its text, is refused (its card would say less than accepting does)', () => {
    const { server, replica } = setup([para('地域の振興')]);
    const structure = (id: string) => schema.marks.suggestionStructure!.create({ ...attrs(PEER, id), op: 'line', block: '', level: 0 });
    expectRefused(server, edit(replica, (tr) => tr.insert(3, text('隠れた文', [ins(PEER, 'x'), structure('x')]))));
    const other = setup([para('地域の振興')]);
    expectRefused(other.server, edit(other.replica, (tr) => tr.insert(3, text(STRUCTURE_MARKERS.line, [ins(PEER, 'x'), structure('y')]))));
    const honest = setup([para('地域の振興')]);
    expectAccepted(honest.server, honest.replica, edit(honest.replica, (tr) => tr.insert(3, text(STRUCTURE_MARKERS.line, [ins(PEER, 'x'), structure('x')]))));
  });

  it("a marker in another author's name, or a format proposal under another's id, is refused", () => {
    const { server, replica } = setup([para('地域の振興')]);
    const theirs = attrs(OTHER);
    const foreignMarker = text(STRUCTURE_MARKERS.split, [ins(OTHER), schema.marks.suggestionStructure!.create({ ...theirs, op: 'split', block: '', level: 0 })]);
    expectRefused(server, edit(replica, (tr) => tr.insert(3, foreignMarker)));
    const other = setup([para('地域の振興')]);
    const format = schema.marks.suggestionFormat!.create({ ...theirs, mark: 'bold', action: 'add' });
    expectRefused(other.server, edit(other.replica, (tr) => tr.addMark(1, 3, format)));
  });

  it('real formatting of others\' text is still refused: only the proposal of it is a suggestion', () => {
    const { server, replica } = setup([para('地域の振興')]);
    expectRefused(server, edit(replica, (tr) => tr.addMark(1, 3, bold())));
  });
});

describe('crafted updates placed by YATA, not by their origin', () => {
  const runOf = (doc: Y.Doc) => (doc.getXmlFragment(BODY_FRAGMENT).get(0) as Y.XmlElement).get(0) as Y.XmlText;

  /**
   * The server holds 「A[X]B」 where X is `author`'s suggestion written by client 100: X
   * (origin A), then the format items around it, F before X and E after it (origin X). Also
   * returned: the document as it was with X but without F and E, which an attacker writes against.
   */
  function suggestionScene(author: string) {
    const { server, replica } = setup([para('AB')], 100);
    Y.applyUpdate(server, capture(replica, () => runOf(replica).insert(1, 'X', {})));
    const withoutFormats = Y.encodeStateAsUpdate(server);
    Y.applyUpdate(server, capture(replica, () => runOf(replica).format(1, 1, { suggestionInsert: attrs(author) })));
    expect(markup(server)).toBe(`A[+${author}:X+]B`);
    return { server, withoutFormats };
  }

  /** A client with id `client` that has `state`. */
  function attacker(state: Uint8Array, client: number): Y.Doc {
    const doc = new Y.Doc();
    doc.clientID = client;
    Y.applyUpdate(doc, state);
    return doc;
  }

  /** What Yjs makes of the update on the server's document (on a copy). */
  function appliedCopy(server: Y.Doc, update: Uint8Array): Y.Doc {
    const probe = new Y.Doc();
    Y.applyUpdate(probe, Y.encodeStateAsUpdate(server));
    Y.applyUpdate(probe, update);
    return probe;
  }

  it('text with origin X and a larger client id than E lands after E, as plain text: refused', () => {
    const { server, withoutFormats } = suggestionScene(PEER);
    // Knowing X but not its format items, the item names X as origin and B as right origin.
    const view = attacker(withoutFormats, 200);
    const update = capture(view, () => runOf(view).insert(2, 'Z', {}));
    expect(markup(appliedCopy(server, update))).toBe(`A[+${PEER}:X+]ZB`);
    expect(expectRefused(server, update)).toMatch(/outside a suggestion/);
  });

  it('the same item with a smaller client id lands inside the suggestion, and is accepted', () => {
    const { server, withoutFormats } = suggestionScene(PEER);
    const view = attacker(withoutFormats, 50);
    const update = capture(view, () => runOf(view).insert(2, 'Z', {}));
    expect(markup(appliedCopy(server, update))).toBe(`A[+${PEER}:XZ+]B`);
    expect(suggestionViolation(server, update, PEER)).toBeNull();
  });

  it("text after another author's format start, by client id, lands inside their suggestion: refused", () => {
    const { server, withoutFormats } = suggestionScene(OTHER);
    // Written after A, right origin X: F (same origin, smaller client id) goes first, so the
    // item lands inside OTHER's suggestion. Plain, it reads as OTHER's text:
    const plain = attacker(withoutFormats, 200);
    const plainUpdate = capture(plain, () => runOf(plain).insert(1, 'Z', {}));
    expect(markup(appliedCopy(server, plainUpdate))).toBe(`A[+${OTHER}:ZX+]B`);
    expect(expectRefused(server, plainUpdate)).toMatch(/outside a suggestion/);
    // Formatted as its own suggestion, its closing format item lands before X and ends
    // OTHER's suggestion early: X turns plain.
    const view = attacker(withoutFormats, 200);
    const update = capture(view, () => runOf(view).insert(1, 'Z', { suggestionInsert: attrs(PEER) }));
    expect(markup(appliedCopy(server, update))).toBe(`A[+${PEER}:Z+]XB`);
    expect(expectRefused(server, update)).toMatch(/changes text or marks/);
  });

  it("a format item that ends a suggestion early changes its characters' formatting: refused", () => {
    const { server } = suggestionScene(PEER);
    const view = attacker(Y.encodeStateAsUpdate(server), 1);
    const update = capture(view, () => runOf(view).format(1, 1, { suggestionInsert: null }));
    expectRefused(server, update);
  });

  it('a new item whose neighbours are in different paragraphs, or in a circle of new items', () => {
    const { server } = setup([para('AB'), para('CD')], 100);
    const view = attacker(Y.encodeStateAsUpdate(server), 200);
    const first = (view.getXmlFragment(BODY_FRAGMENT).get(0) as Y.XmlElement).get(0) as Y.XmlText;
    const second = (view.getXmlFragment(BODY_FRAGMENT).get(1) as Y.XmlElement).get(0) as Y.XmlText;
    const honest = capture(view, () => first.insert(1, 'Z', { suggestionInsert: attrs(PEER) }));
    expect(suggestionViolation(server, honest, PEER)).toBeNull();
    // Re-point the right origin of the new string item into the other paragraph.
    const decoded = Y.decodeUpdate(honest);
    const target = (second._start as Y.Item).id;
    for (const struct of decoded.structs) if (struct instanceof Y.Item && struct.content instanceof Y.ContentString) struct.rightOrigin = target;
    const crafted = encodeStructs(decoded.structs);
    expect(expectRefused(server, crafted)).toMatch(/neighbours/);
  });
});

/** Encodes structs (of one client, in clock order) back into a v1 update, with an empty delete set. */
function encodeStructs(structs: Array<Y.Item | Y.GC | Y.Skip>): Uint8Array {
  const encoder = new Y.UpdateEncoderV1();
  const byClient = new Map<number, Array<Y.Item | Y.GC | Y.Skip>>();
  for (const s of structs) {
    let list = byClient.get(s.id.client);
    if (!list) byClient.set(s.id.client, (list = []));
    list.push(s);
  }
  encoding.writeVarUint(encoder.restEncoder, byClient.size);
  for (const [client, list] of byClient) {
    encoding.writeVarUint(encoder.restEncoder, list.length);
    encoder.writeClient(client);
    encoding.writeVarUint(encoder.restEncoder, list[0]!.id.clock);
    for (const s of list) s.write(encoder, 0);
  }
  encoding.writeVarUint(encoder.restEncoder, 0); // no deletions
  return encoder.toUint8Array();
}
