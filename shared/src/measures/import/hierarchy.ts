import type { Contact, HierarchyScheme, NodeKind, NodeRecord, ProjectRecord, ProjectStatus } from '../model';
import { PROJECT_STATUS_LABELS } from '../model';
import { foldWidth, fromCircled, parseNumberLabel } from '../numbering';
import { parseContacts } from '../text/contacts';
import type { RandomSource } from '../orderKey';
import { keysBetween } from '../orderKey';
import type { ImportProblem, ImportResult } from './problems';
import { checkImportSize, cleanCell } from './problems';

/**
 * Reads a measure hierarchy from a paste: either the measure-table format that export
 * writes (`番号 | 名称 | 区分 | 状況 | 内容 | 担当・連絡先 | 成果指標`), or a 目次 (table of
 * contents) where each row is a number and a title, perhaps with ○ for "has a KPI" and a
 * page number. Printed numbers only say how deep a row sits; the real numbers are derived
 * from position once the rows are in the plan.
 */

export type HierarchyImport = {
  nodes: NodeRecord[];
  projects: ProjectRecord[];
  /**
   * KPIs to show under a node, by their number in the KPI list. A bare ○ (the 目次's "this
   * row has a KPI") stands for the next number after the highest one seen so far, which is
   * how plans number their KPIs: in row order.
   */
  kpiLinks: Array<{ nodeId: string; kpiNumbers: number[] }>;
};

export type HierarchyOptions = {
  scheme: HierarchyScheme;
  newId: () => string;
  /** For the order keys' random tails; tests pass a fixed one. */
  random?: RandomSource;
};

type Field = 'number' | 'name' | 'kind' | 'status' | 'description' | 'contacts' | 'kpis';

const FIELD_NAMES: Record<Field, string> = {
  number: '番号',
  name: '名称',
  kind: '区分',
  status: '状況',
  description: '内容',
  contacts: '担当・連絡先',
  kpis: '成果指標',
};

/** The header words of the measure-table columns, matched after removing spaces. */
function fieldOfHeader(text: string): Field | null {
  const t = foldWidth(text).replace(/\s+/g, '');
  if (/^(番号|No\.?|NO\.?)$/.test(t)) return 'number';
  if (/^(名称|名前|施策名|事業名|施策・事業名?)$/.test(t)) return 'name';
  if (/^(区分|種別)$/.test(t)) return 'kind';
  if (/^(状況|新規・充実・継続)$/.test(t)) return 'status';
  if (/^(内容|事業内容|概要|説明)$/.test(t)) return 'description';
  if (/^(担当|連絡先|担当・連絡先|担当課|担当・問合せ先)$/.test(t)) return 'contacts';
  if (/^(成果指標|指標|KPI)$/.test(t)) return 'kpis';
  return null;
}

/** Words that head a 目次's columns: its own, plus the scheme's level names (施策体系, 主要な事業). */
function isTocHeaderWord(text: string, scheme: HierarchyScheme): boolean {
  const t = cleanCell(text).replace(/\s+/g, '');
  return t === 'ページ' || t === '頁' || scheme.levels.some((level) => level.name === t);
}

/**
 * Two header words make a header. A measure-table row can hold one by itself (区分 `施策`
 * is also a level name), so there only the table's own words count.
 */
function isHeaderRow(row: readonly string[], scheme: HierarchyScheme, layout: Layout['mode']): boolean {
  const words = row.filter(
    (cell) => fieldOfHeader(cell) !== null || (layout === 'toc' && isTocHeaderWord(cell, scheme)),
  ).length;
  return words >= 2;
}

// ---------------------------------------------------------------- entries

/** One row as read, before it is placed in the tree. */
type Entry = {
  line: number;
  depth: number;
  title: string;
  kind: NodeKind;
  status: ProjectStatus | null;
  description: string;
  contacts: Contact[];
  kpiRefs: KpiRef[];
};

