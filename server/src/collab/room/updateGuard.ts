import { BoundedReader } from './boundedReader';

export { MalformedUpdate } from './boundedReader';

/** What a single update from a client may claim. */
export type UpdateLimits = {
  /** Clocks, and clocks plus lengths, must stay below this. */
  maxClock: number;
  /** Struct groups (one per client id) and delete-set clients in one update. */
  maxClients: number;
  /** Bytes of item content (text, JSON, binary, values) in one update. */
  maxContentBytes: number;
  /**
   * The most one update may cost, in `updateCost` units. An update over it is refused as if
   * malformed: it can never be applied, however long the sender waits.
   */
  maxCost: number;
};

/**
 * The weights of `updateCost`, measured with tests/bench/updateCost.ts against the cheapest
 * struct (one unit): a deleted range that splits an item costs Yjs about five; eight values
 * (JSON or Yjs "any" content, each decoded into a JS value) about one; and 64 bytes of any
 * content, which is kept, stored and relayed, one.
 */
export const DELETED_RANGE_COST = 5;
export const VALUES_PER_COST = 8;
export const CONTENT_BYTES_PER_COST = 64;

export const DEFAULT_UPDATE_LIMITS: UpdateLimits = {
  maxClock: 2 ** 31,
  maxClients: 10_000,
  maxContentBytes: 4 * 1024 * 1024,
  // Of the order of 100 ms of guards and Yjs for the cheaper kinds of update on an idle
  // 2-core machine, several times that for text typed into existing text or under load
  // (tests/bench/updateCost.ts); a long day of typing offline (60 000 keystrokes) costs about
  // three quarters of it (tests/integration/hostileCost.test.ts), so an offline day still fits.
  maxCost: 60_000,
};

/**
 * What applying an update costs the server (and every browser it is relayed to), in units of
 * one struct: its structs, its deleted ranges, its JSON and "any" values, and its content bytes,
 * weighted as above.
 * The guard counts them while it reads, from the counts the encoding declares before the
 * structs they announce, so an update far over the limit is refused after reading a few bytes.
 */
export function updateCost(structs: number, deletedRanges: number, contentBytes: number, values = 0): number {
  return (
    structs +
    DELETED_RANGE_COST * deletedRanges +
    Math.floor(values / VALUES_PER_COST) +
    Math.floor(contentBytes / CONTENT_BYTES_PER_COST)
  );
}

/**
 * The update costs more than the sender may spend right now (`validateUpdate`'s allowance):
 * not malformed, as it may fit once the sender's budget has refilled. `cost` is what had been
 * read when the guard stopped, which the sender is charged for.
 */
export class OverBudget extends Error {
  constructor(
    readonly cost: number,
    readonly allowance: number,
  ) {
    super(`update costs more than the ${allowance} the sender may spend now`);
  }
}

/**
 * What a validated update contains, as far as deciding whether it can be applied goes:
 * the structs of each client (position and length) with the ids they point at in other
 * clients' histories, and how far its deletions reach into each client's history.
 */
export type UpdateShape = {
  groups: Array<{ client: number; first: number; end: number }>;
  /** Per struct, flattened: its first clock, its length, whether it is a Skip. */
  clock: number[];
  length: number[];
  skip: boolean[];
  /** Per struct, the ids of its left and right neighbours when created (-1 where absent). */
  originClient: number[];
  originClock: number[];
  rightClient: number[];
  rightClock: number[];
  /** Per struct, its references to other clients: refClient/refClock[refStart[i] .. refStart[i + 1]). */
  refStart: number[];
  refClient: number[];
  refClock: number[];
  /** Per client, the end of the furthest deleted range. */
  deletesUpTo: Map<number, number>;
  /** What applying it costs (`updateCost`). */
  cost: number;
};

// The low five bits of a struct's info byte (Yjs `contentRefs`).
const REF = { gc: 0, deleted: 1, json: 2, binary: 3, string: 4, embed: 5, format: 6, type: 7, any: 8, doc: 9, skip: 10 } as const;
const HAS_ORIGIN = 0x80;
const HAS_RIGHT_ORIGIN = 0x40;
const HAS_PARENT_SUB = 0x20;
/** Yjs type refs: YArray, YMap, YText, YXmlElement (named), YXmlFragment, YXmlHook (named), YXmlText. */
const NAMED_TYPE_REFS = new Set([3, 5]);
const TYPE_REF_COUNT = 7;

