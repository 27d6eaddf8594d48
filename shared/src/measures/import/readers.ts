import type { HierarchyScheme, NodeKind, ProjectStatus } from '../model';
import { foldWidth, parseLevelWord, parseNumberLabel } from '../numbering';
import { parseContacts } from '../text/contacts';
import { isMark } from './dataLook';
import type { Header } from './header';
import type { ColumnPlan } from './mapping';
import {
  FIELD_LABELS,
  continueName,
  isProse,
  isNote,
  levelWordAlone,
  makeEntry,
  mergedDetail,
  noteDetail,
  readKpiRefs,
  unknownNumberDetail,
  unnumberedDepth,
  type Entry,
  type KpiRef,
  type Report,
} from './entries';
import { LevelWordDepths, readLabel } from './labels';
import type { ImportField, PreviewColumn } from './previewTypes';
import { cleanCell } from './problems';
import { readStatus } from './status';

/**
 * The two ways a paste is read row by row: a 目次 (label, ○ and page numbers wherever Word
 * put them) and a table read through its column mapping.
 */

export function columnLabel(columns: readonly PreviewColumn[], field: Exclude<ImportField, 'ignored'>): string {
  return columns.find((column) => column.field === field && column.header !== '')?.header ?? FIELD_LABELS[field];
}

// ---------------------------------------------------------------- 目次

/**
 * A 目次 (table of contents): each row a numbered label, then only ○ marks (or KPI numbers)
 * and page numbers, in whichever columns Word put them. Only then is a paste read as one;
 * any other table keeps every column.
 */
export function looksLikeToc(
  rows: readonly string[][],
  content: readonly number[],
  header: Header | null,
  plan: ColumnPlan,
  scheme: HierarchyScheme,
): boolean {
  if (header && plan.columns.some((column) => column.source === 'header' && !['name', 'kpis', 'ignored'].includes(column.field))) {
    return false;
  }
  if (header && plan.columns.some((column) => column.source === 'header' && column.field === 'name' && !plan.levelOfColumn.has(column.index))) {
    return false;
  }
  let labelled = 0;
  let total = 0;
  let extras = 0;
  for (const r of content) {
    const cells = rows[r]!.map(cleanCell);
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
export function tocColumns(rows: readonly string[][], content: readonly number[], plan: ColumnPlan): PreviewColumn[] {
  const counts = plan.columns.map(() => ({ label: 0, kpi: 0, page: 0 }));
  for (const r of content) {
    const cells = rows[r]!.map(cleanCell);
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

export function tocReader(scheme: HierarchyScheme, report: Report) {
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
      report({ line, column: FIELD_LABELS.name, code: 'noteSkipped', detail: noteDetail(cells[at]!) });
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

/** Names of measures and projects are rarely this long; running text often is. */
const DOUBTFUL_LENGTH = 40;

export function tableReader(plan: ColumnPlan, scheme: HierarchyScheme, report: Report) {
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
    // A paragraph copied along with a PDF's headings says what the row above does.
    if (last && carried === '' && isProse(row)) {
      const text = row.map(cleanCell).find((cell) => cell !== '')!;
      last.description = last.description === '' ? text : `${last.description}\n${text}`;
      return [];
    }
    last = null;
    const cell = (c: number) => cleanCell(row[c]);
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

    const headerOf = (c: number, field: Exclude<ImportField, 'ignored'>) =>
      columns.find((candidate) => candidate.index === c)?.header || label(field);
    // A single-valued field read from two columns takes the leftmost filled cell; a different
    // value in another is said, so no filled cell is dropped without a word.
    type Filled = { c: number; text: string };
    const conflict = (field: Exclude<ImportField, 'ignored'>, other: Filled, used: Filled) =>
      report({
        line,
        column: headerOf(other.c, field),
        code: 'conflictingColumns',
        detail: `"${other.text}" differs from "${used.text}" in ${headerOf(used.c, field)}, which was used; map the column not meant to ignored`,
      });
    const single = (field: 'number' | 'levelWord' | 'kind') => {
      const filled = fields[field].map((c) => ({ c, text: cell(c) })).filter((entry) => entry.text !== '');
      const used = filled[0];
      if (!used) return '';
      for (const other of filled.slice(1)) if (other.text !== used.text) conflict(field, other, used);
      return used.text;
    };

    const kindText = single('kind');
    let kind: NodeKind | null = null;
    if (kindText === '施策') kind = 'measure';
    else if (kindText === '事業') kind = 'placement';
    else if (kindText !== '') {
      report({ ...where('kind'), code: 'unknownStatus', detail: `区分 "${kindText}" is neither 施策 nor 事業; the level decides (write 施策 or 事業 to choose)` });
    }

    const numberText = single('number');
    const levelText = single('levelWord') || carried;
    const nameText = own?.text ?? '';
    const strict = hasUnnumbered || fields.name.length > 1 || (own !== undefined && plan.levelOfColumn.has(own.c));
    if (numberText === '' && levelText === '' && isNote(nameText)) {
      report({ ...where('name'), code: 'noteSkipped', detail: noteDetail(nameText) });
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

    // Each status column answers for its own cells (方向性 and 区分 may both read as status).
    let status: ProjectStatus | null = null;
    let usedStatus: Filled | null = null;
    for (const c of fields.status) {
      const statusText = cell(c);
      const read = readStatus(statusText);
      if (read === undefined) {
        const column = columns.find((candidate) => candidate.index === c)?.header || FIELD_LABELS.status;
        report({ line, column, code: 'unknownStatus', detail: `${column} "${statusText}" is not 新規, 充実 or 継続; left empty (correct the cell, or map the column to ignored)` });
      } else if (status === null) {
        if (read !== null) usedStatus = { c, text: statusText };
        status = read;
      } else if (read !== null && read !== status && usedStatus) {
        conflict('status', { c, text: statusText }, usedStatus);
      }
    }

    const entry = makeEntry(line, depth, read.title, scheme, {
      kind,
      status,
      description: all(fields.description).join('\n'),
      contacts: parseContacts(all(fields.contacts).join('\n')),
      kpiRefs,
    });
    if (!entry) {
      if (out.length === 0) report({ ...where('name'), code: 'missingName', detail: 'the row has no name; type the name, or map the column that holds it to Name; row skipped' });
      return out;
    }
    // A PDF paragraph broken at a page end without its 。, or a photo caption, reads like an
    // unnumbered row: import it (it may be a project) but ask.
    if (numberText === '' && levelText === '' && [...nameText].length > DOUBTFUL_LENGTH && row.filter((c) => cleanCell(c) !== '').length === 1) {
      report({ ...where('name'), code: 'doubtfulRow', detail: `"${nameText}" has no number and reads like running text; imported as a row (delete it if it is not a measure or project)` });
    }
    out.push(entry);
    previousDepth = entry.depth;
    last = entry;
    return out;
  };
}
