import type { Contact, HierarchyScheme, NodeKind, NodeRecord, ProjectRecord, ProjectStatus } from '../model';
import { foldWidth, fromCircled, leadingNumberLength, parseLevelWord, parseNumberLabel } from '../numbering';
import { keysBetween } from '../orderKey';
import { parseContacts } from '../text/contacts';
import type { ColumnPlan, Header } from './columns';
import { findHeader, isLevelWordCell, isMark, isRepeatedHeader, planColumns, rememberedMapping } from './columns';
import type { HierarchyImport } from './hierarchy';
import { isPageLine } from './normalise';
import type {
  HierarchyPreview,
  HierarchyPreviewOptions,
  ImportField,
  PreviewColumn,
  PreviewProblem,
  ReprintFinding,
  UnimportedColumn,
} from './previewTypes';
import { checkImportSize, cleanCell } from './problems';
import { matchReprint, splitReprintMark, type ReprintCandidate } from './reprints';
import { readStatus } from './status';

/**
 * Reads a measure hierarchy from a pasted or uploaded table and says what it made of it:
 * which column it read as what, which rows became which level, which 再掲 it matched, and
 * every row it refused or doubted, with what to do. Nothing is dropped without a word: a
 * column not imported is named, a skipped row is listed, a missing level is reported at the
 * row it affects. The browser and the API both call this, with or without a mapping.
 */

/** Usual names of the fields, for problems in a column without a header. */
const FIELD_LABELS: Record<Exclude<ImportField, 'ignored'>, string> = {
  number: '番号',
  name: '名称',
  levelWord: '階層',
  kind: '区分',
  status: '状況',
  description: '内容',
  contacts: '担当・連絡先',
  kpis: '成果指標',
};

/** One row as read, before it is placed in the tree. */
type Entry = {
  line: number;
  depth: number;
  /** For measures the title, for placements the project name: as typed, 再掲 mark removed. */
  title: string;
  /** The name cell as typed, mark included. */
  typed: string;
  marked: boolean;
  kind: NodeKind;
  status: ProjectStatus | null;
  description: string;
  contacts: Contact[];
  kpiRefs: KpiRef[];
};

/** An explicit KPI number, or a ○ meaning the next one. */
type KpiRef = number | 'next';

type Report = (problem: PreviewProblem) => void;

export function previewHierarchyImport(rows: string[][], options: HierarchyPreviewOptions): HierarchyPreview {
  const { scheme } = options;
  const sized = checkImportSize(rows);
  const problems: PreviewProblem[] = [...sized.problems];
  const report: Report = (problem) => problems.push(problem);
  if (sized.rows.length === 0) return emptyPreview(problems);

  const header = findHeader(sized.rows, scheme);
  const inferred = planColumns(sized.rows, header, scheme);
  const plan = options.mapping ? planColumns(sized.rows, header, scheme, options.mapping) : inferred;
  const changed = plan.columns.some((column, c) => column.field !== inferred.columns[c]?.field);
  const mode = !changed && looksLikeToc(sized.rows, header, inferred, scheme) ? 'toc' : 'table';
  const columns = mode === 'toc' ? tocColumns(sized.rows, header, plan, scheme) : plan.columns;

  const entries: Entry[] = [];
  const start = header ? header.index + header.height : 0;
  const reader = mode === 'table' ? tableReader(plan, scheme, report) : tocReader(scheme, report);
  if (mode === 'table' && !columns.some((column) => column.field === 'name')) {
    report({
      line: header ? header.index + 1 : 1,
      column: null,
      code: 'noNameColumn',
      detail: 'no column holds the names of the measures and projects; set one column to "name" and preview again; nothing imported',
    });
  } else {
    for (let r = start; r < sized.rows.length; r++) {
      const row = sized.rows[r]!;
      if (row.every((cell) => cleanCell(cell) === '')) continue;
      // Word repeats a table's header on every page, and a PDF leaves its page numbers.
      if (isPageLine(row) || isRepeatedHeader(row, header, scheme)) continue;
      entries.push(...reader(row, r + 1));
    }
  }

  const built = buildTree(entries, options, columnLabel(columns, 'number'), report);
  problems.sort((a, b) => a.line - b.line);
  const unimportedColumns: UnimportedColumn[] = columns
    .filter((column) => column.field === 'ignored' && column.nonEmpty > 0)
    .map((column) => ({
      index: column.index,
      header: column.header,
      nonEmpty: column.nonEmpty,
      samples: column.samples,
      reason: plan.pageColumns.has(column.index) && column.source !== 'user' ? 'pageNumbers' : 'ignored',
    }));

  const rowsPerLevel = scheme.levels.map((level, depth) => ({
    depth,
    level: level.name,
    count: built.lines.filter((line) => line.depth === depth).length,
  }));
  const statusCounts = { new: 0, enhanced: 0, continued: 0, none: 0 } as Record<ProjectStatus | 'none', number>;
  for (const node of built.value.nodes) {
    if (node.status) statusCounts[node.status]++;
    else if (node.kind === 'placement') statusCounts.none++;
  }
  const mapping: Record<number, ImportField> = {};
  for (const column of columns) mapping[column.index] = column.field;
  return {
    ...built.value,
    mode,
    columns,
    headerLine: header ? header.index + 1 : null,
    mapping,
    remembered: rememberedMapping(columns),
    lines: built.lines,
    rowsPerLevel,
    projectCount: built.value.projects.length,
    reprints: built.reprints,
    statusCounts,
    problems,
    unimportedColumns,
  };
}