/**
 * Reads a Yjs v1 update the way Yjs's `readClientsStructRefs` and `readDeleteSet` do, but
 * checking every read, so that malformed input throws `MalformedUpdate` here instead of
 * looping, allocating without bound, or throwing half-way through a transaction inside Yjs.
 * It refuses more than Yjs would where no encoder produces the input (zero-length structs,
 * a client twice, trailing bytes, parent info other than 0/1) and where Yjs would accept what
 * it cannot encode again (BigInts, values nested deeper than JSON.stringify can bear).
 *
 * Its cost is counted as it reads: past `limits.maxCost` it fails as malformed, past
 * `allowance` (what the sender may still spend) it throws `OverBudget`, either way before
 * reading further, so refusing an expensive update costs no more than the allowance.
 */
export function validateUpdate(update: Uint8Array, limits: UpdateLimits = DEFAULT_UPDATE_LIMITS, allowance = Infinity): UpdateShape {
  const r = new BoundedReader(update);
  const shape: UpdateShape = {
    groups: [],
    clock: [],
    length: [],
    skip: [],
    originClient: [],
    originClock: [],
    rightClient: [],
    rightClock: [],
    refStart: [],
    refClient: [],
    refClock: [],
    deletesUpTo: new Map(),
    cost: 0,
  };
  let contentBytes = 0;
  let structs = 0;
  let deletedRanges = 0;
  let values = 0;
  const seen = new Set<number>();
  const charge = () => {
    shape.cost = updateCost(structs, deletedRanges, contentBytes, values);
    if (shape.cost > limits.maxCost) r.fail(`costs more than ${limits.maxCost} (structs, deleted ranges and content)`);
    if (shape.cost > allowance) throw new OverBudget(shape.cost, allowance);
  };

  const readClock = (what: string): number => {
    const clock = r.readVarUint();
    if (clock >= limits.maxClock) r.fail(`${what} ${clock} beyond the clock limit`);
    return clock;
  };
  const readLength = (what: string): number => {
    const n = r.readVarUint();
    if (n === 0 || n >= limits.maxClock) r.fail(`${what} ${n} out of range`);
    return n;
  };
  const readRef = (client: number, clock: number): [number, number] => {
    const refClient = r.readVarUint();
    const refClock = readClock('referenced clock');
    if (refClient === client) {
      // A client can only point at what it wrote earlier; Yjs does not check, and a forward
      // reference to its own history throws in the middle of integration.
      if (refClock >= clock) r.fail(`struct ${client}:${clock} refers forward to ${refClock}`);
    } else {
      shape.refClient.push(refClient);
      shape.refClock.push(refClock);
    }
    return [refClient, refClock];
  };

  const groupCount = r.readCount('client count', 3);
  if (groupCount > limits.maxClients) r.fail(`${groupCount} clients in one update`);
  for (let g = 0; g < groupCount; g++) {
    const structCount = r.readCount('struct count', 2);
    structs += structCount;
    charge();
    const client = r.readVarUint();
    if (seen.has(client)) r.fail(`client ${client} appears twice`);
    seen.add(client);
    let clock = readClock('clock');
    const first = shape.clock.length;
    for (let s = 0; s < structCount; s++) {
      const info = r.readUint8();
      const ref = info & 0x1f;
      shape.clock.push(clock);
      shape.refStart.push(shape.refClient.length);
      let length: number;
      let origin: [number, number] | null = null;
      let rightOrigin: [number, number] | null = null;
      if (ref === REF.gc || ref === REF.skip) {
        length = readLength('length');
      } else {
        if (info & HAS_ORIGIN) origin = readRef(client, clock);
        if (info & HAS_RIGHT_ORIGIN) rightOrigin = readRef(client, clock);
        // Nothing is both left and right of a new item; Yjs would split the neighbour and
        // place the item differently in every replica that integrates it in another order.
        if (origin && rightOrigin && origin[0] === rightOrigin[0] && origin[1] === rightOrigin[1]) {
          r.fail(`struct ${client}:${clock} has the same origin on both sides`);
        }
        if ((info & (HAS_ORIGIN | HAS_RIGHT_ORIGIN)) === 0) {
          const parentIsKey = r.readVarUint();
          if (parentIsKey === 1) r.readVarString();
          else if (parentIsKey === 0) readRef(client, clock);
          else r.fail(`parent info ${parentIsKey}`);
          if (info & HAS_PARENT_SUB) r.readVarString();
        }
        const start = r.pos;
        length = readContent(r, ref, limits);
        if (ref === REF.json || ref === REF.any) values += length;
        contentBytes += r.pos - start;
        if (contentBytes > limits.maxContentBytes) r.fail(`more than ${limits.maxContentBytes} bytes of content`);
        charge();
      }
      if (clock + length > limits.maxClock) r.fail(`struct ${client}:${clock} ends beyond the clock limit`);
      shape.length.push(length);
      shape.skip.push(ref === REF.skip);
      shape.originClient.push(origin?.[0] ?? -1);
      shape.originClock.push(origin?.[1] ?? -1);
      shape.rightClient.push(rightOrigin?.[0] ?? -1);
      shape.rightClock.push(rightOrigin?.[1] ?? -1);
      clock += length;
    }
    shape.groups.push({ client, first, end: shape.clock.length });
  }
  shape.refStart.push(shape.refClient.length);

  const deleteClients = r.readCount('delete-set client count', 2);
  if (deleteClients > limits.maxClients) r.fail(`${deleteClients} clients in one delete set`);
  for (let c = 0; c < deleteClients; c++) {
    const client = r.readVarUint();
    const ranges = r.readCount('deleted range count', 2);
    deletedRanges += ranges;
    charge();
    for (let i = 0; i < ranges; i++) {
      const clock = readClock('deleted clock');
      const end = clock + readLength('deleted length');
      if (end > limits.maxClock) r.fail(`deletion in ${client} ends beyond the clock limit`);
      shape.deletesUpTo.set(client, Math.max(end, shape.deletesUpTo.get(client) ?? 0));
    }
  }
  if (r.remaining > 0) r.fail(`${r.remaining} trailing bytes`);
  return shape;
}

