import type { HierarchyScheme } from '../model';
import { foldWidth, fromCircled, isBareNumber, parseLevelWord, parseNumberLabel } from '../numbering';
import { headerKey, isPageLine } from './normalise';
import type { ColumnMapping, ImportField, PreviewColumn, RememberedMapping } from './previewTypes';
import { IMPORT_FIELDS } from './previewTypes';
import { cleanCell } from './problems';
import { readStatus } from './status';

/**
 * Which source column holds what. Header words come first (a generous synonym list, since
 * every council words its table its own way); where a header says nothing, or says
 * something the data contradicts (方向性 over 新規/継続 is a status, over names a level),
 * the look of the data decides. The caller may override any column.
 */

type Field = Exclude<ImportField, 'ignored'>;

/** Header words, compared after `headerKey` (NFKC, no spaces, lower case). */
export const HEADER_SYNONYMS: Record<Field, readonly string[]> = {
  number: ['番号', 'no', 'no.', 'no', '№', '#', '項番', '通し番号', '施策番号', '事業番号', 'ナンバー', '番'],
  name: [
    '名称', '名前', '施策名', '事業名', '取組名', '取り組み名', '取組み名', '項目', '項目名', '施策・事業名', '施策・事業',
    '事業・取組', '事業・取組名', '施策・取組', '取組項目', 'タイトル', '見出し', '件名', '主な取組', '主な取り組み',
    '取り組み内容・施策', '取組内容・施策', '具体的な事業', '主な事業', '事業の名称', '施策の名称', '取組', '取組み', '取り組み',
    'name', 'title',
  ],
  levelWord: ['階層', 'レベル', '段階', '階層区分', '体系区分', 'level'],
  kind: ['種別', '種類', '施策・事業区分', 'kind'],
  description: [
    '内容', '事業内容', '取組内容', '取り組み内容', '取組み内容', '概要', '事業概要', '施策概要', '説明', '施策の内容',
    '事業の内容', '取組の内容', '具体的な取組', '具体的な取組内容', '詳細', '内容・概要', '施策の概要', '事業の概要',
    '実施内容', 'description', 'contents',
  ],
  contacts: [
    '担当', '担当課', '所管課', '所管', '担当部署', '担当部局', '所管部署', '所管部局', '連絡先', '問合せ先', '問い合わせ先',
    '問合先', '担当・連絡先', '担当・問合せ先', '担当・問い合わせ先', '実施主体', '関係課', '主管課', '担当部課', '担当課名',
    '所管課名', '担当機関', '実施機関', '担当課・連絡先', '所管課・連絡先', 'contact', 'contacts', 'department',
  ],
  status: [
    '状況', '方向性', '区分', '新規・継続', '新規・充実・継続', '新規/継続', '新規/充実/継続', '事業区分', '今後の方向性',
    '継続区分', '状態', '新規', '新・継', '新規・拡充・継続', 'status',
  ],
  kpis: ['指標', '成果指標', 'kpi', '数値目標', '評価指標', '目標指標', '活動指標', '関連指標', '成果指標番号', '指標番号', 'kpis'],
};

/** Header words whose column may hold statuses, 施策/事業 kinds, level words or names: the data decides. */
const AMBIGUOUS = new Set(['区分', '方向性', '種別', '種類', '状況', '状態', '今後の方向性']);

const PAGE_WORDS = new Set(['ページ', '頁', 'page', 'p', 'p.']);

const EXACT = new Map<string, Field>();
for (const field of Object.keys(HEADER_SYNONYMS) as Field[]) {
  for (const word of HEADER_SYNONYMS[field]) if (!EXACT.has(headerKey(word))) EXACT.set(headerKey(word), field);
}

export type HeaderRead = { field: Field | 'levelName' | 'page'; ambiguous: boolean; depth?: number };

