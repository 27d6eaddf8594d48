/**
 * The bookkeeping behind the 保存済み / 同期中 / オフライン indicator, as pure functions of
 * plain data, so every rule is testable without a socket.
 *
 * Edits are counted as they are made. After edits, the client asks the room "have you stored
 * what I sent?" (shared/collab/storedAck.ts); a reply covers every edit made before its query,
 * unless the reply's count of lost frames grew since the previous reply on this connection, in
 * which case something was refused or dropped and nothing can be called saved until a fresh
 * sync has sent the difference again.
 */

export type SavePhase = 'connecting' | 'offline' | 'syncing' | 'saved';

export interface Ledger {
  /** Edits made here (and, on a reopened plan, those a previous visit left unconfirmed). */
  edits: number;
  /** How many of `edits` the server has confirmed stored. */
  confirmed: number;
  /** The one query awaiting its reply: its id and the edit count it covers. */
  inFlight: { id: number; upTo: number } | null;
  /** The lost-frame count of this connection's last reply; null before the first reply. */
  lastLost: number | null;
  nextId: number;
  /** When an edit was last confirmed stored (ms since the epoch); null if none this visit. */
  savedAt: number | null;
}

export function initialLedger(restoredUnsent = 0): Ledger {
  return { edits: restoredUnsent, confirmed: 0, inFlight: null, lastLost: null, nextId: 1, savedAt: null };
}

export function unsentOf(ledger: Ledger): number {
  return ledger.edits - ledger.confirmed;
}

export function recordEdit(ledger: Ledger): Ledger {
  return { ...ledger, edits: ledger.edits + 1 };
}

/** Whether a query should go out: something unconfirmed, or this connection not yet vouched for. */
export function wantsQuery(ledger: Ledger): boolean {
  return ledger.inFlight === null && (unsentOf(ledger) > 0 || ledger.lastLost === null);
}

/** Opens a query covering every edit made so far; returns the new ledger and the query's id. */
export function startQuery(ledger: Ledger): { ledger: Ledger; id: number } {
  const id = ledger.nextId;
  return { ledger: { ...ledger, nextId: id + 1, inFlight: { id, upTo: ledger.edits } }, id };
}

/** A query that was never answered (dropped, or the store is slow): let another one go. */
export function abandonQuery(ledger: Ledger, id: number): Ledger {
  return ledger.inFlight?.id === id ? { ...ledger, inFlight: null } : ledger;
}

export type ReplyOutcome = 'ignored' | 'confirmed' | 'lost';

/**
 * Applies the room's reply. `lost` growing (or being non-zero on a connection's first reply)
 * means an edit sent on this connection never reached the document: the caller must resync.
 */
export function applyReply(
  ledger: Ledger,
  reply: { id: number; lost: number },
  now: number,
): { ledger: Ledger; outcome: ReplyOutcome } {
  if (ledger.inFlight?.id !== reply.id) return { ledger, outcome: 'ignored' };
  const clean = reply.lost === (ledger.lastLost ?? 0);
  const base = { ...ledger, inFlight: null, lastLost: reply.lost };
  if (!clean) return { ledger: base, outcome: 'lost' };
  const upTo = Math.max(ledger.confirmed, ledger.inFlight.upTo);
  const newlySaved = upTo > ledger.confirmed;
  return { ledger: { ...base, confirmed: upTo, savedAt: newlySaved ? now : ledger.savedAt }, outcome: 'confirmed' };
}

/** A new connection (or none): the old one's query and loss count mean nothing any more. */
export function resetConnection(ledger: Ledger): Ledger {
  return { ...ledger, inFlight: null, lastLost: null };
}

export interface LinkState {
  /** The browser says it is online. */
  online: boolean;
  /** The socket is open. */
  connected: boolean;
  /** The first sync exchange of this socket is done. */
  synced: boolean;
  /** This page has synced with the server at least once. */
  everSynced: boolean;
}

/** What the indicator shows. 保存済み only once the server vouched for every edit on this connection. */
export function phaseOf(ledger: Ledger, link: LinkState): SavePhase {
  if (!link.online) return 'offline';
  if (!link.connected) return link.everSynced ? 'offline' : 'connecting';
  if (link.synced && ledger.lastLost !== null && unsentOf(ledger) === 0) return 'saved';
  return 'syncing';
}
