/**
 * How the processes serving one document hear each other. A room publishes what its own
 * clients changed, after storing it, and applies what it hears; nobody asks anybody for
 * state, so a busy document costs one message per change however many processes serve it.
 */
export interface DocBus {
  /**
   * Starts hearing a document. Resolves once every message published from then on will
   * arrive, which is why a room subscribes before it loads: anything published earlier was
   * stored before it was published, so the load has it.
   */
  join(docName: string, listener: DocListener): Promise<DocChannel>;
  close(): Promise<void>;
}

export interface DocListener {
  /** A document update another process accepted and stored. */
  update(update: Uint8Array): void;
  /** A presence update from another process's clients. */
  awareness(update: Uint8Array): void;
}

export interface DocChannel {
  publishUpdate(update: Uint8Array): void;
  publishAwareness(update: Uint8Array): void;
  leave(): Promise<void>;
}
