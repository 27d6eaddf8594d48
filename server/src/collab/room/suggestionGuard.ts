import { BODY_FRAGMENT, type YType, markName } from '@sakutei/shared';
import {
  SUGGESTION_DELETE,
  SUGGESTION_FORMAT,
  SUGGESTION_INSERT,
  SUGGESTION_STRUCTURE,
  isMarkerChar,
  isOwnSuggestionId,
  isSuggestionMarkName,
  plausibleSuggestionTime,
  proseSchema,
} from '@sakutei/shared/editor';
import * as Y from 'yjs';
import { newItemHolding } from './newItems';
import { fieldSuggestionDeletion, fieldSuggestionItem } from './fieldSuggestionGuard';

/**
 * Refuses an update from a suggest-only connection unless it is a pure suggestion by that
 * connection's person (`peer`): it may add text only as their own suggested insertion (a
 * proposed block change is such text too: its marker character), mark or unmark text as
 * their own suggested deletion or formatting, and take back text they suggested. Nothing
 * else in the document may change: no text outside a suggestion, no formatting, no
 * paragraphs, no element attributes, no other root (the measure table and the reports),
 * except whole cell suggestions of its own (fieldSuggestionGuard.ts).
 *
 * Design. Like shapeGuard.ts it runs BEFORE the update is applied, on the update's structs,
 * because Yjs cannot take an applied update back. What a character reads as (its
 * formatting, which is where a suggestion lives) depends on where Yjs places it among the
 * format items of its paragraph, and Yjs places a new item by its conflict resolution
 * (YATA, Item.integrate), not simply next to its origin: an item given a larger client id
 * than a neighbour with the same origin lands after that neighbour, past the end of a
 * suggestion, as plain text. So for each text the update touches, the order after the
 * update is computed by running the same resolution on a copy of that text's list of items
 * (runs, split where an origin or a deletion points inside one, as Yjs splits its items:
 * the right half's origin is the left half's last id, and it keeps the right origin), then
 * each character's formatting is read before and after (as Yjs does: only live format items
 * count, and a format whose value is null ends its key) and the rules are applied to the
 * text. The cost is linear in the number of items of the paragraphs the update touches
 * (tests/bench/suggestionGuard.ts), never in the document.
 *
 * The update has already passed updateGuard (well-formed, every reference met) and
 * shapeGuard (texts hold only strings and marks of the schema).
 */

/** The most separate deleted ranges one suggest-only update may carry (see where it is checked). */
const MAX_DELETED_RANGES = 20_000;

/** An item of a text, or a piece of one, as Yjs would have it (split lazily, never merged here). */
type Run = {
  client: number;
  clock: number;
  length: number;
  origin: Y.ID | null;
  rightOrigin: Y.ID | null;
  /** Text (or other countable content), a format item, or nothing (deleted content). */
  kind: 'content' | 'format' | 'none';
  formatKey: string;
  formatValue: unknown;
  /** The text's UTF-16 code units (Yjs counts text in them); U+FFFC for other content; '' for the rest. */
  text: string;
  isNew: boolean;
  /** For a new run: linked into the list yet. */
  placed: boolean;
  deletedBefore: boolean;
  deletedAfter: boolean;
  left: Run | null;
  right: Run | null;
};

/** The runs of one text, in list order, with a lookup by id (per client, sorted by clock). */
class TextList {
  head: Run | null = null;
  /** The update deletes the text run itself, and with it everything in it (new runs included). */
  wholeDeleted = false;
  private readonly byClient = new Map<number, Run[]>();
  private readonly unsorted = new Set<number>();

  add(run: Run): void {
    let runs = this.byClient.get(run.client);
    if (!runs) this.byClient.set(run.client, (runs = []));
    const last = runs[runs.length - 1];
    if (last && last.clock > run.clock) this.unsorted.add(run.client);
    runs.push(run);
  }

  /** The run holding `id`, without splitting it. */
  find(id: Y.ID): Run | undefined {
    const runs = this.runsOf(id.client);
    const i = runs ? indexIn(runs, id.clock) : -1;
    return i < 0 ? undefined : runs![i];
  }

