import {
  BODY_FRAGMENT,
  MINUTES_DOC_PREFIX,
  PLAN_DOC_ROOTS,
  SHAPE_LIMITS,
  type ProseRules,
  type ShapeContext,
  type ShapeLimits,
  type YType,
  checkDocShape,
  childRule,
  deepestRowOf,
  docNameForPlan,
  entryOf,
  rootContext,
  rowParentOf,
  rowParentsOf,
} from '@sakutei/shared';
import { planProseShapeRules } from '@sakutei/shared/editor';
import * as Y from 'yjs';
import { newItemHolding } from './newItems';

/**
 * Refuses an update whose new content would leave the document in a shape no reader expects
 * (shared/collab/shape.ts): an unknown root, an element or mark the prose schema lacks,
 * prose nested too deep, a measure record field of the wrong type, rows chained too deep,
 * too many records.
 *
 * Design. Yjs cannot take an applied update back, and copying the document to try the
 * update on it would cost the whole document per keystroke. So the check runs BEFORE the
 * update is applied, on the update's own structs (Y.decodeUpdate): each new item is placed
 * the way Yjs will place it (its parent is named, or is its left or right neighbour's, which
 * is either in the document or earlier in the same update), and asked whether it may sit
 * there. A Yjs item never moves and a type never changes parent, so what a document type
 * may hold (its context: prose element and depth, record kind …) is computed once, by
 * walking up to its root, and kept in a WeakMap: a keystroke costs one lookup of its
 * neighbour and one rule. Deletions cannot break a shape and are not looked at. Only the
 * properties that span records are computed on the document: the row chains, when the
 * update moves or adds a row, and the size of a map, when it adds an entry.
 *
 * The update has already passed updateGuard (well-formed, bounded, every reference met), so
 * every neighbour and parent it names exists here or in it.
 */

/** What a Y type of the document may hold (null when the type itself breaks the shape), per set of limits. */
const contextCaches = new WeakMap<ShapeLimits, WeakMap<YType, ShapeContext | null>>();

function rulesOf(rules: ProseRules | undefined): ProseRules {
  return rules ?? planProseShapeRules();
}

/** Where a new item goes: a context to check it against, and its map key; null when Yjs will drop it. */
type Placement = { context: ShapeContext; key: string | null; parent: Parent } | null;
/** The parent type: one in the document, or one the update creates (by its item). */
type Parent = { doc: YType } | { created: Y.Item };

export type ShapeOptions = {
  rules?: ProseRules;
  limits?: ShapeLimits;
  /** The only roots the document may hold; absent, every root of a plan's document. */
  roots?: readonly string[];
};

