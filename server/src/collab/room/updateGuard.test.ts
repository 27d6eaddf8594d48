import fc from 'fast-check';
import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { misplacedOrigin } from './originGuard';
import { DEFAULT_UPDATE_LIMITS, MalformedUpdate, OverBudget, type UpdateShape, unmetDependency, updateCost, validateStateVector, validateUpdate } from './updateGuard';

// ---------------------------------------------------------------- real edits

type Op =
  | { t: 'textInsert'; who: number; pos: number; text: string }
  | { t: 'textDelete'; who: number; pos: number; len: number }
  | { t: 'textFormat'; who: number; pos: number; len: number; bold: boolean }
  | { t: 'textEmbed'; who: number; pos: number; src: string }
  | { t: 'mapSet'; who: number; key: string; value: unknown }
  | { t: 'mapBinary'; who: number; key: string; bytes: Uint8Array }
  | { t: 'mapNested'; who: number; key: string }
  | { t: 'mapSubdoc'; who: number; key: string }
  | { t: 'mapDelete'; who: number; key: string }
  | { t: 'arrayInsert'; who: number; pos: number; values: unknown[] }
  | { t: 'arrayDelete'; who: number; pos: number; len: number }
  | { t: 'xmlParagraph'; who: number; pos: number; text: string; attr: string }
  | { t: 'xmlAttribute'; who: number; index: number; value: string }
  | { t: 'xmlFormat'; who: number; index: number }
  | { t: 'xmlDelete'; who: number; index: number }
  | { t: 'sync'; from: number; to: number };

const REPLICAS = 3;
const who = fc.nat({ max: REPLICAS - 1 });
const text = fc.string({ unit: fc.constantFrom('a', 'b', 'あ', '福', '😀', ' ', '\n'), minLength: 1, maxLength: 8 });
const json = fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.constant(null), text, fc.dictionary(fc.constantFrom('a', 'b'), fc.integer(), { noNullPrototype: true }));
const key = fc.constantFrom('title', 'owner', 'year', 'kpi');

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ t: fc.constant('textInsert' as const), who, pos: fc.nat(40), text }),
  fc.record({ t: fc.constant('textDelete' as const), who, pos: fc.nat(40), len: fc.integer({ min: 1, max: 5 }) }),
  fc.record({ t: fc.constant('textFormat' as const), who, pos: fc.nat(40), len: fc.integer({ min: 1, max: 5 }), bold: fc.boolean() }),
  fc.record({ t: fc.constant('textEmbed' as const), who, pos: fc.nat(40), src: text }),
  fc.record({ t: fc.constant('mapSet' as const), who, key, value: json }),
  fc.record({ t: fc.constant('mapBinary' as const), who, key, bytes: fc.uint8Array({ maxLength: 6 }) }),
  fc.record({ t: fc.constant('mapNested' as const), who, key }),
  fc.record({ t: fc.constant('mapSubdoc' as const), who, key }),
  fc.record({ t: fc.constant('mapDelete' as const), who, key }),
  fc.record({ t: fc.constant('arrayInsert' as const), who, pos: fc.nat(20), values: fc.array(json, { minLength: 1, maxLength: 3 }) }),
  fc.record({ t: fc.constant('arrayDelete' as const), who, pos: fc.nat(20), len: fc.integer({ min: 1, max: 3 }) }),
  fc.record({ t: fc.constant('xmlParagraph' as const), who, pos: fc.nat(10), text, attr: text }),
  fc.record({ t: fc.constant('xmlAttribute' as const), who, index: fc.nat(10), value: text }),
  fc.record({ t: fc.constant('xmlFormat' as const), who, index: fc.nat(10) }),
  fc.record({ t: fc.constant('xmlDelete' as const), who, index: fc.nat(10) }),
  fc.record({ t: fc.constant('sync' as const), from: who, to: who }),
);

