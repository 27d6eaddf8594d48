import * as Y from 'yjs';
import {
  DEFAULT_MEASURE_SETTINGS,
  contactSchema,
  kpiDirectionSchema,
  measuredSchema,
  measureSettingsSchema,
  nodeKindSchema,
  positionSchema,
  projectStatusSchema,
  roleMarkSchema,
  BLANK,
  type Contact,
  type KpiDirection,
  type KpiRecord,
  type MeasureSettings,
  type MeasureTable,
  type Measured,
  type NodeKind,
  type NodeRecord,
  type Position,
  type ProjectRecord,
  type ProjectStatus,
  type RoleActor,
  type RoleMark,
} from './model';
import { compareByKey, isOrderKey, keyBetween } from './orderKey';
import { KPI_TEXT_FIELD_NAMES } from './kpiFields';
import { legacyInferredKeep } from './kpiLegacy';
import { kpiTargetKindSchema, partsJudgedSchema, subFigureSchema, type KpiTargetKind, type PartsJudged, type SubFigure } from './kpiKinds';
import { PROGRESS_MAP_NAME, progressEntriesOf, readProgressEntries } from './progress';
import { z } from 'zod';

/**
 * The measure table inside a plan's Y.Doc, beside the prose fragment. Rows, projects and
 * KPIs are Y.Maps keyed by id; their free-text fields are Y.Text so two people typing in
 * the same cell merge instead of overwriting; everything else is a plain value, last writer
 * wins per field. Order is a fractional key per row (`position`), written as one value so a
 * move is atomic: concurrent moves of one row pick one winner, and no row is duplicated or
 * lost (see `tree.ts` for how orphans and cycles are resolved on read).
 *
 * Anyone with edit access can write anything into the document, so every read here
 * validates and falls back instead of trusting the shape.
 */

export const MEASURE_MAPS = {
  nodes: 'measureNodes',
  projects: 'measureProjects',
  kpis: 'measureKpis',
  settings: 'measureSettings',
  actors: 'roleActors',
  roleCells: 'roleCells',
  progress: PROGRESS_MAP_NAME,
} as const;

/** Transaction origin of local measure-table edits; the per-user undo manager tracks only it. */
export const MEASURE_EDIT = 'sakutei.measures';

export type IdSource = () => string;

type YRecord = Y.Map<unknown>;

export function measureMaps(doc: Y.Doc) {
  return {
    nodes: doc.getMap<YRecord>(MEASURE_MAPS.nodes),
    projects: doc.getMap<YRecord>(MEASURE_MAPS.projects),
    kpis: doc.getMap<YRecord>(MEASURE_MAPS.kpis),
    settings: doc.getMap<unknown>(MEASURE_MAPS.settings),
    actors: doc.getMap<unknown>(MEASURE_MAPS.actors),
    roleCells: doc.getMap<unknown>(MEASURE_MAPS.roleCells),
    progress: doc.getMap<unknown>(MEASURE_MAPS.progress),
  };
}

/** Undo that only ever reverts this user's own measure-table edits, never someone else's. */
export function createMeasureUndoManager(doc: Y.Doc): Y.UndoManager {
  const maps = measureMaps(doc);
  return new Y.UndoManager(Object.values(maps), {
    trackedOrigins: new Set([MEASURE_EDIT]),
    captureTimeout: 400,
  });
}

function edit<T>(doc: Y.Doc, change: () => T): T {
  let result!: T;
  doc.transact(() => {
    result = change();
  }, MEASURE_EDIT);
  return result;
}

// ------------------------------------------------------------------ reading

function text(record: YRecord, field: string): string {
  const value = record.get(field);
  if (value instanceof Y.Text) return value.toString();
  return typeof value === 'string' ? value : '';
}

function parsed<T>(schema: z.ZodType<T>, value: unknown, fallback: T): T {
  const result = schema.safeParse(value);
  return result.success ? result.data : fallback;
}

