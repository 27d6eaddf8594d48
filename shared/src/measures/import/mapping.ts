import type { HierarchyScheme } from '../model';
import { lookOf, type DataLook } from './dataLook';
import { readHeader, isRepeatedHeader, type Header } from './header';
import { headerKey, isPageLine } from './normalise';
import type { ColumnMapping, ImportField, PreviewColumn, RememberedMapping } from './previewTypes';
import { IMPORT_FIELDS } from './previewTypes';
import { cleanCell } from './problems';

/**
 * Which source column holds what. Header words come first (a generous synonym list, since
 * every council words its table its own way); where a header says nothing, or says
 * something the data contradicts (方向性 over 新規/継続 is a status, over names a level),
 * the look of the data decides. The caller may override any column.
 */

type Field = Exclude<ImportField, 'ignored'>;


export type ColumnPlan = {
  columns: PreviewColumn[];
  /** The 目次's page column and other columns known not to be content. */
  pageColumns: Set<number>;
  /** For name columns printed under a level's name (`施策体系`, `方向性`): that level. */
  levelOfColumn: Map<number, number>;
};

/**
 * The indexes of the rows below the header that hold content: not blank, not a page line
 * (a PDF leaves its page numbers), not the header again (Word repeats it on every page).
 * Worked out once per preview; every reader of the rows takes these.
 */
export function contentRows(rows: readonly string[][], header: Header | null, scheme: HierarchyScheme): number[] {
  const content: number[] = [];
  for (let r = header ? header.index + header.height : 0; r < rows.length; r++) {
    const row = rows[r]!;
    if (row.every((cell) => cleanCell(cell) === '')) continue;
    if (isPageLine(row) || isRepeatedHeader(row, header, scheme)) continue;
    content.push(r);
  }
  return content;
}

/** Each column's filled values, over the content rows. */
function columnValues(rows: readonly string[][], content: readonly number[]): string[][] {
  const width = Math.max(0, ...content.map((r) => rows[r]!.length));
  const values: string[][] = Array.from({ length: width }, () => []);
  for (const r of content) {
    rows[r]!.forEach((cell, c) => {
      const text = cleanCell(cell);
      if (text !== '') values[c]!.push(text);
    });
  }
  return values;
}

function normaliseMapping(
  mapping: ColumnMapping | RememberedMapping | undefined,
  headers: readonly string[],
): Map<number, ImportField> {
  const out = new Map<number, ImportField>();
  if (!mapping) return out;
  const valid = (field: unknown): field is ImportField => (IMPORT_FIELDS as readonly unknown[]).includes(field);
  if (Array.isArray(mapping)) {
    const used = new Set<number>();
    for (const entry of mapping) {
      if (!valid(entry.field)) continue;
      const key = headerKey(entry.header ?? '');
      let index = key === '' ? -1 : headers.findIndex((header, c) => !used.has(c) && headerKey(header) === key);
      // A column remembered by position only stands for a column that has no header either.
      if (index < 0 && key === '' && entry.index !== undefined && headers[entry.index] === '' && !used.has(entry.index)) index = entry.index;
      if (index >= 0) {
        used.add(index);
        out.set(index, entry.field);
      }
    }
    return out;
  }
  for (const [key, field] of Object.entries(mapping)) {
    const index = Number(key);
    if (Number.isInteger(index) && index >= 0 && valid(field)) out.set(index, field);
  }
  return out;
}

/**
 * Every column's field as read from the table alone. Header words first, checked against the
 * data where the word is ambiguous; then the data; then, when no column holds names, the text
 * column that reads most like them. `withMapping` lays the caller's choices over it.
 */
export function planColumns(
  rows: readonly string[][],
  content: readonly number[],
  header: Header | null,
  scheme: HierarchyScheme,
): ColumnPlan {
  const values = columnValues(rows, content);
  const width = Math.max(values.length, header?.cells.length ?? 0);
  const headers = Array.from({ length: width }, (_, c) => header?.cells[c] ?? '');
  const columns: PreviewColumn[] = [];
  const pageColumns = new Set<number>();
  const levelOfColumn = new Map<number, number>();
  const looks: DataLook[] = [];

  for (let c = 0; c < width; c++) {
    const column = values[c] ?? [];
    const look = lookOf(column, scheme);
    looks.push(look);
    const base = { index: c, header: headers[c]!, samples: column.slice(0, 3), nonEmpty: column.length };
    const read = headers[c] ? readHeader(headers[c]!, scheme) : null;
    let field: ImportField = 'ignored';
    let source: PreviewColumn['source'] = 'none';
    if (read) {
      source = 'header';
      if (read.field === 'page') {
        field = 'ignored';
        pageColumns.add(c);
      } else if (read.field === 'levelName') {
        field = look.field === 'status' || look.field === 'kpis' || look.field === 'pageNumbers' ? 'ignored' : 'name';
        if (look.field === 'status') field = 'status';
        else if (look.field === 'kpis' || look.field === 'marks') field = 'kpis';
        else if (look.field === 'pageNumbers') pageColumns.add(c);
        else levelOfColumn.set(c, read.depth!);
        if (field !== 'name') source = 'data';
      } else if (read.ambiguous && look.field !== 'empty') {
        const decided = decideAmbiguous(read.field, look);
        field = decided ?? read.field;
        if (decided !== null && decided !== read.field) source = 'data';
      } else {
        field = read.field;
      }
    } else if (look.field !== 'empty') {
      source = 'data';
      if (look.field === 'pageNumbers') pageColumns.add(c);
      field = look.field === 'text' || look.field === 'marks' || look.field === 'pageNumbers' ? 'ignored' : look.field;
      if (field === 'ignored') source = 'none';
    }
    columns.push({ ...base, field, source });
  }

  resolveTextColumns(columns, looks);
  return { columns, pageColumns, levelOfColumn };
}