function apply(docs: Y.Doc[], o: Op): void {
  if (o.t === 'sync') {
    const [from, to] = [docs[o.from]!, docs[o.to]!];
    if (from !== to) Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)));
    return;
  }
  const doc = docs[o.who]!;
  const t = doc.getText('t');
  const map = doc.getMap('m');
  const arr = doc.getArray('a');
  const body = doc.getXmlFragment('body');
  const at = (pos: number, length: number) => Math.min(pos, length);
  const nth = (index: number) => (body.length > 0 ? (body.get(index % body.length) as Y.XmlElement) : null);
  switch (o.t) {
    case 'textInsert':
      return t.insert(at(o.pos, t.length), o.text, o.pos % 3 === 0 ? { italic: true } : undefined);
    case 'textDelete':
      if (t.length > 0) t.delete(at(o.pos, t.length - 1), Math.min(o.len, t.length - at(o.pos, t.length - 1)));
      return;
    case 'textFormat':
      if (t.length > 0) t.format(at(o.pos, t.length - 1), o.len, { bold: o.bold ? true : null });
      return;
    case 'textEmbed':
      return t.insertEmbed(at(o.pos, t.length), { image: o.src });
    case 'mapSet':
      return void map.set(o.key, o.value);
    case 'mapBinary':
      return void map.set(o.key, o.bytes);
    case 'mapNested': {
      const nested = new Y.Map<unknown>();
      nested.set('inner', 1);
      return void map.set(o.key, nested);
    }
    case 'mapSubdoc':
      return void map.set(o.key, new Y.Doc());
    case 'mapDelete':
      return map.delete(o.key);
    case 'arrayInsert':
      return arr.insert(at(o.pos, arr.length), o.values);
    case 'arrayDelete':
      if (arr.length > 0) arr.delete(at(o.pos, arr.length - 1), Math.min(o.len, arr.length - at(o.pos, arr.length - 1)));
      return;
    case 'xmlParagraph': {
      const p = new Y.XmlElement('paragraph');
      p.setAttribute('data-note', o.attr);
      p.insert(0, [new Y.XmlText(o.text)]);
      return body.insert(at(o.pos, body.length), [p]);
    }
    case 'xmlAttribute':
      return nth(o.index)?.setAttribute('class', o.value);
    case 'xmlFormat': {
      const inner = nth(o.index)?.get(0);
      if (inner instanceof Y.XmlText && inner.length > 0) inner.format(0, 1, { strong: {} });
      return;
    }
    case 'xmlDelete':
      if (body.length > 0) body.delete(o.index % body.length, 1);
      return;
  }
}

/** Runs the edits on three replicas and returns every update they produced, in order. */
function edit(ops: Op[]): { docs: Y.Doc[]; updates: Uint8Array[] } {
  const docs = Array.from({ length: REPLICAS }, () => new Y.Doc());
  const updates: Uint8Array[] = [];
  for (const d of docs) d.on('update', (u: Uint8Array) => updates.push(u));
  for (const o of ops) apply(docs, o);
  return { docs, updates };
}