/** Why the update would break the document's shape, or null when it keeps it. */
export function shapeViolation(doc: Y.Doc, update: Uint8Array, options: ShapeOptions = {}): string | null {
  const rules = rulesOf(options.rules);
  const limits = options.limits ?? SHAPE_LIMITS;
  const { structs } = Y.decodeUpdate(update);
  const fresh: Y.Item[] = [];
  const byClient = new Map<number, Y.Item[]>();
  for (const struct of structs) {
    if (!(struct instanceof Y.Item)) continue;
    if (struct.id.clock + struct.length <= Y.getState(doc.store, struct.id.client)) continue; // already here
    fresh.push(struct);
    let list = byClient.get(struct.id.client);
    if (!list) byClient.set(struct.id.client, (list = []));
    list.push(struct);
  }
  if (fresh.length === 0) return null;

  const docContext = (type: YType): ShapeContext | null | string => contextOfDocType(doc, type, rules, limits);
  const found = (id: Y.ID): Y.AbstractStruct | null => {
    if (id.clock < Y.getState(doc.store, id.client)) return Y.getItem(doc.store, id);
    return newItemHolding(byClient.get(id.client), id.clock);
  };
  const freshSet = new Set<Y.AbstractStruct>(fresh);
  const isNew = (struct: Y.AbstractStruct): boolean => freshSet.has(struct);

  // Placements of new items, resolved without recursion: an item waits on the neighbour or
  // the parent it takes its place from, when that is new too.
  const placements = new Map<Y.Item, Placement>();
  const createdContexts = new Map<Y.Item, ShapeContext | string>();
  /** The new item an item's placement depends on, or null when it depends on the document only. */
  const dependency = (item: Y.Item): Y.Item | null => {
    const parent = item.parent as unknown;
    const ref = parent instanceof Y.ID ? parent : parent === null ? (item.origin ?? item.rightOrigin) : null;
    const struct = ref ? found(ref) : null;
    return struct instanceof Y.Item && isNew(struct) ? struct : null;
  };
  const placeOf = (start: Y.Item): Placement | string => {
    const known = placements.get(start);
    if (known !== undefined || placements.has(start)) return known!;
    // The usual case, typing included: what it depends on is in the document or placed already.
    const needed = dependency(start);
    if (!needed || placements.has(needed)) {
      const step = directPlacement(start);
      if (typeof step !== 'string') placements.set(start, step);
      return step;
    }
    const stack = [start];
    const onStack = new Set(stack);
    while (stack.length > 0) {
      const current = stack[stack.length - 1]!;
      if (!placements.has(current)) {
        const needed = dependency(current);
        if (needed && !placements.has(needed)) {
          if (onStack.has(needed)) return 'items refer to each other in a circle';
          stack.push(needed);
          onStack.add(needed);
          continue;
        }
        const step = directPlacement(current);
        if (typeof step === 'string') return step;
        placements.set(current, step);
      }
      stack.pop();
      onStack.delete(current);
    }
    return placements.get(start)!;
  };
  /** The context of a type the update creates, once the item holding it is placed. */
  const createdContext = (item: Y.Item): ShapeContext | string | null => {
    const known = createdContexts.get(item);
    if (known !== undefined) return known;
    const placed = placements.get(item);
    if (!placed) return null;
    const entry = entryOf(item.content, placed.key);
    const result = entry ? childRule(placed.context, entry, rules, limits) : null;
    const context = !result ? null : result.ok ? result.context : result.problem;
    if (context !== null) createdContexts.set(item, context);
    return context;
  };
  /** Where an item goes, its dependency (if new) being placed already. */
  const directPlacement = (item: Y.Item): Placement | string => {
    const parent = item.parent as unknown;
    if (typeof parent === 'string') {
      const context = options.roots && !options.roots.includes(parent) ? null : rootContext(parent);
      if (!context) return `this document has no root "${parent.slice(0, 60)}"`;
      return { context, key: item.parentSub, parent: { doc: doc.get(parent) } };
    }
    if (parent instanceof Y.ID) {
      const struct = found(parent);
      if (!(struct instanceof Y.Item) || !(struct.content instanceof Y.ContentType)) return null;
      if (isNew(struct)) {
        const context = createdContext(struct);
        if (typeof context === 'string') return context;
        return context ? { context, key: item.parentSub, parent: { created: struct } } : null;
      }
      return fromDocType(struct.content.type, item.parentSub);
    }
    const neighbour = item.origin ?? item.rightOrigin;
    const struct = neighbour ? found(neighbour) : null;
    if (!(struct instanceof Y.Item)) return null;
    // Yjs gives an item without a named parent its neighbour's parent and key.
    if (isNew(struct)) return placements.get(struct) ?? null;
    if (!(struct.parent instanceof Y.AbstractType)) return null;
    return fromDocType(struct.parent, struct.parentSub);
  };
  const fromDocType = (type: YType, key: string | null): Placement | string => {
    const context = docContext(type);
    if (typeof context === 'string') return context;
    if (context === null) return 'the update writes into a part of the document that breaks its shape';
    return { context, key, parent: { doc: type } };
  };

  const addedKeys = new Map<YType | Y.Item, Set<string>>();
  const moved = new Map<string, string | null>();
  for (const item of fresh) {
    const placed = placeOf(item);
    if (typeof placed === 'string') return placed;
    if (placed === null) continue;
    // Typed text is the bulk of every update, and always allowed in text: no entry to build.
    if (item.content instanceof Y.ContentString && placed.key === null && (placed.context.kind === 'proseText' || placed.context.kind === 'plainText')) continue;
    const entry = entryOf(item.content, placed.key);
    if (!entry) continue;
    const result = childRule(placed.context, entry, rules, limits);
    if (!result.ok) return result.problem;
    if (placed.key !== null && (placed.context.kind === 'recordMap' || placed.context.kind === 'valueMap' || placed.context.kind === 'actuals')) {
      const container = 'doc' in placed.parent ? placed.parent.doc : placed.parent.created;
      let keys = addedKeys.get(container);
      if (!keys) addedKeys.set(container, (keys = new Set()));
      keys.add(placed.key);
    }
    if (placed.context.kind === 'record' && placed.context.record === 'node' && placed.key === 'position') {
      const id = recordId(placed.parent, placements);
      if (id !== null && entry.content === 'values') moved.set(id, rowParentOf(entry.values[0]));
    }
    if (placed.context.kind === 'recordMap' && placed.context.record === 'node' && placed.key !== null) {
      // A new row: its position arrives as an item of the new record, counted above.
      if (!moved.has(placed.key)) moved.set(placed.key, currentParent(doc, placed.key));
    }
  }
  for (const [container, keys] of addedKeys) {
    const existing = container instanceof Y.AbstractType ? liveKeys(container, keys, limits.maxRecords) : 0;
    if (existing + keys.size > limits.maxRecords) return `more than ${limits.maxRecords} entries in one map`;
  }
  if (moved.size > 0) {
    const before = rowParentsOf(doc);
    const after = new Map(before);
    for (const [id, parent] of moved) after.set(id, parent);
    if (deepestRowOf(after, limits.maxRowDepth) !== null && deepestRowOf(before, limits.maxRowDepth) === null) {
      return `rows nested deeper than ${limits.maxRowDepth}`;
    }
  }
  return null;
}


