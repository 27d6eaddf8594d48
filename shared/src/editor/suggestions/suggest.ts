import { Fragment, type Mark, type MarkType, type Node as PMNode, type Schema, Slice } from '@tiptap/pm/model';
import { type EditorState, Selection, TextSelection, type Transaction } from '@tiptap/pm/state';
import { AddMarkStep, Mapping, RemoveMarkStep, ReplaceStep, type Transform } from '@tiptap/pm/transform';
import {
  STRUCTURE_MARKERS,
  SUGGESTIBLE_BLOCKS,
  SUGGESTION_DELETE,
  SUGGESTION_FORMAT,
  SUGGESTION_INSERT,
  SUGGESTION_STRUCTURE,
  type StructureOp,
  type SuggestionAttrs,
  isSuggestibleFormat,
} from './marks';
import { isSuggestionMark, suggestionAttrsOf } from './model';

/** The schema's suggestion mark types. */
type Types = { insert: MarkType; delete: MarkType; format: MarkType; structure: MarkType };

function typesOf(schema: Schema): Types | null {
  const [insert, del, format, structure] = [SUGGESTION_INSERT, SUGGESTION_DELETE, SUGGESTION_FORMAT, SUGGESTION_STRUCTURE].map((name) => schema.marks[name]);
  return insert && del && format && structure ? { insert, delete: del, format, structure } : null;
}

/**
 * Suggest mode (提案): a user's transaction, made as if they were editing, turned into the same
 * change proposed. Inserted inline content is marked as their suggested insertion; deleted text
 * stays, marked as their suggested deletion, except their own suggested insertions, which
 * simply go (withdrawing one's own proposal is no proposal). A replacement puts the new text
 * right after the struck old text, so 「旧新」 reads ~~旧~~__新__.
 *
 * One contiguous change is one suggestion: a change touching or next to one of the same
 * author's suggestions takes its attributes (id and time), so typing on, a run of Backspaces
 * or an IME composition stay one card.
 *
 * Blocks change by markers (names.ts): a new paragraph (Enter, pasted paragraphs, a dropped
 * block) or a line break (Shift+Enter) is proposed text holding a break marker; joining blocks
 * (Backspace at a block's start, deleting across blocks) puts a join marker at the start of
 * the block that would join the one before; retyping a block (見出し, 本文) puts a type
 * marker there. Formatting others' text (太字…) is proposed with a format mark; one's own
 * proposed text is formatted as it is.
 *
 * What stays unrepresentable returns null and the editor refuses it: lists made or undone,
 * tables, links, images, other block types.
 */