/** Everything a client can legitimately send: incremental updates, sync replies, full states, merges. */
function everyKindOfUpdate(docs: Y.Doc[], updates: Uint8Array[]): Uint8Array[] {
  const all = [...updates];
  for (const a of docs) {
    all.push(Y.encodeStateAsUpdate(a));
    for (const b of docs) if (a !== b) all.push(Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  }
  if (updates.length > 1) all.push(Y.mergeUpdates(updates), Y.mergeUpdates(updates.filter((_, i) => i % 2 === 0)));
  return all;
}

const stateOf = (doc: Y.Doc) => (client: number) => Y.getState(doc.store, client);
const hasPending = (doc: Y.Doc) => doc.store.pendingStructs !== null || doc.store.pendingDs !== null;

function clone(doc: Y.Doc): Y.Doc {
  const copy = new Y.Doc({ gc: false });
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy;
}

/** From/to per client as Yjs's own parseUpdateMeta reports them, from the guard's reading. */
function metaOf(shape: UpdateShape) {
  const from = new Map<number, number>();
  const to = new Map<number, number>();
  for (const g of shape.groups) {
    if (g.first === g.end) continue;
    from.set(g.client, shape.clock[g.first]!);
    to.set(g.client, shape.clock[g.end - 1]! + shape.length[g.end - 1]!);
  }
  return { from, to };
}

const ops = fc.array(op, { minLength: 1, maxLength: 40 });

describe('validateUpdate on real updates', () => {
  it('accepts every update real edits produce, and reads it as Yjs does', () => {
    fc.assert(
      fc.property(ops, (list) => {
        const { docs, updates } = edit(list);
        for (const update of everyKindOfUpdate(docs, updates)) {
          const shape = validateUpdate(update);
          if (!shape.skip.includes(true)) expect(metaOf(shape)).toEqual(Y.parseUpdateMeta(update));
        }
      }),
      { numRuns: 150 },
    );
  });

  it('accepts exactly what Yjs integrates without parking, whatever order updates arrive in; honest origins always pass', () => {
    fc.assert(
      fc.property(ops, fc.infiniteStream(fc.nat()), (list, picks) => {
        const { docs, updates } = edit(list);
        const server = new Y.Doc();
        // Overlapping ones too (merges, whole states), which Yjs integrates from an offset.
        const merged = updates.slice(1).map((u, i) => Y.mergeUpdates([updates[i]!, u]));
        const queue = [...updates, ...merged, ...docs.map((d) => Y.encodeStateAsUpdate(d))];
        const pick = picks[Symbol.iterator]();
        // Offer the updates in a random order: a random one first, then the others in turn
        // until one is accepted. A refused one stays queued for later.
        while (queue.length > 0) {
          const start = pick.next().value % queue.length;
          let accepted = -1;
          for (let k = 0; k < queue.length && accepted < 0; k++) {
            const i = (start + k) % queue.length;
            const update = queue[i]!;
            const shape = validateUpdate(update);
            if (unmetDependency(shape, stateOf(server)) === null) {
              // Honest origins are always plausible, concurrent edits and merged runs included.
              expect(misplacedOrigin(shape, server)).toBeNull();
              Y.applyUpdate(server, update);
              expect(hasPending(server)).toBe(false);
              accepted = i;
            } else {
              // Refused: Yjs would indeed have parked (some of) it.
              const probe = clone(server);
              Y.applyUpdate(probe, update);
              expect(hasPending(probe)).toBe(true);
            }
          }
          if (accepted < 0) break;
          queue.splice(accepted, 1);
        }
        expect(queue).toEqual([]);
        for (const d of docs) Y.applyUpdate(d, Y.encodeStateAsUpdate(server, Y.encodeStateVector(d)));
        const everyone = new Y.Doc();
        for (const d of docs) Y.applyUpdate(everyone, Y.encodeStateAsUpdate(d));
        expect(Y.encodeStateVector(server)).toEqual(Y.encodeStateVector(everyone));
        // Yjs turns a surrogate pair that a format boundary splits into two U+FFFD, in some
        // replicas and not others depending on the order it saw things: not ours to judge.
        const text = (d: Y.Doc) => d.getText('t').toString().replace(/[\ud800-\udfff\ufffd]/g, '?');
        expect(text(server)).toBe(text(everyone));
        const body = (d: Y.Doc) => d.getXmlFragment('body').toString().replace(/[\ud800-\udfff\ufffd]/g, '?');
        expect(body(server)).toBe(body(everyone));
      }),
      { numRuns: 100 },
    );
  });
});

// ---------------------------------------------------------------- hostile input

/** Asserts the guard refuses with MalformedUpdate (and nothing else). */
function expectMalformed(update: Uint8Array): void {
  expect(() => validateUpdate(update)).toThrow(MalformedUpdate);
}

function bytes(write: (e: encoding.Encoder) => void): Uint8Array {
  const e = encoding.createEncoder();
  write(e);
  return encoding.toUint8Array(e);
}

/** One group of one string item at the root key 't', written by hand so any field can lie. */
function stringItem(o: { structs?: number; client?: number; clock?: number; length?: number; text?: string } = {}) {
  return bytes((e) => {
    encoding.writeVarUint(e, 1); // groups
    encoding.writeVarUint(e, o.structs ?? 1);
    encoding.writeVarUint(e, o.client ?? 7);
    encoding.writeVarUint(e, o.clock ?? 0);
    encoding.writeUint8(e, 4); // string content, no origins: parent info follows
    encoding.writeVarUint(e, 1); // parent is a root key
    encoding.writeVarString(e, 't');
    const utf8 = new TextEncoder().encode(o.text ?? 'abc');
    encoding.writeVarUint(e, o.length ?? utf8.length);
    encoding.writeUint8Array(e, utf8);
    encoding.writeVarUint(e, 0); // empty delete set
  });
}

function sampleUpdates(): { base: Y.Doc; updates: Uint8Array[] } {
  const base = new Y.Doc();
  base.getText('t').insert(0, '中小企業振興プログラム');
  base.getMap('m').set('owner', { name: '佐藤', year: 7 });
  const editor = clone(base);
  const updates: Uint8Array[] = [];
  editor.on('update', (u: Uint8Array) => updates.push(u));
  editor.getText('t').insert(3, '😀追記', { bold: true });
  editor.getText('t').delete(0, 2);
  editor.getText('t').insertEmbed(1, { image: 'x.png' });
  editor.getMap('m').set('kpi', [1, 2.5, null, 'x', { a: true }]);
  editor.getMap('m').set('bin', new Uint8Array([1, 2, 3]));
  const p = new Y.XmlElement('paragraph');
  p.setAttribute('class', 'lead');
  p.insert(0, [new Y.XmlText('第1章')]);
  editor.getXmlFragment('body').insert(0, [p]);
  editor.getArray('a').insert(0, [new Y.Doc()]);
  updates.push(Y.encodeStateAsUpdate(editor, Y.encodeStateVector(base)));
  return { base, updates };
}

/** Mulberry32: a small seeded generator, so a failure can be replayed. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function mutate(update: Uint8Array, rnd: () => number): Uint8Array {
  const out = [...update];
  const at = () => Math.floor(rnd() * out.length);
  const special = [0x00, 0x01, 0x7f, 0x80, 0xff];
  for (let n = 1 + Math.floor(rnd() * 3); n > 0; n--) {
    switch (Math.floor(rnd() * 6)) {
      case 0:
        out[at()] = Math.floor(rnd() * 256);
        break;
      case 1:
        out[at()] = special[Math.floor(rnd() * special.length)]!;
        break;
      case 2:
        out[at()]! ^= 1 << Math.floor(rnd() * 8);
        break;
      case 3:
        out.splice(at(), 0, Math.floor(rnd() * 256));
        break;
      case 4:
        out.splice(at(), 1 + Math.floor(rnd() * 4));
        break;
      case 5:
        out.splice(at(), 0, 0xff, 0xff, 0xff, 0xff, 0x0f);
        break;
    }
  }
  return new Uint8Array(out);
}

/** Map contents with keys in a fixed order: Yjs's key order depends on integration order. */
const canonical = (v: unknown): string =>
  v && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Uint8Array)
    ? `{${Object.keys(v)
        .sort()
        .map((k) => `${k}:${canonical((v as Record<string, unknown>)[k])}`)
        .join(',')}}`
    : JSON.stringify(v);