/** The inferred plan with the caller's mapping laid over it, as a copy: `inferred` is kept. */
export function withMapping(inferred: ColumnPlan, mapping: ColumnMapping | RememberedMapping): ColumnPlan {
  const columns = inferred.columns.map((column) => ({ ...column }));
  const pageColumns = new Set(inferred.pageColumns);
  const levelOfColumn = new Map(inferred.levelOfColumn);
  const user = normaliseMapping(
    mapping,
    columns.map((column) => column.header),
  );
  for (const [index, field] of user) {
    const column = columns[index];
    // A choice that agrees with the header or the data keeps saying why it was made.
    if (column && column.field !== field) {
      column.field = field;
      column.source = 'user';
      if (field !== 'ignored') pageColumns.delete(index);
      if (field !== 'name') levelOfColumn.delete(index);
    }
  }
  return { columns, pageColumns, levelOfColumn };
}

/** 方向性 over 新規/継続 is a status; over 施策/事業 a kind; over level words a level; over text, names. */
function decideAmbiguous(headerField: Field, look: DataLook): ImportField | null {
  switch (look.field) {
    case 'status':
    case 'kind':
    case 'levelWord':
      return look.field;
    case 'text':
      // A status column with a few odd words (拡大) is still the status column.
      if (headerField === 'status' && look.meanLength <= 6) return 'status';
      return look.meanLength > 40 ? 'description' : 'name';
    default:
      return headerField === 'status' ? null : headerField;
  }
}

/**
 * Text columns with no header word: the leftmost short one (or the one whose values start
 * with numbers) holds the names, long ones the contents. With no names anywhere, a
 * description column whose cells start with numbers is the names (`取り組み内容・施策`).
 */
function resolveTextColumns(columns: PreviewColumn[], looks: readonly DataLook[]): void {
  const text = (c: number) => {
    const look = looks[c];
    return look?.field === 'text' ? look : null;
  };
  const hasName = () => columns.some((column) => column.field === 'name');
  if (!hasName()) {
    const numbered = columns.find((column) => column.field === 'description' && (text(column.index)?.numbered ?? 0) >= 0.5);
    if (numbered) {
      numbered.field = 'name';
      numbered.source = 'data';
    }
  }
  const unclaimed = columns.filter((column) => column.field === 'ignored' && column.source === 'none' && text(column.index));
  if (!hasName()) {
    // Every row has a name, so the fullest column; among equals the shorter texts.
    const rank = (column: PreviewColumn) => {
      const look = text(column.index)!;
      return [look.numbered >= 0.5 ? 1 : 0, column.nonEmpty, look.meanLength <= 60 ? 1 : 0, -look.meanLength];
    };
    const better = (a: PreviewColumn, b: PreviewColumn) => {
      const [ra, rb] = [rank(a), rank(b)];
      for (let i = 0; i < ra.length; i++) if (ra[i] !== rb[i]) return ra[i]! > rb[i]!;
      return false;
    };
    const pick = unclaimed.reduce<PreviewColumn | undefined>((best, column) => (!best || better(column, best) ? column : best), undefined);
    if (pick) {
      pick.field = 'name';
      pick.source = 'data';
    }
  }
  const headedDescription = columns.some((column) => column.field === 'description' && column.source === 'header');
  for (const column of unclaimed) {
    if (column.field !== 'ignored') continue;
    // A column under a header word we do not know (備考, 予算額) joins the contents only when
    // nothing else holds them; otherwise it is left out, and named as left out.
    if (column.header !== '' && headedDescription) continue;
    const look = text(column.index)!;
    if (look.meanLength > 25 || look.multiline > 0.2) {
      column.field = 'description';
      column.source = 'data';
    } else if (!columns.some((other) => other.field === 'description') && look.meanLength > 12) {
      column.field = 'description';
      column.source = 'data';
    }
  }
}

/** The mapping in effect, by header words, for a plan to remember. */
export function rememberedMapping(columns: readonly PreviewColumn[]): RememberedMapping {
  return columns
    .filter((column) => column.nonEmpty > 0 || column.header !== '')
    .map((column) =>
      column.header !== '' ? { header: column.header, field: column.field } : { header: '', field: column.field, index: column.index },
    );
}