export function suggestTransaction(state: EditorState, tr: Transaction, attrs: SuggestionAttrs): Transaction | null {
  if (!tr.docChanged) return tr;
  const types = typesOf(state.schema);
  if (!types) return null;
  // Wrapping and retyping steps: only a retyping of blocks, text unchanged, is a suggestion.
  if (tr.steps.some((step) => !(step instanceof ReplaceStep || step instanceof AddMarkStep || step instanceof RemoveMarkStep))) {
    return retypeSuggestion(state, tr, attrs, types);
  }

  const out = state.tr;
  let lastChange: { from: number; to: number; insertedSize: number; deleted: boolean } | null = null;

  for (let i = 0; i < tr.steps.length; i++) {
    const step = tr.steps[i]!;
    // Positions of this step are in the user's document after the steps before it; ours keeps
    // deleted text, so map back to the start and forward through what we did.
    const back = new Mapping(tr.mapping.maps.slice(0, i)).invert();
    const mapped = (pos: number, assoc: 1 | -1) => out.mapping.map(back.map(pos, assoc), assoc);

    if (step instanceof AddMarkStep || step instanceof RemoveMarkStep) {
      const { from: markFrom, to: markTo, mark } = step as unknown as { from: number; to: number; mark: Mark };
      const from = mapped(markFrom, 1);
      if (!suggestFormat(out, from, Math.max(from, mapped(markTo, -1)), mark, step instanceof AddMarkStep, attrs, types)) return null;
      continue;
    }
    const { from: stepFrom, to: stepTo, slice } = step as unknown as { from: number; to: number; slice: Slice };
    const flat = inlineContentOf(slice, stepFrom < stepTo, types);
    if (flat === null) return null;
    const from = mapped(stepFrom, 1);
    const to = Math.max(from, mapped(stepTo, -1));

    // Deleting across blocks with no text in between is a join (Backspace at a paragraph's
    // start, Delete at its end): proposed by a join marker at the start of the later block.
    if (from < to && !rangeHasInline(out.doc, from, to)) {
      if (flat.content.size > 0) return null;
      const joined = blockStartAfter(out.doc, to);
      if (joined === null) return null;
      if (!startsWithOwnMarker(out.doc, joined, 'join', attrs.author)) {
        out.insert(joined, marker(types, 'join', attrsForChange(out.doc, joined, joined, attrs)));
      }
      lastChange = { from, to: from, insertedSize: 0, deleted: false };
      continue;
    }

    const chosen = attrsForChange(out.doc, from, to, attrs);
    const deleteMark = types.delete.create(chosen);
    // Blocks whose start the deletion crosses would join the one before: each gets a join marker.
    const joins = from < to ? crossedBlockStarts(out.doc, from, to).filter((pos) => !startsWithOwnMarker(out.doc, pos, 'join', attrs.author)) : [];
    const beforeAll = out.mapping.maps.length;

    // Delete: mark others' text, remove one's own suggested insertions, leave one's own strike.
    const ownInserted: Array<[number, number]> = [];
    out.doc.nodesBetween(from, to, (node, pos) => {
      if (!node.isInline) return true;
      const start = Math.max(pos, from);
      const end = Math.min(pos + node.nodeSize, to);
      if (start >= end) return false;
      if (authoredMark(node.marks, types.insert, attrs.author)) ownInserted.push([start, end]);
      else if (!authoredMark(node.marks, types.delete, attrs.author)) out.addMark(start, end, deleteMark);
      return false;
    });
    const beforeDeletes = out.mapping.maps.length;
    for (let k = ownInserted.length - 1; k >= 0; k--) out.delete(ownInserted[k]![0], ownInserted[k]![1]);
    const afterDeletes = out.mapping.slice(beforeDeletes);
    const start = afterDeletes.map(from, -1);
    // Insert right after the (struck) range.
    const insertAt = afterDeletes.map(to, 1);

    let insertedSize = 0;
    let at = insertAt;
    // A whole block inserted adds a paragraph even when it is empty (a new empty paragraph).
    if (flat.content.size > 0 || flat.closedStart) {
      const place = insertionPlace(out.doc, insertAt, flat, types, chosen);
      if (place === null) return null;
      at = place.at;
      const content = stamp(place.content, chosen, types);
      const before = out.doc.content.size;
      try {
        out.replace(at, at, new Slice(content, 0, 0));
      } catch {
        return null;
      }
      insertedSize = out.doc.content.size - before;
      // The parent refused some of it: not a plain insertion.
      if (insertedSize !== content.size) return null;
    }
    if (joins.length > 0) {
      const since = out.mapping.slice(beforeAll);
      const places = joins.map((pos) => since.map(pos, -1)).sort((a, b) => b - a);
      for (const pos of places) out.insert(pos, marker(types, 'join', chosen));
      at = out.mapping.slice(out.mapping.maps.length - places.length).map(at, 1);
    }
    lastChange = { from: start, to: at, insertedSize, deleted: from < to };
  }

  placeSelection(state, tr, out, lastChange);
  copyMeta(tr, out);
  if (tr.storedMarksSet) out.setStoredMarks(tr.storedMarks);
  // Nothing to change: the user's transaction is already a suggestion (an IME composition with
  // the stored mark). Keeping it as is leaves ProseMirror's composition untouched.
  if (out.doc.eq(tr.doc) && tr.steps.every((s) => s instanceof ReplaceStep)) return tr;
  return out;
}