  /** The run that ends at `id`, split off if `id` is inside one (Yjs getItemCleanEnd). */
  cleanEnd(id: Y.ID): Run | undefined {
    const run = this.find(id);
    if (run && id.clock < run.clock + run.length - 1) this.split(run, id.clock - run.clock + 1);
    return run;
  }

  /** The run that starts at `id`, split off if `id` is inside one (Yjs getItemCleanStart). */
  cleanStart(id: Y.ID): Run | undefined {
    const run = this.find(id);
    return run && id.clock > run.clock ? this.split(run, id.clock - run.clock) : run;
  }

  /** Splits a placed run after `offset` ticks, as Yjs splitItem does; returns the right half. */
  private split(run: Run, offset: number): Run {
    const right: Run = {
      ...run,
      clock: run.clock + offset,
      length: run.length - offset,
      origin: Y.createID(run.client, run.clock + offset - 1),
      text: run.text.slice(offset),
      left: run,
      right: run.right,
    };
    run.length = offset;
    run.text = run.text.slice(0, offset);
    if (run.right) run.right.left = right;
    run.right = right;
    const runs = this.runsOf(run.client)!;
    runs.splice(indexIn(runs, run.clock) + 1, 0, right);
    return right;
  }

  private runsOf(client: number): Run[] | undefined {
    const runs = this.byClient.get(client);
    if (runs && this.unsorted.delete(client)) runs.sort((a, b) => a.clock - b.clock);
    return runs;
  }

  /** A copy of the text's items as they are now. */
  static of(text: Y.XmlText): TextList {
    const list = new TextList();
    let last: Run | null = null;
    for (let item = text._start; item !== null; item = item.right) {
      const run: Run = {
        client: item.id.client,
        clock: item.id.clock,
        length: item.length,
        origin: item.origin,
        rightOrigin: item.rightOrigin,
        ...kindOf(item.content, 0),
        isNew: false,
        placed: true,
        deletedBefore: item.deleted,
        deletedAfter: item.deleted,
        left: last,
        right: null,
      };
      if (last) last.right = run;
      else list.head = run;
      last = run;
      list.add(run);
    }
    return list;
  }
}

/** The index of the run holding `clock` in runs sorted by clock, or -1. */
function indexIn(runs: Run[], clock: number): number {
  let lo = 0;
  let hi = runs.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const run = runs[mid]!;
    if (clock < run.clock) hi = mid - 1;
    else if (clock >= run.clock + run.length) lo = mid + 1;
    else return mid;
  }
  return -1;
}

/** What a run holds, from `offset` on. */
function kindOf(content: Y.Item['content'], offset: number): Pick<Run, 'kind' | 'formatKey' | 'formatValue' | 'text'> {
  if (content instanceof Y.ContentFormat) return { kind: 'format', formatKey: content.key, formatValue: content.value, text: '' };
  if (!content.isCountable()) return { kind: 'none', formatKey: '', formatValue: null, text: '' };
  const text = content instanceof Y.ContentString ? content.str.slice(offset) : '\uFFFC'.repeat(content.getLength() - offset);
  return { kind: 'content', formatKey: '', formatValue: null, text };
}

const sameId = (a: Y.ID | null, b: Y.ID | null): boolean => (a === null ? b === null : b !== null && a.client === b.client && a.clock === b.clock);

/** Where a new item goes: into a text (existing or new), a new text run in an element, or nowhere (Yjs drops or deletes it). */
type Target = { text: Y.XmlText } | { newText: Y.Item } | { element: Y.XmlElement } | 'gone';