/** Reads an item's content (Yjs `readItemContent`) and returns its length in clock ticks. */
function readContent(r: BoundedReader, ref: number, limits: UpdateLimits): number {
  switch (ref) {
    case REF.deleted: {
      const n = r.readVarUint();
      if (n === 0 || n >= limits.maxClock) r.fail(`deleted length ${n} out of range`);
      return n;
    }
    case REF.json: {
      const n = r.readCount('JSON item count');
      if (n === 0) r.fail('empty JSON content');
      for (let i = 0; i < n; i++) {
        // Yjs writes `undefined`, which JSON cannot hold, as this literal.
        const pos = r.pos;
        if (r.readVarString() !== 'undefined') {
          r.pos = pos;
          r.readJson();
        }
      }
      return n;
    }
    case REF.binary:
      r.readVarBytes();
      return 1;
    case REF.string: {
      // Yjs measures text in UTF-16 code units, the clock ticks it will take.
      const n = r.readVarString().length;
      if (n === 0) r.fail('empty string content');
      return n;
    }
    case REF.embed:
      r.readJson();
      return 1;
    case REF.format:
      r.readVarString();
      r.readJson();
      return 1;
    case REF.type: {
      const typeRef = r.readVarUint();
      if (typeRef >= TYPE_REF_COUNT) r.fail(`unknown type ref ${typeRef}`);
      if (NAMED_TYPE_REFS.has(typeRef)) r.readVarString();
      return 1;
    }
    case REF.any: {
      const n = r.readCount('value count');
      if (n === 0) r.fail('empty value content');
      for (let i = 0; i < n; i++) r.skipAny();
      return n;
    }
    case REF.doc:
      r.readVarString();
      // Yjs spreads these options into `new Doc(...)` and reads properties off them.
      r.readAnyObject();
      return 1;
    default:
      return r.fail(`unknown content ref ${ref}`);
  }
}

/**
 * Whether Yjs could integrate every struct and deletion of a validated update into a
 * document with the given state, or would park some in `pendingStructs`/`pendingDs`: structs
 * that start beyond what the document has from their client, that point at structs nobody
 * has sent, or that wait on each other in a cycle. Parked updates stay in memory, are
 * merged into every later sync reply and snapshot, and may name absurd clocks, so such
 * updates are refused instead. Returns why, or null when everything applies.
 *
 * Works like Yjs's `integrateStructs` (a group advances until it needs a struct it does not
 * have yet) with a wait list per client ordered by the clock awaited, so each struct and each
 * reference is looked at a bounded number of times however the groups interleave.
 */