/**
 * The attributes a change at [from, to) takes: those of the author's own suggestion inside it
 * or right next to it (so it extends that one), or the fresh ones. The editor also uses this
 * for the stored mark while composing, so the composition is already marked as it will end up.
 */
export function attrsForChange(doc: PMNode, from: number, to: number, fresh: SuggestionAttrs): SuggestionAttrs {
  let found: SuggestionAttrs | null = null;
  if (from < to) {
    doc.nodesBetween(from, to, (node) => {
      if (found) return false;
      if (node.isInline) found = ownAttrs(node.marks, fresh.author);
      return !node.isInline;
    });
  }
  if (found) return found;
  const before = doc.resolve(from).nodeBefore;
  const beforeAttrs = before?.isInline ? ownAttrs(before.marks, fresh.author) : null;
  if (beforeAttrs) return beforeAttrs;
  const after = doc.resolve(to).nodeAfter;
  const afterAttrs = after?.isInline ? ownAttrs(after.marks, fresh.author) : null;
  return afterAttrs ?? fresh;
}

function ownAttrs(marks: readonly Mark[], author: string): SuggestionAttrs | null {
  const mark = marks.find((m) => isSuggestionMark(m) && m.attrs.author === author);
  return mark ? suggestionAttrsOf(mark) : null;
}

function authoredMark(marks: readonly Mark[], type: MarkType, author: string): boolean {
  return marks.some((m) => m.type === type && m.attrs.author === author);
}

function rangeHasInline(doc: PMNode, from: number, to: number): boolean {
  let found = false;
  doc.nodesBetween(from, to, (node) => {
    if (found) return false;
    if (node.isInline) found = true;
    return !found;
  });
  return found;
}

/**
 * What a step inserts, as inline content: text as it is, a hard break as a line marker, and
 * blocks (a split, pasted paragraphs, list items, a dropped block) as their text with a
 * paragraph marker between each two. `closedStart` / `closedEnd`: the content begins or ends
 * with a whole block, so it stands apart from the text it lands next to. Null for what has no
 * inline form (a table, an image, a rule). A slice of empty textblocks only (what deleting
 * everything leaves so the document stays valid) inserts nothing.
 */
type Flat = { content: Fragment; closedStart: boolean; closedEnd: boolean };

function inlineContentOf(slice: Slice, deletes: boolean, types: Types): Flat | null {
  let content = slice.content;
  let openStart = slice.openStart;
  let openEnd = slice.openEnd;
  while (openStart > 0 && openEnd > 0 && content.childCount === 1 && !content.firstChild!.isInline) {
    content = content.firstChild!.content;
    openStart--;
    openEnd--;
  }
  let allInline = true;
  content.forEach((node) => {
    if (!node.isInline) allInline = false;
  });
  if (allInline && openStart === 0 && openEnd === 0) {
    const inline = inlineOf(content, types);
    return inline && { content: inline, closedStart: false, closedEnd: false };
  }
  let onlyEmptyTextblocks = true;
  content.forEach((node) => {
    if (!node.isTextblock || node.content.size > 0) onlyEmptyTextblocks = false;
  });
  if (deletes && onlyEmptyTextblocks && content.childCount === 1) return { content: Fragment.empty, closedStart: false, closedEnd: false };

  const parts: Array<{ inline: Fragment; block: PMNode }> = [];
  let representable = true;
  content.forEach((top) => {
    const visit = (node: PMNode) => {
      if (!representable) return;
      if (node.isTextblock) {
        const inline = inlineOf(node.content, types);
        if (inline === null) representable = false;
        else parts.push({ inline, block: node });
      } else if (node.isLeaf || node.type.spec.tableRole !== undefined) representable = false;
      else node.forEach(visit);
    };
    visit(top);
  });
  if (!representable || parts.length === 0) return null;
  const nodes: PMNode[] = [];
  parts.forEach((part, index) => {
    // The break names the block it starts (Enter at a heading's end starts a paragraph, in its middle a heading).
    if (index > 0) nodes.push(marker(types, 'split', undefined, part.block));
    part.inline.forEach((node) => nodes.push(node));
  });
  return { content: Fragment.from(nodes), closedStart: openStart === 0, closedEnd: openEnd === 0 };
}

