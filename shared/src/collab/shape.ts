import * as Y from 'yjs';
import { z } from 'zod';
import { kpiTargetKindSchema, partsJudgedSchema, subFigureSchema } from '../measures/kpiKinds';
import { KPI_TEXT_FIELD_NAMES } from '../measures/kpiFields';
import { fieldSuggestionEntrySchema } from '../measures/fieldSuggestions';
import {
  contactSchema,
  kpiDirectionSchema,
  measuredSchema,
  measureSettingsSchema,
  nodeKindSchema,
  positionSchema,
  projectStatusSchema,
  roleMarkSchema,
} from '../measures/model';
import { EVALUATION_TEXT_ROOT_PREFIX, PLAN_DOC_ROOTS } from './layout';
import { SHAPE_LIMITS, type ShapeLimits } from './shapeLimits';
import { jsonBounded } from './jsonBounded';
import { rowDepths } from './rowDepth';

export { SHAPE_LIMITS, type ShapeLimits } from './shapeLimits';

/**
 * The shape a plan's Y.Doc may have, checked without trusting it. Anyone with edit access can
 * send any well-formed Yjs structure; what no Sakutei editor writes (a root nobody reads, an
 * element the prose schema does not know, a KPI whose target is a Y.Map, prose nested a
 * thousand deep, a chain of thousands of rows) is refused by the server before it is applied
 * (server/src/collab/room/shapeGuard.ts) and reported by `checkDocShape` for a document
 * already stored (freeze refuses such a state).
 *
 * The rules are written once, as "may this entry sit in this container": `childRule` below.
 * Both the whole-document check here and the server's check of an update's new items walk
 * the document and ask it; neither recurses, so no shape can overflow the stack.
 *
 * Rules that concurrent honest edits could break are left to the readers instead: a row
 * moved under its own descendant by two people at once (tree.ts lifts the cycle), a table
 * row left without cells (the exports read tables by name). A bound (rows deep, records,
 * prose depth) is far above anything a plan has, so a merge never reaches it by accident.
 */

/** Any Y type; Yjs types its event parameter, which nothing here listens to. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type YType = Y.AbstractType<any>;

/** The prose schema reduced to names: element → its attributes, mark → its attributes. */
export type ProseRules = { nodes: ReadonlyMap<string, ReadonlySet<string>>; marks: ReadonlyMap<string, ReadonlySet<string>> };

// ---------------------------------------------------------------- contexts

/** Which measure-table map a record lives in. */
type RecordKind = 'node' | 'project' | 'kpi';

/** What a Y type of the document is, as far as what may go in it. */
export type ShapeContext =
  | { kind: 'prose'; depth: number; element: string | null }
  | { kind: 'proseText' }
  | { kind: 'recordMap'; record: RecordKind; root: string }
  | { kind: 'record'; record: RecordKind }
  | { kind: 'plainText' }
  | { kind: 'actuals' }
  | { kind: 'valueMap'; root: string; legacyTexts: boolean };

/** One entry of a Y type, reduced to what the rules look at. `key` is the map key (parentSub), null in a list. */
type ShapeEntry =
  | { key: string | null; content: 'type'; type: YType }
  | { key: string | null; content: 'string' }
  | { key: string | null; content: 'format'; format: string; value: unknown }
  | { key: string | null; content: 'values'; values: unknown[] }
  | { key: string | null; content: 'other'; name: string };

/** A child's context, or why it may not be there. */
type RuleResult = { ok: true; context: ShapeContext | null } | { ok: false; problem: string };

const OK_LEAF: RuleResult = { ok: true, context: null };
const refuse = (problem: string): RuleResult => ({ ok: false, problem });

const RECORD_ROOTS: Record<string, RecordKind> = {
  [PLAN_DOC_ROOTS[1].measureNodes]: 'node',
  [PLAN_DOC_ROOTS[1].measureProjects]: 'project',
  [PLAN_DOC_ROOTS[1].measureKpis]: 'kpi',
};

/** The context of a root by its name, or null when no plan document has such a root. */
export function rootContext(name: string): ShapeContext | null {
  if (name === PLAN_DOC_ROOTS[1].body) return { kind: 'prose', depth: 0, element: null };
  const record = RECORD_ROOTS[name];
  if (record) return { kind: 'recordMap', record, root: name };
  if (name.startsWith(EVALUATION_TEXT_ROOT_PREFIX)) return name.length <= 200 ? { kind: 'plainText' } : null;
  const roots: Record<string, string> = { ...PLAN_DOC_ROOTS[1], ...PLAN_DOC_ROOTS[2], ...PLAN_DOC_ROOTS[3] };
  if (!Object.values(roots).includes(name)) return null;
  return { kind: 'valueMap', root: name, legacyTexts: name === PLAN_DOC_ROOTS[2].reportEvaluations };
}