/** Why the update is not a pure suggestion by `peer`, or null when it is. */
export function suggestionViolation(doc: Y.Doc, update: Uint8Array, peer: string): string | null {
  const { structs, ds } = Y.decodeUpdate(update);
  // Each deleted range may split a run of a copied paragraph (a splice): bounded, so a
  // suggester cannot make one update cost the square of its size. An honest update deletes
  // far fewer (its own typing taken back, a day offline included).
  let rangeCount = 0;
  for (const ranges of ds.clients.values()) rangeCount += ranges.length;
  if (rangeCount > MAX_DELETED_RANGES) return `deletes ${rangeCount} separate ranges (at most ${MAX_DELETED_RANGES} in one suggestion update)`;
  const store = doc.store;
  const stateOf = (client: number) => Y.getState(store, client);

  // New items, trimmed to what the document lacks (Yjs skips or splices what it has).
  const fresh: Array<{ item: Y.Item; offset: number }> = [];
  const newByClient = new Map<number, Y.Item[]>();
  for (const struct of structs) {
    // Collected structs and skips hold nothing and go nowhere.
    if (!(struct instanceof Y.Item)) continue;
    const state = stateOf(struct.id.client);
    if (struct.id.clock + struct.length <= state) continue;
    fresh.push({ item: struct, offset: Math.max(0, state - struct.id.clock) });
    let list = newByClient.get(struct.id.client);
    if (!list) newByClient.set(struct.id.client, (list = []));
    list.push(struct);
  }
  const newItemAt = (id: Y.ID): Y.Item | null => newItemHolding(newByClient.get(id.client), id.clock);
  const docStructAt = (id: Y.ID): Y.AbstractStruct | null => (id.clock < stateOf(id.client) ? Y.getItem(store, id) : null);

  // Where each new item goes, resolved without recursion along chains of new neighbours.
  const targets = new Map<Y.Item, Target | string>();
  const targetOf = (start: Y.Item): Target | string => {
    const chain = new Set<Y.Item>();
    let item: Y.Item = start;
    let result: Target | string | undefined;
    for (;;) {
      const known = targets.get(item);
      if (known !== undefined) {
        result = known;
        break;
      }
      if (chain.has(item)) return 'items refer to each other in a circle';
      chain.add(item);
      const step = directTarget(item);
      if (step instanceof Y.Item) {
        item = step;
        continue;
      }
      result = step;
      break;
    }
    for (const link of chain) targets.set(link, result);
    return result;
  };
  /** The target of an item, or the new item whose target it takes. */
  const directTarget = (item: Y.Item): Target | string | Y.Item => {
    if (item.parentSub !== null) return 'a suggestion cannot set attributes or map entries';
    const parent = item.parent as unknown;
    if (typeof parent === 'string') return `a suggestion cannot add to the root "${parent.slice(0, 60)}"`;
    if (parent instanceof Y.ID) {
      const created = newItemAt(parent);
      if (!created) return typeTarget(docStructAt(parent), true);
      if (created.content instanceof Y.ContentDeleted) return 'gone'; // Yjs collects what is added to it
      return created.content instanceof Y.ContentType && created.content.type instanceof Y.XmlText ? { newText: created } : 'a suggestion cannot write into a new element';
    }
    // Yjs collects an item next to a collected struct, whichever side.
    for (const id of [item.origin, item.rightOrigin]) {
      if (id && !newItemAt(id) && docStructAt(id) instanceof Y.GC) return 'gone';
    }
    const neighbour = item.origin ?? item.rightOrigin;
    if (!neighbour) return 'an item without a place';
    const created = newItemAt(neighbour);
    if (created) return created;
    return typeTarget(docStructAt(neighbour), false);
  };
  /** The target given by a struct of the document: the type it holds (as a parent) or the type it is in (as a neighbour). */
  const typeTarget = (struct: Y.AbstractStruct | null, asParent: boolean): Target | string => {
    if (!(struct instanceof Y.Item)) return 'gone'; // next to collected content: Yjs collects the item too
    if (asParent && !(struct.content instanceof Y.ContentType)) return 'gone';
    if (!asParent && struct.parentSub !== null) return 'a suggestion cannot set attributes or map entries';
    const type = asParent ? (struct.content as Y.ContentType).type : (struct.parent as YType);
    if (!(type instanceof Y.AbstractType) || !inBody(doc, type)) return 'a suggestion can only change the prose';
    if (type._item?.deleted) return 'gone'; // Yjs deletes what is added to a deleted type
    if (type instanceof Y.XmlText) return { text: type };
    if (type instanceof Y.XmlElement && !(type instanceof Y.XmlHook)) return { element: type };
    return 'a suggestion can only change the prose';
  };

  // Every new item is placed; the texts that receive any are checked below.
  const lists = new Map<Y.XmlText | Y.Item, TextList>();
  const listFor = (key: Y.XmlText | Y.Item): TextList => {
    let list = lists.get(key);
    if (!list) lists.set(key, (list = key instanceof Y.XmlText ? TextList.of(key) : new TextList()));
    return list;
  };
  const newRuns: Array<{ run: Run; list: TextList }> = [];
  /** Which text each new struct went to, by client and clock (new structs are never split). */
  const newOwner = new Map<number, Array<{ from: number; to: number; list: TextList }>>();
  for (const { item, offset } of fresh) {
    // An entry of the cell suggestions (the measure table's 見え消し) is judged by its own rule.
    const cell = fieldSuggestionItem(doc, item, newItemAt, peer);
    if (cell) {
      if (cell.problem) return cell.problem;
      continue;
    }
    const target = targetOf(item);
    if (typeof target === 'string') {
      if (target === 'gone') continue;
      return target;
    }
    if ('element' in target) {
      // A new text run in a paragraph (typing into an empty one); its content is checked as a text of its own.
      if (item.content instanceof Y.ContentType && item.content.type instanceof Y.XmlText) {
        if (!holdsText(target.element)) return 'a suggestion cannot add text where the prose holds none';
        continue;
      }
      if (item.content instanceof Y.ContentDeleted) continue; // made and deleted before it was sent
      return 'a suggestion cannot add elements to the prose';
    }
    const content = item.content;
    if (!(content instanceof Y.ContentString || content instanceof Y.ContentFormat || content instanceof Y.ContentDeleted)) {
      return 'a suggestion adds only text and marks to a text';
    }
    const list = listFor('text' in target ? target.text : target.newText);
    const clock = item.id.clock + offset;
    // What the document has of it already is skipped: the rest goes right after it (Yjs integrate with an offset).
    const run: Run = {
      client: item.id.client,
      clock,
      length: item.length - offset,
      origin: offset > 0 ? Y.createID(item.id.client, clock - 1) : item.origin,
      rightOrigin: item.rightOrigin,
      ...kindOf(content, offset),
      isNew: true,
      placed: false,
      deletedBefore: false,
      deletedAfter: content instanceof Y.ContentDeleted,
      left: null,
      right: null,
    };
    list.add(run);
    newRuns.push({ run, list });
    let owned = newOwner.get(run.client);
    if (!owned) newOwner.set(run.client, (owned = []));
    owned.push({ from: clock, to: clock + run.length, list });
  }

  // In clock order, so a deletion finds the new runs it touches by bisection, not by a walk
  // over all of them (many small ranges and structs would otherwise cost their product).
  for (const owned of newOwner.values()) owned.sort((a, b) => a.from - b.from);

  // Place the new runs as Yjs will, each after what it is placed against.
  for (const { run, list } of newRuns) {
    if (run.placed) continue;
    const stack = [run];
    const onStack = new Set(stack);
    while (stack.length > 0) {
      const current = stack[stack.length - 1]!;
      let waiting: Run | null = null;
      for (const id of [current.origin, current.rightOrigin]) {
        if (!id) continue;
        const other = list.find(id);
        // Both neighbours must be in the same text: Yjs would look for the right one in vain.
        if (!other) return 'an item whose neighbours are in different places';
        if (!other.placed) waiting = other;
      }
      if (waiting) {
        if (onStack.has(waiting)) return 'items refer to each other in a circle';
        stack.push(waiting);
        onStack.add(waiting);
        continue;
      }
      integrate(list, current);
      stack.pop();
      onStack.delete(current);
    }
  }

  // Deletions (Yjs applies them after the structs): of new runs (typed and taken back before
  // sending), and of the document's content, which may only be text in a text of the prose
  // (whole text runs included).
  const markDeleted = (list: TextList, client: number, from: number, to: number) => {
    for (let clock = from; clock < to; ) {
      const run = list.cleanStart(Y.createID(client, clock))!;
      if (run.clock + run.length > to) list.cleanEnd(Y.createID(client, to - 1));
      run.deletedAfter = true;
      clock = run.clock + run.length;
    }
  };
  for (const [client, ranges] of ds.clients) {
    const state = stateOf(client);
    const structsOf = store.clients.get(client);
    for (const { clock, len } of ranges) {
      const end = clock + len;
      const ownedRuns = newOwner.get(client) ?? [];
      for (let k = firstEndingAfter(ownedRuns, clock); k < ownedRuns.length && ownedRuns[k]!.from < end; k++) {
        const owned = ownedRuns[k]!;
        const from = Math.max(clock, owned.from);
        const to = Math.min(end, owned.to);
        if (from < to) markDeleted(owned.list, client, from, to);
      }
      if (clock >= state || !structsOf) continue;
      let index = Y.findIndexSS(structsOf, clock);
      for (; index < structsOf.length; index++) {
        const struct = structsOf[index]!;
        if (struct.id.clock >= end) break;
        if (!(struct instanceof Y.Item) || struct.deleted) continue;
        const cell = fieldSuggestionDeletion(doc, struct, peer);
        if (cell) {
          if (cell.problem) return cell.problem;
          continue;
        }
        const parent = struct.parent;
        if (parent instanceof Y.XmlText && struct.parentSub === null && inBody(doc, parent)) {
          markDeleted(listFor(parent), client, Math.max(clock, struct.id.clock), Math.min(end, struct.id.clock + struct.length));
          continue;
        }
        // A whole text run of a paragraph: all of its content goes with it.
        if (struct.content instanceof Y.ContentType && struct.content.type instanceof Y.XmlText && struct.parentSub === null && parent instanceof Y.XmlElement && inBody(doc, parent)) {
          listFor(struct.content.type).wholeDeleted = true;
          continue;
        }
        return 'a suggestion can only delete text';
      }
    }
  }

  for (const list of lists.values()) {
    const problem = checkText(list, peer);
    if (problem) return problem;
  }
  return null;
}

