import type { Contact, HierarchyScheme, NodeKind, ProjectStatus } from '../model';
import { foldWidth, fromCircled } from '../numbering';
import type { ImportField, PreviewProblem } from './previewTypes';
import { cleanCell } from './problems';
import { splitReprintMark } from './reprints';
import { isLevelWordCell } from './dataLook';

/**
 * A row of an import as read, before it is placed in the tree, and the small readings every
 * reader shares: KPI cells, notes, lines a PDF broke, and the words of the problems.
 */

/** Usual names of the fields, for problems in a column without a header. */
export const FIELD_LABELS: Record<Exclude<ImportField, 'ignored'>, string> = {
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
export type Entry = {
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
export type KpiRef = number | 'next';

export type Report = (problem: PreviewProblem) => void;

/**
 * A line that can only be the rest of the name above it, as a PDF breaks a long heading
 * (`5. 東京一極集中への対策、Uターン` / `の推進`): one cell, starting with a particle or a
 * closing mark that no name starts with. It is joined to that name, as the preview shows.
 */
export function continueName(entry: Entry, row: readonly string[]): boolean {
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

/**
 * A paragraph, not a row: one cell, a sentence ending with 。. Headings and 主な施策 are
 * phrases; a PDF's prose between them is the contents of the heading above.
 */
export function isProse(row: readonly string[]): boolean {
  const filled = row.map(cleanCell).filter((cell) => cell !== '');
  return filled.length === 1 && filled[0]!.length >= 8 && /。$/.test(filled[0]!) && !isNote(filled[0]!);
}

/** The text of a row that holds nothing but a level word (`【主な施策】`, `基本目標 3`), or null. */
export function levelWordAlone(row: readonly string[], scheme: HierarchyScheme): string | null {
  const filled = row.map(cleanCell).filter((cell) => cell !== '');
  if (filled.length !== 1) return null;
  const text = filled[0]!.replace(/^[【[［〈<]\s*|\s*[】\]］〉>]$/g, '');
  return isLevelWordCell(text, scheme) ? text : null;
}

export function makeEntry(
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
export function unnumberedDepth(scheme: HierarchyScheme, previousDepth: number): number | null {
  const unnumbered = scheme.levels.flatMap((level, depth) => (level.numbering === '' ? [depth] : []));
  const reachable = unnumbered.filter((depth) => depth <= previousDepth + 1);
  return reachable[reachable.length - 1] ?? unnumbered[0] ?? null;
}

/**
 * A note printed under a table (`※ 所管課は4月現在`, `（注）…`, `◎：主たる役割 ○：…`) or a
 * PDF's footnote (`²⁴ 破壊的技術：…`, `39 ロールモデル:…。`), not a row of it.
 */
export function isNote(text: string): boolean {
  const t = text.trim();
  return (
    /^(?:[※＊*]|注\s*[0-9０-９]*\s*[：:.．)）]|[(（]注[0-9０-９]*[)）]|[◎○〇●△]\s*[：:]|[⁰¹²³⁴⁵⁶⁷⁸⁹]+)/.test(t) ||
    /^[0-9０-９]{1,3}\s+[^:：]{1,30}[:：].*。$/.test(t)
  );
}

export function noteDetail(text: string): string {
  return `"${text}" reads as a note under the table, not one of its rows; skipped (give it a number or a level word to import it)`;
}

export function unknownNumberDetail(text: string, scheme: HierarchyScheme): string {
  const examples = scheme.levels.map((level) => level.name).join(' / ');
  return `"${text}" starts with no number or level word of ${scheme.name} (${examples}); add one, or check the plan's numbering settings; row skipped`;
}

export function mergedDetail(merged: { outer: string; inner: string }, scheme: HierarchyScheme): string {
  return `"${merged.outer} ${merged.inner}" carries the numbers of two levels of ${scheme.name}; imported as the deeper one (${merged.inner}); if ${merged.outer} is a row of its own, put it on its own line`;
}

/**
 * The KPI cell: circled numbers run together (`⑰⑱`), plain numbers with separators
 * (`6,7`, `6・7`), `(51)` beyond ㊿, or ○ marks.
 */
export function readKpiRefs(text: string): { ok: true; refs: KpiRef[] } | { ok: false; text: string } {
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