function typeName(type: YType): string {
  if (type instanceof Y.XmlElement) return `element <${type.nodeName}>`;
  if (type instanceof Y.XmlText) return 'XmlText';
  if (type instanceof Y.XmlHook) return 'XmlHook';
  if (type instanceof Y.XmlFragment) return 'XmlFragment';
  if (type instanceof Y.Text) return 'Text';
  if (type instanceof Y.Map) return 'Map';
  if (type instanceof Y.Array) return 'Array';
  return 'type';
}

// ---------------------------------------------------------------- measure fields

const string = z.string().max(100_000);
const stringList = z.array(z.string().max(400)).max(200);
const year = z.number().int().nullable();
type FieldRule = { text?: true; map?: true; value?: z.ZodType };

const NODE_FIELDS: Record<string, FieldRule> = {
  kind: { value: nodeKindSchema },
  position: { value: positionSchema },
  title: { text: true },
  description: { text: true },
  projectId: { value: z.string().max(200).nullable() },
  status: { value: projectStatusSchema.nullable() },
};
const PROJECT_FIELDS: Record<string, FieldRule> = {
  name: { text: true },
  contacts: { value: z.array(contactSchema).max(100) },
};
const KPI_FIELDS: Record<string, FieldRule> = {
  attachTo: { value: z.string().max(200) },
  key: { value: z.string().min(1).max(400) },
  formerNames: { value: stringList },
  direction: { value: kpiDirectionSchema },
  components: { value: stringList },
  baselineValue: { value: measuredSchema },
  baselineYear: { value: year },
  baselineLabel: { value: string },
  targetValue: { value: measuredSchema },
  targetYear: { value: year },
  actuals: { map: true },
  targetKind: { value: kpiTargetKindSchema.nullable() },
  partsJudged: { value: partsJudgedSchema.nullable() },
  subFigure: { value: subFigureSchema.nullable() },
  directionInferred: { value: z.boolean() },
  ...Object.fromEntries(KPI_TEXT_FIELD_NAMES.map((field) => [field, { text: true } as FieldRule])),
};
const FIELDS: Record<RecordKind, Record<string, FieldRule>> = { node: NODE_FIELDS, project: PROJECT_FIELDS, kpi: KPI_FIELDS };

const actorSchema = z.object({ name: z.string().max(400), key: z.string().max(400) });

/** Values of the plain maps that have a fixed shape; the others (実施状況, import memory) are read leniently. */
const VALUE_RULES: Record<string, (key: string) => z.ZodType | null> = {
  [PLAN_DOC_ROOTS[1].measureSettings]: (key) => (measureSettingsSchema.shape as Record<string, z.ZodType>)[key] ?? null,
  [PLAN_DOC_ROOTS[1].roleActors]: () => actorSchema,
  [PLAN_DOC_ROOTS[1].roleCells]: () => roleMarkSchema,
  [PLAN_DOC_ROOTS[3].measureSuggestions]: () => fieldSuggestionEntrySchema,
};

function fieldRule(record: RecordKind, entry: ShapeEntry): RuleResult {
  if (entry.key === null) return refuse(`a ${record} record is a map, not a list`);
  const rule = FIELDS[record][entry.key];
  if (!rule) return refuse(`a ${record} record has no field "${entry.key.slice(0, 60)}"`);
  if (entry.content === 'type') {
    if (rule.text && entry.type instanceof Y.Text && !(entry.type instanceof Y.XmlText)) return { ok: true, context: { kind: 'plainText' } };
    if (rule.map && entry.type instanceof Y.Map) return { ok: true, context: { kind: 'actuals' } };
    return refuse(`${record}.${entry.key} cannot be a ${typeName(entry.type)}`);
  }
  if (entry.content !== 'values' || entry.values.length !== 1) return refuse(`${record}.${entry.key} holds ${entry.content}`);
  const value = entry.values[0];
  // A text field written as a plain string still reads (ydoc.ts `text`).
  if (rule.text) return typeof value === 'string' ? OK_LEAF : refuse(`${record}.${entry.key} must be text`);
  if (!rule.value || !rule.value.safeParse(value).success) return refuse(`${record}.${entry.key} has the wrong type`);
  return OK_LEAF;
}

// ---------------------------------------------------------------- the rule

