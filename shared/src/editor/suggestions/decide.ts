import type { Mark, MarkType, Node as PMNode } from '@tiptap/pm/model';
import { type Transform, canJoin, canSplit } from '@tiptap/pm/transform';
import { SUGGESTIBLE_BLOCKS, SUGGESTION_DELETE, SUGGESTION_FORMAT, SUGGESTION_STRUCTURE, isSuggestibleFormat, isSuggestionMarkName } from './marks';
import { type StructureChange, type SuggestionSummary, listSuggestions, structureOf, suggestionAttrsOf } from './model';

/** What is decided of a suggestion (the recorded decision is `SuggestionDecision` in schemas/suggestions.ts). */
export type DecisionKind = 'accept' | 'reject';

export type DecisionOutcome = {
  /** The suggestions decided as asked, as they read before the decision. */
  decided: SuggestionSummary[];
  /**
   * Suggestions rejected because they competed with one that was accepted, or gone because
   * the text they were made on went with a decision.
   */
  resolved: SuggestionSummary[];
  /** Asked-for ids the document no longer holds (someone decided them first). */
  missing: string[];
};


/**
 * Decides suggestions on a transform: accepting removes the struck text and keeps the
 * proposed text as plain text; rejecting removes the proposed text and keeps the struck
 * text. Accepting a suggestion rejects those that competed with it (they proposed to replace
 * the same words), so deciding one resolves the other. When several competing suggestions
 * are accepted at once, the earliest made wins and the others are rejected.
 *
 * Accepting proposed formatting applies it; accepting a proposed block change (a new
 * paragraph, a line break, a join, a retyping) makes it where its marker stands.
 *
 * Marks come off first (they do not move positions), then text goes and blocks change from
 * the end of the document backwards, so every range found in the original document is still right.
 */
export function decideSuggestions(tr: Transform, ids: Iterable<string>, decision: DecisionKind): DecisionOutcome {
  const pending = listSuggestions(tr.doc);
  const byId = new Map(pending.map((s) => [s.id, s]));
  const asked = [...new Set(ids)];
  const missing = asked.filter((id) => !byId.has(id));
  const verdicts = new Map<string, DecisionKind>();
  const decided: SuggestionSummary[] = [];
  const resolved: SuggestionSummary[] = [];
  const found = asked.map((id) => byId.get(id)).filter((s): s is SuggestionSummary => s !== undefined);
  if (decision === 'reject') {
    for (const s of found) {
      verdicts.set(s.id, 'reject');
      decided.push(s);
    }
  } else {
    for (const s of [...found].sort((a, b) => a.at - b.at || a.from - b.from)) {
      if (verdicts.has(s.id)) continue;
      verdicts.set(s.id, 'accept');
      decided.push(s);
      for (const other of s.conflictsWith) {
        if (verdicts.has(other)) continue;
        verdicts.set(other, 'reject');
        const summary = byId.get(other);
        if (summary) resolved.push(summary);
      }
    }
    decided.sort((a, b) => a.from - b.from);
  }
  applyVerdicts(tr, verdicts);
  // A suggestion made on text that went with a decision (striking words of a proposal that was
  // rejected, proposing inside a passage whose deletion was accepted) is gone too: it is
  // resolved by that decision, and said so, so the record keeps it like any other.
  const left = new Set(listSuggestions(tr.doc).map((s) => s.id));
  for (const s of pending) if (!verdicts.has(s.id) && !left.has(s.id)) resolved.push(s);
  return { decided, resolved, missing };
}

/**
 * The most block changes (markers) one decision makes. Each is a step of its own that copies
 * its paragraph's content, so their cost grows with the square of their number in one
 * paragraph (500 take about 0.3 s on a 2-core machine, 2,000 several seconds); an honest
 * proposal (a pasted section) holds tens. More is refused, to be decided in parts or rejected
 * (rejecting removes the markers with the proposed text around them, in a few steps).
 */
export const MAX_BLOCK_CHANGES_PER_DECISION = 500;

/** A decision that would make more block changes than MAX_BLOCK_CHANGES_PER_DECISION. */
export class TooManyBlockChangesError extends Error {
  constructor(readonly count: number) {
    super(`the decision would make ${count} block changes (at most ${MAX_BLOCK_CHANGES_PER_DECISION} at once)`);
  }
}

/** One change made to the text when verdicts are applied, at a position of the document as it was. */
type Edit = { at: number; to: number; structure: StructureChange | null };

