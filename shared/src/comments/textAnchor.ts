import * as Y from 'yjs';
import type { TextAnchor } from './model';

/** Base64 without Buffer, so the same code runs in the browser and on the server. */
function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export function encodeRelativePosition(position: Y.RelativePosition): string {
  return toBase64(Y.encodeRelativePosition(position));
}

/** Null when the text is not an encoded relative position. */
export function decodeRelativePosition(encoded: string): Y.RelativePosition | null {
  try {
    return Y.decodeRelativePosition(fromBase64(encoded));
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
