import { z } from 'zod';
import { SHAPE_LIMITS } from '../collab/shapeLimits';
import { type FieldSuggestionEntry, fieldSuggestionEntrySchema } from '../measures/fieldSuggestionEntry';
import { measureTableSchema, type MeasureTable } from '../measures/model';
import { keptEvaluations } from '../measures/report/evaluationKeys';

/**
 * The canonical rendering of a revision: the bytes its SHA-256 is taken over. An approval
 * names that hash, so the same content must give the same bytes on every machine, in every
 * release, whatever order a Y.Map happened to list its keys in.
 */

/**
 * Deterministic JSON: object keys sorted by UTF-16 code units, no whitespace, `undefined`
 * properties dropped, numbers as JSON prints them (-0 as 0). For the values a snapshot holds
 * this is the JSON Canonicalization Scheme (RFC 8785). Throws on what JSON cannot say the
 * same way twice: NaN, Infinity, bigint, functions, symbols, cycles, and objects other than
 * plain objects and arrays (a Date or a Map would otherwise be printed by accident).
 */
export function canonicalJson(value: unknown): string {
  return write(value, new Set(), '$');
}

function write(value: unknown, ancestors: Set<object>, where: string): string {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`canonicalJson: ${String(value)} at ${where} has no JSON form`);
      return Object.is(value, -0) ? '0' : JSON.stringify(value);
    case 'object':
      if (value === null) return 'null';
      return writeObject(value, ancestors, where);
    default:
      throw new TypeError(`canonicalJson: a ${typeof value} at ${where} has no JSON form`);
  }
}

function writeObject(value: object, ancestors: Set<object>, where: string): string {
  if (ancestors.has(value)) throw new TypeError(`canonicalJson: cycle at ${where}`);
  ancestors.add(value);
  let out: string;
  if (Array.isArray(value)) {
    // As in JSON.stringify, a hole or undefined in an array is null: dropping it would shift
    // every later index.
    out = `[${Array.from(value, (item: unknown, i) => (item === undefined ? 'null' : write(item, ancestors, `${where}[${i}]`))).join(',')}]`;
  } else {
    const proto: unknown = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) {
      throw new TypeError(`canonicalJson: ${value.constructor?.name ?? 'an object'} at ${where} is not a plain object`);
    }
    const record = value as Record<string, unknown>;
    // Plain `<` rather than localeCompare: the order must not depend on the runtime's locale.
    const keys = Object.keys(record).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const members: string[] = [];
    for (const key of keys) {
      const item = record[key];
      if (item === undefined) continue;
      members.push(`${JSON.stringify(key)}:${write(item, ancestors, `${where}.${key}`)}`);
    }
    out = `{${members.join(',')}}`;
  }
  ancestors.delete(value);
  return out;
}

// ---------------------------------------------------------------- the plan snapshot

export type ProseMark = { type: string; attrs?: Record<string, unknown> };

/** ProseMirror's JSON form of a node, as `node.toJSON()` gives it and TipTap reads it. */
export type ProseNode = {
  type: string;
  attrs?: Record<string, unknown>;
  content?: ProseNode[];
  text?: string;
  marks?: ProseMark[];
};

export const proseMarkSchema: z.ZodType<ProseMark> = z.object({
  type: z.string().min(1),
  attrs: z.record(z.string(), z.unknown()).optional(),
});

export const proseNodeSchema: z.ZodType<ProseNode> = z.lazy(() =>
  z.object({
    type: z.string().min(1),
    attrs: z.record(z.string(), z.unknown()).optional(),
    content: z.array(proseNodeSchema).optional(),
    text: z.string().optional(),
    marks: z.array(proseMarkSchema).optional(),
  }),
);

/**
 * A cell suggestion of the measure table as a revision keeps it: the entry of
 * `measureSuggestions` (measures/fieldSuggestions.ts) with its id. Competition between
 * proposals for one cell is not stored: readers derive it from the targets.
 */
export type FrozenCellSuggestion = FieldSuggestionEntry & { id: string };

export const frozenCellSuggestionSchema: z.ZodType<FrozenCellSuggestion> = z.object({ id: z.string().min(1).max(200) }).and(fieldSuggestionEntrySchema);

/**
 * Everything a revision freezes: the prose, the measure table, the annual reports'
 * 評価・課題 (`${fiscalYear}|${scope}` → text, see measures/report/evaluations.ts) and the
 * table's pending cell suggestions (prose suggestions are marks in the prose). The optional
 * parts are absent when there are none, so revisions frozen before they existed keep their
 * canonical bytes and hash.
 */
export type PlanSnapshot = {
  prose: ProseNode;
  measures: MeasureTable;
  evaluations?: Record<string, string>;
  cellSuggestions?: FrozenCellSuggestion[];
};

export const planSnapshotSchema = z.object({
  prose: proseNodeSchema,
  measures: measureTableSchema,
  evaluations: z.record(z.string(), z.string()).optional(),
  // As many as the live map may hold (collab/shape.ts bounds every map by maxRecords).
  cellSuggestions: z.array(frozenCellSuggestionSchema).max(SHAPE_LIMITS.maxRecords).optional(),
});

const byId = <T extends { id: string }>(a: T, b: T): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * The snapshot with every collection whose order means nothing put in id order. Y.Maps
 * list their entries in whatever order updates arrived, so the same table read on two
 * replicas can list nodes differently; the order readers see comes from position keys,
 * which are kept. Order that does mean something (contacts, components, actual years,
 * levels, grade rules, the prose itself) is left alone.
 */
export function normaliseSnapshot(snapshot: PlanSnapshot): PlanSnapshot {
  const { measures } = snapshot;
  const roleCells = Object.fromEntries(Object.entries(measures.roleCells).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  // The same rule the document reader applies: only the plan's years and measure rows, capped.
  const evaluations = Object.entries(keptEvaluations(snapshot.evaluations ?? {}, measures));
  // Cell suggestions in id order: the map lists them in arrival order, which differs by replica.
  const cellSuggestions = [...(snapshot.cellSuggestions ?? [])].sort(byId);
  return {
    prose: snapshot.prose,
    ...(evaluations.length > 0 ? { evaluations: Object.fromEntries(evaluations) } : {}),
    ...(cellSuggestions.length > 0 ? { cellSuggestions } : {}),
    measures: {
      settings: measures.settings,
      nodes: [...measures.nodes].sort(byId),
      projects: [...measures.projects].sort(byId),
      kpis: [...measures.kpis].sort(byId),
      actors: [...measures.actors].sort(byId),
      roleCells,
      // 実施状況 (measures/progress.ts): absent when none is recorded, so older hashes hold.
      ...(measures.progress && Object.keys(measures.progress).length > 0 ? { progress: measures.progress } : {}),
    },
  };
}

/** The canonical JSON of a snapshot: the text a revision stores and hashes. */
export function canonicalSnapshot(snapshot: PlanSnapshot): string {
  return canonicalJson(normaliseSnapshot(snapshot));
}

/**
 * SHA-256 of the UTF-8 bytes of `text`, as lowercase hex. Uses Web Crypto, present in Node
 * 20 and every browser, so a reader can check a revision's hash where they read it.
 */
export async function sha256Hex(text: string): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}