/**
 * Applies an update the guards accepted and checks the document is still whole: nothing
 * parked, and its state encodes and loads into a fresh document with the same history and
 * the same content (which lying origins would break, see originGuard).
 */
function applyAccepted(base: Y.Doc, update: Uint8Array): void {
  const doc = clone(base);
  Y.applyUpdate(doc, update);
  expect(hasPending(doc)).toBe(false);
  const fresh = new Y.Doc();
  Y.applyUpdate(fresh, Y.encodeStateAsUpdate(doc));
  expect(hasPending(fresh)).toBe(false);
  expect(Y.equalSnapshots(Y.snapshot(fresh), Y.snapshot(doc))).toBe(true);
  expect(fresh.getText('t').toString()).toBe(doc.getText('t').toString());
  expect(fresh.getXmlFragment('body').toString()).toBe(doc.getXmlFragment('body').toString());
  expect(canonical(fresh.getMap('m').toJSON())).toBe(canonical(doc.getMap('m').toJSON()));
}

describe('validateUpdate on hostile input', () => {
  it('refuses an empty buffer (yjs#498: Yjs used to loop forever on it)', () => {
    expectMalformed(new Uint8Array());
  });

  it('refuses every truncation of a real update', () => {
    for (const update of sampleUpdates().updates) {
      expect(() => validateUpdate(update)).not.toThrow();
      for (let n = 0; n < update.length; n++) expectMalformed(update.subarray(0, n));
    }
  });

  it('refuses trailing bytes after the delete set', () => {
    const [update] = sampleUpdates().updates.slice(-1);
    expectMalformed(new Uint8Array([...update!, 0]));
  });

  it('refuses lengths and counts larger than the buffer (yjs#687)', () => {
    expect(() => validateUpdate(stringItem())).not.toThrow();
    expectMalformed(stringItem({ length: 2 ** 32 - 1 }));
    expectMalformed(stringItem({ structs: 1e9 }));
    expectMalformed(bytes((e) => encoding.writeVarUint(e, 2 ** 32 - 1)));
    // A delete set claiming a billion ranges.
    expectMalformed(bytes((e) => [0, 1, 7, 1e9].forEach((n) => encoding.writeVarUint(e, n))));
  });

  it('refuses clocks and lengths at or past the limit, up to 2^53', () => {
    for (const clock of [2 ** 31, 2 ** 53 - 2, 2 ** 53 - 1]) expectMalformed(stringItem({ clock }));
    expect(() => validateUpdate(stringItem({ clock: 2 ** 31 - 3 }))).not.toThrow();
    expectMalformed(stringItem({ clock: 2 ** 31 - 2 })); // 'abc' would end past 2^31
    expect(() => validateUpdate(stringItem({ clock: 2 ** 53 - 10 }), { ...DEFAULT_UPDATE_LIMITS, maxClock: 2 ** 53 - 1, maxClients: 10, maxContentBytes: 1024 })).not.toThrow();
    expectMalformed(new Uint8Array([1, 1, 7, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f]));
    // A deletion of 2^40 clocks.
    expectMalformed(bytes((e) => [0, 1, 7, 1, 0, 2 ** 40].forEach((n) => encoding.writeVarUint(e, n))));
  });

  it('refuses too many clients and too much content', () => {
    const many = bytes((e) => {
      encoding.writeVarUint(e, 3);
      for (const client of [1, 2, 3]) [1, client, 0, 0, 5].forEach((n) => encoding.writeVarUint(e, n)); // one GC struct each
      encoding.writeVarUint(e, 0);
    });
    expect(() => validateUpdate(many)).not.toThrow();
    expect(() => validateUpdate(many, { ...DEFAULT_UPDATE_LIMITS, maxClients: 2, maxContentBytes: 1024 })).toThrow(MalformedUpdate);
    const big = stringItem({ text: 'x'.repeat(2000) });
    expect(() => validateUpdate(big, { ...DEFAULT_UPDATE_LIMITS, maxClients: 2, maxContentBytes: 1024 })).toThrow(MalformedUpdate);
  });

  it('refuses values Yjs could decode but never encode again', () => {
    const item = (content: (e: encoding.Encoder) => void, info: number) =>
      bytes((e) => {
        [1, 1, 7, 0].forEach((n) => encoding.writeVarUint(e, n));
        encoding.writeUint8(e, info);
        encoding.writeVarUint(e, 1);
        encoding.writeVarString(e, 'm');
        content(e);
        encoding.writeVarUint(e, 0);
      });
    const any = (value: unknown) => item((e) => (encoding.writeVarUint(e, 1), encoding.writeAny(e, value as never)), 8);
    expect(() => validateUpdate(any({ a: [1, 'x'] }))).not.toThrow();
    expectMalformed(any(10n));
    let deep: unknown = 1;
    for (let i = 0; i < 100; i++) deep = [deep];
    expectMalformed(any(deep));
    const embed = (json: string) => item((e) => encoding.writeVarString(e, json), 5);
    expect(() => validateUpdate(embed('{"image":"x"}'))).not.toThrow();
    expectMalformed(embed('{"image":'));
    expectMalformed(embed('['.repeat(100_000)));
  });

  it('refuses a struct pointing forward into its own history', () => {
    const forward = bytes((e) => {
      [1, 1, 7, 5].forEach((n) => encoding.writeVarUint(e, n));
      encoding.writeUint8(e, 4 | 0x80); // string with an origin
      [7, 6].forEach((n) => encoding.writeVarUint(e, n)); // origin 7:6, after itself
      encoding.writeVarString(e, 'x');
      encoding.writeVarUint(e, 0);
    });
    expectMalformed(forward);
  });

  it('survives 10,000 random mutations of real updates: MalformedUpdate or a whole document, nothing else', () => {
    const { base, updates } = sampleUpdates();
    const rnd = random(20_251_122);
    let accepted = 0;
    let applicable = 0;
    // No clock (unit tests never assert on wall time): a guard that hangs fails by the timeout.
    for (let i = 0; i < 10_000; i++) {
      const update = mutate(updates[i % updates.length]!, rnd);
      let shape: UpdateShape;
      try {
        shape = validateUpdate(update);
      } catch (err) {
        expect(err).toBeInstanceOf(MalformedUpdate);
        continue;
      }
      accepted++;
      if (unmetDependency(shape, stateOf(base)) !== null || misplacedOrigin(shape, base) !== null) continue;
      applicable++;
      applyAccepted(base, update);
    }
    // Enough mutations survive to exercise the apply path, not just the parser.
    expect(accepted).toBeGreaterThan(100);
    expect(applicable).toBeGreaterThan(50);
  }, 30_000);
});