/** Inline content with each hard break as a line marker; null if it holds another inline node (an image). */
function inlineOf(content: Fragment, types: Types): Fragment | null {
  const nodes: PMNode[] = [];
  let representable = true;
  content.forEach((node) => {
    // y-prosemirror keeps no marks on an inline node, so a break is proposed as a marker.
    if (node.isText) nodes.push(node);
    else if (node.type.name === 'hardBreak') nodes.push(marker(types, 'line'));
    else representable = false;
  });
  return representable ? Fragment.from(nodes) : null;
}

/**
 * A marker character of a block change. Made inside a flattened slice before the suggestion's
 * attributes are known, it carries a structure mark with the op only; stamp() gives it the rest.
 */
function marker(types: Types, op: StructureOp, attrs?: SuggestionAttrs, starts?: PMNode): PMNode {
  const structure = types.structure.create({ ...(attrs ?? {}), op, ...blockShape(starts) });
  const marks = attrs ? [types.insert.create(attrs), structure] : [structure];
  return types.insert.schema.text(STRUCTURE_MARKERS[op], marks);
}

/** The block type a split marker names for the block it starts: a paragraph or a heading with its level; none otherwise. */
function blockShape(block: PMNode | undefined): { block: string; level: number } {
  const name = block?.type.name ?? '';
  if (!(SUGGESTIBLE_BLOCKS as readonly string[]).includes(name)) return { block: '', level: 0 };
  return { block: name, level: name === 'heading' ? Number(block!.attrs.level) || 1 : 0 };
}

/**
 * Where flattened content goes and what it becomes there. Inside a paragraph: at the point,
 * set apart by paragraph markers where it begins or ends with a whole block. Between blocks
 * (a block dropped there): at the end of the textblock before, after a paragraph marker, or
 * failing one, at the start of the textblock after, before one.
 */
function insertionPlace(doc: PMNode, pos: number, flat: Flat, types: Types, attrs: SuggestionAttrs): { at: number; content: Fragment } | null {
  const $pos = doc.resolve(pos);
  const split = () => marker(types, 'split', attrs);
  if ($pos.parent.inlineContent) {
    const nodes: PMNode[] = [];
    if (flat.closedStart && $pos.parentOffset > 0) nodes.push(split());
    flat.content.forEach((node) => nodes.push(node));
    if (flat.closedEnd && $pos.parentOffset < $pos.parent.content.size) nodes.push(split());
    return { at: pos, content: Fragment.from(nodes) };
  }
  const before = Selection.findFrom($pos, -1, true);
  if (before && before.$from.parent.inlineContent && before.$from.parentOffset === before.$from.parent.content.size) {
    return { at: before.from, content: Fragment.from(split()).append(flat.content) };
  }
  const after = Selection.findFrom($pos, 1, true);
  if (after && after.$from.parent.inlineContent && after.$from.parentOffset === 0) {
    return { at: after.from, content: flat.content.append(Fragment.from(split())) };
  }
  return null;
}

/**
 * Inserted content loses any suggestion marks it carried (pasted from a marked passage) and
 * takes ours; a marker keeps its op and takes our attributes.
 */
function stamp(content: Fragment, attrs: SuggestionAttrs, types: Types): Fragment {
  const insert = types.insert.create(attrs);
  const nodes: PMNode[] = [];
  content.forEach((node) => {
    const structure = node.marks.find((m) => m.type === types.structure);
    let marks = insert.addToSet(node.marks.filter((m) => !isSuggestionMark(m)));
    if (structure) marks = types.structure.create({ ...attrs, op: structure.attrs.op, block: structure.attrs.block, level: structure.attrs.level }).addToSet(marks);
    nodes.push(node.mark(marks));
  });
  return Fragment.from(nodes);
}