/** What a header cell names, or null for a word that is not a header word. */
export function readHeader(text: string, scheme: HierarchyScheme): HeaderRead | null {
  if (text.length > 40) return null;
  // Asked of every short cell of every row (is it the header repeated?): remember the answers.
  let cache = HEADER_CACHE.get(scheme);
  if (!cache) {
    cache = new Map();
    HEADER_CACHE.set(scheme, cache);
  }
  if (cache.has(text)) return cache.get(text)!;
  const read = readHeaderUncached(text, scheme);
  if (cache.size < 5000) cache.set(text, read);
  return read;
}

const HEADER_CACHE = new WeakMap<HierarchyScheme, Map<string, HeaderRead | null>>();

function readHeaderUncached(text: string, scheme: HierarchyScheme): HeaderRead | null {
  const key = headerKey(cleanCell(text));
  if (key === '' || key.length > 24) return null;
  const depth = scheme.levels.findIndex((level) => headerKey(level.name) === key);
  if (depth >= 0) return { field: 'levelName', ambiguous: true, depth };
  if (PAGE_WORDS.has(key)) return { field: 'page', ambiguous: false };
  const exact = EXACT.get(key);
  if (exact) return { field: exact, ambiguous: AMBIGUOUS.has(key) };
  // Words a plan builds on the usual ones: 主な事業の内容, 担当課（係）, 成果指標（KPI）.
  const bare = key.replace(/\(.*\)$/, '');
  if (bare !== key) {
    const inner = EXACT.get(bare);
    if (inner) return { field: inner, ambiguous: AMBIGUOUS.has(bare) };
  }
  if (/番号$|^no\.?$|^№/.test(bare)) return { field: 'number', ambiguous: false };
  if (/指標|kpi/.test(bare)) return { field: 'kpis', ambiguous: false };
  if (/(担当|所管|主管|連絡先|問い?合わ?せ)/.test(bare)) return { field: 'contacts', ambiguous: false };
  if (/(内容|概要|説明)$/.test(bare)) return { field: 'description', ambiguous: false };
  if (/(名|名称)$/.test(bare)) return { field: 'name', ambiguous: false };
  if (/(新規|継続|方向性|状況)/.test(bare)) return { field: 'status', ambiguous: true };
  return null;
}

// ---------------------------------------------------------------- the header row

export type Header = {
  /** 0-based index of the (first) header row. */
  index: number;
  /** Rows taken by the header: 2 when a second row names the columns under a merged cell. */
  height: number;
  /** Each column's header text as typed (two rows joined by a space). */
  cells: string[];
};

/** How many cells of a row are header words; a long cell (a sentence) disqualifies the row. */
function headerScore(row: readonly string[], scheme: HierarchyScheme): number {
  let score = 0;
  for (const cell of row) {
    const text = cleanCell(cell);
    if (text === '') continue;
    if (text.length > 30) return 0;
    if (readHeader(text, scheme)) score++;
  }
  return score;
}

/** The first row within the first 30 with two header words: captions and titles may come first. */
export function findHeader(rows: readonly string[][], scheme: HierarchyScheme): Header | null {
  for (let r = 0; r < Math.min(rows.length, 30); r++) {
    if (!isHeaderLike(rows[r]!, scheme)) continue;
    const cells = rows[r]!.map(cleanCell);
    let height = 1;
    const next = rows[r + 1];
    if (next && isSubHeader(cells, next.map(cleanCell), scheme)) {
      height = 2;
      const width = Math.max(cells.length, next.length);
      for (let c = 0; c < width; c++) {
        cells[c] = [cells[c] ?? '', cleanCell(next[c])].filter((part) => part !== '').join(' ');
      }
    }
    return { index: r, height, cells };
  }
  return null;
}

/**
 * Two header words make a header. One will do when every other cell is a short label too
 * (`取り組み内容・施策 | 推進に向けた役割`): no numbers, marks or statuses, which data rows have.
 */