/**
 * The context of a type already in the document: its root's, then each step down by the
 * rule. Types never move, so it is computed once per type. A string explains a type that
 * itself breaks the shape (a document stored before this check).
 */
function contextOfDocType(doc: Y.Doc, type: YType, rules: ProseRules, limits: ShapeLimits): ShapeContext | null | string {
  let contexts = contextCaches.get(limits);
  if (!contexts) contextCaches.set(limits, (contexts = new WeakMap()));
  const cached = contexts.get(type);
  if (cached !== undefined) return cached;
  const path: YType[] = [];
  let top = type;
  while (top._item !== null && !contexts.has(top)) {
    path.push(top);
    top = top._item.parent as YType;
  }
  let context: ShapeContext | null;
  if (contexts.has(top)) context = contexts.get(top)!;
  else {
    let name: string | null = null;
    for (const [key, root] of doc.share) if (root === top) name = key;
    context = name === null ? null : rootContext(name);
    contexts.set(top, context);
  }
  for (let i = path.length - 1; i >= 0; i--) {
    const step = path[i]!;
    if (context !== null) {
      const entry = entryOf(step._item!.content, step._item!.parentSub);
      const result = entry ? childRule(context, entry, rules, limits) : null;
      context = result?.ok ? result.context : null;
    }
    contexts.set(step, context);
  }
  return context;
}

/** The id of the row record a new item goes into: the record's key in `measureNodes`. */
function recordId(parent: Parent, placements: Map<Y.Item, Placement>): string | null {
  if ('doc' in parent) return parent.doc._item?.parentSub ?? null;
  const placed = placements.get(parent.created);
  return placed ? placed.key : null;
}

function nodesMap(doc: Y.Doc): YType | undefined {
  return doc.share.get(PLAN_DOC_ROOTS[1].measureNodes);
}

function currentParent(doc: Y.Doc, id: string): string | null {
  const item = nodesMap(doc)?._map.get(id);
  if (!item || item.deleted || !(item.content instanceof Y.ContentType)) return null;
  const record = item.content.type;
  return record instanceof Y.Map ? rowParentOf(record.get('position')) : null;
}

/** Live entries of a map not among `adding`, counted only as far as the limit needs. */
function liveKeys(map: YType, adding: Set<string>, limit: number): number {
  // Every key ever set is in _map (deleted ones too): when that is within the limit, so is the rest.
  if (map._map.size + adding.size <= limit) return 0;
  let live = 0;
  for (const [key, item] of map._map) if (!item.deleted && !adding.has(key)) live++;
  return live;
}

/**
 * A one-line account of how a stored document breaks the shape (one written before the
 * server checked shapes), for the log when its room loads; null when it keeps it. Readers
 * flatten or skip what is beyond the bounds, and freezing such a document is refused.
 */
export function storedShapeReport(doc: Y.Doc, rules?: ProseRules): string | null {
  const problems = checkDocShape(doc, rulesOf(rules));
  if (problems.length === 0) return null;
  const first = problems.slice(0, 3).map((p) => `${p.where}: ${p.problem}`);
  return `${problems.length}${problems.length >= 50 ? '+' : ''} shape problem(s), e.g. ${first.join('; ')}`;
}

const PLAN_PREFIX = docNameForPlan('');

/** Whether a room holds a plan's document. */
export function isPlanDocument(docName: string): boolean {
  return docName.startsWith(PLAN_PREFIX);
}

/** A meeting's minutes hold the prose alone, in the plan's prose schema (issue 17). */
const MINUTES_SHAPE: ShapeOptions = { roots: [BODY_FRAGMENT] };

/**
 * What the shape guard checks a room's updates against: a plan's every root, a meeting's
 * minutes only the prose; null for a document whose shape is not known (left alone).
 */
export function documentShape(docName: string): ShapeOptions | null {
  if (isPlanDocument(docName)) return {};
  if (docName.startsWith(MINUTES_DOC_PREFIX)) return MINUTES_SHAPE;
  return null;
}
