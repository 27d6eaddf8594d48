import { CLOSE_CODES, type DocAccess } from '@sakutei/shared';
import { afterEach, describe, expect, it } from 'vitest';
import type { AppDeps } from '../env';
import { createServerEvents } from '../events';
import { DRAFT_ACCESS_KEEP_MS, draftAccessStamp, noteDraftAccessChange, rememberedDraftAccessChanges, startAccessWatcher } from './accessWatcher';
import type { Connection } from './room/room';

/**
 * A review that locks the draft holds its editors to suggesting in the same tick as the event,
 * not after storage has been read for each connection in turn: an edit sent meanwhile would
 * otherwise be applied. Storage here never answers, so only what happens at once is seen.
 */
function fakeConnection(docName: string, access: DocAccess) {
  const closed: Array<[number, string]> = [];
  const conn = {
    room: { name: docName },
    peer: { id: `u-${access}`, name: '', color: '', access, ceiling: 'edit' as DocAccess, workspaceId: 'w', sessionId: null },
    socket: { send: () => undefined, close: (code: number, reason: string) => closed.push([code, reason]) },
  };
  return { conn: conn as unknown as Connection, closed };
}

let stop: (() => void) | null = null;
afterEach(() => stop?.());

function watch(conns: Connection[]) {
  const events = createServerEvents();
  const left: Connection[] = [];
  const never = () => new Promise<never>(() => undefined);
  const deps = {
    events,
    rooms: { connections: () => conns, leave: (c: Connection) => left.push(c) },
    storage: { accounts: { findSession: never }, workspaces: { roleOf: never, findPlanByDocName: never }, revisions: { openReviews: never } },
    config: { revalidateMs: 3_600_000 },
  } as unknown as AppDeps;
  stop = startAccessWatcher(deps);
  return { events, left };
}

describe('the access watcher on a draft lock', () => {
  it('holds editors to suggesting and sends them back at once; others wait for the re-check', () => {
    const editor = fakeConnection('plan-a', 'edit');
    const staff = fakeConnection('plan-a', 'suggest');
    const elsewhere = fakeConnection('plan-b', 'edit');
    const { events, left } = watch([editor.conn, staff.conn, elsewhere.conn]);
    const before = draftAccessStamp('plan-a');
    events.emit('draftAccessChanged', { docName: 'plan-a', locked: true });
    expect(editor.conn.peer.access).toBe('suggest');
    expect(editor.closed).toEqual([[CLOSE_CODES.accessChanged, expect.stringContaining('locked')]]);
    expect(left).toEqual([editor.conn]);
    expect(staff.closed).toEqual([]);
    expect(elsewhere.conn.peer.access).toBe('edit');
    // A socket being let in meanwhile sees the stamp move and is re-checked once it has joined.
    expect(draftAccessStamp('plan-a')).not.toBe(before);
  });

  it('leaves editors to the re-check when the lock ends (an unlock gives access back, never less)', () => {
    const editor = fakeConnection('plan-c', 'suggest');
    const { events } = watch([editor.conn]);
    events.emit('draftAccessChanged', { docName: 'plan-c', locked: false });
    expect(editor.closed).toEqual([]);
  });
});

describe('the record of draft access changes', () => {
  it('forgets drafts changed long ago, so it holds only recent ones however many plans had a review', () => {
    // From now on: the tests above noted changes at the real time.
    const start = Date.now();
    const every = 1_000;
    // A change a second, each on a new draft, for three times the keeping time.
    const changes = (3 * DRAFT_ACCESS_KEEP_MS) / every;
    let most = 0;
    for (let k = 0; k < changes; k++) {
      noteDraftAccessChange(`bounded-${k}`, start + k * every);
      most = Math.max(most, rememberedDraftAccessChanges());
    }
    expect(most).toBeLessThanOrEqual(DRAFT_ACCESS_KEEP_MS / every + 1 + 2 /* entries of the tests above */);
    expect(draftAccessStamp('bounded-0')).toBe(0);
    expect(draftAccessStamp(`bounded-${changes - 1}`)).toBeGreaterThan(0);
  });

  it('still tells a socket let in across a change, when the draft was forgotten in between', () => {
    const start = Date.now() + 4 * DRAFT_ACCESS_KEEP_MS;
    noteDraftAccessChange('forgotten', start);
    const before = draftAccessStamp('forgotten');
    // Forgotten by the sweep another draft's change makes, then changed again.
    noteDraftAccessChange('another', start + DRAFT_ACCESS_KEEP_MS);
    expect(draftAccessStamp('forgotten')).toBe(0);
    noteDraftAccessChange('forgotten', start + DRAFT_ACCESS_KEEP_MS + 1);
    expect(draftAccessStamp('forgotten')).not.toBe(before);
    expect(draftAccessStamp('forgotten')).not.toBe(0);
  });
});
