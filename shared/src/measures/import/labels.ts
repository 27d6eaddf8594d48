import type { HierarchyScheme } from '../model';
import { foldWidth, leadingNumberLength, parseLevelWord, parseNumberLabel } from '../numbering';

/**
 * Level words the scheme does not know (a paste says 基本目標 where the plan says 施策体系)
 * stand for the levels by the order they first appear, after the words it knows.
 */
export class LevelWordDepths {
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

export type Label = {
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
export function readLabel(
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
export function withoutCounter(text: string): string {
  const bullet = /^\s*(?:[・•●○◆■◇□]\s*|[-‐]\s+)/.exec(text);
  if (bullet) return text.slice(bullet[0].length).trim();
  const length = leadingNumberLength(text);
  return length > 0 && isClosedCounter(text.slice(0, length)) ? text.slice(length).trim() : text;
}

/** A printed counter that cannot be the start of a word: followed by a space or a mark, or one closed character. */
export function isClosedCounter(prefix: string): boolean {
  const counter = foldWidth(prefix).trim();
  if (counter === '') return true;
  return /\s$/.test(prefix) || /[.．、:：)）・\-‐•●○◆■◇□]$/.test(counter) || /[\u2160-\u217b\u2460-\u2473\u3251-\u325f\u32b1-\u32bf]$/.test(counter);
}
