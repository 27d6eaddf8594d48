import { cleanCell } from './problems';
import { editDistance, matchKey, similarKeys } from './normalise';

/**
 * 再掲 (reprint): a project listed again under another measure. The mark comes in many
 * spellings (`（再掲）`, `【再掲】`, `(再掲Ⅱ-2)` naming where it was first, `再 掲` broken by
 * a PDF) at either end of the name.
 */

const OPEN = '[(（【\\[［〔]';
const CLOSE = '[)）】\\]］〕]';
const MARK = `${OPEN}\\s*再\\s*掲[^)）】\\]］〕]{0,20}${CLOSE}`;
const TRAILING = new RegExp(`[\\s\\u3000]*${MARK}[\\s\\u3000]*$`);
const LEADING = new RegExp(`^[\\s\\u3000]*${MARK}[\\s\\u3000]*`);
const BARE_TRAILING = /[\s\u3000]+再\s*掲$/;
const BARE_LEADING = /^再\s*掲[\s\u3000]+/;

/** The name without its 再掲 mark, and whether it had one. The name is otherwise as typed. */
export function splitReprintMark(text: string): { name: string; marked: boolean } {
  const cleaned = cleanCell(text);
  for (const pattern of [TRAILING, LEADING, BARE_TRAILING, BARE_LEADING]) {
    if (pattern.test(cleaned)) return { name: cleanCell(cleaned.replace(pattern, '')), marked: true };
  }
  return { name: cleaned, marked: false };
}

/**
 * A project's name without its 再掲 (reprint) mark, which only says the project appeared
 * before: `①創業支援事業（再掲）` is the same project as the first one.
 */
export function projectName(text: string): string {
  return splitReprintMark(text).name;
}

export type ReprintCandidate = { name: string; line: number | null; projectId: string | null };

export type ReprintMatch =
  | { kind: 'exact'; candidate: ReprintCandidate }
  | { kind: 'similar'; candidate: ReprintCandidate }
  | { kind: 'none' };

/** The candidates with their folded names worked out once, and the first of each name and key. */
export type ReprintCandidates = {
  list: ReadonlyArray<ReprintCandidate & { key: string }>;
  byName: ReadonlyMap<string, ReprintCandidate>;
  byKey: ReadonlyMap<string, ReprintCandidate>;
};

export function reprintCandidates(candidates: readonly ReprintCandidate[]): ReprintCandidates {
  const list = candidates.map((candidate) => ({ ...candidate, key: matchKey(candidate.name) }));
  const byName = new Map<string, ReprintCandidate>();
  const byKey = new Map<string, ReprintCandidate>();
  for (const candidate of list) {
    if (!byName.has(candidate.name)) byName.set(candidate.name, candidate);
    if (!byKey.has(candidate.key)) byKey.set(candidate.key, candidate);
  }
  return { list, byName, byKey };
}

/**
 * Finds the project a 再掲 row repeats: the same name, or the same once whitespace, widths,
 * dots, dashes and brackets are folded; failing that the closest similar one, which the user
 * confirms.
 */
export function matchReprint(name: string, candidates: ReprintCandidates): ReprintMatch {
  const key = matchKey(name);
  const exact = candidates.byName.get(name) ?? candidates.byKey.get(key);
  if (exact) return { kind: 'exact', candidate: exact };
  let best: { candidate: ReprintCandidate; distance: number } | null = null;
  for (const candidate of candidates.list) {
    if (!similarKeys(key, candidate.key)) continue;
    const distance = editDistance(key, candidate.key);
    if (!best || distance < best.distance) best = { candidate, distance };
  }
  return best ? { kind: 'similar', candidate: best.candidate } : { kind: 'none' };
}

