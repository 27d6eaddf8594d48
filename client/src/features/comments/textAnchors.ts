import {
  BODY_FRAGMENT,
  decodeRelativePosition,
  encodeRelativePosition,
  markerFree,
  resolveTextAnchor,
  type TextAnchor,
} from '@sakutei/shared';
import type { EditorState } from '@tiptap/pm/state';
import {
  absolutePositionToRelativePosition,
  relativePositionToAbsolutePosition,
  ySyncPluginKey,
  type ProsemirrorBinding,
} from '@tiptap/y-tiptap';
import * as Y from 'yjs';

/**
 * Text anchors are two Yjs relative positions. Inside a mounted editor they become
 * ProseMirror positions through the sync binding's type↔node mapping; without one (another
 * tab is showing) we can still tell whether the range survives and where it sits in the prose.
 */

export const MAX_QUOTE_CHARS = 1000;

export interface ProseRange {
  from: number;
  to: number;
}

/** The y-prosemirror binding of an editor, once it has rendered the shared document. */
export function syncBindingOf(state: EditorState): ProsemirrorBinding | null {
  const ystate = ySyncPluginKey.getState(state) as { binding?: ProsemirrorBinding | null } | undefined;
  const binding = ystate?.binding ?? null;
  return binding && binding.mapping.size > 0 ? binding : null;
}

/** The anchor's range in the editor, or null when it is detached (its text was deleted). */
export function rangeInEditor(binding: ProsemirrorBinding, anchor: Pick<TextAnchor, 'start' | 'end'>): ProseRange | null {
  const start = decodeRelativePosition(anchor.start);
  const end = decodeRelativePosition(anchor.end);
  if (!start || !end) return null;
  const from = relativePositionToAbsolutePosition(binding.doc, binding.type, start, binding.mapping);
  const to = relativePositionToAbsolutePosition(binding.doc, binding.type, end, binding.mapping);
  if (from === null || to === null || from >= to) return null;
  return { from, to };
}

/** A new anchor for the editor range `from`–`to`; the quote is what the reader selected. */
export function anchorForRange(binding: ProsemirrorBinding, { from, to }: ProseRange, quote: string): TextAnchor | null {
  // The selection may take in a suggestion's marker (a proposed break): quoted as the break, not the character.
  const text = markerFree(quote).trim().slice(0, MAX_QUOTE_CHARS).trim();
  if (from >= to || text === '') return null;
  return {
    kind: 'text',
    start: encodeRelativePosition(absolutePositionToRelativePosition(from, binding.type, binding.mapping) as Y.RelativePosition),
    end: encodeRelativePosition(absolutePositionToRelativePosition(to, binding.type, binding.mapping) as Y.RelativePosition),
    quote: text,
  };
}

/**
 * Child indexes from the body fragment down to `type`; null when it is no longer in the body.
 * (`any`: Yjs types are invariant in their event type, so no narrower one fits every node.)
 */
function pathOf(type: Y.AbstractType<any>, root: Y.XmlFragment): number[] | null {
  const path: number[] = [];
  let current: Y.AbstractType<any> = type;
  while (current !== root) {
    if (current._item === null || current._item.deleted) return null;
    const parent = current.parent;
    if (!(parent instanceof Y.XmlFragment)) return null;
    path.unshift(parent.toArray().indexOf(current as Y.XmlElement | Y.XmlText));
    current = parent;
  }
  return path;
}

export function compareKeys(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const difference = a[i]! - b[i]!;
    if (difference !== 0) return difference;
  }
  return a.length - b.length;
}

/**
 * Where the anchor's range starts, as a sort key in document order, without an editor; null
 * when the range is detached. Used when the prose tab is not mounted.
 */
export function documentOrderOf(doc: Y.Doc, anchor: Pick<TextAnchor, 'start' | 'end'>): number[] | null {
  const resolved = resolveTextAnchor(doc, anchor);
  if (!resolved.attached) return null;
  const body = doc.getXmlFragment(BODY_FRAGMENT);
  const startPath = pathOf(resolved.start.type, body);
  const endPath = pathOf(resolved.end.type, body);
  if (!startPath || !endPath) return null;
  const start = [...startPath, resolved.start.index];
  const end = [...endPath, resolved.end.index];
  // Ends in different paragraphs: the range is gone when nothing is left between them.
  return compareKeys(start, end) < 0 ? start : null;
}
