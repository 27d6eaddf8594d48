import {
  FIELD_SUGGESTIONS_MAP,
  type FieldTarget,
  addKpi,
  addNode,
  fieldSuggestionsMap,
  listFieldSuggestions,
  num,
  readKpiRecord,
  suggestFieldValue,
  updateKpi,
  withdrawFieldSuggestion,
} from '@sakutei/shared/measures';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { suggestionViolation } from './suggestionGuard';

const PEER = 'u-staff';
const OTHER = 'u-member';

/** The server's plan document with a row and a KPI, and a browser's replica of it (client ids fixed). */
function setup(replicaClient = 100) {
  const server = new Y.Doc();
  server.clientID = 1;
  let n = 0;
  const newId = () => `id${++n}`;
  const placement = addNode(server, { parent: null }, { kind: 'measure', title: '商店街の活性化' }, newId);
  const kpi = addKpi(server, placement, { name: '空き店舗数', unit: '店舗', targetValue: num(80) }, newId);
  const replica = new Y.Doc();
  replica.clientID = replicaClient;
  Y.applyUpdate(replica, Y.encodeStateAsUpdate(server));
  const target: FieldTarget = { kind: 'kpiFigure', id: kpi, field: 'targetValue' };
  return { server, replica, placement, kpi, target };
}

/** What `write` changes in `doc`, as one update. */
function capture(doc: Y.Doc, write: () => void): Uint8Array {
  const updates: Uint8Array[] = [];
  const listen = (update: Uint8Array) => updates.push(update);
  doc.on('update', listen);
  doc.transact(write);
  doc.off('update', listen);
  return Y.mergeUpdates(updates);
}

function expectAccepted(server: Y.Doc, update: Uint8Array, peer = PEER): void {
  expect(suggestionViolation(server, update, peer)).toBeNull();
  Y.applyUpdate(server, update);
}

function expectRefused(server: Y.Doc, update: Uint8Array, peer = PEER): string {
  const before = Y.encodeStateAsUpdate(server);
  const problem = suggestionViolation(server, update, peer);
  expect(problem).toEqual(expect.any(String));
  // The guard only reads (it does not even create the suggestions' root).
  expect(Y.encodeStateAsUpdate(server)).toEqual(before);
  return problem!;
}

/** Attributes of a proposal; a short id becomes the author's own (`author:id`), a full one (with a colon) is kept. */
const by = (author: string, id: string, at = 1_700_000_000_000) => ({ id: id.includes(':') ? id : `${author}:${id}`, author, at });