function isHeaderLike(row: readonly string[], scheme: HierarchyScheme): boolean {
  const score = headerScore(row, scheme);
  if (score >= 2) return true;
  if (score === 0) return false;
  const filled = row.map(cleanCell).filter((cell) => cell !== '');
  // A level's name is also a data cell (`基本目標 | 産業の振興`); the one word must be a column's.
  const word = filled.map((cell) => readHeader(cell, scheme)).find((read) => read !== null);
  if (!word || word.field === 'levelName' || word.field === 'page') return false;
  return (
    filled.length >= 2 &&
    filled.every(
      (cell) =>
        readHeader(cell, scheme) !== null ||
        (cell.length <= 16 && !isBareNumber(cell) && parseNumberLabel(cell, scheme) === null && !isMark(cell) && readStatus(cell) === undefined && !looksLikeContact(cell)),
    )
  );
}

/**
 * A second header row under a merged cell (`推進に向けた役割` over `事業者 | 支援機関 | …`):
 * short words only, at least one of them under an empty or spanning header cell, and nothing
 * that reads as a number or a name of the table.
 */
function isSubHeader(header: readonly string[], row: readonly string[], scheme: HierarchyScheme): boolean {
  const filled = row.map((cell, c) => ({ cell, c })).filter(({ cell }) => cell !== '');
  if (filled.length < 2) return false;
  if (filled.some(({ cell }) => cell.length > 12 || isBareNumber(cell) || parseNumberLabel(cell, scheme) !== null)) return false;
  if (filled.some(({ cell }) => /^[○〇◯◎●△×]+$/.test(cell))) return false;
  return filled.some(({ c }) => (header[c] ?? '') === '');
}

/** A row that repeats the header (Word repeats it on every page a table runs over). */
export function isRepeatedHeader(row: readonly string[], header: Header | null, scheme: HierarchyScheme): boolean {
  const cells = row.map(cleanCell);
  if (header) {
    const same = cells.filter((cell, c) => cell !== '' && cell.length <= 40 && headerKey(cell) === headerKey(header.cells[c]?.split(' ')[0] ?? '')).length;
    if (same >= 2) return true;
  }
  return headerScore(row, scheme) >= 2 && cells.filter((cell) => cell !== '').every((cell) => readHeader(cell, scheme) !== null);
}

// ---------------------------------------------------------------- the look of the data

/** A cell that is only a level word, perhaps with its number: `基本目標`, `基本目標 3.`, `第2章`. */
export function isLevelWordCell(text: string, scheme: HierarchyScheme): boolean {
  if (text.length > 30) return false;
  const read = parseLevelWord(text, scheme);
  return read !== null && read.rest === '';
}

const CONTACT_END = /(課|室|係|局|部|所|署|センター|協会|会議所|商工会|機構|公社|財団|組合|公庫|団体|機関|事務所|支所|本部)(\s*[（(].*[)）])?$/;
const PHONE = /(?:TEL|電話|☎)|\d{2,5}\s*[-‐－]\s*\d{1,4}\s*[-‐－]\s*\d{3,4}/i;

export function looksLikeContact(text: string): boolean {
  const t = foldWidth(text).trim();
  if (PHONE.test(t)) return true;
  return t.split(/[\n、,，・/\s]+/).some((part) => part.length <= 20 && CONTACT_END.test(part));
}

const MARKS = /^[○〇◯◎●△▲×✓✔]+$/;
export function isMark(text: string): boolean {
  return MARKS.test(text.trim());
}

/** `⑰⑱`, `6,7`, `No.3`: a list of KPI numbers, more than one, or a circled number run. */
function looksLikeKpiList(text: string): boolean {
  const t = foldWidth(text).replace(/No\.?|№/gi, '').trim();
  const circled = [...t].filter((char) => fromCircled(char) !== null).length;
  if (circled >= 2 && [...t].every((char) => fromCircled(char) !== null || /[\s,、・]/.test(char))) return true;
  // Two digits at most: `1,000` is a thousand (a budget), not KPIs 1 and 0.
  return /^\d{1,2}(\s*[,、・]\s*\d{1,2})+$/.test(t);
}

