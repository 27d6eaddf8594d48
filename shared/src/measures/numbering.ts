import type { HierarchyScheme } from './model';

/**
 * Numbers as the plans print them. Level numbering is data (a template per level, see
 * `model.ts`), so a council whose plan counts `Ⅰ → Ⅱ-3` needs no code of its own.
 */

const CIRCLED_RANGES: Array<[from: number, to: number, codePoint: number]> = [
  [1, 20, 0x2460],
  [21, 35, 0x3251],
  [36, 50, 0x32b1],
];

/** ① … ㊿; beyond 50 there is no circled digit, so `(51)`. */
export function circled(n: number): string {
  for (const [from, to, codePoint] of CIRCLED_RANGES) {
    if (n >= from && n <= to) return String.fromCodePoint(codePoint + n - from);
  }
  return `(${n})`;
}

export function fromCircled(char: string): number | null {
  const codePoint = char.codePointAt(0);
  if (codePoint === undefined) return null;
  for (const [from, to, start] of CIRCLED_RANGES) {
    if (codePoint >= start && codePoint <= start + (to - from)) return from + codePoint - start;
  }
  return null;
}

const ROMAN_PAIRS: Array<[number, string]> = [
  [1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'],
  [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I'],
];

function asciiRoman(n: number): string {
  let rest = n;
  let out = '';
  for (const [value, letters] of ROMAN_PAIRS) {
    while (rest >= value) {
      out += letters;
      rest -= value;
    }
  }
  return out;
}

/** Ⅰ … Ⅻ as the single characters Japanese documents use, ASCII letters beyond twelve. */
export function upperRoman(n: number): string {
  return n >= 1 && n <= 12 ? String.fromCodePoint(0x2160 + n - 1) : asciiRoman(n);
}

export function lowerRoman(n: number): string {
  return n >= 1 && n <= 12 ? String.fromCodePoint(0x2170 + n - 1) : asciiRoman(n).toLowerCase();
}

function fromRoman(text: string): number | null {
  const single = text.length === 1 ? text.codePointAt(0)! : -1;
  if (single >= 0x2160 && single <= 0x216b) return single - 0x2160 + 1;
  if (single >= 0x2170 && single <= 0x217b) return single - 0x2170 + 1;
  const upper = text.toUpperCase();
  for (let n = 1; n <= 100; n++) if (asciiRoman(n) === upper) return n;
  return null;
}

/** ア イ ウ … ン in 五十音 order (46 letters, ヰ ヱ left out as documents do); beyond, the digits. */
const KATAKANA = 'アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワヲン';

export function katakana(n: number): string {
  return n >= 1 && n <= KATAKANA.length ? KATAKANA[n - 1]! : String(n);
}

function fromKatakana(char: string): number | null {
  const index = char.length === 1 ? KATAKANA.indexOf(char) : -1;
  return index >= 0 ? index + 1 : null;
}

/** a … z (A … Z), then the digits: a plan with 27 items at one level counts on in numbers. */
export function latin(n: number): string {
  return n >= 1 && n <= 26 ? String.fromCharCode(0x60 + n) : String(n);
}

function fromLatin(char: string): number | null {
  return /^[a-z]$/i.test(char) ? char.toLowerCase().charCodeAt(0) - 0x60 : null;
}

const COUNTERS = {
  arabic: { format: (n: number) => String(n), pattern: '[0-9]+', read: (s: string) => Number(s) },
  circled: { format: circled, pattern: '[\u2460-\u2473\u3251-\u325f\u32b1-\u32bf]', read: fromCircled },
  ROMAN: { format: upperRoman, pattern: '[\u2160-\u216b]|[IVXLC]+', read: fromRoman },
  roman: { format: lowerRoman, pattern: '[\u2170-\u217b]|[ivxlc]+', read: fromRoman },
  katakana: { format: katakana, pattern: `[${KATAKANA}]`, read: fromKatakana },
  latin: { format: latin, pattern: '[a-z]', read: fromLatin },
  LATIN: { format: (n: number) => latin(n).toUpperCase(), pattern: '[A-Z]', read: fromLatin },
} as const;
type CounterName = keyof typeof COUNTERS;
export const COUNTER_NAMES = Object.keys(COUNTERS) as CounterName[];
const TOKEN = /\{(arabic|circled|ROMAN|roman|katakana|latin|LATIN|parent)\}/g;

function counterOf(template: string): CounterName | null {
  for (const match of template.matchAll(TOKEN)) {
    if (match[1] !== 'parent') return match[1] as CounterName;
  }
  return null;
}

/** The bare counter of a position in a level's style: `Ⅱ` for the 2nd row of `{ROMAN}`. */
export function formatCounter(template: string, index: number): string {
  const counter = counterOf(template);
  return counter ? COUNTERS[counter].format(index) : '';
}

/** The printed number of the `index`-th (1-based) sibling: `(3)`, `①`, `Ⅱ-3`; '' when unnumbered. */
export function formatNumberLabel(template: string, index: number, parentCounter: string): string {
  return template.replace(TOKEN, (_, token: string) =>
    token === 'parent' ? parentCounter : COUNTERS[token as CounterName].format(index),
  );
}

/**
 * Full-width characters (digits, letters, brackets, ％, －…) as typed in Japanese documents,
 * folded to ASCII; used by every reader of numbers, years and figures. Every
 * replacement is one character for one, so offsets in the folded text hold in the original.
 */
export function foldWidth(text: string): string {
  return text
    .replace(/[\uFF01-\uFF5E]/g, (char) => String.fromCharCode(char.charCodeAt(0) - 0xfee0))
    .replace(/[―‐]/g, '-')
    .replace(/\u3000/g, ' ');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Any level's bare counter, as a `{parent}` prefix prints it. */
const PARENT_PATTERN = `(?:[0-9]+|[\u2160-\u217b]|[IVXLCivxlc]+|[A-Za-z]|[${KATAKANA}]|${COUNTERS.circled.pattern})`;

/** Patterns by template: built once, as the importer asks for them on every cell. */
const PATTERNS = new Map<string, RegExp>();

function templatePattern(template: string): RegExp {
  let pattern = PATTERNS.get(template);
  if (!pattern) {
    pattern = buildTemplatePattern(template);
    if (PATTERNS.size > 500) PATTERNS.clear();
    PATTERNS.set(template, pattern);
  }
  return pattern;
}

function buildTemplatePattern(template: string): RegExp {
  let source = '';
  let last = 0;
  for (const match of template.matchAll(TOKEN)) {
    source += escapeRegExp(template.slice(last, match.index));
    source += match[1] === 'parent' ? PARENT_PATTERN : `(?:${COUNTERS[match[1] as CounterName].pattern})`;
    last = match.index + match[0].length;
  }
  const tail = template.slice(last);
  source += escapeRegExp(tail);
  // After the number: a separator, or straight into text that does not continue the number.
  // A number that closes itself (`(2)`, `③`, `Ⅳ`) may run straight into any script, as in
  // `③DX推進` or `(2)ICT活用`; a bare `3` or `IV` followed by a letter is a word (`3D`, `IVR`).
  const counter = tail === '' ? lastCounter(template) : null;
  const closes = /[)）\]】」]$/.test(tail) || counter === 'circled';
  const word = '(?=[^0-9A-Za-z\\-])';
  const after = closes
    ? '(?![-‐][0-9])'
    : counter === 'ROMAN' || counter === 'roman'
      ? `(?:(?<=[\u2160-\u217b])(?![-‐][0-9])|${word})`
      : word;
  return new RegExp(`^\\s*${source}(?:[.．、:：]\\s*|\\s+|$|${after})`);
}

function lastCounter(template: string): string | null {
  let last: string | null = null;
  for (const match of template.matchAll(TOKEN)) last = match[1]!;
  return last;
}

const BULLET = /^\s*[・\-‐•●○◆■◇□]\s*/;

/**
 * Recognises a leading number in one of the scheme's level styles and says which depth it
 * belongs to. Longer templates are tried first, so `Ⅱ-3` is a 目標, not a `Ⅱ` with text `-3`.
 */
export function parseNumberLabel(text: string, scheme: HierarchyScheme): { depth: number; rest: string } | null {
  // A number is at the start; folding one character for one keeps offsets, so the head will do.
  const folded = foldWidth(text.slice(0, 40));
  const candidates = scheme.levels
    .map((level, depth) => ({ depth, template: level.numbering }))
    .filter((candidate) => candidate.template !== '')
    .sort((a, b) => b.template.length - a.template.length);
  for (const { depth, template } of candidates) {
    const match = templatePattern(template).exec(folded);
    if (match) return { depth, rest: text.slice(match[0].length).trim() };
  }
  // A level numbered under its parent (`Ⅱ-3`) is often printed with its own counter alone
  // (`3. 産学官連携…` under the heading Ⅱ): tried last, so a whole number wins.
  for (const { depth, template } of candidates) {
    const own = template.replace(/^.*\{parent\}[^{]*/, '');
    if (own === template || !/\{(?!parent)\w+\}/.test(own)) continue;
    if (candidates.some((other) => other.template === own)) continue;
    const match = templatePattern(own).exec(folded);
    if (match) return { depth, rest: text.slice(match[0].length).trim() };
  }
  const unnumbered = scheme.levels.findIndex((level) => level.numbering === '');
  if (unnumbered >= 0) {
    const bullet = BULLET.exec(folded);
    if (bullet) return { depth: unnumbered, rest: text.slice(bullet[0].length).trim() };
  }
  return null;
}

/**
 * Level words that plans print before a number (`基本目標 3.`, `施策の方向 2`), beyond the
 * scheme's own level names. A word here that is not in the scheme still marks a level; the
 * importer says which level it took it for.
 */
export const COMMON_LEVEL_WORDS = [
  '基本目標', '基本方針', '基本施策', '基本的方向', '施策の方向', '施策の方向性', '施策体系', '方向性',
  '政策', '施策', '具体的施策', '主な施策', '主要施策', '重点施策', '主要な事業', '事業', '目標', '分野', '柱',
] as const;

/** 第1章, 第２節, 第三部: a counter word after 第 and a number is itself a level word. */
const DAI = /^第\s*([0-9]+|[一二三四五六七八九十]+)\s*(章|節|部|編|款|項|条)/;

/** Any counter as documents print it, with its brackets and separator: `3.`, `(2)`, `Ⅰ`, `①`, `ア.`. */
const ANY_NUMBER = new RegExp(
  '^\\s*[(（]?\\s*(?:[0-9]+(?:\\s*[-‐]\\s*[0-9]+)*|[\u2160-\u217b](?:\\s*[-‐]\\s*[0-9]+)?|[IVXLC]+(?![A-Za-z])(?:\\s*[-‐]\\s*[0-9]+)?|' +
    COUNTERS.circled.pattern +
    '|[A-Za-z](?=\\s*[.．)）])|[' +
    KATAKANA +
    '](?=\\s*[.．)）]))\\s*[)）]?(?:\\s*[.．、:：]|\\s+|$|(?=[^0-9A-Za-z\\-]))\\s*',
);

export type LevelWordRead = {
  /** The level word as printed (`基本目標`, `第2章` → `章`). */
  word: string;
  /** Its depth in the scheme, or null for a word that is no level of it. */
  depth: number | null;
  /** The number printed after it, folded (`3`, `Ⅰ 2`), '' when none. */
  number: string;
  rest: string;
};

/**
 * A level word at the start of a cell, with or without its number: `基本目標`, `基本目標 3.`,
 * `目標Ⅰ 2. 地域資源…` (Koriyama prints the parent's number too), `第1章`. The word must be
 * followed by a number, a space or the end, so `施策の推進` is a name, not the level 施策.
 */
export function parseLevelWord(text: string, scheme: HierarchyScheme): LevelWordRead | null {
  // `【基本目標1】産業の振興`: a bracket around the word and its number is part of the label.
  const opening = /^\s*[【［\[〔〈《]?\s*/.exec(text)![0];
  const offset = opening.length;
  // The word and its numbers are at the start; the rest is sliced from the text as typed.
  const folded = foldWidth(text.slice(offset, offset + 60));
  const dai = DAI.exec(folded);
  let word: string | null = null;
  let end = 0;
  let number = '';
  if (dai) {
    word = dai[2]!;
    number = dai[1]!;
    end = dai[0].length;
  } else {
    for (const name of levelWordsOf(scheme)) {
      if (!folded.startsWith(name)) continue;
      const next = folded.slice(name.length);
      if (next === '' || /^\s/.test(next) || ANY_NUMBER.test(next)) {
        word = name;
        end = name.length;
        break;
      }
    }
    if (word === null) return null;
  }
  let rest = folded.slice(end);
  // Up to two numbers: `目標Ⅰ 2.` prints the parent's counter and the level's own.
  for (let i = 0; i < 2 && !dai; i++) {
    const match = ANY_NUMBER.exec(rest);
    if (!match || match[0].trim() === '') break;
    number = `${number} ${match[0].trim()}`.trim();
    rest = rest.slice(match[0].length);
  }
  if (/[【［\[〔〈《]/.test(opening)) rest = rest.replace(/^\s*[】］\]〕〉》]\s*[:：]?\s*/, '');
  const depth = scheme.levels.findIndex((level) => level.name === word);
  const restStart = offset + (folded.length - rest.length);
  return { word, depth: depth >= 0 ? depth : null, number, rest: text.slice(restStart).trim() };
}

const LEVEL_WORDS = new WeakMap<HierarchyScheme, string[]>();

/** The scheme's level names and the common ones, longest first (施策体系 before 施策). */
function levelWordsOf(scheme: HierarchyScheme): string[] {
  let words = LEVEL_WORDS.get(scheme);
  if (!words) {
    words = [...new Set([...scheme.levels.map((level) => level.name), ...COMMON_LEVEL_WORDS])].sort((a, b) => b.length - a.length);
    LEVEL_WORDS.set(scheme, words);
  }
  return words;
}

/** A whole cell that is only a number of some style (`3.`, `(2)`, `Ⅱ-3`, `①`): no text after it. */
export function isBareNumber(text: string): boolean {
  if (text.length > 24) return false;
  const t = foldWidth(text).trim();
  if (t === '') return false;
  const match = ANY_NUMBER.exec(t);
  return match !== null && match[0].length === t.length;
}

/** The number at the start of a cell in any style, whatever the scheme: its length, or 0. */
export function leadingNumberLength(text: string): number {
  const match = ANY_NUMBER.exec(foldWidth(text.slice(0, 40)));
  return match && match[0].trim() !== '' ? match[0].length : 0;
}