/** An explicit KPI number, or a ○ meaning the next one. */
type KpiRef = number | 'next';

type Layout =
  | { mode: 'table'; columns: Map<Field, { index: number; label: string }>; headerLine: number }
  | { mode: 'toc' };

export function importHierarchy(rows: string[][], options: HierarchyOptions): ImportResult<HierarchyImport> {
  const { scheme } = options;
  const sized = checkImportSize(rows);
  const problems: ImportProblem[] = [...sized.problems];
  const empty: HierarchyImport = { nodes: [], projects: [], kpiLinks: [] };
  if (sized.rows.length === 0) return { value: empty, problems };

  const layout = findLayout(sized.rows, scheme);
  const entries: Entry[] = [];
  let previousDepth = -1;
  for (let r = layout.mode === 'table' ? layout.headerLine : 0; r < sized.rows.length; r++) {
    const row = sized.rows[r]!;
    if (row.every((cell) => cleanCell(cell) === '')) continue;
    // Word repeats a table's header on every page it runs over.
    if (isHeaderRow(row, scheme, layout.mode)) continue;
    const read =
      layout.mode === 'table'
        ? readTableRow(row, r + 1, layout.columns, scheme, previousDepth)
        : readTocRow(row, r + 1, scheme, previousDepth);
    problems.push(...read.problems);
    if (read.entry) {
      entries.push(read.entry);
      previousDepth = read.entry.depth;
    }
  }

  const built = buildTree(entries, options, layout);
  problems.push(...built.problems);
  problems.sort((a, b) => a.line - b.line);
  return { value: built.value, problems };
}

/** A header in the first rows (after a caption, perhaps) decides the layout. */
function findLayout(rows: readonly string[][], scheme: HierarchyScheme): Layout {
  for (let r = 0; r < Math.min(rows.length, 3); r++) {
    const row = rows[r]!;
    if (isHeaderRow(row, scheme, 'toc')) {
      const columns = new Map<Field, { index: number; label: string }>();
      row.forEach((cell, index) => {
        const field = fieldOfHeader(cell);
        if (field && !columns.has(field)) columns.set(field, { index, label: cleanCell(cell) });
      });
      // A 目次's own header (施策体系 | 主要な事業 | 成果指標 | ページ) has no name column.
      return columns.has('name') ? { mode: 'table', columns, headerLine: r + 1 } : { mode: 'toc' };
    }
    if (row.filter((cell) => cleanCell(cell) !== '').length > 1) break;
  }
  return { mode: 'toc' };
}

type RowRead = { entry: Entry | null; problems: ImportProblem[] };

/** The level of a row printed without a number: the deepest unnumbered level it can reach. */
function unnumberedDepth(scheme: HierarchyScheme, previousDepth: number): number | null {
  const unnumbered = scheme.levels.flatMap((level, depth) => (level.numbering === '' ? [depth] : []));
  const reachable = unnumbered.filter((depth) => depth <= previousDepth + 1);
  return reachable[reachable.length - 1] ?? unnumbered[0] ?? null;
}

