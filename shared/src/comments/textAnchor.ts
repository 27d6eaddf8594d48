import * as Y from 'yjs';
import { base64ToBytes, bytesToBase64 } from '../encoding/base64';
import type { TextAnchor } from './model';

export function encodeRelativePosition(position: Y.RelativePosition): string {
  return bytesToBase64(Y.encodeRelativePosition(position));
}

/** Null when the text is not an encoded relative position. */
export function decodeRelativePosition(encoded: string): Y.RelativePosition | null {
  try {
    return Y.decodeRelativePosition(base64ToBytes(encoded));
  } catch {
    return null;
  }
}

export type ResolvedTextAnchor =
  | { attached: true; start: Y.AbsolutePosition; end: Y.AbsolutePosition }
  | { attached: false };

/**
 * Where a text anchor's range is now. It is detached when its text was deleted: both ends
 * then resolve to the same place (or to a type that is gone). A range spanning several
 * paragraphs is compared by the editor, which knows how types nest.
 */
export function resolveTextAnchor(doc: Y.Doc, anchor: Pick<TextAnchor, 'start' | 'end'>): ResolvedTextAnchor {
  const startRel = decodeRelativePosition(anchor.start);
  const endRel = decodeRelativePosition(anchor.end);
  if (!startRel || !endRel) return { attached: false };
  const start = Y.createAbsolutePositionFromRelativePosition(startRel, doc);
  const end = Y.createAbsolutePositionFromRelativePosition(endRel, doc);
  if (!start || !end) return { attached: false };
  if (start.type === end.type && start.index >= end.index) return { attached: false };
  return { attached: true, start, end };
}
