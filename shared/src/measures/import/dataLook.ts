import type { HierarchyScheme } from '../model';
import { foldWidth, fromCircled, isBareNumber, parseLevelWord, parseNumberLabel } from '../numbering';
import type { ImportField } from './previewTypes';
import { readStatus } from './status';

/**
 * What a column's values look like on their own (circled numbers, status words, department
 * names, marks, page numbers), for a column whose header says nothing or says something the
 * data contradicts.
 */

type Field = Exclude<ImportField, 'ignored'>;


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