function applyVerdicts(tr: Transform, verdicts: ReadonlyMap<string, DecisionKind>): void {
  if (verdicts.size === 0) return;
  const schema = tr.doc.type.schema;
  const unmark: Array<{ from: number; to: number; mark: Mark }> = [];
  const formats: Array<{ from: number; to: number; type: MarkType; add: boolean }> = [];
  const edits: Edit[] = [];
  const goes = (from: number, to: number) => {
    const last = edits[edits.length - 1];
    if (last && !last.structure && last.to === from) last.to = to;
    else edits.push({ at: from, to, structure: null });
  };
  tr.doc.descendants((node: PMNode, pos: number) => {
    if (!node.isInline) return true;
    const end = pos + node.nodeSize;
    let removed = false;
    let structure: StructureChange | null = null;
    for (const mark of node.marks) {
      const kind = mark.type.name;
      if (!isSuggestionMarkName(kind)) continue;
      const verdict = verdicts.get(suggestionAttrsOf(mark).id);
      if (!verdict) continue;
      if (kind === SUGGESTION_FORMAT) {
        unmark.push({ from: pos, to: end, mark });
        const type = schema.marks[String(mark.attrs.mark)];
        if (verdict === 'accept' && type && isSuggestibleFormat(type.name)) formats.push({ from: pos, to: end, type, add: mark.attrs.action !== 'remove' });
      } else if (kind === SUGGESTION_STRUCTURE) {
        // The marker goes either way: rejected, it is proposed text; accepted, it becomes the change.
        removed = true;
        if (verdict === 'accept') structure = structureOf(mark);
      } else if ((kind === SUGGESTION_DELETE) === (verdict === 'accept')) removed = true;
      else unmark.push({ from: pos, to: end, mark });
    }
    if (structure) {
      // Each marker character is one change (two Enters are two new paragraphs).
      for (let at = pos; at < end; at++) edits.push({ at, to: at + 1, structure });
    } else if (removed) goes(pos, end);
    return false;
  });
  // A block both joined and retyped: the join wins, whichever marker stands first (the joined
  // block takes the type of the one it joins; retyping it after would retype that one).
  const joined = new Set(edits.filter((e) => e.structure?.op === 'join').map((e) => tr.doc.resolve(e.at).start()));
  for (const e of edits) if (e.structure?.op === 'type' && joined.has(tr.doc.resolve(e.at).start())) e.structure = null;
  const blockChanges = edits.reduce((n, e) => n + (e.structure && e.structure.op !== 'type' ? 1 : 0), 0);
  if (blockChanges > MAX_BLOCK_CHANGES_PER_DECISION) throw new TooManyBlockChangesError(blockChanges);
  // Marks first: they do not move positions.
  for (const { from, to, mark } of unmark) tr.removeMark(from, to, mark);
  for (const { from, to, type, add } of formats) {
    if (add) tr.addMark(from, to, type.create());
    else tr.removeMark(from, to, type);
  }
  // Then the text and the blocks, from the end backwards, so what is done leaves the places
  // below it as they were; but a join reaches back to its block's start and moves what stands
  // there (a proposed break just before the join marker), so a place at or above the lowest
  // one any change touched is mapped through what was done since.
  const base = tr.mapping.maps.length;
  let untouchedBelow = Number.POSITIVE_INFINITY;
  for (let i = edits.length - 1; i >= 0; i--) {
    const edit = edits[i]!;
    let [from, to] = [edit.at, edit.to];
    if (to > untouchedBelow) {
      const since = tr.mapping.slice(base);
      [from, to] = [since.map(from, 1), since.map(to, -1)];
    }
    if (from >= to) continue;
    tr.delete(from, to);
    const reached = edit.structure ? applyStructure(tr, from, edit.structure) : from;
    untouchedBelow = Math.min(untouchedBelow, reached);
  }
}

/**
 * Makes an accepted block change at `pos`, where its marker was. A change the document no
 * longer allows there (a join after the block before it became a table, a heading inside a
 * list item) is not made: its marker is gone and the text reads on. Returns the lowest place
 * the change touched (a join: the end of the block it joins onto).
 */
function applyStructure(tr: Transform, pos: number, change: StructureChange): number {
  const schema = tr.doc.type.schema;
  const $pos = tr.doc.resolve(pos);
  const block = $pos.parent;
  if (!block.isTextblock) return pos;
  const inItem = $pos.depth >= 2 && /item$/i.test($pos.node($pos.depth - 1).type.name);
  try {
    if (change.op === 'line') {
      const hardBreak = schema.nodes.hardBreak;
      if (hardBreak && block.type.contentMatch.matchType(hardBreak)) tr.insert(pos, hardBreak.create());
    } else if (change.op === 'split') {
      // The block it starts is the one the break names (Enter at a heading's end starts a
      // paragraph, in its middle a second heading); a break naming none does as Enter would there.
      const named = change.block ? schema.nodes[change.block] : undefined;
      const atEnd = $pos.parentOffset === block.content.size;
      const after = named ?? (block.type.name === 'heading' && atEnd ? schema.nodes.paragraph : undefined);
      const typesAfter = after ? [{ type: after, attrs: after.name === 'heading' ? { level: change.level || 1 } : {} }] : undefined;
      if (inItem && canSplit(tr.doc, pos, 2)) tr.split(pos, 2);
      else if (canSplit(tr.doc, pos, 1, typesAfter)) tr.split(pos, 1, typesAfter);
    } else if (change.op === 'join') {
      const itemStart = inItem && $pos.index($pos.depth - 1) === 0 ? $pos.before($pos.depth - 1) : null;
      joinBackward(tr, $pos.before(), itemStart);
      return Math.max(0, Math.min($pos.before(), itemStart ?? Number.POSITIVE_INFINITY) - 2);
    } else if (change.op === 'type') {
      const type = (SUGGESTIBLE_BLOCKS as readonly string[]).includes(change.block) ? schema.nodes[change.block] : undefined;
      if (!type) return pos;
      const attrs = type.name === 'heading' ? { level: change.level >= 1 && change.level <= 6 ? change.level : 2 } : {};
      const at = $pos.before();
      if ($pos.node($pos.depth - 1).canReplaceWith($pos.index($pos.depth - 1), $pos.index($pos.depth - 1) + 1, type)) {
        tr.setNodeMarkup(at, type, attrs);
      }
    }
  } catch {
    // Left as it reads: see above.
  }
  return pos;
}

/** Joins the textblock starting after `blockStart` to the one before it; a list item's first paragraph joins its item to the item before. */
function joinBackward(tr: Transform, blockStart: number, itemStart: number | null): void {
  if (canJoin(tr.doc, blockStart)) {
    tr.join(blockStart);
    return;
  }
  if (itemStart === null || !canJoin(tr.doc, itemStart)) return;
  // The two items become one (their paragraphs side by side), then the paragraphs become one.
  tr.join(itemStart);
  const inner = itemStart - 1;
  if (canJoin(tr.doc, inner)) tr.join(inner);
}
