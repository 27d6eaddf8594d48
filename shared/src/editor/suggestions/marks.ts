import { Mark } from '@tiptap/core';
import { SUGGESTION_DELETE, SUGGESTION_FORMAT, SUGGESTION_INSERT, SUGGESTION_STRUCTURE } from './names';

/**
 * The two marks of a suggestion (見え消し). A suggestion is text someone proposes to add
 * (suggestionInsert, shown underlined) and text they propose to remove (suggestionDelete,
 * shown struck through), both carrying the same attributes: one contiguous change is one
 * suggestion, named by its group id, with its author's user id and the time it was made.
 *
 * A character is inserted by exactly one suggestion, so suggestionInsert excludes itself (the
 * default). Deletions may overlap: a member and the secretariat may both propose to replace
 * the same words with different wording, so suggestionDelete excludes nothing, and Yjs keeps
 * one attribute per deletion (y-prosemirror names it `suggestionDelete--<hash>`).
 */
export * from './names';

/** What every suggestion mark carries. `at` is epoch milliseconds. */
export type SuggestionAttrs = { id: string; author: string; at: number };

function suggestionAttributes() {
  return {
    id: { default: '' },
    author: { default: '' },
    at: { default: 0 },
  };
}

function renderedAttrs(kind: 'insert' | 'delete' | 'format' | 'structure', attrs: Record<string, unknown>): Record<string, string> {
  return {
    class: `suggestion suggestion--${kind}`,
    'data-suggestion': String(attrs.id ?? ''),
    'data-author': String(attrs.author ?? ''),
    'data-at': String(attrs.at ?? 0),
  };
}

function parsedAttrs(element: HTMLElement): SuggestionAttrs | false {
  const id = element.getAttribute('data-suggestion');
  if (!id) return false;
  return { id, author: element.getAttribute('data-author') ?? '', at: Number(element.getAttribute('data-at')) || 0 };
}

export const SuggestionInsertMark = Mark.create({
  name: SUGGESTION_INSERT,
  inclusive: false,
  addAttributes: suggestionAttributes,
  parseHTML: () => [{ tag: 'ins[data-suggestion]', getAttrs: (node) => parsedAttrs(node as HTMLElement) }],
  renderHTML: ({ HTMLAttributes }) => ['ins', renderedAttrs('insert', HTMLAttributes), 0],
});

export const SuggestionDeleteMark = Mark.create({
  name: SUGGESTION_DELETE,
  inclusive: false,
  excludes: '',
  addAttributes: suggestionAttributes,
  parseHTML: () => [{ tag: 'del[data-suggestion]', getAttrs: (node) => parsedAttrs(node as HTMLElement) }],
  renderHTML: ({ HTMLAttributes }) => ['del', renderedAttrs('delete', HTMLAttributes), 0],
});

/**
 * Proposed formatting of others' text: `mark` is one of SUGGESTIBLE_FORMATS, `action` whether
 * it is to be added or removed. The text's own formatting stays as adopted until the proposal
 * is accepted. Proposals overlap (one member proposes 太字, another 下線, on the same words),
 * so the mark excludes nothing.
 */
export const SuggestionFormatMark = Mark.create({
  name: SUGGESTION_FORMAT,
  inclusive: false,
  excludes: '',
  addAttributes: () => ({ ...suggestionAttributes(), mark: { default: '' }, action: { default: 'add' } }),
  parseHTML: () => [
    {
      tag: 'span.suggestion--format[data-suggestion]',
      getAttrs: (node) => {
        const attrs = parsedAttrs(node as HTMLElement);
        const element = node as HTMLElement;
        return attrs && { ...attrs, mark: element.getAttribute('data-mark') ?? '', action: element.getAttribute('data-action') === 'remove' ? 'remove' : 'add' };
      },
    },
  ],
  renderHTML: ({ HTMLAttributes }) => [
    'span',
    { ...renderedAttrs('format', HTMLAttributes), 'data-mark': String(HTMLAttributes.mark ?? ''), 'data-action': String(HTMLAttributes.action ?? 'add') },
    0,
  ],
});

/**
 * A proposed change of blocks, carried by its marker character (names.ts: STRUCTURE_MARKERS),
 * which is also the proposer's suggested insertion: rejecting it removes the marker like any
 * proposed text; accepting it makes the change. `block` and `level` name the proposed block
 * type of a `type` op ('' and 0 otherwise).
 */
export const SuggestionStructureMark = Mark.create({
  name: SUGGESTION_STRUCTURE,
  inclusive: false,
  addAttributes: () => ({ ...suggestionAttributes(), op: { default: 'split' }, block: { default: '' }, level: { default: 0 } }),
  parseHTML: () => [
    {
      tag: 'span.suggestion--structure[data-suggestion]',
      getAttrs: (node) => {
        const attrs = parsedAttrs(node as HTMLElement);
        const element = node as HTMLElement;
        return attrs && { ...attrs, op: element.getAttribute('data-op') ?? 'split', block: element.getAttribute('data-block') ?? '', level: Number(element.getAttribute('data-level')) || 0 };
      },
    },
  ],
  renderHTML: ({ HTMLAttributes }) => [
    'span',
    {
      ...renderedAttrs('structure', HTMLAttributes),
      'data-op': String(HTMLAttributes.op ?? ''),
      'data-block': String(HTMLAttributes.block ?? ''),
      'data-level': String(HTMLAttributes.level ?? 0),
    },
    0,
  ],
});

/**
 * A suggestion's id begins with its author's user id, so the id says whose it is: nobody can
 * add text to another person's suggestion under its id, or strike a passage in their name (the
 * server refuses a suggest-only update whose marks carry an id not its own).
 */
export function suggestionIdOf(author: string, nonce: string): string {
  return `${author}:${nonce}`;
}

/** Whether `id` is one `author` may make: theirs, and short enough for the decisions API. */
export function isOwnSuggestionId(id: string, author: string): boolean {
  return id.length <= MAX_SUGGESTION_ID_LENGTH && id.length > author.length + 1 && id.startsWith(`${author}:`);
}

/** The longest suggestion id the decisions API takes. */
export const MAX_SUGGESTION_ID_LENGTH = 64;

/**
 * The times a suggestion may claim: from 2020 (nothing was suggested before; an `at` of 0
 * would win every "earliest first" choice) to a week past the server's clock (a browser's
 * clock may run fast; a time far in the future cannot be printed as a date at all).
 */
export function plausibleSuggestionTime(at: number, now = Date.now()): boolean {
  return Number.isFinite(at) && at >= Date.UTC(2020, 0, 1) && at <= now + 7 * 24 * 3600 * 1000;
}