function emptyPreview(problems: PreviewProblem[]): HierarchyPreview {
  return {
    nodes: [],
    projects: [],
    kpiLinks: [],
    mode: 'table',
    columns: [],
    headerLine: null,
    mapping: {},
    remembered: [],
    lines: [],
    rowsPerLevel: [],
    projectCount: 0,
    reprints: [],
    statusCounts: { new: 0, enhanced: 0, continued: 0, none: 0 },
    problems,
    unimportedColumns: [],
  };
}

function columnLabel(columns: readonly PreviewColumn[], field: Exclude<ImportField, 'ignored'>): string {
  return columns.find((column) => column.field === field && column.header !== '')?.header ?? FIELD_LABELS[field];
}

// ---------------------------------------------------------------- 目次

/**
 * A 目次 (table of contents): each row a numbered label, then only ○ marks (or KPI numbers)
 * and page numbers, in whichever columns Word put them. Only then is a paste read as one;
 * any other table keeps every column.
 */
function looksLikeToc(rows: readonly string[][], header: Header | null, plan: ColumnPlan, scheme: HierarchyScheme): boolean {
  if (header && plan.columns.some((column) => column.source === 'header' && !['name', 'kpis', 'ignored'].includes(column.field))) {
    return false;
  }
  if (header && plan.columns.some((column) => column.source === 'header' && column.field === 'name' && !plan.levelOfColumn.has(column.index))) {
    return false;
  }
  let labelled = 0;
  let total = 0;
  let extras = 0;
  for (let r = header ? header.index + header.height : 0; r < rows.length; r++) {
    const cells = rows[r]!.map(cleanCell);
    if (cells.every((cell) => cell === '') || isPageLine(cells) || isRepeatedHeader(cells, header, scheme)) continue;
    total++;
    const at = cells.findIndex((cell) => cell !== '');
    const others = cells.slice(at + 1).filter((cell) => cell !== '');
    if (!others.every((cell) => isTocExtra(cell))) continue;
    if (others.length > 0) extras++;
    if (parseNumberLabel(cells[at]!, scheme) === null && parseLevelWord(cells[at]!, scheme) === null) continue;
    labelled++;
  }
  return total > 0 && extras > 0 && labelled / total >= 0.8;
}

function isTocExtra(cell: string): boolean {
  return isMark(cell) || /^\d{1,4}$/.test(foldWidth(cell)) || readKpiRefs(cell).ok;
}

/** Columns of a 目次, by what most of their cells are: labels, marks, or page numbers. */
function tocColumns(rows: readonly string[][], header: Header | null, plan: ColumnPlan, scheme: HierarchyScheme): PreviewColumn[] {
  const counts = plan.columns.map(() => ({ label: 0, kpi: 0, page: 0 }));
  for (let r = header ? header.index + header.height : 0; r < rows.length; r++) {
    const cells = rows[r]!.map(cleanCell);
    if (isPageLine(cells) || isRepeatedHeader(cells, header, scheme)) continue;
    const at = cells.findIndex((cell) => cell !== '');
    cells.forEach((cell, c) => {
      const count = counts[c];
      if (cell === '' || !count) return;
      if (c === at) count.label++;
      else if (/^\d{1,4}$/.test(foldWidth(cell))) count.page++;
      else count.kpi++;
    });
  }
  return plan.columns.map((column, c) => {
    const count = counts[c]!;
    let field: ImportField = 'ignored';
    if (count.label > 0 && count.label >= count.kpi && count.label >= count.page) field = 'name';
    else if (count.kpi > 0 && count.kpi >= count.page) field = 'kpis';
    else if (count.page > 0) plan.pageColumns.add(c);
    return { ...column, field, source: column.source === 'none' && field !== 'ignored' ? 'data' : column.source };
  });
}