describe('unmetDependency', () => {
  it('refuses structs that start beyond the document, and deletions of what it does not have', () => {
    const a = new Y.Doc();
    const updates: Uint8Array[] = [];
    a.on('update', (u: Uint8Array) => updates.push(u));
    a.getText('t').insert(0, 'ab');
    a.getText('t').insert(2, 'cd');
    a.getText('t').delete(0, 1);
    const server = new Y.Doc();
    expect(unmetDependency(validateUpdate(updates[1]!), stateOf(server))).toMatch(/starts at 2/);
    expect(unmetDependency(validateUpdate(updates[2]!), stateOf(server))).toMatch(/deletes/);
    Y.applyUpdate(server, updates[0]!);
    expect(unmetDependency(validateUpdate(updates[1]!), stateOf(server))).toBeNull();
  });

  it('refuses references to other clients’ structs nobody sent, and cycles', () => {
    const a = new Y.Doc();
    a.getText('t').insert(0, 'a');
    const b = clone(a);
    b.getText('t').insert(1, 'b'); // b's item has a's item as origin
    const fromB = Y.encodeStateAsUpdate(b, Y.encodeStateVector(a));
    expect(unmetDependency(validateUpdate(fromB), stateOf(new Y.Doc()))).toMatch(/refer to structs/);
    expect(unmetDependency(validateUpdate(fromB), stateOf(a))).toBeNull();
    // Two clients whose first items point at each other's.
    const cycle = bytes((e) => {
      encoding.writeVarUint(e, 2);
      for (const [client, other] of [
        [1, 2],
        [2, 1],
      ]) {
        [1, client!, 0].forEach((n) => encoding.writeVarUint(e, n));
        encoding.writeUint8(e, 4 | 0x80);
        [other!, 0].forEach((n) => encoding.writeVarUint(e, n));
        encoding.writeVarString(e, 'x');
      }
      encoding.writeVarUint(e, 0);
    });
    expect(unmetDependency(validateUpdate(cycle), stateOf(new Y.Doc()))).toMatch(/refer to structs/);
  });

  it('resolves a long chain of cross-client references listed in the worst order', () => {
    // 2,000 clients, each item pointing at the next client's, listed in the worst order.
    const n = 2000;
    const chain = bytes((e) => {
      encoding.writeVarUint(e, n);
      for (let c = 1; c <= n; c++) {
        [1, c, 0].forEach((v) => encoding.writeVarUint(e, v));
        if (c < n) {
          encoding.writeUint8(e, 4 | 0x80);
          [c + 1, 0].forEach((v) => encoding.writeVarUint(e, v));
        } else {
          encoding.writeUint8(e, 4);
          encoding.writeVarUint(e, 1);
          encoding.writeVarString(e, 't');
        }
        encoding.writeVarString(e, 'x');
      }
      encoding.writeVarUint(e, 0);
    });
    expect(unmetDependency(validateUpdate(chain), stateOf(new Y.Doc()))).toBeNull();
    const doc = new Y.Doc();
    Y.applyUpdate(doc, chain);
    expect(hasPending(doc)).toBe(false);
  });
});

