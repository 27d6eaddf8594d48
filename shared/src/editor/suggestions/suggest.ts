import { Fragment, type Mark, type MarkType, type Node as PMNode, Slice } from '@tiptap/pm/model';
import { type EditorState, TextSelection, type Transaction } from '@tiptap/pm/state';
import { Mapping, ReplaceStep, type Transform } from '@tiptap/pm/transform';
import { SUGGESTION_DELETE, SUGGESTION_INSERT, type SuggestionAttrs } from './marks';
import { isSuggestionMark, suggestionAttrsOf } from './model';

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
 * Only inline changes are representable: anything that splits, joins, adds or retypes blocks,
 * or changes formatting, returns null and the editor refuses it.
 */
export function suggestTransaction(state: EditorState, tr: Transaction, attrs: SuggestionAttrs): Transaction | null {
  if (!tr.docChanged) return tr;
  const schema = state.schema;
  const insertType = schema.marks[SUGGESTION_INSERT];
  const deleteType = schema.marks[SUGGESTION_DELETE];
  if (!insertType || !deleteType) return null;

  const out = state.tr;
  let lastChange: { from: number; to: number; insertedSize: number; deleted: boolean } | null = null;

  for (let i = 0; i < tr.steps.length; i++) {
    const step = tr.steps[i];
    // Mark, attribute and wrapping steps change formatting or structure, not wording.
    if (!(step instanceof ReplaceStep)) return null;
    const { from: stepFrom, to: stepTo, slice } = step as unknown as { from: number; to: number; slice: Slice };
    const inserted = inlineContentOf(slice, stepFrom < stepTo);
    if (inserted === null) return null;

    // Positions of this step are in the user's document after the steps before it; ours keeps
    // deleted text, so map back to the start and forward through what we did.
    const back = new Mapping(tr.mapping.maps.slice(0, i)).invert();
    const from = out.mapping.map(back.map(stepFrom, 1), 1);
    const to = Math.max(from, out.mapping.map(back.map(stepTo, -1), -1));

    // Deleting across blocks with no text in between is a join (Backspace at a paragraph's start).
    if (from < to && !rangeHasInline(out.doc, from, to)) return null;

    const chosen = attrsForChange(out.doc, from, to, attrs);
    const deleteMark = deleteType.create(chosen);

    // Delete: mark others' text, remove one's own suggested insertions, leave one's own strike.
    const ownInserted: Array<[number, number]> = [];
    out.doc.nodesBetween(from, to, (node, pos) => {
      if (!node.isInline) return true;
      const start = Math.max(pos, from);
      const end = Math.min(pos + node.nodeSize, to);
      if (start >= end) return false;
      if (authoredMark(node.marks, insertType, attrs.author)) ownInserted.push([start, end]);
      else if (!authoredMark(node.marks, deleteType, attrs.author)) out.addMark(start, end, deleteMark);
      return false;
    });
    const beforeDeletes = out.mapping.maps.length;
    for (let k = ownInserted.length - 1; k >= 0; k--) out.delete(ownInserted[k]![0], ownInserted[k]![1]);
    const afterDeletes = out.mapping.slice(beforeDeletes);
    const start = afterDeletes.map(from, -1);
    // Insert right after the (struck) range.
    const insertAt = afterDeletes.map(to, 1);

    let insertedSize = 0;
    if (inserted.size > 0) {
      if (!out.doc.resolve(insertAt).parent.inlineContent) return null;
      const content = stamp(inserted, insertType.create(chosen));
      const before = out.doc.content.size;
      try {
        out.replace(insertAt, insertAt, new Slice(content, 0, 0));
      } catch {
        return null;
      }
      insertedSize = out.doc.content.size - before;
      // The parent refused some of it (a hard break where none may go): not a plain insertion.
      if (insertedSize !== content.size) return null;
    }
    lastChange = { from: start, to: insertAt, insertedSize, deleted: from < to };
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
 * The inline content a step inserts, or null when it inserts blocks. An open slice holding one
 * textblock (text copied from inside a paragraph) is its inline content; a slice of empty
 * textblocks only (what deleting everything leaves so the document stays valid) inserts nothing.
 */
function inlineContentOf(slice: Slice, deletes: boolean): Fragment | null {
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
    // Text only: y-prosemirror keeps no marks on a hard break (or any inline node), so a
    // suggested one would reach the others as a plain break, and the server refuses it.
    if (!node.isText) allInline = false;
  });
  if (allInline && openStart === 0 && openEnd === 0) return content;
  let onlyEmptyTextblocks = true;
  content.forEach((node) => {
    if (!node.isTextblock || node.content.size > 0) onlyEmptyTextblocks = false;
  });
  return deletes && onlyEmptyTextblocks && content.childCount === 1 ? Fragment.empty : null;
}

/** Inserted content loses any suggestion marks it carried (pasted from a marked passage) and takes ours. */
function stamp(content: Fragment, mark: Mark): Fragment {
  const nodes: PMNode[] = [];
  content.forEach((node) => {
    const kept = node.marks.filter((m) => !isSuggestionMark(m));
    nodes.push(node.mark(mark.addToSet(kept)));
  });
  return Fragment.from(nodes);
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