/** Whether `entry` may sit in a Y type of context `parent`, and the context it makes if it is a type. */
export function childRule(parent: ShapeContext, entry: ShapeEntry, rules: ProseRules, limits: ShapeLimits = SHAPE_LIMITS): RuleResult {
  switch (parent.kind) {
    case 'prose': {
      if (entry.key !== null) {
        if (parent.element === null) return refuse('the prose root has no attributes');
        const allowed = rules.nodes.get(parent.element);
        if (!allowed?.has(entry.key)) return refuse(`<${parent.element}> has no attribute "${entry.key.slice(0, 60)}"`);
        if (entry.content !== 'values' || entry.values.length !== 1) return refuse(`attribute ${entry.key} holds ${entry.content}`);
        return jsonBounded(entry.values[0]) ? OK_LEAF : refuse(`attribute ${entry.key} is not a small JSON value`);
      }
      if (entry.content !== 'type') return refuse(`prose holds ${entry.content} outside text`);
      const { type } = entry;
      if (type instanceof Y.XmlText) {
        return parent.element === null ? refuse('text directly in the prose root') : { ok: true, context: { kind: 'proseText' } };
      }
      if (!(type instanceof Y.XmlElement) || type instanceof Y.XmlHook) return refuse(`prose holds a ${typeName(type)}`);
      if (!rules.nodes.has(type.nodeName)) return refuse(`no prose element is called <${type.nodeName.slice(0, 60)}>`);
      const depth = parent.depth + 1;
      if (depth > limits.maxProseDepth) return refuse(`prose nested deeper than ${limits.maxProseDepth}`);
      return { ok: true, context: { kind: 'prose', depth, element: type.nodeName } };
    }
    case 'proseText': {
      if (entry.key !== null) return refuse('prose text has no attributes');
      if (entry.content === 'string') return OK_LEAF;
      if (entry.content !== 'format') return refuse(`prose text holds ${entry.content === 'type' ? typeName(entry.type) : entry.content}`);
      const mark = markName(entry.format);
      const allowed = rules.marks.get(mark);
      if (!allowed) return refuse(`no mark is called "${mark.slice(0, 60)}"`);
      const { value } = entry;
      if (value === null) return OK_LEAF;
      if (typeof value !== 'object' || Array.isArray(value)) return refuse(`mark ${mark} has attributes of the wrong type`);
      for (const attr of Object.keys(value as object)) if (!allowed.has(attr)) return refuse(`mark ${mark} has no attribute "${attr.slice(0, 60)}"`);
      return jsonBounded(value) ? OK_LEAF : refuse(`mark ${mark} has attributes that are not small JSON values`);
    }
    case 'plainText':
      if (entry.key !== null) return refuse('text has no attributes');
      if (entry.content === 'format') return jsonBounded(entry.value) ? OK_LEAF : refuse('text formatting is not a small JSON value');
      return entry.content === 'string' ? OK_LEAF : refuse(`text holds ${entry.content}`);
    case 'recordMap':
      if (entry.key === null) return refuse(`${parent.root} is a map, not a list`);
      if (entry.content === 'type' && entry.type instanceof Y.Map) return { ok: true, context: { kind: 'record', record: parent.record } };
      return refuse(`a ${parent.record} record must be a Map`);
    case 'record':
      return fieldRule(parent.record, entry);
    case 'actuals':
      if (entry.key === null || !/^\d{4}$/.test(entry.key)) return refuse('actuals are keyed by fiscal year');
      return entry.content === 'values' && entry.values.length === 1 && measuredSchema.safeParse(entry.values[0]).success
        ? OK_LEAF
        : refuse(`the actual of ${entry.key} has the wrong type`);
    case 'valueMap': {
      if (entry.key === null) return refuse(`${parent.root} is a map, not a list`);
      if (entry.content === 'type') {
        // Documents from before issue 14 kept each 評価・課題 as a Y.Text inside the map.
        if (parent.legacyTexts && entry.type instanceof Y.Text && !(entry.type instanceof Y.XmlText)) return { ok: true, context: { kind: 'plainText' } };
        return refuse(`${parent.root} cannot hold a ${typeName(entry.type)}`);
      }
      if (entry.content !== 'values' || entry.values.length !== 1) return refuse(`${parent.root} holds ${entry.content}`);
      const schema = VALUE_RULES[parent.root]?.(entry.key);
      if (VALUE_RULES[parent.root] && !schema) return refuse(`${parent.root} has no entry "${entry.key.slice(0, 60)}"`);
      if (schema && !schema.safeParse(entry.values[0]).success) return refuse(`${parent.root}.${entry.key.slice(0, 60)} has the wrong type`);
      // The lenient maps (実施状況, import memory) take any value, but only a bounded JSON one.
      return jsonBounded(entry.values[0]) ? OK_LEAF : refuse(`${parent.root}.${entry.key.slice(0, 60)} is not a small JSON value`);
    }
  }
}