export function unmetDependency(shape: UpdateShape, stateOf: (client: number) => number): string | null {
  const state = new Map<number, number>();
  const stateFor = (client: number) => state.get(client) ?? stateOf(client);
  const position = shape.groups.map((g) => g.first);
  const waiting = new Map<number, MinHeap>();
  const ready: number[] = shape.groups.map((_, i) => i);
  let finished = 0;

  while (ready.length > 0) {
    const g = ready.pop()!;
    const group = shape.groups[g]!;
    const before = stateFor(group.client);
    let blocked: [number, number] | null = null;
    while (position[g]! < group.end) {
      const s = position[g]!;
      if (!shape.skip[s]) {
        const local = stateFor(group.client);
        if (shape.clock[s]! > local) {
          // Only this group can advance its own client, so the gap is final.
          return `client ${group.client} starts at ${shape.clock[s]}, the document has ${local}`;
        }
        for (let i = shape.refStart[s]!; i < shape.refStart[s + 1]! && !blocked; i++) {
          if (shape.refClock[i]! >= stateFor(shape.refClient[i]!)) blocked = [shape.refClient[i]!, shape.refClock[i]!];
        }
        if (blocked) break;
        const end = shape.clock[s]! + shape.length[s]!;
        if (end > local) state.set(group.client, end);
      }
      position[g] = s + 1;
    }
    if (blocked) {
      const [client, clock] = blocked;
      let heap = waiting.get(client);
      if (!heap) waiting.set(client, (heap = new MinHeap()));
      heap.push(clock, g);
    } else finished++;
    const after = stateFor(group.client);
    const heap = waiting.get(group.client);
    if (heap && after > before) while (heap.size > 0 && heap.peekKey() < after) ready.push(heap.pop());
  }
  if (finished < shape.groups.length) {
    const stuck = shape.groups.find((g, i) => position[i]! < g.end)!;
    return `structs of client ${stuck.client} refer to structs the document does not have`;
  }
  for (const [client, end] of shape.deletesUpTo) {
    const have = stateFor(client);
    if (end > have) return `deletes ${client} up to ${end}, the document has ${have}`;
  }
  return null;
}

/** Group indices keyed by the clock they wait for, smallest first. */
class MinHeap {
  private readonly keys: number[] = [];
  private readonly values: number[] = [];

  get size(): number {
    return this.keys.length;
  }

  peekKey(): number {
    return this.keys[0]!;
  }

  push(key: number, value: number): void {
    let i = this.keys.length;
    this.keys.push(key);
    this.values.push(value);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (this.keys[parent]! <= key) break;
      this.swap(i, parent);
      i = parent;
    }
  }

  pop(): number {
    const top = this.values[0]!;
    const lastKey = this.keys.pop()!;
    const lastValue = this.values.pop()!;
    if (this.keys.length > 0) {
      this.keys[0] = lastKey;
      this.values[0] = lastValue;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const smallest = l + 1 < this.keys.length && this.keys[l + 1]! < this.keys[l]! ? l + 1 : l;
        if (smallest >= this.keys.length || this.keys[smallest]! >= this.keys[i]!) break;
        this.swap(i, smallest);
        i = smallest;
      }
    }
    return top;
  }

  private swap(a: number, b: number): void {
    [this.keys[a], this.keys[b]] = [this.keys[b]!, this.keys[a]!];
    [this.values[a], this.values[b]] = [this.values[b]!, this.values[a]!];
  }
}

/**
 * Checks a state vector (a sync step 1) before Yjs decodes it: pairs of client and clock,
 * no more pairs than bytes to hold them. Its clocks only narrow what is sent back, so any
 * value is harmless once it decodes.
 */
export function validateStateVector(stateVector: Uint8Array): void {
  const r = new BoundedReader(stateVector);
  const count = r.readCount('state vector size', 2);
  for (let i = 0; i < count; i++) {
    r.readVarUint();
    r.readVarUint();
  }
  if (r.remaining > 0) r.fail(`${r.remaining} trailing bytes`);
}