const stringList = z.array(z.string().max(400)).max(50);
const yearSchema = z.number().int().min(1868).max(2200).nullable();

function readNode(id: string, record: YRecord): NodeRecord | null {
  const position = parsed(positionSchema, record.get('position'), null);
  const kind = parsed(nodeKindSchema, record.get('kind'), null);
  if (!position || !kind || !isOrderKey(position.key)) return null;
  return {
    id,
    kind,
    position,
    title: text(record, 'title'),
    description: text(record, 'description'),
    projectId: parsed(z.string().nullable(), record.get('projectId') ?? null, null),
    status: parsed(projectStatusSchema.nullable(), record.get('status') ?? null, null),
  };
}

function readProject(id: string, record: YRecord): ProjectRecord {
  return {
    id,
    name: text(record, 'name'),
    contacts: parsed(z.array(contactSchema).max(100), record.get('contacts') ?? [], []),
  };
}

function readActuals(value: unknown): Record<string, Measured> {
  const actuals: Record<string, Measured> = {};
  if (!(value instanceof Y.Map)) return actuals;
  for (const [year, figure] of (value as Y.Map<unknown>).entries()) {
    if (!/^\d{4}$/.test(year)) continue;
    const measured = measuredSchema.safeParse(figure);
    if (measured.success) actuals[year] = measured.data;
  }
  return actuals;
}

function readKpi(id: string, record: YRecord): KpiRecord | null {
  const attachTo = record.get('attachTo');
  const key = record.get('key');
  if (typeof attachTo !== 'string' || !isOrderKey(key)) return null;
  return legacyInferredKeep(readKpiFields(id, attachTo, key, record), record.get('directionInferred'));
}

/**
 * A row's title or description as the table shows it, or null when there is no such row. A
 * placement's title is its project's name, shared by every placement of it (as setNodeText writes).
 */
export function readNodeText(doc: Y.Doc, id: string, field: NodeTextField): string | null {
  const maps = measureMaps(doc);
  const record = maps.nodes.get(id);
  if (!(record instanceof Y.Map)) return null;
  const projectId = record.get('projectId');
  if (field === 'title' && typeof projectId === 'string') {
    const project = maps.projects.get(projectId);
    if (project instanceof Y.Map) return text(project, 'name');
  }
  return text(record, field);
}

/** One KPI as the table reads it, or null when there is none (or it is unreadable) under that id. */
export function readKpiRecord(doc: Y.Doc, id: string): KpiRecord | null {
  const record = measureMaps(doc).kpis.get(id);
  return record instanceof Y.Map ? readKpi(id, record) : null;
}

function readKpiFields(id: string, attachTo: string, key: string, record: YRecord): KpiRecord {
  return {
    id,
    attachTo,
    key,
    name: text(record, 'name'),
    formerNames: parsed(stringList, record.get('formerNames') ?? [], []),
    unit: text(record, 'unit'),
    direction: parsed(kpiDirectionSchema, record.get('direction'), 'higher'),
    components: parsed(stringList, record.get('components') ?? [], []),
    baseline: {
      value: parsed(measuredSchema, record.get('baselineValue'), BLANK),
      fiscalYear: parsed(yearSchema, record.get('baselineYear') ?? null, null),
      label: parsed(z.string().max(100), record.get('baselineLabel') ?? '', ''),
    },
    target: {
      value: parsed(measuredSchema, record.get('targetValue'), BLANK),
      fiscalYear: parsed(yearSchema, record.get('targetYear') ?? null, null),
    },
    actuals: readActuals(record.get('actuals')),
    source: text(record, 'source'),
    ...readKpiKind(record),
  };
}