function tocReader(scheme: HierarchyScheme, report: Report) {
  let previousDepth = -1;
  let pending = '';
  let last: Entry | null = null;
  const words = new LevelWordDepths(scheme);
  return (row: readonly string[], line: number): Entry[] => {
    const alone = levelWordAlone(row, scheme);
    if (alone !== null) {
      pending = alone;
      last = null;
      return [];
    }
    if (last && pending === '' && continueName(last, row)) return [];
    last = null;
    const cells = row.map(cleanCell);
    // Word's 目次 indents deeper rows by a column, so the label is the first filled cell.
    const at = cells.findIndex((cell) => cell !== '');
    if (pending === '' && isNote(cells[at]!)) {
      report({ line, column: FIELD_LABELS.name, code: 'unknownNumbering', detail: noteDetail(cells[at]!) });
      return [];
    }
    const strict = scheme.levels.some((level) => level.numbering === '');
    const label = readLabel({ levelText: pending, numberText: '', nameText: cells[at]!, hasNumberColumn: false, strict }, scheme, words);
    pending = '';
    const where = { line, column: FIELD_LABELS.number };
    if (label.merged) report({ ...where, code: 'levelMerged', detail: mergedDetail(label.merged, scheme) });
    let depth = label.depth;
    if (depth === null) depth = unnumberedDepth(scheme, previousDepth);
    if (depth === null) {
      report({ ...where, code: 'unknownNumbering', detail: unknownNumberDetail(cells[at]!, scheme) });
      return [];
    }
    // After the label: ○ (or KPI numbers) and a page number, in whichever columns they landed.
    const kpiRefs: KpiRef[] = [];
    for (const cell of cells.slice(at + 1)) {
      if (cell === '' || /^\d+$/.test(foldWidth(cell))) continue;
      const refs = readKpiRefs(cell);
      if (refs.ok) kpiRefs.push(...refs.refs);
    }
    const entry = makeEntry(line, depth, label.title, scheme, { kind: null, status: null, description: '', contacts: [], kpiRefs });
    if (!entry) {
      report({ line, column: FIELD_LABELS.name, code: 'missingName', detail: `"${cells[at]}" has no title; add the name after the number; row skipped` });
      return [];
    }
    previousDepth = depth;
    last = entry;
    return [entry];
  };
}

// ---------------------------------------------------------------- tables