/** Links a new run into its text where Yjs' Item.integrate would (what it is placed against is placed already). */
function integrate(list: TextList, run: Run): void {
  let left = run.origin ? list.cleanEnd(run.origin)! : null;
  const right = run.rightOrigin ? list.cleanStart(run.rightOrigin)! : null;
  if ((!left && (!right || right.left !== null)) || (left && left.right !== right)) {
    let o = left ? left.right : list.head;
    const conflicting = new Set<Run>();
    const beforeOrigin = new Set<Run>();
    while (o !== null && o !== right) {
      beforeOrigin.add(o);
      conflicting.add(o);
      if (sameId(run.origin, o.origin)) {
        if (o.client < run.client) {
          left = o;
          conflicting.clear();
        } else if (sameId(run.rightOrigin, o.rightOrigin)) {
          break;
        }
      } else {
        const originRun = o.origin !== null ? list.find(o.origin) : undefined;
        if (originRun && beforeOrigin.has(originRun)) {
          if (!conflicting.has(originRun)) {
            left = o;
            conflicting.clear();
          }
        } else {
          break;
        }
      }
      o = o.right;
    }
  }
  run.left = left;
  if (left) {
    run.right = left.right;
    left.right = run;
  } else {
    run.right = list.head;
    list.head = run;
  }
  if (run.right) run.right.left = run;
  run.placed = true;
}