/** The start of the textblock at or right after `pos` (the block a join would bring back), or null. */
function blockStartAfter(doc: PMNode, pos: number): number | null {
  const $pos = doc.resolve(pos);
  if ($pos.parent.isTextblock) return $pos.parentOffset === 0 ? pos : null;
  const next = Selection.findFrom($pos, 1, true);
  return next && next.$from.parent.isTextblock && next.$from.parentOffset === 0 ? next.from : null;
}

/** The starts of the textblocks that begin inside (from, to]: a deletion over them joins each to the one before. */
function crossedBlockStarts(doc: PMNode, from: number, to: number): number[] {
  const starts: number[] = [];
  doc.nodesBetween(from, to, (node, pos) => {
    if (node.isTextblock) {
      // Crossed: some of the range lies before the block itself (a range from just before it removes it whole).
      if (pos > from && pos + 1 <= to) starts.push(pos + 1);
      return false;
    }
    return true;
  });
  return starts;
}

/** Whether the textblock starting at `start` already opens with the author's own marker of `op`. */
function startsWithOwnMarker(doc: PMNode, start: number, op: StructureOp, author: string): boolean {
  const block = doc.resolve(start).parent;
  let found = false;
  for (let i = 0; i < block.childCount && !found; i++) {
    const structure = block.child(i).marks.find((m) => m.type.name === SUGGESTION_STRUCTURE);
    if (!structure) break;
    found = structure.attrs.op === op && structure.attrs.author === author;
  }
  return found;
}

/**
 * A formatting step (太字 on or off) proposed: on others' text a format mark (or the author's
 * opposite proposal taken back); on the author's own proposed text, the formatting itself.
 * False when the mark is not a plain format (a link carries its address).
 */
function suggestFormat(out: Transform, from: number, to: number, mark: Mark, add: boolean, attrs: SuggestionAttrs, types: Types): boolean {
  if (!isSuggestibleFormat(mark.type.name)) return false;
  const name = mark.type.name;
  const ownProposal = (node: PMNode, action: 'add' | 'remove') =>
    node.marks.find((m) => m.type === types.format && m.attrs.author === attrs.author && m.attrs.mark === name && m.attrs.action === action);
  // The toolbar shows the adopted formatting, so 太字 pressed again over the author's own
  // proposal to make it bold comes as another addition: it takes that proposal back.
  let allProposed = add;
  let anyOthers = false;
  out.doc.nodesBetween(from, to, (node) => {
    if (node.isText && !authoredMark(node.marks, types.insert, attrs.author)) {
      anyOthers = true;
      if (!ownProposal(node, 'add')) allProposed = false;
    }
    return !node.isInline;
  });
  const withdraw = allProposed && anyOthers;
  const changes: Array<() => void> = [];
  out.doc.nodesBetween(from, to, (node, pos) => {
    if (!node.isInline) return true;
    const start = Math.max(pos, from);
    const end = Math.min(pos + node.nodeSize, to);
    if (start >= end || !node.isText) return false;
    if (authoredMark(node.marks, types.insert, attrs.author)) {
      changes.push(add ? () => out.addMark(start, end, mark) : () => out.removeMark(start, end, mark.type));
      return false;
    }
    const opposite = withdraw ? ownProposal(node, 'add') : ownProposal(node, add ? 'remove' : 'add');
    const has = node.marks.some((m) => m.type === mark.type);
    if (opposite) changes.push(() => out.removeMark(start, end, opposite));
    else if (!ownProposal(node, add ? 'add' : 'remove') && has !== add) {
      changes.push(() => out.addMark(start, end, types.format.create({ ...attrs, mark: name, action: add ? 'add' : 'remove' })));
    }
    return false;
  });
  for (const change of changes) change();
  return true;
}

/**
 * A transaction that retypes blocks (見出し2, 本文) and changes nothing else, proposed: a type
 * marker at the start of each block retyped (the author's earlier one replaced; none when the
 * block goes back to what it is). Anything else (a list made, a block wrapped) is null.
 */