function tableReader(plan: ColumnPlan, scheme: HierarchyScheme, report: Report) {
  const { columns } = plan;
  const of = (field: ImportField) => columns.filter((column) => column.field === field).map((column) => column.index);
  const fields = {
    number: of('number'),
    name: of('name'),
    levelWord: of('levelWord'),
    kind: of('kind'),
    status: of('status'),
    description: of('description'),
    contacts: of('contacts'),
    kpis: of('kpis'),
  };
  const label = (field: Exclude<ImportField, 'ignored'>) => columnLabel(columns, field);
  const levelWords = new LevelWordDepths(scheme);
  const hasUnnumbered = scheme.levels.some((level) => level.numbering === '');
  let previousDepth = -1;
  /** For a table with one column per level: the entry open in each name column, by its text. */
  const open = new Map<number, string>();

  const depthOfNameColumn = (c: number): number | null => {
    const level = plan.levelOfColumn.get(c);
    if (level !== undefined) return level;
    if (fields.name.length < 2) return null;
    const i = fields.name.indexOf(c);
    return Math.max(0, scheme.levels.length - fields.name.length + i);
  };

  /** A level word on a line of its own (`基本目標` then `3. 名前` below it, as a PDF breaks it). */
  let pending = '';
  /** The row read last, which a PDF's broken line may continue. */
  let last: Entry | null = null;

  return (row: readonly string[], line: number): Entry[] => {
    const alone = levelWordAlone(row, scheme);
    if (alone !== null) {
      pending = alone;
      last = null;
      return [];
    }
    const carried = pending;
    pending = '';
    if (last && carried === '' && continueName(last, row)) return [];
    last = null;
    const cell = (c: number) => cleanCell(row[c]);
    const first = (indexes: number[]) => indexes.map(cell).find((text) => text !== '') ?? '';
    const all = (indexes: number[]) => indexes.map(cell).filter((text) => text !== '');
    const out: Entry[] = [];
    const where = (field: Exclude<ImportField, 'ignored'> | null) => ({ line, column: field ? label(field) : null });

    // One column per level: a filled cell left of the row's own name opens (or repeats) a parent.
    const names = fields.name.map((c) => ({ c, text: cell(c) })).filter((name) => name.text !== '');
    for (const name of names.slice(0, -1)) {
      if (open.get(name.c) === name.text) continue;
      for (const c of [...open.keys()]) if (c > name.c) open.delete(c);
      open.set(name.c, name.text);
      const read = readLabel({ levelText: '', numberText: '', nameText: name.text, hasNumberColumn: false, strict: true }, scheme, levelWords);
      const depth = read.depth ?? depthOfNameColumn(name.c);
      const entry = depth === null ? null : makeEntry(line, depth, read.title, scheme, { kind: 'measure', status: null, description: '', contacts: [], kpiRefs: [] });
      if (entry) {
        out.push(entry);
        previousDepth = entry.depth;
      }
    }
    const own = names[names.length - 1];
    if (own) {
      for (const c of [...open.keys()]) if (c >= own.c) open.delete(c);
      if (names.length > 1) open.set(own.c, own.text);
    }

    const kindText = first(fields.kind);
    let kind: NodeKind | null = null;
    if (kindText === '施策') kind = 'measure';
    else if (kindText === '事業') kind = 'placement';
    else if (kindText !== '') {
      report({ ...where('kind'), code: 'unknownStatus', detail: `区分 "${kindText}" is neither 施策 nor 事業; the level decides (write 施策 or 事業 to choose)` });
    }

    const numberText = first(fields.number);
    const levelText = first(fields.levelWord) || carried;
    const nameText = own?.text ?? '';
    const strict = hasUnnumbered || fields.name.length > 1 || (own !== undefined && plan.levelOfColumn.has(own.c));
    if (numberText === '' && levelText === '' && isNote(nameText)) {
      report({ ...where('name'), code: 'unknownNumbering', detail: noteDetail(nameText) });
      return out;
    }
    const read = readLabel({ levelText, numberText, nameText, hasNumberColumn: fields.number.length > 0, strict }, scheme, levelWords);
    if (read.unknownWord) {
      report({
        ...where(levelText ? 'levelWord' : 'number'),
        code: 'unknownLevelWord',
        detail: read.depth === null
          ? `"${read.unknownWord}" is no level of ${scheme.name}; rename a level in the plan settings or fix the cell`
          : `"${read.unknownWord}" is no level of ${scheme.name}; read as ${scheme.levels[read.depth]?.name ?? ''} by its order in the table`,
      });
    }
    if (read.merged) report({ ...where('number'), code: 'levelMerged', detail: mergedDetail(read.merged, scheme) });
    if (read.badNumber !== null) {
      report({ ...where('number'), code: 'unknownNumbering', detail: unknownNumberDetail(read.badNumber, scheme) });
      return out;
    }

    let depth = read.depth;
    if (depth === null && own && (plan.levelOfColumn.has(own.c) || fields.name.length > 1)) depth = depthOfNameColumn(own.c);
    if (depth === null) depth = unnumberedDepth(scheme, previousDepth);
    if (depth === null && kind === 'placement') depth = scheme.levels.length - 1;
    if (depth === null) {
      if (nameText === '' && numberText === '') return out;
      report({ ...where('number'), code: 'unknownNumbering', detail: unknownNumberDetail(nameText || numberText, scheme) });
      return out;
    }

    const kpiRefs: KpiRef[] = [];
    for (const text of all(fields.kpis)) {
      const kpis = readKpiRefs(text);
      if (kpis.ok) kpiRefs.push(...kpis.refs);
      else report({ ...where('kpis'), code: 'unknownKpiNumber', detail: `"${text}" is not a list of KPI numbers (write ①②, 6,7 or ○); no KPIs linked` });
    }

    const statusText = first(fields.status);
    const status = readStatus(statusText);
    if (status === undefined) {
      report({ ...where('status'), code: 'unknownStatus', detail: `状況 "${statusText}" is not 新規, 充実 or 継続; left empty (correct the cell, or map the column to ignored)` });
    }

    const entry = makeEntry(line, depth, read.title, scheme, {
      kind,
      status: status ?? null,
      description: all(fields.description).join('\n'),
      contacts: parseContacts(all(fields.contacts).join('\n')),
      kpiRefs,
    });
    if (!entry) {
      if (out.length === 0) report({ ...where('name'), code: 'missingName', detail: 'the row has no name; type the name, or map the column that holds it to "name"; row skipped' });
      return out;
    }
    out.push(entry);
    previousDepth = entry.depth;
    last = entry;
    return out;
  };
}