/** The optional kind fields: absent or invalid ones are left out, so the KPI reads as a plain `value` one. */
function readKpiKind(record: YRecord): Pick<KpiRecord, 'targetKind' | 'partsJudged' | 'subFigure' | 'directionInferred'> {
  const targetKind = parsed(kpiTargetKindSchema.nullable(), record.get('targetKind') ?? null, null);
  const partsJudged = parsed(partsJudgedSchema.nullable(), record.get('partsJudged') ?? null, null);
  const subFigure = parsed(subFigureSchema.nullable(), record.get('subFigure') ?? null, null);
  return {
    ...(targetKind && targetKind.kind !== 'value' ? { targetKind } : {}),
    ...(partsJudged === 'each' ? { partsJudged } : {}),
    ...(subFigure ? { subFigure } : {}),
    ...(record.get('directionInferred') === true ? { directionInferred: true as const } : {}),
  };
}

export function readSettings(doc: Y.Doc): MeasureSettings {
  const stored = measureMaps(doc).settings.toJSON();
  const settings: Record<string, unknown> = { ...DEFAULT_MEASURE_SETTINGS };
  const shape = measureSettingsSchema.shape;
  for (const [field, schema] of Object.entries(shape)) {
    if (field in stored) {
      const result = (schema as z.ZodType).safeParse(stored[field]);
      if (result.success) settings[field] = result.data;
    }
  }
  return settings as MeasureSettings;
}

function entriesOf(map: Y.Map<YRecord>): Array<[string, YRecord]> {
  return [...map.entries()].filter((entry): entry is [string, YRecord] => entry[1] instanceof Y.Map);
}

export function readMeasureTable(doc: Y.Doc): MeasureTable {
  const maps = measureMaps(doc);
  const nodes = entriesOf(maps.nodes).flatMap(([id, record]) => readNode(id, record) ?? []);
  const projects = entriesOf(maps.projects).map(([id, record]) => readProject(id, record));
  const kpis = entriesOf(maps.kpis).flatMap(([id, record]) => readKpi(id, record) ?? []);
  const actors: RoleActor[] = [];
  for (const [id, value] of maps.actors.entries()) {
    const actor = z.object({ name: z.string().max(100), key: z.string() }).safeParse(value);
    if (actor.success && isOrderKey(actor.data.key)) actors.push({ id, ...actor.data });
  }
  actors.sort(compareByKey);
  const roleCells: Record<string, RoleMark> = {};
  for (const [key, value] of maps.roleCells.entries()) {
    const mark = roleMarkSchema.safeParse(value);
    if (mark.success) roleCells[key] = mark.data;
  }
  const placements = new Set(nodes.filter((node) => node.kind === 'placement').map((node) => node.id));
  const progress = readProgressEntries(maps.progress.entries(), placements);
  // Absent rather than empty, so a table with no 実施状況 freezes to the same bytes as before.
  const withProgress = Object.keys(progress).length > 0 ? { progress } : {};
  return { settings: readSettings(doc), nodes, projects, kpis, actors, roleCells, ...withProgress };
}

// ------------------------------------------------------------------ text cells

/**
 * Rewrites a Y.Text to `next` by replacing only the span that changed, so an edit that
 * commits a whole cell still merges with someone else's edit elsewhere in the same cell.
 */
export function applyTextChange(target: Y.Text, next: string): void {
  const change = changedSpan(target.toString(), next);
  if (!change) return;
  if (change.removed > 0) target.delete(change.start, change.removed);
  if (change.inserted) target.insert(change.start, change.inserted);
}

/**
 * The one span by which `after` differs from `before`: from `start`, `removed` characters
 * went and `inserted` came; null when they are equal. The span never cuts a surrogate pair
 * in half (𠮷 → 𠮟 share their first half), which Yjs would turn into U+FFFD.
 */