/**
 * Reads every character's formatting before and after, and applies the rules. The text is
 * judged as it reads, not item by item: leave out every character that is the peer's own
 * suggested insertion, and forget the peer's own deletion marks, and the text must read the
 * same before and after, character by character, formatting included. Text as it reads,
 * because the browser's binding writes a change as a string diff (y-prosemirror's
 * updateYText, lib0 simpleDiff): typing 「の」 in front of a 「の」 inserts the new item AFTER
 * the old one and moves the suggestion's formatting onto the old one, so the items swap
 * roles while the text reads exactly as typed; deleting works the same way. What stays
 * checked item by item: every character left carrying the peer's insertion mark carries no
 * one else's suggestion marks (and they are well-formed), and others' text is recreated
 * (deleted and written again, identical) only in a text run where the update also adds,
 * takes back or moves the peer's own suggested characters. The binding recreates text
 * honestly too: one change that takes back two pieces of one's own suggestion with others'
 * text between them is written as one string replacement spanning both, rewriting what is
 * between (an editor's same edit does the same).
 */
function checkText(list: TextList, peer: string): string | null {
  if (list.wholeDeleted) for (let run = list.head; run; run = run.right) run.deletedAfter = true;
  const before = new Reading(peer);
  const after = new Reading(peer);
  const readBefore: Segment[] = [];
  const readAfter: Segment[] = [];
  /** Characters whose being the peer's own suggestion changes: added, taken back, or moved by a swap. */
  let ownChanged = 0;
  let churn = 0;
  for (let run = list.head; run; run = run.right) {
    if (run.kind === 'format') {
      if (!run.isNew && !run.deletedBefore) before.set(run);
      if (!run.deletedAfter) after.set(run);
      continue;
    }
    if (run.kind !== 'content') continue;
    const aliveBefore = !run.isNew && !run.deletedBefore;
    const aliveAfter = !run.deletedAfter;
    if ((aliveBefore && before.own()) !== (aliveAfter && after.own())) ownChanged += run.length;
    if (aliveBefore) {
      if (!before.own()) {
        append(readBefore, before.key(), run.text);
        if (!aliveAfter) churn += run.length;
      }
    }
    if (aliveAfter) {
      if (after.own()) {
        const problem = after.foreignMark() ?? after.markerProblem(run.text);
        if (problem) return problem;
      } else {
        append(readAfter, after.key(), run.text);
        if (run.isNew) churn += run.length;
      }
    }
  }
  const lengthOf = (read: Segment[]) => read.reduce((sum, s) => sum + s.text.length, 0);
  const [was, now] = [lengthOf(readBefore), lengthOf(readAfter)];
  if (was !== now) return now > was ? 'new text outside a suggestion' : "deletes text that is not the sender's own suggestion";
  if (readBefore.length !== readAfter.length || readBefore.some((s, i) => s.key !== readAfter[i]!.key || s.text !== readAfter[i]!.text)) {
    return 'changes text or marks outside its own suggestions';
  }
  if (churn > 0 && ownChanged === 0) return "rewrites others' text";
  return null;
}

