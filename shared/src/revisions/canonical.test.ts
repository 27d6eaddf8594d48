import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_MEASURE_SETTINGS, num, type MeasureTable } from '../measures/model';
import { canonicalJson, canonicalSnapshot, planSnapshotSchema, sha256Hex, type PlanSnapshot } from './canonical';

/** The same value with every object's keys in a different order. */
function reorderKeys(value: unknown, seed: number): unknown {
  let state = seed >>> 0 || 1;
  const random = () => {
    state = (state * 1103515245 + 12345) >>> 0;
    return state / 2 ** 32;
  };
  const visit = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(visit);
    if (v === null || typeof v !== 'object') return v;
    const keys = Object.keys(v);
    for (let i = keys.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [keys[i], keys[j]] = [keys[j]!, keys[i]!];
    }
    const out = {};
    // defineProperty, so that a key called __proto__ stays a key.
    for (const key of keys) {
      Object.defineProperty(out, key, { value: visit((v as Record<string, unknown>)[key]), enumerable: true, writable: true, configurable: true });
    }
    return out;
  };
  return visit(value);
}

function withoutNegativeZero(value: unknown): unknown {
  if (Object.is(value, -0)) return 0;
  if (Array.isArray(value)) return value.map(withoutNegativeZero);
  if (value === null || typeof value !== 'object') return value;
  const out = {};
  for (const [key, item] of Object.entries(value)) {
    Object.defineProperty(out, key, { value: withoutNegativeZero(item), enumerable: true, writable: true, configurable: true });
  }
  return out;
}

describe('canonicalJson', () => {
  it('does not depend on key order', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.integer(), (value, seed) => {
        expect(canonicalJson(reorderKeys(value, seed))).toBe(canonicalJson(value));
      }),
    );
  });

  it('reads back as the value it was made from', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = canonicalJson(value);
        // -0 has no JSON form of its own; it is written, and so read back, as 0.
        expect(JSON.parse(text)).toEqual(withoutNegativeZero(value));
        // And it is already canonical: a second pass changes nothing.
        expect(canonicalJson(JSON.parse(text))).toBe(text);
      }),
    );
  });

  it('sorts keys by code unit, drops undefined and prints numbers as JSON does', () => {
    expect(canonicalJson({ b: 1, a: [3, { d: undefined, c: 'ｃ' }], B: -0, é: 1e21, 予: 0.1 })).toBe(
      '{"B":0,"a":[3,{"c":"ｃ"}],"b":1,"é":1e+21,"予":0.1}',
    );
    expect(canonicalJson([undefined, null, true])).toBe('[null,null,true]');
    expect(canonicalJson('令和7年度\n"引用"')).toBe('"令和7年度\\n\\"引用\\""');
  });

  it.each([
    ['NaN', { a: Number.NaN }],
    ['Infinity', [Number.POSITIVE_INFINITY]],
    ['a bigint', { a: 1n }],
    ['a function', { f: () => 1 }],
    ['a Date', { at: new Date(0) }],
    ['a Map', new Map()],
  ])('refuses %s', (_name, value) => {
    expect(() => canonicalJson(value)).toThrow(TypeError);
  });

  it('refuses a cycle but not a shared value', () => {
    const shared = { x: 1 };
    expect(canonicalJson({ a: shared, b: shared })).toBe('{"a":{"x":1},"b":{"x":1}}');
    const cyclic: Record<string, unknown> = {};
    cyclic['self'] = cyclic;
    expect(() => canonicalJson(cyclic)).toThrow(/cycle/);
  });
});

function table(): MeasureTable {
  const node = (id: string, parent: string | null, key: string, title: string) => ({
    id,
    kind: 'measure' as const,
    position: { parent, key },
    title,
    description: '',
    projectId: null,
    status: null,
  });
  return {
    settings: DEFAULT_MEASURE_SETTINGS,
    nodes: [node('n2', null, 'a1', '創業と承継'), node('n1', null, 'a0', '経営の革新'), node('n3', 'n1', 'a0', '経営の革新、向上及び改善')],
    projects: [
      { id: 'p2', name: '相談支援事業', contacts: [{ organisation: '福島商工会議所', section: '経営支援課', phone: '024-536-3900' }] },
      { id: 'p1', name: '中小企業融資事業', contacts: [] },
    ],
    kpis: [
      {
        id: 'k2',
        attachTo: 'n3',
        key: 'a0',
        name: '中心市街地空き店舗数',
        formerNames: [],
        unit: '店舗',
        direction: 'lower',
        components: [],
        baseline: { value: num(110), fiscalYear: 2020, label: '' },
        target: { value: num(80), fiscalYear: 2025 },
        actuals: { '2023': num(102), '2022': num(100) },
        source: '',
      },
    ],
    actors: [
      { id: 'a2', name: '市', key: 'a1' },
      { id: 'a1', name: '商工会議所', key: 'a0' },
    ],
    roleCells: { 'n3|a2': '○', 'n1|a1': '◎' },
  };
}

describe('canonicalSnapshot', () => {
  const prose = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: '第2期 令和7年度の1年間' }] }] };

  it('gives the same bytes however the Y.Maps listed their entries', () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer(), (seed, order) => {
        const base = table();
        const rotate = <T,>(items: T[]) => {
          const k = Math.abs(order) % Math.max(1, items.length);
          return [...items.slice(k), ...items.slice(0, k)].reverse();
        };
        const shuffled = reorderKeys(
          {
            prose,
            measures: {
              ...base,
              nodes: rotate(base.nodes),
              projects: rotate(base.projects),
              kpis: rotate(base.kpis),
              actors: rotate(base.actors),
            },
          },
          seed,
        ) as PlanSnapshot;
        expect(canonicalSnapshot(shuffled)).toBe(canonicalSnapshot({ prose, measures: base }));
      }),
    );
  });

  it('keeps the order that means something', () => {
    const base = table();
    const reordered = { ...base, projects: base.projects.map((p) => ({ ...p, contacts: [...p.contacts].reverse() })) };
    reordered.settings = { ...base.settings, actualYears: [2025, 2024, 2023, 2022] };
    expect(canonicalSnapshot({ prose, measures: reordered })).not.toBe(canonicalSnapshot({ prose, measures: base }));
  });

  it('is what the schema accepts, and reads back to the same bytes', () => {
    const text = canonicalSnapshot({ prose, measures: table() });
    const parsed = planSnapshotSchema.parse(JSON.parse(text));
    expect(canonicalSnapshot(parsed)).toBe(text);
  });

  it('rejects a snapshot whose prose is not ProseMirror JSON', () => {
    expect(planSnapshotSchema.safeParse({ prose: { content: [] }, measures: table() }).success).toBe(false);
    expect(planSnapshotSchema.safeParse({ prose: { type: 'doc', content: [{ type: 1 }] }, measures: table() }).success).toBe(false);
  });

  it('hashes with SHA-256 as hex', async () => {
    expect(await sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(await sha256Hex('令和')).toMatch(/^[0-9a-f]{64}$/);
  });
});
