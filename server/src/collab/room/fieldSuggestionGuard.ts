import type { YType } from '@sakutei/shared';
import { isOwnSuggestionId, plausibleSuggestionTime } from '@sakutei/shared/editor';
import { FIELD_SUGGESTIONS_MAP, fieldSuggestionEntrySchema } from '@sakutei/shared/measures';
import * as Y from 'yjs';

/**
 * The part of the suggest-only rule for the measure table (見え消し in cells): a cell
 * suggestion is a whole entry of the root map `measureSuggestions` (shared
 * measures/fieldSuggestions.ts), keyed by its id. A suggest-only connection may add an entry
 * in its own name and delete an entry of its own (withdrawing, or replacing its earlier
 * proposal for the same cell); nothing else in that map, and never the table itself (the
 * prose guard refuses every other root).
 *
 * Judged on the update's structs before it is applied, as the prose rule is. A map entry is
 * an Item whose parentSub is the key: a first write names the root and the key; a write over
 * an earlier value of the key names only its origin (that earlier item), and Yjs takes parent
 * and key from there. Wherever Yjs' conflict resolution places the new item among the key's
 * items, it either becomes the key's value, deleting the value before it, or is deleted
 * itself; so the rule asks only that the key's live value now, if any, is the sender's own.
 */

/** Why a verdict is null: the item or struct is no entry of the suggestions map, other rules judge it. */
export type FieldVerdict = { problem: string | null } | null;

/** The root map, if the document has it (never created here: the guard only reads). */
function suggestionsRoot(doc: Y.Doc): YType | undefined {
  return doc.share.get(FIELD_SUGGESTIONS_MAP);
}

/** The author an entry's item names, or null when it holds no readable entry. */
function authorOf(item: Y.Item): string | null {
  if (!(item.content instanceof Y.ContentAny) || item.content.arr.length !== 1) return null;
  const value = item.content.arr[0] as { author?: unknown } | null;
  return typeof value === 'object' && value !== null && typeof value.author === 'string' ? value.author : null;
}

/**
 * The key of the suggestions map a new item writes, or null when it writes elsewhere. Follows
 * the item's origin through new items of the same update (a proposal replaced within it).
 */
function entryKey(doc: Y.Doc, start: Y.Item, newItemAt: (id: Y.ID) => Y.Item | null): string | null {
  const seen = new Set<Y.Item>();
  for (let item = start; ; ) {
    if (typeof item.parent === 'string') return item.parent === FIELD_SUGGESTIONS_MAP && item.parentSub !== null ? item.parentSub : null;
    if (item.parent !== null || item.origin === null) return null;
    const created = newItemAt(item.origin);
    if (created) {
      // A circle is left to the prose rule, which refuses it.
      if (seen.has(created)) return null;
      seen.add(item);
      item = created;
      continue;
    }
    if (item.origin.clock >= Y.getState(doc.store, item.origin.client)) return null;
    const before = Y.getItem(doc.store, item.origin);
    const root = suggestionsRoot(doc);
    return before instanceof Y.Item && root !== undefined && before.parent === root && before.parentSub !== null ? before.parentSub : null;
  }
}

/** The verdict on a new item of the update, sent by `peer`. */
export function fieldSuggestionItem(doc: Y.Doc, item: Y.Item, newItemAt: (id: Y.ID) => Y.Item | null, peer: string): FieldVerdict {
  const key = entryKey(doc, item, newItemAt);
  if (key === null) return null;
  // Yjs writes a map entry with no right neighbour; one that names one is not a plain entry.
  if (item.rightOrigin !== null) return { problem: 'a cell suggestion is placed as no map entry is' };
  // Ids name their author (as prose suggestions' do), and are short enough for the decisions API:
  // so a key can never be another's, nor one of their prose suggestions' ids.
  if (!isOwnSuggestionId(key, peer)) return { problem: "a cell suggestion's id is not the sender's own" };
  if (!(item.content instanceof Y.ContentDeleted)) {
    if (!(item.content instanceof Y.ContentAny) || item.content.arr.length !== 1) return { problem: 'a cell suggestion holds one plain value' };
    const entry = fieldSuggestionEntrySchema.safeParse(item.content.arr[0]);
    if (!entry.success) return { problem: 'a cell suggestion that does not read as one' };
    if (entry.data.author !== peer) return { problem: "a cell suggestion in someone else's name" };
    if (!plausibleSuggestionTime(entry.data.at)) return { problem: 'a cell suggestion dated before 2020 or beyond a week from now' };
  }
  const current = suggestionsRoot(doc)?._map.get(key);
  if (current && !current.deleted && authorOf(current) !== peer) return { problem: "overwrites someone else's cell suggestion" };
  return { problem: null };
}

/** The verdict on deleting an item of the document, asked by `peer`. */
export function fieldSuggestionDeletion(doc: Y.Doc, struct: Y.Item, peer: string): FieldVerdict {
  const root = suggestionsRoot(doc);
  if (root === undefined || struct.parent !== root) return null;
  if (struct.parentSub === null) return { problem: 'the cell suggestions are a map, not a list' };
  return authorOf(struct) === peer ? { problem: null } : { problem: "withdraws someone else's cell suggestion" };
}