export function changedSpan(before: string, after: string): { start: number; removed: number; inserted: string } | null {
  if (before === after) return null;
  let start = 0;
  const limit = Math.min(before.length, after.length);
  while (start < limit && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let end = 0;
  while (end < limit - start && before.charCodeAt(before.length - 1 - end) === after.charCodeAt(after.length - 1 - end)) end++;
  if (start > 0 && isHighSurrogate(before.charCodeAt(start - 1))) start--;
  if (end > 0 && isLowSurrogate(before.charCodeAt(before.length - end))) end--;
  return { start, removed: before.length - start - end, inserted: after.slice(start, after.length - end) };
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

function textField(record: YRecord, field: string): Y.Text {
  const value = record.get(field);
  if (value instanceof Y.Text) return value;
  const created = new Y.Text(typeof value === 'string' ? value : '');
  record.set(field, created);
  return created;
}

function newText(value: string): Y.Text {
  return new Y.Text(value);
}

// ------------------------------------------------------------------ rows

function siblingsOf(doc: Y.Doc, parent: string | null, except?: string): Array<{ id: string; key: string }> {
  const siblings: Array<{ id: string; key: string }> = [];
  for (const [id, record] of entriesOf(measureMaps(doc).nodes)) {
    if (id === except) continue;
    const position = parsed(positionSchema, record.get('position'), null);
    if (position && position.parent === parent && isOrderKey(position.key)) siblings.push({ id, key: position.key });
  }
  return siblings.sort(compareByKey);
}

/**
 * Where a row goes: under `parent`, right after the sibling `after` (null: first;
 * undefined: last).
 */
export type Placement = { parent: string | null; after?: string | null };

function keyRange(
  siblings: Array<{ id: string; key: string }>,
  placement: Placement,
): { before: string | null; after: string | null } {
  let index: number;
  if (placement.after === undefined) index = siblings.length;
  else if (placement.after === null) index = 0;
  else {
    const at = siblings.findIndex((sibling) => sibling.id === placement.after);
    index = at < 0 ? siblings.length : at + 1;
  }
  const before = siblings[index - 1]?.key ?? null;
  // Equal keys from concurrent inserts leave no room between them: go after both.
  const next = siblings.slice(index).find((sibling) => before === null || sibling.key > before);
  return { before, after: next?.key ?? null };
}

function positionFor(doc: Y.Doc, placement: Placement, moving?: string): Position {
  const { before, after } = keyRange(siblingsOf(doc, placement.parent, moving), placement);
  return { parent: placement.parent, key: keyBetween(before, after) };
}

export type NewNode = {
  kind: NodeKind;
  title?: string;
  description?: string;
  status?: ProjectStatus | null;
  /** For a placement: the project it shows; omitted to create a new project named `title`. */
  projectId?: string;
  contacts?: Contact[];
};

function createNode(doc: Y.Doc, id: string, position: Position, node: NewNode, newId: IdSource): void {
  const maps = measureMaps(doc);
  const record = new Y.Map<unknown>();
  record.set('kind', node.kind);
  record.set('position', position);
  record.set('description', newText(node.description ?? ''));
  record.set('status', node.status ?? null);
  if (node.kind === 'placement') {
    let projectId = node.projectId;
    if (projectId === undefined || !maps.projects.has(projectId)) {
      projectId = newId();
      const project = new Y.Map<unknown>();
      project.set('name', newText(node.title ?? ''));
      project.set('contacts', node.contacts ?? []);
      maps.projects.set(projectId, project);
    }
    record.set('projectId', projectId);
    record.set('title', newText(''));
  } else {
    record.set('projectId', null);
    record.set('title', newText(node.title ?? ''));
  }
  maps.nodes.set(id, record);
}

export function addNode(doc: Y.Doc, placement: Placement, node: NewNode, newId: IdSource): string {
  return edit(doc, () => {
    const id = newId();
    createNode(doc, id, positionFor(doc, placement), node, newId);
    return id;
  });
}

export function moveNode(doc: Y.Doc, id: string, placement: Placement): void {
  edit(doc, () => {
    const record = measureMaps(doc).nodes.get(id);
    if (!(record instanceof Y.Map)) return;
    // A row cannot go under itself or its own descendants. Two people moving rows at once can
    // leave a loop of parents in the stored table (a under b on one side, b under a on the
    // other; the derived tree breaks it for display): the walk up stops where it comes round.
    const seen = new Set<string>();
    for (let parent = placement.parent; parent !== null && !seen.has(parent); ) {
      if (parent === id) return;
      seen.add(parent);
      const position = parsed(positionSchema, measureMaps(doc).nodes.get(parent)?.get('position'), null);
      parent = position?.parent ?? null;
    }
    record.set('position', positionFor(doc, placement, id));
  });
}

function currentPosition(doc: Y.Doc, id: string): Position | null {
  return parsed(positionSchema, measureMaps(doc).nodes.get(id)?.get('position'), null);
}

/** Moves a row one place up (-1) or down (+1) among its siblings. */
export function moveNodeBy(doc: Y.Doc, id: string, delta: -1 | 1): void {
  const position = currentPosition(doc, id);
  if (!position) return;
  const siblings = siblingsOf(doc, position.parent);
  const index = siblings.findIndex((sibling) => sibling.id === id);
  const target = index + delta;
  if (index < 0 || target < 0 || target >= siblings.length) return;
  const others = siblings.filter((sibling) => sibling.id !== id);
  const after = target === 0 ? null : others[target - 1]!.id;
  moveNode(doc, id, { parent: position.parent, after });
}

/** Makes a row the last child of the sibling above it. */
export function indentNode(doc: Y.Doc, id: string): void {
  const position = currentPosition(doc, id);
  if (!position) return;
  const siblings = siblingsOf(doc, position.parent);
  const index = siblings.findIndex((sibling) => sibling.id === id);
  if (index <= 0) return;
  moveNode(doc, id, { parent: siblings[index - 1]!.id });
}

/** Makes a row the sibling right after its parent. */
export function outdentNode(doc: Y.Doc, id: string): void {
  const position = currentPosition(doc, id);
  if (!position || position.parent === null) return;
  const parentPosition = currentPosition(doc, position.parent);
  if (!parentPosition) return;
  moveNode(doc, id, { parent: parentPosition.parent, after: position.parent });
}

/** Deletes a row with everything under it, the KPIs shown there and projects left with no placement. */
export function deleteNode(doc: Y.Doc, id: string): void {
  edit(doc, () => {
    const maps = measureMaps(doc);
    const doomed = new Set<string>([id]);
    let grew = true;
    while (grew) {
      grew = false;
      for (const [nodeId, record] of entriesOf(maps.nodes)) {
        const parent = parsed(positionSchema, record.get('position'), null)?.parent ?? null;
        if (!doomed.has(nodeId) && parent !== null && doomed.has(parent)) {
          doomed.add(nodeId);
          grew = true;
        }
      }
    }
    const projectsTouched = new Set<string>();
    for (const nodeId of doomed) {
      const projectId = maps.nodes.get(nodeId)?.get('projectId');
      if (typeof projectId === 'string') projectsTouched.add(projectId);
      maps.nodes.delete(nodeId);
    }
    for (const [kpiId, record] of entriesOf(maps.kpis)) {
      if (doomed.has(String(record.get('attachTo')))) maps.kpis.delete(kpiId);
    }
    for (const key of [...maps.roleCells.keys()]) {
      if (doomed.has(key.split('|')[0]!)) maps.roleCells.delete(key);
    }
    const stillPlaced = new Set(entriesOf(maps.nodes).map(([, record]) => record.get('projectId')));
    for (const projectId of projectsTouched) {
      if (!stillPlaced.has(projectId)) maps.projects.delete(projectId);
    }
  });
}

export type NodeTextField = 'title' | 'description';

export function setNodeText(doc: Y.Doc, id: string, field: NodeTextField, value: string): void {
  edit(doc, () => {
    const record = measureMaps(doc).nodes.get(id);
    if (!(record instanceof Y.Map)) return;
    const projectId = record.get('projectId');
    // A placement's title is its project's name, shared by every placement of it.
    if (field === 'title' && typeof projectId === 'string') {
      const project = measureMaps(doc).projects.get(projectId);
      if (project instanceof Y.Map) applyTextChange(textField(project, 'name'), value);
      return;
    }
    applyTextChange(textField(record, field), value);
  });
}

export function setNodeStatus(doc: Y.Doc, id: string, status: ProjectStatus | null): void {
  edit(doc, () => measureMaps(doc).nodes.get(id)?.set('status', status));
}

export function setProjectContacts(doc: Y.Doc, projectId: string, contacts: Contact[]): void {
  edit(doc, () => measureMaps(doc).projects.get(projectId)?.set('contacts', contacts));
}

// ------------------------------------------------------------------ KPIs

export type KpiFields = {
  name: string;
  formerNames: string[];
  unit: string;
  direction: KpiDirection;
  components: string[];
  baselineValue: Measured;
  baselineYear: number | null;
  baselineLabel: string;
  targetValue: Measured;
  targetYear: number | null;
  source: string;
  /** What the target means; `{ kind: 'value' }` is the plain figure. */
  targetKind: KpiTargetKind;
  partsJudged: PartsJudged;
  /** null removes the sub-figure. */
  subFigure: SubFigure | null;
  /** An import inferred the direction; false once confirmed. Setting `direction` alone confirms it. */
  directionInferred: boolean;
};

// From the one list of KPI fields (kpiFields.ts): name, unit and source are Y.Text.
const KPI_TEXT_FIELDS = new Set<string>(KPI_TEXT_FIELD_NAMES);

function writeKpiFields(record: YRecord, fields: Partial<KpiFields>): void {
  // A person choosing the direction has confirmed it.
  // (Stored as false, not deleted: an absent flag on a keep KPI may be a pre-kinds guess, kpiLegacy.ts.)
  if (fields.direction !== undefined && fields.directionInferred === undefined) record.set('directionInferred', false);
  for (const [field, value] of Object.entries(fields) as Array<[keyof KpiFields, unknown]>) {
    if (value === undefined) continue;
    if (KPI_TEXT_FIELDS.has(field)) applyTextChange(textField(record, field), String(value));
    else record.set(field, value);
  }
}

function kpiKeyAfter(doc: Y.Doc, attachTo: string): string {
  const keys = entriesOf(measureMaps(doc).kpis)
    .filter(([, record]) => record.get('attachTo') === attachTo)
    .map(([id, record]) => ({ id, key: String(record.get('key')) }))
    .filter((entry) => isOrderKey(entry.key))
    .sort(compareByKey);
  return keyBetween(keys.at(-1)?.key ?? null, null);
}

function createKpi(doc: Y.Doc, id: string, attachTo: string, fields: Partial<KpiFields>): void {
  const record = new Y.Map<unknown>();
  record.set('attachTo', attachTo);
  record.set('key', kpiKeyAfter(doc, attachTo));
  for (const field of KPI_TEXT_FIELDS) record.set(field, newText(''));
  record.set('formerNames', []);
  record.set('direction', readSettings(doc).kpiDirection);
  record.set('components', []);
  record.set('baselineValue', BLANK);
  record.set('baselineYear', null);
  record.set('baselineLabel', '');
  record.set('targetValue', BLANK);
  record.set('targetYear', null);
  record.set('actuals', new Y.Map<unknown>());
  measureMaps(doc).kpis.set(id, record);
  writeKpiFields(record, fields);
}

export function addKpi(doc: Y.Doc, attachTo: string, fields: Partial<KpiFields>, newId: IdSource): string {
  return edit(doc, () => {
    const id = newId();
    createKpi(doc, id, attachTo, fields);
    return id;
  });
}

export function updateKpi(doc: Y.Doc, id: string, fields: Partial<KpiFields>): void {
  edit(doc, () => {
    const record = measureMaps(doc).kpis.get(id);
    if (record instanceof Y.Map) writeKpiFields(record, fields);
  });
}

function actualsOf(record: YRecord): Y.Map<unknown> {
  const actuals = record.get('actuals');
  if (actuals instanceof Y.Map) return actuals as Y.Map<unknown>;
  const created = new Y.Map<unknown>();
  record.set('actuals', created);
  return created;
}

/** Records one fiscal year's actual; a blank value clears it (not yet due). */
export function setActual(doc: Y.Doc, id: string, fiscalYear: number, value: Measured): void {
  edit(doc, () => {
    const record = measureMaps(doc).kpis.get(id);
    if (!(record instanceof Y.Map)) return;
    const actuals = actualsOf(record);
    if (value.kind === 'blank') actuals.delete(String(fiscalYear));
    else actuals.set(String(fiscalYear), value);
  });
}

export function attachKpi(doc: Y.Doc, id: string, nodeId: string): void {
  edit(doc, () => {
    const record = measureMaps(doc).kpis.get(id);
    if (!(record instanceof Y.Map)) return;
    record.set('attachTo', nodeId);
    record.set('key', kpiKeyAfter(doc, nodeId));
  });
}

export function deleteKpi(doc: Y.Doc, id: string): void {
  edit(doc, () => measureMaps(doc).kpis.delete(id));
}

// ------------------------------------------------------------------ settings and role matrix

export function updateSettings(doc: Y.Doc, patch: Partial<MeasureSettings>): void {
  edit(doc, () => {
    const settings = measureMaps(doc).settings;
    for (const [field, value] of Object.entries(patch)) if (value !== undefined) settings.set(field, value);
  });
}

export function addActor(doc: Y.Doc, name: string, newId: IdSource): string {
  return edit(doc, () => {
    const actors = measureMaps(doc).actors;
    const keys = [...actors.values()]
      .map((value) => (value as { key?: unknown }).key)
      .filter(isOrderKey)
      .sort();
    const id = newId();
    actors.set(id, { name, key: keyBetween(keys.at(-1) ?? null, null) });
    return id;
  });
}

export function renameActor(doc: Y.Doc, id: string, name: string): void {
  edit(doc, () => {
    const actors = measureMaps(doc).actors;
    const current = actors.get(id) as { key?: unknown } | undefined;
    if (current && isOrderKey(current.key)) actors.set(id, { name, key: current.key });
  });
}

export function removeActor(doc: Y.Doc, id: string): void {
  edit(doc, () => {
    const maps = measureMaps(doc);
    maps.actors.delete(id);
    for (const key of [...maps.roleCells.keys()]) if (key.endsWith(`|${id}`)) maps.roleCells.delete(key);
  });
}

export function setRoleMark(doc: Y.Doc, nodeId: string, actorId: string, mark: RoleMark | null): void {
  edit(doc, () => {
    const cells = measureMaps(doc).roleCells;
    const key = `${nodeId}|${actorId}`;
    if (mark === null) cells.delete(key);
    else cells.set(key, mark);
  });
}

// ------------------------------------------------------------------ whole records (import)

/** Writes a project as given (id included); used by imports, which build records first. */
export function insertProjectRecord(doc: Y.Doc, project: ProjectRecord): void {
  edit(doc, () => {
    const record = new Y.Map<unknown>();
    record.set('name', newText(project.name));
    record.set('contacts', project.contacts);
    measureMaps(doc).projects.set(project.id, record);
  });
}

/** Writes a row as given (id and position included); a placement's project must exist. */
export function insertNodeRecord(doc: Y.Doc, node: NodeRecord): void {
  edit(doc, () => {
    const record = new Y.Map<unknown>();
    record.set('kind', node.kind);
    record.set('position', node.position);
    record.set('title', newText(node.kind === 'placement' ? '' : node.title));
    record.set('description', newText(node.description));
    record.set('projectId', node.kind === 'placement' ? node.projectId : null);
    record.set('status', node.status);
    measureMaps(doc).nodes.set(node.id, record);
  });
}

/**
 * The free key range right after `after` under `parent` (see Placement), among a read table's
 * `nodes`: an import is placed from the table it was previewed against, without the document.
 */
export function siblingKeyRange(
  nodes: readonly NodeRecord[],
  placement: Placement,
): { before: string | null; after: string | null } {
  const siblings = nodes
    .filter((node) => node.position.parent === placement.parent)
    .map((node) => ({ id: node.id, key: node.position.key }))
    .sort(compareByKey);
  return keyRange(siblings, placement);
}

// ------------------------------------------------------------------ restoring a frozen table

/**
 * Makes the document's measure table equal `table` (a revision being restored) with the
 * fewest changes: records kept by id are updated field by field, so their Y.Text cells and
 * anything anchored to their ids survive; the rest are added or removed.
 */
export function replaceMeasureTable(doc: Y.Doc, table: MeasureTable): void {
  edit(doc, () => {
    const maps = measureMaps(doc);
    const keep = <T extends { id: string }, V>(map: Y.Map<V>, records: readonly T[]) => {
      const ids = new Set(records.map((record) => record.id));
      for (const id of [...map.keys()]) if (!ids.has(id)) map.delete(id);
    };

    keep(maps.projects, table.projects);
    for (const project of table.projects) {
      const record = maps.projects.get(project.id);
      if (record instanceof Y.Map) {
        applyTextChange(textField(record, 'name'), project.name);
        record.set('contacts', project.contacts);
      } else insertProjectRecord(doc, project);
    }

    keep(maps.nodes, table.nodes);
    for (const node of table.nodes) {
      const record = maps.nodes.get(node.id);
      if (!(record instanceof Y.Map)) {
        insertNodeRecord(doc, node);
        continue;
      }
      record.set('kind', node.kind);
      record.set('position', node.position);
      record.set('projectId', node.kind === 'placement' ? node.projectId : null);
      record.set('status', node.status);
      applyTextChange(textField(record, 'title'), node.kind === 'placement' ? '' : node.title);
      applyTextChange(textField(record, 'description'), node.description);
    }

    keep(maps.kpis, table.kpis);
    for (const kpi of table.kpis) {
      let record = maps.kpis.get(kpi.id);
      if (!(record instanceof Y.Map)) {
        createKpi(doc, kpi.id, kpi.attachTo, {});
        record = maps.kpis.get(kpi.id)!;
      }
      record.set('attachTo', kpi.attachTo);
      record.set('key', kpi.key);
      writeKpiFields(record, {
        name: kpi.name,
        formerNames: kpi.formerNames,
        unit: kpi.unit,
        direction: kpi.direction,
        components: kpi.components,
        baselineValue: kpi.baseline.value,
        baselineYear: kpi.baseline.fiscalYear,
        baselineLabel: kpi.baseline.label,
        targetValue: kpi.target.value,
        targetYear: kpi.target.fiscalYear,
        source: kpi.source,
        targetKind: kpi.targetKind ?? { kind: 'value' },
        partsJudged: kpi.partsJudged ?? 'sum',
        subFigure: kpi.subFigure ?? null,
        directionInferred: kpi.directionInferred === true,
      });
      const actuals = actualsOf(record);
      for (const year of [...actuals.keys()]) if (!(year in kpi.actuals)) actuals.delete(year);
      for (const [year, value] of Object.entries(kpi.actuals)) actuals.set(year, value);
    }

    keep(maps.actors, table.actors);
    for (const actor of table.actors) maps.actors.set(actor.id, { name: actor.name, key: actor.key });
    for (const key of [...maps.roleCells.keys()]) if (!(key in table.roleCells)) maps.roleCells.delete(key);
    for (const [key, mark] of Object.entries(table.roleCells)) maps.roleCells.set(key, mark);
    for (const [field, value] of Object.entries(table.settings)) maps.settings.set(field, value);
    const progress = new Map(progressEntriesOf(table.progress));
    for (const key of [...maps.progress.keys()]) if (!progress.has(key)) maps.progress.delete(key);
    for (const [key, entry] of progress) maps.progress.set(key, entry);
  });
}