describe('suggestion guard: cell suggestions (measureSuggestions)', () => {
  it('accepts a proposal in one’s own name, its replacement and its withdrawal, written by the shared model', () => {
    const { server, replica, placement, target } = setup();
    expectAccepted(server, capture(replica, () => suggestFieldValue(replica, by(PEER, 's1'), target, num(70))));
    expectAccepted(server, capture(replica, () => suggestFieldValue(replica, by(PEER, 's2'), { kind: 'node', id: placement, field: 'title' }, '商店街の再生')));
    expect(listFieldSuggestions(server).map((s) => s.id)).toEqual([`${PEER}:s1`, `${PEER}:s2`]);
    // Proposing again for the same cell replaces one's earlier proposal (a deletion of one's own and a new key).
    expectAccepted(server, capture(replica, () => suggestFieldValue(replica, by(PEER, 's3', 1_700_000_000_500), target, num(65))));
    expect(listFieldSuggestions(server).map((s) => [s.id, s.value])).toEqual([
      [`${PEER}:s2`, '商店街の再生'],
      [`${PEER}:s3`, num(65)],
    ]);
    expectAccepted(server, capture(replica, () => withdrawFieldSuggestion(replica, `${PEER}:s2`)));
    expect(listFieldSuggestions(server).map((s) => s.id)).toEqual([`${PEER}:s3`]);
    // Writing one's own key again (a corrected proposal under the same id) is one's own business.
    expectAccepted(server, capture(replica, () => suggestFieldValue(replica, by(PEER, 's3', 1_700_000_000_900), target, num(60))));
    expect(listFieldSuggestions(server).map((s) => [s.id, s.value])).toEqual([[`${PEER}:s3`, num(60)]]);
    // The table itself has not moved, and the server reads what the browser reads.
    expect(readKpiRecord(server, target.id)!.target.value).toEqual(num(80));
    expect(fieldSuggestionsMap(server).toJSON()).toEqual(fieldSuggestionsMap(replica).toJSON());
  });

  it('accepts a proposal and its replacement made offline and sent as one update', () => {
    const { server, replica, target } = setup();
    const update = capture(replica, () => {
      suggestFieldValue(replica, by(PEER, 's1'), target, num(70));
      suggestFieldValue(replica, by(PEER, 's2'), target, num(75));
    });
    expectAccepted(server, update);
    expect(listFieldSuggestions(server).map((s) => [s.id, s.value])).toEqual([[`${PEER}:s2`, num(75)]]);
  });

  it('refuses a proposal in someone else’s name', () => {
    const { server, replica, target } = setup();
    expect(expectRefused(server, capture(replica, () => suggestFieldValue(replica, by(OTHER, 'm1'), target, num(70))))).toMatch(/not the sender's own/);
    // Under an id of one's own, but in the other's name.
    expect(expectRefused(server, capture(replica, () => suggestFieldValue(replica, by(OTHER, `${PEER}:m2`), target, num(70))))).toMatch(/someone else's name/);
  });

  it('refuses overwriting someone else’s proposal under its key, even with one of one’s own', () => {
    const { server, replica, target } = setup();
    // The member's proposal reaches the server (from the member's own editor) and the replica.
    const member = new Y.Doc();
    Y.applyUpdate(member, Y.encodeStateAsUpdate(server));
    const proposal = capture(member, () => suggestFieldValue(member, by(OTHER, 'm1'), target, num(70)));
    Y.applyUpdate(server, proposal);
    Y.applyUpdate(replica, proposal);
    const overwrite = capture(replica, () => fieldSuggestionsMap(replica).set(`${OTHER}:m1`, { author: PEER, at: 1_700_000_000_000, target, value: num(60), was: num(80) }));
    expect(expectRefused(server, overwrite)).toMatch(/not the sender's own/);
    // A first write of the same key, made without having seen the member's (YATA could place it last): refused too.
    const blind = setup(200);
    const fresh = new Y.Doc();
    fresh.clientID = 300;
    Y.applyUpdate(fresh, Y.encodeStateAsUpdate(blind.server));
    Y.applyUpdate(blind.server, capture(fresh, () => suggestFieldValue(fresh, by(OTHER, 'm1'), blind.target, num(70))));
    const race = capture(blind.replica, () => suggestFieldValue(blind.replica, by(PEER, `${OTHER}:m1`), blind.target, num(60)));
    expect(expectRefused(blind.server, race)).toMatch(/not the sender's own/);
  });

  it('refuses withdrawing someone else’s proposal, and accepts withdrawing one’s own', () => {
    const { server, replica, target } = setup();
    const member = new Y.Doc();
    Y.applyUpdate(member, Y.encodeStateAsUpdate(server));
    const proposal = capture(member, () => suggestFieldValue(member, by(OTHER, 'm1'), target, num(70)));
    Y.applyUpdate(server, proposal);
    Y.applyUpdate(replica, proposal);
    expect(expectRefused(server, capture(replica, () => withdrawFieldSuggestion(replica, `${OTHER}:m1`)))).toMatch(/withdraws someone else's/);
    // The member's own connection, were it suggest-only, may.
    expectAccepted(server, capture(member, () => withdrawFieldSuggestion(member, `${OTHER}:m1`)), OTHER);
    expect(fieldSuggestionsMap(server).size).toBe(0);
  });

  it('refuses writing the table itself, alone or beside an honest proposal', () => {
    const { server, replica, target } = setup();
    expect(expectRefused(server, capture(replica, () => updateKpi(replica, target.id, { targetValue: num(70) })))).toMatch(/prose|map entries/);
    const both = capture(replica, () => {
      suggestFieldValue(replica, by(PEER, 's1'), target, num(70));
      updateKpi(replica, target.id, { unit: '件' });
    });
    expectRefused(server, both);
  });

  it('refuses a value of the wrong kind, a malformed entry, a nested type and a list in the suggestions root', () => {
    const { server, replica, target } = setup();
    const map = () => fieldSuggestionsMap(replica);
    // A figure cell proposed as text.
    expect(expectRefused(server, capture(replica, () => map().set(`${PEER}:s1`, { author: PEER, at: 1_700_000_000_000, target, value: '70', was: num(80) })))).toMatch(/does not read/);
    expectRefused(server, capture(replica, () => map().set(`${PEER}:s2`, { author: PEER, at: 1_700_000_000_000, target: { ...target, field: 'actuals' }, value: num(70), was: num(80) })));
    expectRefused(server, capture(replica, () => map().set(`${PEER}:s3`, 'これは提案')));
    // An id the decisions API cannot name could never be decided.
    expect(expectRefused(server, capture(replica, () => suggestFieldValue(replica, by(PEER, 'x'.repeat(65)), target, num(70))))).toMatch(/not the sender's own/);
    // Nor dated so as to win every earliest-first choice.
    expect(expectRefused(server, capture(replica, () => suggestFieldValue(replica, by(PEER, 'early', 0), target, num(70))))).toMatch(/dated before 2020/);
    expectRefused(server, capture(replica, () => map().set(`${PEER}:s4`, new Y.Map())));
    // The suggestions' root written as a list (by a replica that never made it a map).
    const listed = setup();
    expectRefused(listed.server, capture(listed.replica, () => listed.replica.getArray(FIELD_SUGGESTIONS_MAP).insert(0, [{ author: PEER }])));
  });

  it('refuses an entry of someone else deleted together with a proposal of one’s own', () => {
    const { server, replica, target, placement } = setup();
    const member = new Y.Doc();
    Y.applyUpdate(member, Y.encodeStateAsUpdate(server));
    const proposal = capture(member, () => suggestFieldValue(member, by(OTHER, 'm1'), { kind: 'node', id: placement, field: 'title' }, '再生'));
    Y.applyUpdate(server, proposal);
    Y.applyUpdate(replica, proposal);
    const update = capture(replica, () => {
      suggestFieldValue(replica, by(PEER, 's1'), target, num(70));
      fieldSuggestionsMap(replica).delete(`${OTHER}:m1`);
    });
    expectRefused(server, update);
  });
});
