import * as Y from 'yjs';
import { encodeSyncStep2 } from './protocol';

/** A fresh client's state vector: no clients, nothing known. */
const EMPTY_STATE_VECTOR = Y.encodeStateVector(new Y.Doc());

/** True for the sync request of a client that has nothing yet (the usual first load). */
export function isEmptyStateVector(stateVector: Uint8Array): boolean {
  return stateVector.length === EMPTY_STATE_VECTOR.length && stateVector[0] === EMPTY_STATE_VECTOR[0];
}

/**
 * The answer to a fresh client's sync request, encoded once per version of the document and
 * shared: encoding a large document is the dearest thing a room does, and a council opening
 * the plan at the start of a meeting asks for the same bytes forty times over. The answer is
 * whole (a client counts itself loaded once it arrives), so any change starts a new version.
 */
export class FreshSyncCache {
  private reply: Uint8Array | null = null;

  constructor(private readonly doc: Y.Doc) {}

  /** The sync reply that brings an empty document to the current state. */
  frame(): Uint8Array {
    this.reply ??= encodeSyncStep2(this.doc, EMPTY_STATE_VECTOR);
    return this.reply;
  }

  /** The document changed: the next fresh client gets a new encoding. */
  invalidate(): void {
    this.reply = null;
  }
}
