import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { decodeAwarenessUpdate } from './awarenessGuard';
import { MalformedUpdate } from './boundedReader';

function entries(list: Array<[number, number, string]>): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, list.length);
  for (const [clientId, clock, json] of list) {
    encoding.writeVarUint(e, clientId);
    encoding.writeVarUint(e, clock);
    encoding.writeVarString(e, json);
  }
  return encoding.toUint8Array(e);
}

describe('decodeAwarenessUpdate', () => {
  it('reads what y-protocols writes', () => {
    const awareness = new awarenessProtocol.Awareness(new Y.Doc());
    awareness.setLocalState({ user: { name: '佐藤' }, cursor: { anchor: 3, head: 5 } });
    const update = awarenessProtocol.encodeAwarenessUpdate(awareness, [awareness.clientID]);
    expect(decodeAwarenessUpdate(update)).toEqual([
      { clientId: awareness.clientID, clock: 1, state: { user: { name: '佐藤' }, cursor: { anchor: 3, head: 5 } } },
    ]);
    expect(decodeAwarenessUpdate(entries([[1, 2, 'null']]))).toEqual([{ clientId: 1, clock: 2, state: null }]);
  });

  it('refuses truncations, bad JSON, oversized states, too many entries and trailing bytes', () => {
    const good = entries([[1, 1, '{"cursor":1}']]);
    for (let n = 0; n < good.length; n++) expect(() => decodeAwarenessUpdate(good.subarray(0, n))).toThrow(MalformedUpdate);
    const bad = [
      entries([[1, 1, '{"cursor":']]),
      entries([[1, 1, JSON.stringify({ pad: 'x'.repeat(9000) })]]),
      entries([[1, 1, '['.repeat(200) + ']'.repeat(200)]]),
      entries(Array.from({ length: 33 }, (_, i): [number, number, string] => [i, 1, 'null'])),
      new Uint8Array([...good, 0]),
      new Uint8Array([0xff, 0xff, 0xff, 0xff, 0x0f]),
    ];
    for (const update of bad) expect(() => decodeAwarenessUpdate(update)).toThrow(MalformedUpdate);
    expect(() => decodeAwarenessUpdate(entries([[1, 1, JSON.stringify({ pad: 'x'.repeat(9000) })]]), { maxStateBytes: 16_384 })).not.toThrow();
  });
});