function readTableRow(
  row: readonly string[],
  line: number,
  columns: Map<Field, { index: number; label: string }>,
  scheme: HierarchyScheme,
  previousDepth: number,
): RowRead {
  const problems: ImportProblem[] = [];
  const cell = (field: Field) => {
    const column = columns.get(field);
    return column ? (row[column.index] ?? '') : '';
  };
  const label = (field: Field) => columns.get(field)?.label ?? FIELD_NAMES[field];
  const report = (field: Field | null, code: ImportProblem['code'], detail: string) =>
    problems.push({ line, column: field ? label(field) : null, code, detail });

  const kindText = cleanCell(cell('kind'));
  let kind: NodeKind | null = null;
  if (kindText === '施策') kind = 'measure';
  else if (kindText === '事業') kind = 'placement';
  else if (kindText !== '') report('kind', 'unknownStatus', `区分 "${kindText}" is neither 施策 nor 事業; taken from the level`);

  const numberText = cleanCell(cell('number'));
  let title = cleanCell(cell('name'));
  let depth: number | null = null;
  if (numberText !== '') {
    // The trailing space lets a bare label (`(1)`) end where text would otherwise follow.
    const parsed = parseNumberLabel(`${numberText} `, scheme);
    if (!parsed) {
      report('number', 'unknownNumbering', `"${numberText}" matches no level of ${scheme.name}; row skipped`);
      return { entry: null, problems };
    }
    depth = parsed.depth;
    if (title === '') title = parsed.rest;
  } else {
    depth = unnumberedDepth(scheme, previousDepth);
    if (depth === null) {
      const parsed = parseNumberLabel(title, scheme);
      if (parsed) {
        depth = parsed.depth;
        title = parsed.rest;
      } else if (kind === 'placement') {
        depth = scheme.levels.length - 1;
      }
    }
    if (depth === null) {
      report('number', 'unknownNumbering', `no number for "${title}", so its level is unknown; row skipped`);
      return { entry: null, problems };
    }
  }

  const kpis = readKpiRefs(cleanCell(cell('kpis')));
  if (!kpis.ok) report('kpis', 'unknownKpiNumber', `"${kpis.text}" is not a list of KPI numbers; no KPIs linked`);

  const statusText = cleanCell(cell('status'));
  const status = readStatus(statusText);
  if (status === undefined) report('status', 'unknownStatus', `状況 "${statusText}" is not 新規, 充実 or 継続; left empty`);

  const entry = finishEntry(
    {
      line,
      depth,
      title,
      kind: kind ?? (depth === scheme.levels.length - 1 ? 'placement' : 'measure'),
      status: status ?? null,
      description: cleanCell(cell('description')),
      contacts: parseContacts(cell('contacts')),
      kpiRefs: kpis.ok ? kpis.refs : [],
    },
    () => report('name', 'missingName', 'the row has no name; row skipped'),
  );
  return { entry, problems };
}

function readTocRow(row: readonly string[], line: number, scheme: HierarchyScheme, previousDepth: number): RowRead {
  const problems: ImportProblem[] = [];
  const cells = row.map(cleanCell);
  // Word's 目次 indents deeper rows by a column, so the label is the first filled cell.
  const at = cells.findIndex((cell) => cell !== '');
  const labelText = cells[at]!;
  const parsed = parseNumberLabel(labelText, scheme);
  let depth: number;
  let title: string;
  if (parsed) {
    depth = parsed.depth;
    title = parsed.rest;
  } else {
    const unnumbered = unnumberedDepth(scheme, previousDepth);
    if (unnumbered === null) {
      problems.push({
        line,
        column: FIELD_NAMES.number,
        code: 'unknownNumbering',
        detail: `"${labelText}" starts with no number of ${scheme.name}; row skipped`,
      });
      return { entry: null, problems };
    }
    depth = unnumbered;
    title = labelText;
  }

  // After the label: ○ (or KPI numbers) and a page number, in whichever columns they landed.
  const kpiRefs: KpiRef[] = [];
  for (const cell of cells.slice(at + 1)) {
    if (cell === '' || /^\d+$/.test(foldWidth(cell))) continue;
    const refs = readKpiRefs(cell);
    if (refs.ok) kpiRefs.push(...refs.refs);
  }

  const entry = finishEntry(
    {
      line,
      depth,
      title,
      kind: depth === scheme.levels.length - 1 ? 'placement' : 'measure',
      status: null,
      description: '',
      contacts: [],
      kpiRefs,
    },
    () =>
      problems.push({ line, column: FIELD_NAMES.name, code: 'missingName', detail: `"${labelText}" has no title; row skipped` }),
  );
  return { entry, problems };
}