/**
 * A line that can only be the rest of the name above it, as a PDF breaks a long heading
 * (`5. 東京一極集中への対策、Uターン` / `の推進`): one cell, starting with a particle or a
 * closing mark that no name starts with. It is joined to that name, as the preview shows.
 */
function continueName(entry: Entry, row: readonly string[]): boolean {
  const filled = row.map(cleanCell).filter((cell) => cell !== '');
  // の and を open no name (にぎわい…, ものづくり… do); nor does a closing mark. ・ is a bullet.
  if (filled.length !== 1 || !/^[のを、。，．）」』】]/.test(filled[0]!)) return false;
  const typed = `${entry.typed}${filled[0]}`;
  const split = entry.kind === 'placement' ? splitReprintMark(typed) : { name: typed, marked: false };
  entry.typed = typed;
  entry.title = split.name;
  entry.marked = split.marked;
  return true;
}

/** The text of a row that holds nothing but a level word (`【主な施策】`, `基本目標 3`), or null. */
function levelWordAlone(row: readonly string[], scheme: HierarchyScheme): string | null {
  const filled = row.map(cleanCell).filter((cell) => cell !== '');
  if (filled.length !== 1) return null;
  const text = filled[0]!.replace(/^[【[［〈<]\s*|\s*[】\]］〉>]$/g, '');
  return isLevelWordCell(text, scheme) ? text : null;
}

function makeEntry(
  line: number,
  depth: number,
  text: string,
  scheme: HierarchyScheme,
  fields: { kind: NodeKind | null; status: ProjectStatus | null; description: string; contacts: Contact[]; kpiRefs: KpiRef[] },
): Entry | null {
  const kind = fields.kind ?? (depth === scheme.levels.length - 1 ? 'placement' : 'measure');
  const split = kind === 'placement' ? splitReprintMark(text) : { name: cleanCell(text), marked: false };
  if (split.name === '') return null;
  return { line, depth, title: split.name, typed: cleanCell(text), marked: split.marked, ...fields, kind };
}

/** The level of a row printed without a number: the deepest unnumbered level it can reach. */
function unnumberedDepth(scheme: HierarchyScheme, previousDepth: number): number | null {
  const unnumbered = scheme.levels.flatMap((level, depth) => (level.numbering === '' ? [depth] : []));
  const reachable = unnumbered.filter((depth) => depth <= previousDepth + 1);
  return reachable[reachable.length - 1] ?? unnumbered[0] ?? null;
}

/** A note printed under a table (`※ 所管課は4月現在`, `（注）…`, `◎：主たる役割 ○：…`), not a row of it. */
function isNote(text: string): boolean {
  return /^(?:[※＊*]|注\s*[0-9０-９]*\s*[：:.．)）]|[(（]注[0-9０-９]*[)）]|[◎○〇●△]\s*[：:])/.test(text.trim());
}

function noteDetail(text: string): string {
  return `"${text}" reads as a note under the table, not one of its rows; skipped (give it a number or a level word to import it)`;
}

function unknownNumberDetail(text: string, scheme: HierarchyScheme): string {
  const examples = scheme.levels.map((level) => level.name).join(' / ');
  return `"${text}" starts with no number or level word of ${scheme.name} (${examples}); add one, or check the plan's numbering settings; row skipped`;
}

function mergedDetail(merged: { outer: string; inner: string }, scheme: HierarchyScheme): string {
  return `"${merged.outer} ${merged.inner}" carries the numbers of two levels of ${scheme.name}; imported as the deeper one (${merged.inner}); if ${merged.outer} is a row of its own, put it on its own line`;
}

// ---------------------------------------------------------------- labels

/**
 * Level words the scheme does not know (a paste says 基本目標 where the plan says 施策体系)
 * stand for the levels by the order they first appear, after the words it knows.
 */
class LevelWordDepths {
  private readonly known = new Map<string, number>();
  private readonly reported = new Set<string>();
  constructor(private readonly scheme: HierarchyScheme) {}
  /** True the first time a word is asked about: the problem is said once per word, not per row. */
  firstReport(word: string): boolean {
    if (this.reported.has(word)) return false;
    this.reported.add(word);
    return true;
  }
  depthOf(word: string, depth: number | null): number | null {
    const seen = this.known.get(word);
    if (seen !== undefined) return seen;
    const taken = new Set(this.known.values());
    const found = depth ?? this.scheme.levels.findIndex((_, d) => !taken.has(d));
    if (found < 0) return null;
    this.known.set(word, found);
    return found;
  }
}