function retypeSuggestion(state: EditorState, tr: Transaction, attrs: SuggestionAttrs, types: Types): Transaction | null {
  const before = textblocksOf(state.doc);
  const after = textblocksOf(tr.doc);
  if (before.length !== after.length) return null;
  const changes: Array<{ pos: number; target: PMNode }> = [];
  for (let i = 0; i < before.length; i++) {
    const [b, a] = [before[i]!, after[i]!];
    if (b.path !== a.path || !b.node.content.eq(a.node.content)) return null;
    if (b.node.hasMarkup(a.node.type, a.node.attrs)) continue;
    if (!(SUGGESTIBLE_BLOCKS as readonly string[]).includes(a.node.type.name)) return null;
    changes.push({ pos: b.pos, target: a.node });
  }
  const out = state.tr;
  for (const { pos, target } of changes.reverse()) {
    const block = out.doc.nodeAt(pos)!;
    // The author's earlier proposals for this block's type go; markers stand at its start.
    let offset = 0;
    const ownTypes: Array<[number, number]> = [];
    for (let i = 0; i < block.childCount; i++) {
      const child = block.child(i);
      const structure = child.marks.find((m) => m.type === types.structure);
      if (!structure) break;
      if (structure.attrs.op === 'type' && structure.attrs.author === attrs.author) ownTypes.push([pos + 1 + offset, pos + 1 + offset + child.nodeSize]);
      offset += child.nodeSize;
    }
    for (const [from, to] of ownTypes.reverse()) out.delete(from, to);
    if (block.hasMarkup(target.type, target.attrs)) continue;
    const level = target.type.name === 'heading' ? Number(target.attrs.level) || 0 : 0;
    const typeMarker = types.insert.schema.text(STRUCTURE_MARKERS.type, [
      types.insert.create(attrs),
      types.structure.create({ ...attrs, op: 'type', block: target.type.name, level }),
    ]);
    out.insert(pos + 1, typeMarker);
  }
  out.setSelection(state.selection.map(out.doc, out.mapping));
  copyMeta(tr, out);
  return out;
}

/** Each textblock with its position and the types above it (so a block wrapped in a list reads as moved). */
function textblocksOf(doc: PMNode): Array<{ pos: number; node: PMNode; path: string }> {
  const found: Array<{ pos: number; node: PMNode; path: string }> = [];
  const walk = (node: PMNode, pos: number, path: string) => {
    node.forEach((child, offset) => {
      const at = pos + offset;
      if (child.isTextblock) found.push({ pos: at, node: child, path });
      else if (!child.isLeaf) walk(child, at + 1, `${path}/${child.type.name}`);
    });
  };
  walk(doc, 0, '');
  return found;
}

/**
 * Where the cursor ends: after typed text; for Backspace (the cursor was at the end of what
 * went) to the left of the struck text, for Delete or a selection to its right, so repeated
 * keys walk on over what they struck. Several steps: where the user's own selection maps.
 */
function placeSelection(
  state: EditorState,
  tr: Transaction,
  out: Transaction,
  last: { from: number; to: number; insertedSize: number; deleted: boolean } | null,
): void {
  if (!last) return;
  let pos: number;
  if (tr.steps.length > 1) {
    const back = tr.mapping.invert();
    pos = out.mapping.map(back.map(tr.selection.head, 1), 1);
  } else if (last.insertedSize > 0) {
    pos = last.to + last.insertedSize;
  } else {
    const sel = state.selection;
    const backspace = sel.empty && out.mapping.map(sel.head, -1) >= last.to && last.deleted;
    pos = backspace ? out.mapping.map(last.from, -1) : last.to;
  }
  pos = Math.max(0, Math.min(pos, out.doc.content.size));
  out.setSelection(TextSelection.near(out.doc.resolve(pos)));
}

/** The user's metadata (input type, composition, history grouping) goes with the suggestion. */
function copyMeta(from: Transaction, to: Transform): void {
  const meta = (from as unknown as { meta?: Record<string, unknown> }).meta;
  if (!meta || !(to as Transaction).setMeta) return;
  for (const [key, value] of Object.entries(meta)) (to as Transaction).setMeta(key, value);
}