/** Text as it reads: pieces of text with their formatting, neighbours with the same formatting joined. */
type Segment = { key: string; text: string };

function append(read: Segment[], key: string, text: string): void {
  const last = read[read.length - 1];
  if (last && last.key === key) last.text += text;
  else read.push({ key, text });
}

/**
 * The formatting in force at a point of a text, as Yjs reads it (updateCurrentAttributes: a
 * format whose value is null ends its key), with what the rules ask of it, computed once per
 * change of formatting rather than per character.
 */
class Reading {
  private readonly attributes = new Map<string, unknown>();
  private analysed: { own: boolean; foreign: string | null; key: string; insertId: unknown; structureId: unknown } | null = null;

  constructor(private readonly peer: string) {}

  set(run: Run): void {
    if (run.formatValue === null) this.attributes.delete(run.formatKey);
    else this.attributes.set(run.formatKey, run.formatValue);
    this.analysed = null;
  }

  /** Whether the text here is the peer's own suggested insertion. */
  own(): boolean {
    return this.analyse().own;
  }

  /** The formatting as text, the peer's own deletion marks left out (they may come and go). */
  key(): string {
    return this.analyse().key;
  }

  /** Why the peer's own suggested text here carries a suggestion mark it may not, or null. */
  foreignMark(): string | null {
    return this.analyse().foreign;
  }

  /**
   * Why a block change here is not what its card says, or null: a structure mark stands on
   * marker characters only (accepting it removes what it stands on), and belongs to the same
   * suggestion as their insertion (deciding one decides the other).
   */
  markerProblem(text: string): string | null {
    const { insertId, structureId } = this.analyse();
    if (structureId === undefined) return null;
    if (structureId !== insertId) return 'a block change under another id than its text';
    for (const ch of text) if (!isMarkerChar(ch)) return 'a block change on text that is not its marker';
    return null;
  }