type Label = {
  depth: number | null;
  title: string;
  /** A level word that is no level of the scheme. */
  unknownWord: string | null;
  /** Two levels' numbers in one row. */
  merged: { outer: string; inner: string } | null;
  /** A number cell that reads as no level: the row is refused. */
  badNumber: string | null;
};

/**
 * A row's level and name from its level word, number and name cells: `基本目標 | 3. | 名前`,
 * `基本目標 3. | 名前`, `| | 3.名前`, `目標Ⅰ 2. 名前`, `(2)ICT活用`.
 */
function readLabel(
  cells: { levelText: string; numberText: string; nameText: string; hasNumberColumn: boolean; strict?: boolean },
  scheme: HierarchyScheme,
  words = new LevelWordDepths(scheme),
): Label {
  const { levelText, numberText, nameText, hasNumberColumn } = cells;
  const result: Label = { depth: null, title: nameText, unknownWord: null, merged: null, badNumber: null };
  const useWord = (word: string, depth: number | null) => {
    result.depth = words.depthOf(word, depth);
    if (depth === null && words.firstReport(word)) result.unknownWord = word;
  };

  if (levelText !== '') {
    const word = parseLevelWord(levelText, scheme);
    if (word) useWord(word.word, word.depth);
    else useWord(levelText, null);
    // The number may sit in the level word's cell or in its own; either way it only shows the position.
    if (result.title === '' && numberText !== '') result.title = parseNumberLabel(`${numberText} `, scheme)?.rest ?? '';
    else if (numberText === '') result.title = withoutCounter(result.title);
    return result;
  }
  if (numberText !== '') {
    const word = parseLevelWord(numberText, scheme);
    if (word && (word.number !== '' || word.rest === '')) {
      useWord(word.word, word.depth);
      if (result.title === '') result.title = word.rest;
      return result;
    }
    const parsed = parseNumberLabel(`${numberText} `, scheme);
    if (!parsed) {
      result.badNumber = numberText;
      return result;
    }
    result.depth = parsed.depth;
    const inner = parsed.rest !== '' ? parseNumberLabel(`${parsed.rest} `, scheme) : null;
    if (inner && inner.depth > parsed.depth && inner.rest === '') {
      result.merged = { outer: numberText.slice(0, numberText.length - parsed.rest.length).trim(), inner: parsed.rest };
      result.depth = inner.depth;
    } else if (result.title === '') {
      result.title = parsed.rest;
    }
    return result;
  }
  if (hasNumberColumn && scheme.levels.some((level) => level.numbering === '')) return result;
  if (nameText === '') return result;
  const word = parseLevelWord(nameText, scheme);
  if (word && word.number !== '') {
    useWord(word.word, word.depth);
    result.title = word.rest;
    return result;
  }
  const parsed = parseNumberLabel(nameText, scheme);
  if (!parsed) return result;
  // Where the column or an unnumbered level can place the row anyway, a number must be
  // set apart from the name to count: `6次化産業の推進` is a name, `6. 次化…` a number.
  if (cells.strict && !isClosedCounter(nameText.slice(0, nameText.length - parsed.rest.length))) return result;
  result.depth = parsed.depth;
  result.title = parsed.rest;
  // `1 (1) 経営の革新`: a row where Word merged a level's row into the next one's.
  const inner = parseNumberLabel(parsed.rest, scheme);
  if (inner && inner.depth > parsed.depth && scheme.levels[inner.depth]!.numbering !== '') {
    result.merged = { outer: nameText.slice(0, nameText.length - parsed.rest.length).trim(), inner: parsed.rest.slice(0, parsed.rest.length - inner.rest.length).trim() };
    result.depth = inner.depth;
    result.title = inner.rest;
  }
  return result;
}

/**
 * A name whose level is already known (from its level word) without the counter printed
 * before it: `3. 産業の振興`, `(2)ICT活用`, `①相談`. A number that runs into the text
 * (`2025年の崖`) is part of the name.
 */
function withoutCounter(text: string): string {
  const bullet = /^\s*(?:[・•●○◆■◇□]\s*|[-‐]\s+)/.exec(text);
  if (bullet) return text.slice(bullet[0].length).trim();
  const length = leadingNumberLength(text);
  return length > 0 && isClosedCounter(text.slice(0, length)) ? text.slice(length).trim() : text;
}

