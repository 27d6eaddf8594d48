import type { HierarchyScheme } from '../model';
import { isBareNumber, parseNumberLabel } from '../numbering';
import { looksLikeContact, isMark } from './dataLook';
import { headerKey } from './normalise';
import type { ImportField } from './previewTypes';
import { cleanCell } from './problems';
import { readStatus } from './status';

/**
 * Which header word names which field, and where a table's header row is: anywhere in the
 * first 30 rows, one or two rows high, repeated by Word on every page. The look of the data
 * (dataLook.ts) and the mapping of each column (mapping.ts) build on this.
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