describe('validateStateVector', () => {
  it('accepts real state vectors and refuses truncated or inflated ones', () => {
    const { base } = sampleUpdates();
    const sv = Y.encodeStateVector(base);
    expect(() => validateStateVector(sv)).not.toThrow();
    expect(() => validateStateVector(new Uint8Array([0]))).not.toThrow();
    for (let n = 0; n < sv.length; n++) expect(() => validateStateVector(sv.subarray(0, n))).toThrow(MalformedUpdate);
    expect(() => validateStateVector(new Uint8Array([0x80, 0x94, 0xeb, 0xdc, 0x03, 1, 0]))).toThrow(MalformedUpdate);
  });
});

describe('the cost of an update', () => {
  /** `count` GC structs of one tick from one client, then `ranges` deleted ranges over them. */
  const gcStructs = (count: number, ranges = 0) =>
    bytes((e) => {
      [1, count, 7, 0].forEach((n) => encoding.writeVarUint(e, n));
      for (let i = 0; i < count; i++) [0, 1].forEach((n) => encoding.writeVarUint(e, n));
      encoding.writeVarUint(e, ranges > 0 ? 1 : 0);
      if (ranges > 0) [7, ranges].forEach((n) => encoding.writeVarUint(e, n));
      for (let i = 0; i < ranges; i++) [i, 1].forEach((n) => encoding.writeVarUint(e, n));
    });

  it('counts structs, deleted ranges and content', () => {
    expect(validateUpdate(gcStructs(500)).cost).toBe(500);
    // A deleted range costs five structs.
    expect(validateUpdate(gcStructs(500, 300)).cost).toBe(2_000);
    // One struct with 6400 bytes of text (and two of length) costs one plus a hundred.
    expect(validateUpdate(stringItem({ text: 'x'.repeat(6400) })).cost).toBe(1 + updateCost(0, 0, 6402));
    expect(updateCost(0, 0, 6402)).toBe(100);
    // Eight values cost one more, besides their bytes.
    const doc = new Y.Doc();
    doc.getArray('a').insert(0, Array.from({ length: 800 }, () => 0));
    const valuesUpdate = Y.encodeStateAsUpdate(doc);
    expect(validateUpdate(valuesUpdate).cost).toBe(1 + 100 + Math.floor(1600 / 64));
  });

  it('refuses an update over the cap from the counts it declares, before reading what they announce', () => {
    const limits = { ...DEFAULT_UPDATE_LIMITS, maxCost: 1_000 };
    expect(() => validateUpdate(gcStructs(1_000), limits)).not.toThrow();
    expect(() => validateUpdate(gcStructs(1_001), limits)).toThrow(/costs more than 1000/);
    expect(() => validateUpdate(gcStructs(600, 81), limits)).toThrow(/costs more than 1000/);
    expect(() => validateUpdate(gcStructs(600, 80), limits)).not.toThrow();
    // A million structs announced over two million zero bytes: reading even the first of them
    // would fail on its zero length, so the cost is what stopped the guard.
    const header = bytes((e) => [1, 1_000_000, 7, 0].forEach((n) => encoding.writeVarUint(e, n)));
    const announced = new Uint8Array(header.length + 2_000_000);
    announced.set(header);
    expect(() => validateUpdate(announced)).toThrow(/costs more than 60000/);
    expect(() => validateUpdate(announced, { ...DEFAULT_UPDATE_LIMITS, maxCost: 2_000_000 })).toThrow(/length 0 out of range/);
  });

  it('stops at what the sender may still spend, and says how much it read', () => {
    let thrown: unknown;
    try {
      validateUpdate(gcStructs(400, 60), DEFAULT_UPDATE_LIMITS, 500);
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toBeInstanceOf(OverBudget);
    expect(thrown).not.toBeInstanceOf(MalformedUpdate);
    expect((thrown as OverBudget).cost).toBe(700);
    expect(validateUpdate(gcStructs(400, 60), DEFAULT_UPDATE_LIMITS, 700).cost).toBe(700);
    // Over the cap is refused as malformed whatever the allowance.
    expect(() => validateUpdate(gcStructs(400, 60), { ...DEFAULT_UPDATE_LIMITS, maxCost: 600 }, 500)).toThrow(MalformedUpdate);
  });
});