function isPageNumberColumn(values: readonly string[]): boolean {
  if (values.length < 2 || !values.every((v) => /^\d{1,4}$/.test(foldWidth(v).trim()))) return false;
  const numbers = values.map((v) => Number(foldWidth(v).trim()));
  const consecutive = numbers.every((n, i) => i === 0 || n === numbers[i - 1]! + 1);
  const nondecreasing = numbers.every((n, i) => i === 0 || n >= numbers[i - 1]!);
  return nondecreasing && !consecutive;
}

const share = (values: readonly string[], test: (v: string) => boolean) =>
  values.length === 0 ? 0 : values.filter(test).length / values.length;

export type DataLook =
  | { field: Exclude<Field, 'name' | 'description'> }
  | { field: 'text'; meanLength: number; numbered: number; multiline: number }
  | { field: 'marks' }
  | { field: 'pageNumbers' }
  | { field: 'empty' };

/** What a column's values look like, on their own. */
export function lookOf(values: readonly string[], scheme: HierarchyScheme): DataLook {
  if (values.length === 0) return { field: 'empty' };
  // 施策 and 事業 are level words too, but a column of only them is the kind (区分); one that
  // also says 基本目標 or 第2章 is the level words.
  const levelWords = share(values, (v) => isLevelWordCell(v, scheme));
  const kindShare = share(values, (v) => v === '施策' || v === '事業');
  if (levelWords >= 0.6 && kindShare < 1 && values.some((v) => v !== '施策' && v !== '事業' && isLevelWordCell(v, scheme))) {
    return { field: 'levelWord' };
  }
  if (kindShare === 1 || (kindShare >= 0.6 && values.includes('事業'))) return { field: 'kind' };
  if (levelWords >= 0.6) return { field: 'levelWord' };
  if (share(values, (v) => readStatus(v) !== undefined) >= 0.6) return { field: 'status' };
  if (isPageNumberColumn(values)) return { field: 'pageNumbers' };
  if (share(values, looksLikeKpiList) >= 0.5) return { field: 'kpis' };
  if (share(values, isBareNumber) >= 0.6) return { field: 'number' };
  if (share(values, isMark) >= 0.6) return { field: 'marks' };
  if (share(values, looksLikeContact) >= 0.5) return { field: 'contacts' };
  const meanLength = values.reduce((sum, v) => sum + v.length, 0) / values.length;
  return {
    field: 'text',
    meanLength,
    numbered: share(values, (v) => parseNumberLabel(v, scheme) !== null || parseLevelWord(v, scheme) !== null),
    multiline: share(values, (v) => v.includes('\n')),
  };
}

// ---------------------------------------------------------------- mapping

export type ColumnPlan = {
  columns: PreviewColumn[];
  /** The 目次's page column and other columns known not to be content. */
  pageColumns: Set<number>;
  /** For name columns printed under a level's name (`施策体系`, `方向性`): that level. */
  levelOfColumn: Map<number, number>;
};

/** Values below the header, with repeated headers and page lines left out. */
export function columnValues(rows: readonly string[][], header: Header | null, scheme: HierarchyScheme): string[][] {
  const width = Math.max(0, ...rows.map((row) => row.length));
  const values: string[][] = Array.from({ length: width }, () => []);
  const start = header ? header.index + header.height : 0;
  for (let r = start; r < rows.length; r++) {
    const row = rows[r]!;
    if (isPageLine(row) || isRepeatedHeader(row, header, scheme)) continue;
    row.forEach((cell, c) => {
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
 * Every column's field. Header words first, checked against the data where the word is
 * ambiguous; then the data; then, when no column holds names, the text column that reads
 * most like them. The caller's mapping overrides any of it.
 */
export function planColumns(
  rows: readonly string[][],
  header: Header | null,
  scheme: HierarchyScheme,
  mapping?: ColumnMapping | RememberedMapping,
): ColumnPlan {
  const values = columnValues(rows, header, scheme);
  const width = Math.max(values.length, header?.cells.length ?? 0);
  const headers = Array.from({ length: width }, (_, c) => header?.cells[c] ?? '');
  const user = normaliseMapping(mapping, headers);
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
