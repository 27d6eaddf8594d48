import { describe, expect, it } from 'vitest';
import {
  abandonQuery,
  applyReply,
  initialLedger,
  phaseOf,
  recordEdit,
  resetConnection,
  startQuery,
  unsentOf,
  wantsQuery,
  type Ledger,
  type LinkState,
} from './saveLedger';

const live: LinkState = { online: true, connected: true, synced: true, everSynced: true };

function edited(times: number, ledger = initialLedger()): Ledger {
  let next = ledger;
  for (let i = 0; i < times; i++) next = recordEdit(next);
  return next;
}

describe('save ledger', () => {
  it('is saved only after a reply covering every edit', () => {
    let ledger = edited(2);
    expect(phaseOf(ledger, live)).toBe('syncing');
    const query = startQuery(ledger);
    ledger = recordEdit(query.ledger); // typed on while the query was out
    ledger = applyReply(ledger, { id: query.id, lost: 0 }, 1000).ledger;
    expect(unsentOf(ledger)).toBe(1);
    expect(ledger.savedAt).toBe(1000);
    expect(phaseOf(ledger, live)).toBe('syncing');
    expect(wantsQuery(ledger)).toBe(true);

    const second = startQuery(ledger);
    ledger = applyReply(second.ledger, { id: second.id, lost: 0 }, 2000).ledger;
    expect(unsentOf(ledger)).toBe(0);
    expect(phaseOf(ledger, live)).toBe('saved');
    expect(ledger.savedAt).toBe(2000);
  });

  it('does not call a fresh connection saved before the server vouched for it', () => {
    // Reopened with edits a previous visit could not confirm.
    let ledger = initialLedger(3);
    expect(phaseOf(ledger, { ...live, connected: false, synced: false, everSynced: false })).toBe('connecting');
    expect(phaseOf(ledger, live)).toBe('syncing');
    const query = startQuery(ledger);
    ledger = applyReply(query.ledger, { id: query.id, lost: 0 }, 5).ledger;
    expect(phaseOf(ledger, live)).toBe('saved');
    // Nothing typed, and a new socket: still unconfirmed until its first reply.
    expect(phaseOf(resetConnection(initialLedger()), live)).toBe('syncing');
  });

  it('treats a grown loss count as unsaved, and the next clean reply as saved', () => {
    let ledger = edited(1);
    const first = startQuery(ledger);
    const lost = applyReply(first.ledger, { id: first.id, lost: 1 }, 10);
    expect(lost.outcome).toBe('lost');
    ledger = lost.ledger;
    expect(unsentOf(ledger)).toBe(1);
    expect(phaseOf(ledger, live)).toBe('syncing');
    // After a resync on a new socket, its count starts again from zero.
    ledger = resetConnection(ledger);
    const second = startQuery(ledger);
    const clean = applyReply(second.ledger, { id: second.id, lost: 0 }, 20);
    expect(clean.outcome).toBe('confirmed');
    expect(phaseOf(clean.ledger, live)).toBe('saved');
  });

  it('ignores replies to queries it no longer waits for', () => {
    const ledger = edited(1);
    const query = startQuery(ledger);
    const abandoned = abandonQuery(query.ledger, query.id);
    expect(abandoned.inFlight).toBeNull();
    expect(applyReply(abandoned, { id: query.id, lost: 0 }, 1).outcome).toBe('ignored');
    expect(applyReply(resetConnection(query.ledger), { id: query.id, lost: 0 }, 1).outcome).toBe('ignored');
  });

  it('asks one question at a time', () => {
    const { ledger } = startQuery(edited(1));
    expect(wantsQuery(recordEdit(ledger))).toBe(false);
  });

  it('says offline when the browser or the socket is down, with the edits still counted', () => {
    const ledger = edited(4);
    expect(phaseOf(ledger, { ...live, online: false })).toBe('offline');
    expect(phaseOf(ledger, { ...live, connected: false, synced: false })).toBe('offline');
    expect(unsentOf(ledger)).toBe(4);
  });
});