function finishEntry(entry: Entry, onMissingName: () => void): Entry | null {
  const title = entry.kind === 'placement' ? projectName(entry.title) : entry.title;
  if (title === '') {
    onMissingName();
    return null;
  }
  return { ...entry, title };
}

/** `undefined` for text that is not a status; null for none. */
function readStatus(text: string): ProjectStatus | null | undefined {
  if (text === '') return null;
  const found = (Object.entries(PROJECT_STATUS_LABELS) as Array<[ProjectStatus, string]>).find(([, label]) => label === text);
  return found?.[0];
}

/**
 * A project's name without its 再掲 (reprint) mark, which only says the project appeared
 * before: `①創業支援事業（再掲）` is the same project as the first one.
 */
export function projectName(text: string): string {
  return cleanCell(
    cleanCell(text)
      .replace(/[\s\u3000]*[(（【[]\s*再掲\s*[)）】\]][\s\u3000]*$/, '')
      .replace(/^[\s\u3000]*[(（【[]\s*再掲\s*[)）】\]]/, '')
      .replace(/[\s\u3000]+再掲$/, '')
      .replace(/^再掲[\s\u3000]+/, ''),
  );
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
    } else if (/[○〇◯]/.test(char)) {
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

function buildTree(entries: readonly Entry[], options: HierarchyOptions, layout: Layout): ImportResult<HierarchyImport> {
  const { scheme, newId } = options;
  const problems: ImportProblem[] = [];
  const nodes: NodeRecord[] = [];
  const projects = new Map<string, ProjectRecord>();
  const kpiLinks: HierarchyImport['kpiLinks'] = [];
  const children = new Map<string | null, NodeRecord[]>();
  const stack: Array<{ depth: number; id: string; title: string }> = [];
  const reportedGaps = new Set<string>();
  let highestKpi = 0;
  // A block that starts below the top level (a (3) and its ① pasted under an existing 施策体系)
  // is a sub-tree, not a gap: its first level is where the user is pasting.
  const baseDepth = entries[0]?.depth ?? 0;
  const numberColumn = layout.mode === 'table' ? (layout.columns.get('number')?.label ?? FIELD_NAMES.number) : FIELD_NAMES.number;

  for (const entry of entries) {
    while (stack.length > 0 && stack[stack.length - 1]!.depth >= entry.depth) stack.pop();
    const parent = stack[stack.length - 1] ?? null;
    const parentDepth = parent?.depth ?? baseDepth - 1;
    // One report per gap: the siblings that follow the first row over it share its fate.
    const gap = `${parent?.id ?? ''}|${entry.depth}`;
    if (parentDepth < entry.depth - 1 && !reportedGaps.has(gap)) {
      reportedGaps.add(gap);
      const level = scheme.levels[entry.depth]?.name ?? `level ${entry.depth + 1}`;
      problems.push({
        line: entry.line,
        column: numberColumn,
        code: 'depthJump',
        detail: parent
          ? `a ${level} row follows a ${scheme.levels[parent.depth]?.name ?? ''} row with the level between missing; imported under "${parent.title}"`
          : `a ${level} row comes before any ${scheme.levels[0]?.name ?? ''} row; imported at the top level`,
      });
    }

    const id = newId();
    let projectId: string | null = null;
    if (entry.kind === 'placement') {
      let project = projects.get(entry.title);
      if (!project) {
        project = { id: newId(), name: entry.title, contacts: [] };
        projects.set(entry.title, project);
      }
      // Every placement may list the project's contacts; a later one can only add to them.
      for (const contact of entry.contacts) {
        if (!project.contacts.some((known) => sameContact(known, contact))) project.contacts.push(contact);
      }
      projectId = project.id;
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
  return { value: { nodes, projects: [...projects.values()], kpiLinks }, problems };
}

function sameContact(a: Contact, b: Contact): boolean {
  return a.organisation === b.organisation && a.section === b.section && a.phone === b.phone;
}