/** y-prosemirror stores a mark that may repeat as `name--hash`. */
export function markName(attribute: string): string {
  return /(.*)(--[a-zA-Z0-9+/=]{8})$/.exec(attribute)?.[1] ?? attribute;
}

/** An item's content as the rules see it, or null when it holds nothing (deleted, garbage-collected). */
export function entryOf(content: Y.Item['content'], key: string | null): ShapeEntry | null {
  if (content instanceof Y.ContentDeleted) return null;
  if (content instanceof Y.ContentType) return { key, content: 'type', type: content.type };
  if (content instanceof Y.ContentString) return { key, content: 'string' };
  if (content instanceof Y.ContentFormat) return { key, content: 'format', format: content.key, value: content.value };
  if (content instanceof Y.ContentAny) return { key, content: 'values', values: content.arr };
  return { key, content: 'other', name: content.constructor.name };
}

// ---------------------------------------------------------------- the whole document

export type ShapeProblem = { where: string; problem: string };

/** Problems reported per document before the check stops listing them. */
const MAX_PROBLEMS = 50;

/**
 * Every way a document breaks the shape, walking it without recursion: each root against
 * the known roots, each live entry against `childRule`, then the rows' parent chains and the
 * size of each map. An empty list means every reader can read it. Costs one pass over the
 * document; the server uses it when freezing, not per edit.
 */
export function checkDocShape(doc: Y.Doc, rules: ProseRules, limits: ShapeLimits = SHAPE_LIMITS): ShapeProblem[] {
  const problems: ShapeProblem[] = [];
  const report = (where: string, problem: string) => {
    if (problems.length < MAX_PROBLEMS) problems.push({ where, problem });
  };
  const stack: Array<{ type: YType; context: ShapeContext; where: string }> = [];
  for (const [name, type] of doc.share) {
    const context = rootContext(name);
    if (!context) {
      if (!isEmptyType(type)) report(name.slice(0, 80), 'no plan document has this root');
      continue;
    }
    stack.push({ type, context, where: name });
  }
  while (stack.length > 0 && problems.length < MAX_PROBLEMS) {
    const { type, context, where } = stack.pop()!;
    let entries = 0;
    const visit = (item: Y.Item, key: string | null) => {
      if (item.deleted) return;
      const entry = entryOf(item.content, key);
      if (!entry) return;
      entries++;
      const result = childRule(context, entry, rules, limits);
      const at = key === null ? where : `${where}.${key.slice(0, 60)}`;
      if (!result.ok) report(at, result.problem);
      else if (result.context && entry.content === 'type') stack.push({ type: entry.type, context: result.context, where: at });
    };
    for (const [key, item] of type._map) visit(item, key);
    for (let item = type._start; item !== null; item = item.right) visit(item, null);
    if ((context.kind === 'recordMap' || context.kind === 'valueMap') && entries > limits.maxRecords) {
      report(where, `more than ${limits.maxRecords} entries`);
    }
  }
  const deepest = deepestRowOf(rowParentsOf(doc), limits.maxRowDepth);
  if (deepest) report(`${PLAN_DOC_ROOTS[1].measureNodes}.${deepest.slice(0, 60)}`, `rows nested deeper than ${limits.maxRowDepth}`);
  return problems;
}

function isEmptyType(type: YType): boolean {
  for (const item of type._map.values()) if (!item.deleted) return false;
  for (let item = type._start; item !== null; item = item.right) if (!item.deleted) return false;
  return true;
}

/** A row's parent as written, or null. */
export function rowParentOf(value: unknown): string | null {
  // Read by hand, not by the schema: the guard reads every row's position when rows move.
  if (typeof value !== 'object' || value === null) return null;
  const parent = (value as { parent?: unknown }).parent;
  return typeof parent === 'string' ? parent : null;
}

/** Every live row's parent as written (rows whose record is no Map are left out). */
export function rowParentsOf(doc: Y.Doc): Map<string, string | null> {
  const parents = new Map<string, string | null>();
  const nodes = doc.share.get(PLAN_DOC_ROOTS[1].measureNodes);
  if (!nodes) return parents;
  for (const [id, item] of nodes._map) {
    if (item.deleted || !(item.content instanceof Y.ContentType) || !(item.content.type instanceof Y.Map)) continue;
    parents.set(id, rowParentOf((item.content.type as Y.Map<unknown>).get('position')));
  }
  return parents;
}

/**
 * A row whose chain of parents is deeper than `limit`, or null: the first row found exactly
 * one level past it (depths along a chain are consecutive, so every deeper chain has one).
 */
export function deepestRowOf(parents: ReadonlyMap<string, string | null>, limit: number): string | null {
  for (const [id, depth] of rowDepths(parents)) if (depth === limit + 1) return id;
  return null;
}