/** A printed counter that cannot be the start of a word: followed by a space or a mark, or one closed character. */
function isClosedCounter(prefix: string): boolean {
  const counter = foldWidth(prefix).trim();
  if (counter === '') return true;
  return /\s$/.test(prefix) || /[.．、:：)）・\-‐•●○◆■◇□]$/.test(counter) || /[\u2160-\u217b\u2460-\u2473\u3251-\u325f\u32b1-\u32bf]$/.test(counter);
}

/**
 * The KPI cell: circled numbers run together (`⑰⑱`), plain numbers with separators
 * (`6,7`, `6・7`), `(51)` beyond ㊿, or ○ marks.
 */
function readKpiRefs(text: string): { ok: true; refs: KpiRef[] } | { ok: false; text: string } {
  const refs: KpiRef[] = [];
  const t = foldWidth(text).replace(/No\.?|№/gi, '');
  let i = 0;
  while (i < t.length) {
    const char = t[i]!;
    const mark = fromCircled(char);
    if (mark !== null) {
      refs.push(mark);
      i += 1;
    } else if (/[○〇◯◎]/.test(char)) {
      refs.push('next');
      i += 1;
    } else if (/[\s,、，・/;]/.test(char)) {
      i += 1;
    } else {
      const number = /^\(?(\d{1,4})\)?/.exec(t.slice(i));
      if (!number || Number(number[1]) === 0) return { ok: false, text };
      refs.push(Number(number[1]));
      i += number[0].length;
    }
  }
  return { ok: true, refs };
}

// ---------------------------------------------------------------- the tree

type Built = {
  value: HierarchyImport;
  lines: HierarchyPreview['lines'];
  reprints: ReprintFinding[];
};

function buildTree(entries: readonly Entry[], options: HierarchyPreviewOptions, numberColumn: string, report: Report): Built {
  const { scheme, newId } = options;
  const nodes: NodeRecord[] = [];
  const projects = new Map<string, ProjectRecord>();
  const kpiLinks: HierarchyImport['kpiLinks'] = [];
  const lines: Built['lines'] = [];
  const children = new Map<string | null, NodeRecord[]>();
  const stack: Array<{ depth: number; id: string; title: string }> = [];
  const reportedGaps = new Set<string>();
  let highestKpi = 0;
  // A block that starts below the top level (a (3) and its ① pasted under an existing 施策体系)
  // is a sub-tree, not a gap: its first level is where the user is pasting.
  const baseDepth = entries[0]?.depth ?? 0;
  const reprints = resolveReprints(entries, options, report);

  const projectNamed = (name: string): ProjectRecord => {
    let project = projects.get(name);
    if (!project) {
      project = { id: newId(), name, contacts: [] };
      projects.set(name, project);
    }
    return project;
  };

  for (const entry of entries) {
    while (stack.length > 0 && stack[stack.length - 1]!.depth >= entry.depth) stack.pop();
    const parent = stack[stack.length - 1] ?? null;
    const parentDepth = parent?.depth ?? baseDepth - 1;
    // One report per gap: the siblings that follow the first row over it share its fate.
    const gap = `${parent?.id ?? ''}|${entry.depth}`;
    if (parentDepth < entry.depth - 1 && !reportedGaps.has(gap)) {
      reportedGaps.add(gap);
      const level = scheme.levels[entry.depth]?.name ?? `level ${entry.depth + 1}`;
      const missing = scheme.levels[parentDepth + 1]?.name ?? '';
      report({
        line: entry.line,
        column: numberColumn,
        code: 'depthJump',
        detail: parent
          ? `"${entry.title}" is a ${level} row, but no ${missing} row comes between it and "${parent.title}"; imported under "${parent.title}" (add the missing row or correct the number if that is wrong)`
          : `"${entry.title}" is a ${level} row before any ${scheme.levels[0]?.name ?? ''} row; imported at the top level (add the row above it if one is missing)`,
      });
    }

    const id = newId();
    let projectId: string | null = null;
    if (entry.kind === 'placement') {
      const resolved = reprints.projectOf.get(entry);
      if (resolved?.existingId) {
        projectId = resolved.existingId;
      } else {
        const project = projectNamed(resolved?.name ?? entry.title);
        // Every placement may list the project's contacts; a later one can only add to them.
        for (const contact of entry.contacts) {
          if (!project.contacts.some((known) => sameContact(known, contact))) project.contacts.push(contact);
        }
        projectId = project.id;
      }
    }
    const node: NodeRecord = {
      id,
      kind: entry.kind,
      position: { parent: parent?.id ?? null, key: '' },
      title: entry.kind === 'measure' ? entry.title : '',
      description: entry.description,
      projectId,
      status: entry.status,
    };
    nodes.push(node);
    lines.push({ line: entry.line, nodeId: id, depth: entry.depth });
    const siblings = children.get(node.position.parent) ?? [];
    siblings.push(node);
    children.set(node.position.parent, siblings);
    stack.push({ depth: entry.depth, id, title: entry.title });

    if (entry.kpiRefs.length > 0) {
      const kpiNumbers = entry.kpiRefs.map((ref) => {
        const number = ref === 'next' ? highestKpi + 1 : ref;
        highestKpi = Math.max(highestKpi, number);
        return number;
      });
      kpiLinks.push({ nodeId: id, kpiNumbers });
    }
  }

  for (const siblings of children.values()) {
    const keys = keysBetween(null, null, siblings.length, options.random);
    siblings.forEach((node, i) => {
      node.position.key = keys[i]!;
    });
  }
  return { value: { nodes, projects: [...projects.values()], kpiLinks }, lines, reprints: reprints.findings };
}