  private analyse(): { own: boolean; foreign: string | null; key: string; insertId: unknown; structureId: unknown } {
    if (this.analysed) return this.analysed;
    let own = false;
    let foreign: string | null = null;
    let insertId: unknown;
    let structureId: unknown;
    const parts: string[] = [];
    for (const [key, value] of this.attributes) {
      const mark = markOf(key);
      const suggestion = isSuggestionMarkName(mark);
      const mine = suggestion && isOwn(value, this.peer);
      if (mine && mark === SUGGESTION_INSERT) {
        own = true;
        insertId = (value as { id: unknown }).id;
      }
      if (mark === SUGGESTION_STRUCTURE) structureId = typeof value === 'object' && value !== null ? (value as { id: unknown }).id : null;
      if (suggestion && !mine) foreign ??= `its text carries a ${mark} that is not the sender's own`;
      // The peer's own proposed deletions and formatting of others' text may come and go; a
      // structure mark stays counted, so it is only ever on the peer's own proposed text (its marker).
      if (!(mine && (mark === SUGGESTION_DELETE || mark === SUGGESTION_FORMAT))) parts.push(`${JSON.stringify(key)}:${canonical(value)}`);
    }
    this.analysed = { own, foreign, key: `\u0000${parts.sort().join(',')}`, insertId, structureId };
    return this.analysed;
  }
}

/** markName, remembered: the same few attribute names come up for every format item. */
const markNames = new Map<string, string>();
function markOf(key: string): string {
  let mark = markNames.get(key);
  if (mark === undefined) {
    if (markNames.size > 1000) markNames.clear();
    markNames.set(key, (mark = markName(key)));
  }
  return mark;
}

/** A small JSON value (the shape guard bounds them) as text, object keys sorted; remembered per object, as format items share theirs. */
const canonicalTexts = new WeakMap<object, string>();
function canonical(value: unknown): string {
  if (typeof value !== 'object' || value === null) return JSON.stringify(value) ?? 'undefined';
  const known = canonicalTexts.get(value);
  if (known !== undefined) return known;
  const text = Array.isArray(value)
    ? `[${value.map(canonical).join(',')}]`
    : `{${Object.keys(value)
        .sort()
        .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
        .join(',')}}`;
  canonicalTexts.set(value, text);
  return text;
}

/**
 * A suggestion mark's attributes, made by `peer`: in their name, under an id of theirs (an id
 * names its author, so nobody adds to another's suggestion under its id), at a plausible time
 * (the time decides which of several accepted together wins, and is printed in exports).
 */
function isOwn(value: unknown, peer: string): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const { id, author, at } = value as Record<string, unknown>;
  return author === peer && typeof id === 'string' && isOwnSuggestionId(id, peer) && typeof at === 'number' && plausibleSuggestionTime(at);
}

/** Whether a prose element holds text (a paragraph, a heading), not only other elements (a list). */
function holdsText(element: Y.XmlElement): boolean {
  schema ??= proseSchema();
  return schema.nodes[element.nodeName]?.inlineContent === true;
}

/** Built once: a schema takes a while to build, and never changes. */
let schema: ReturnType<typeof proseSchema> | null = null;

/** Whether a type lies in the prose: walked up to its root, which must be the body fragment. */
function inBody(doc: Y.Doc, type: YType): boolean {
  let top = type;
  let depth = 0;
  while (top._item !== null) {
    const parent = top._item.parent;
    if (!(parent instanceof Y.AbstractType) || ++depth > 10_000) return false;
    top = parent;
  }
  return top !== type && doc.share.get(BODY_FRAGMENT) === top;
}


/** The index of the first of `runs` (sorted, not overlapping) that ends after `clock`. */
function firstEndingAfter(runs: ReadonlyArray<{ from: number; to: number }>, clock: number): number {
  let low = 0;
  let high = runs.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (runs[mid]!.to <= clock) low = mid + 1;
    else high = mid;
  }
  return low;
}
