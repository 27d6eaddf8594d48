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

function templatePattern(template: string): RegExp {
  let source = '';
  let last = 0;
  for (const match of template.matchAll(TOKEN)) {
    source += escapeRegExp(template.slice(last, match.index));
    source += match[1] === 'parent' ? PARENT_PATTERN : `(?:${COUNTERS[match[1] as CounterName].pattern})`;
    last = match.index + match[0].length;
  }
  source += escapeRegExp(template.slice(last));
  // After the number: a separator, or straight into text that does not continue the number.
  return new RegExp(`^\\s*${source}(?:[.．、:：]\\s*|\\s+|$|(?=[^0-9A-Za-z\\-]))`);
}

const BULLET = /^\s*[・\-‐•●○◆■◇□]\s*/;

/**
 * Recognises a leading number in one of the scheme's level styles and says which depth it
 * belongs to. Longer templates are tried first, so `Ⅱ-3` is a 目標, not a `Ⅱ` with text `-3`.
 */
export function parseNumberLabel(text: string, scheme: HierarchyScheme): { depth: number; rest: string } | null {
  const folded = foldWidth(text);
  const candidates = scheme.levels
    .map((level, depth) => ({ depth, template: level.numbering }))
    .filter((candidate) => candidate.template !== '')
    .sort((a, b) => b.template.length - a.template.length);
  for (const { depth, template } of candidates) {
    const match = templatePattern(template).exec(folded);
    if (match) return { depth, rest: text.slice(match[0].length).trim() };
  }
  const unnumbered = scheme.levels.findIndex((level) => level.numbering === '');
  if (unnumbered >= 0) {
    const bullet = BULLET.exec(folded);
    if (bullet) return { depth: unnumbered, rest: text.slice(bullet[0].length).trim() };
  }
  return null;
}