/**
 * Which project each placement is. Unmarked rows are their own projects, one per exact
 * name (as before). A 再掲 row is the project of the same name once folded; one only similar
 * is offered to the user and, until confirmed, imported as its own project with its mark
 * kept; one with no match keeps its mark and is flagged. Candidates are every unmarked row
 * (a 再掲 may come before its first listing) and the plan's projects.
 */
function resolveReprints(entries: readonly Entry[], options: HierarchyPreviewOptions, report: Report) {
  const projectOf = new Map<Entry, { name: string; existingId: string | null }>();
  const findings: ReprintFinding[] = [];
  const candidates: ReprintCandidate[] = [];
  const seen = new Set<string>();
  for (const entry of entries) {
    if (entry.kind === 'placement' && !entry.marked && !seen.has(entry.title)) {
      seen.add(entry.title);
      candidates.push({ name: entry.title, line: entry.line, projectId: null });
    }
  }
  for (const project of options.existingProjects ?? []) candidates.push({ name: project.name, line: null, projectId: project.id });
  const decisions = new Map((options.confirmedReprints ?? []).map((decision) => [decision.line, decision.accept]));

  for (const entry of entries) {
    if (entry.kind !== 'placement' || !entry.marked) continue;
    const sameName = candidates.find((candidate) => candidate.name === entry.title);
    const match = sameName ? { kind: 'exact' as const, candidate: sameName } : matchReprint(entry.title, candidates);
    const column = FIELD_LABELS.name;
    const asProject = (candidate: ReprintCandidate) =>
      projectOf.set(entry, { name: candidate.name, existingId: candidate.projectId });
    const keepMark = () => projectOf.set(entry, { name: entry.typed, existingId: null });
    if (match.kind === 'exact') {
      asProject(match.candidate);
      findings.push({ kind: 'matched', line: entry.line, text: entry.typed, name: match.candidate.name, matchedLine: match.candidate.line, confirmed: false });
    } else if (match.kind === 'similar' && decisions.get(entry.line) === true) {
      asProject(match.candidate);
      findings.push({ kind: 'matched', line: entry.line, text: entry.typed, name: match.candidate.name, matchedLine: match.candidate.line, confirmed: true });
    } else if (match.kind === 'similar' && decisions.get(entry.line) === undefined) {
      keepMark();
      findings.push({ kind: 'suggested', line: entry.line, text: entry.typed, candidate: { name: match.candidate.name, line: match.candidate.line } });
      const where = match.candidate.line === null ? 'already in the plan' : `on line ${match.candidate.line}`;
      report({
        line: entry.line,
        column,
        code: 'reprintSuggested',
        detail: `"${entry.typed}" is marked 再掲 but no earlier project has exactly that name; "${match.candidate.name}" (${where}) is close: confirm it is the same project, or it is imported as a new one with its mark kept`,
      });
    } else {
      keepMark();
      findings.push({ kind: 'unmatched', line: entry.line, text: entry.typed });
      report({
        line: entry.line,
        column,
        code: 'reprintUnmatched',
        detail: `"${entry.typed}" is marked 再掲 but no project of that name comes before it or is in the plan; imported as a new project with 「再掲」 kept in its name (correct the name to match the first listing, then import again)`,
      });
    }
  }
  return { projectOf, findings };
}

function sameContact(a: Contact, b: Contact): boolean {
  return a.organisation === b.organisation && a.section === b.section && a.phone === b.phone;
}
