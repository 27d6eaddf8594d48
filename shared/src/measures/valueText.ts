import type { KpiDirection, KpiValue, Measured } from './model';
import { foldWidth } from './numbering';
import { parseFiscalYear } from './fiscalYear';

/**
 * KPI figures as plans print them: `433 件/年`, `30,926 t (R1)`, `24,200 t 以下`, `63.2%`,
 * `—`, `X`, `複数 1 世帯/年 単身 1 世帯/年`. Reading keeps what the cell says beside the
 * number (the unit, a year label, a direction word) so an importer can check it against
 * the KPI instead of silently dropping it.
 */

export type ParsedFigure = {
  value: Measured;
  unit: string;
  /** The unit of a sub-figure read from `7社（11人）` (then `value.sub` is 11); '' otherwise. */
  subUnit?: string;
  /** The parenthesised note as printed, whitespace removed: `(R1)`, `(R3.8月現在)`. */
  label: string;
  labelFiscalYear: number | null;
  direction: KpiDirection | null;
};

export type FigureProblem = { code: 'unreadableNumber' | 'componentMismatch' | 'tooLong'; detail: string };

export type FigureResult = { ok: true; figure: ParsedFigure } | { ok: false; problem: FigureProblem };

/** A table cell, not prose: anything longer was mis-split from the surrounding text. */
const MAX_LENGTH = 200;

// Full-width ASCII (１２３，．％（）Ｘ) folded to half-width; nothing else, so that a unit
// such as m² keeps its superscript.
/** Dashes a cell uses to say "no figure"; ー (the katakana long mark) is a common OCR of —. */
const DASH = '[-—―‐‑–−ー]+';
/** △ and ▲ are the Japanese minus signs; − is the typographic one. */
const NUMBER = '[-−△▲+]?(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?';

const LABEL_AT_END = /\(([^()]*)\)\s*$/;
const JUDGEMENT = /^(達成|未達成)\s*(?:\((.*)\))?$/;
/** `(11人)` once the brackets are read: a number and a word that is not a year. */
const DATE_WORDS = /[年月日]|時点|現在|末|見込|予定|速報/;
const SUB_FIGURE = new RegExp(`^\\((${NUMBER})\\s*([^\\d()]{0,20})\\)$`);
const DIRECTION_AT_END = /\s*(現状維持|維持|以上|以下|未満)\s*$/;
/**
 * A target printed as a direction word alone (「増加」「減少」): which way is better, and no
 * figure yet. Only the whole cell: `10件増加` is a relative target, not the level 10.
 */
export const BARE_DIRECTION_WORDS: Record<string, KpiDirection> = {
  増加: 'higher',
  増: 'higher',
  向上: 'higher',
  上昇: 'higher',
  拡大: 'higher',
  減少: 'lower',
  減: 'lower',
  低下: 'lower',
  削減: 'lower',
  縮小: 'lower',
};
const DIRECTION_WORDS: Record<string, KpiDirection> = {
  以上: 'higher',
  以下: 'lower',
  未満: 'lower',
  維持: 'keep',
  現状維持: 'keep',
};

/** A value token: a number anywhere, a dash or X only as a word of its own. */
const VALUE_TOKEN = new RegExp(`(${NUMBER})|(?<=^|\\s)(${DASH}|[Xx])(?=\\s|$)`, 'g');

/**
 * One number as people type it: `25`, `2.5`, `1,234`, `−3`, `△3` (the 会計 minus), `＋5`,
 * full-width digits; null when the text is anything else. The one reader for a typed number
 * (the KPI panel's fields, the import's target kinds).
 */
export function parseNumberText(text: string): number | null {
  const t = text.normalize('NFKC').trim();
  if (!/^[-−△▲+]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/.test(t)) return null;
  return readNumber(t);
}

function readNumber(token: string): number {
  const negative = /^[-−△▲]/.test(token);
  const digits = token.replace(/^[-−△▲+]/, '').replace(/,/g, '');
  const value = Number(digits);
  // -0 is not a figure anyone means.
  return negative && value !== 0 ? -value : value;
}

function readValueToken(token: string): KpiValue {
  if (/^[Xx]$/.test(token)) return { kind: 'withheld' };
  if (new RegExp(`^${DASH}$`).test(token)) return { kind: 'none' };
  return { kind: 'number', value: readNumber(token) };
}

const squash = (text: string): string => text.replace(/\s+/g, ' ').trim();

type Piece = { name: string; value: KpiValue; unit: string };

/**
 * Splits `name value unit name value unit …` around its value tokens. Between two values
 * the last word is the next component's name and anything before it the previous unit, so
 * components must be separated by a space (as the seeds print them).
 */
function splitPieces(text: string): Piece[] | null {
  const matches = [...text.matchAll(VALUE_TOKEN)];
  if (matches.length === 0) return null;
  const pieces: Piece[] = [];
  let cursor = 0;
  let pendingName = '';
  for (const [i, match] of matches.entries()) {
    const between = squash(text.slice(cursor, match.index));
    if (i === 0) {
      pendingName = between;
    } else {
      const words = between === '' ? [] : between.split(' ');
      const name = words.pop() ?? '';
      pieces[i - 1]!.unit = words.join(' ');
      pendingName = name;
    }
    pieces.push({ name: pendingName, value: readValueToken(match[0]), unit: '' });
    cursor = match.index + match[0].length;
  }
  pieces[pieces.length - 1]!.unit = squash(text.slice(cursor));
  return pieces;
}

function problem(code: FigureProblem['code'], detail: string): FigureResult {
  return { ok: false, problem: { code, detail } };
}

export function parseFigure(text: string, options?: { components?: readonly string[] }): FigureResult {
  if (text.length > MAX_LENGTH) return problem('tooLong', `${text.length} characters; a figure is at most ${MAX_LENGTH}`);
  let rest = squash(foldWidth(text));
  const components = options?.components;

  // A qualitative KPI's year, as exports print it: 達成 / 未達成, a note in brackets.
  const judged = JUDGEMENT.exec(rest);
  if (judged) {
    const value: Measured = { kind: 'judgement', met: judged[1] === '達成', note: (judged[2] ?? '').trim() };
    return { ok: true, figure: { value, unit: '', label: '', labelFiscalYear: null, direction: null } };
  }

  const bare = Object.hasOwn(BARE_DIRECTION_WORDS, rest) ? BARE_DIRECTION_WORDS[rest] : undefined;
  if (bare) return { ok: true, figure: { value: { kind: 'blank' }, unit: '', label: '', labelFiscalYear: null, direction: bare } };

  let label = '';
  let direction: KpiDirection | null = null;
  // The note and the direction word both trail the figure, in either order.
  for (let pass = 0; pass < 2; pass++) {
    const labelMatch: RegExpExecArray | null = label === '' ? LABEL_AT_END.exec(rest) : null;
    if (labelMatch) {
      label = `(${labelMatch[1]!.replace(/\s+/g, '')})`;
      rest = rest.slice(0, labelMatch.index).trim();
    }
    const directionMatch: RegExpExecArray | null = direction === null ? DIRECTION_AT_END.exec(rest) : null;
    if (directionMatch) {
      direction = DIRECTION_WORDS[directionMatch[1]!] ?? null;
      rest = rest.slice(0, directionMatch.index).trim();
    }
  }
  let labelFiscalYear = label === '' ? null : parseFiscalYear(label);
  // `7社（11人）`: a bracketed figure that is no year is the sub-figure, not a note.
  let sub: { value: number; unit: string } | null = null;
  const subMatch = labelFiscalYear === null ? SUB_FIGURE.exec(label) : null;
  // `(3月末現在)`, `(12日時点)` date the figure: a note, not a second figure.
  if (subMatch && !DATE_WORDS.test(subMatch[2]!)) {
    sub = { value: readNumber(subMatch[1]!), unit: subMatch[2]!.trim() };
    label = '';
    labelFiscalYear = null;
  }
  const figure = (value: Measured, unit: string): FigureResult => ({
    ok: true,
    figure: {
      value: sub && value.kind === 'number' ? { ...value, sub: sub.value } : value,
      unit,
      ...(sub ? { subUnit: sub.unit } : {}),
      label,
      labelFiscalYear,
      direction,
    },
  });

  if (rest === '') {
    if (label === '' && direction === null) return figure({ kind: 'blank' }, '');
    // 現状維持 alone: the target is the baseline, which the caller holds, not this cell.
    if (direction === 'keep') return figure({ kind: 'none' }, '');
    return problem('unreadableNumber', `no figure in "${text}"`);
  }

  const pieces = splitPieces(rest);
  if (!pieces) return problem('unreadableNumber', `no number in "${text}"`);

  const [first] = pieces;
  if (pieces.length === 1 && first && first.name === '') {
    if (first.value.kind === 'number' && components && components.length > 0) {
      return problem('componentMismatch', `one figure where ${components.join('・')} are expected`);
    }
    return figure(first.value, first.unit);
  }

  // Several values, or a value with a word before it: named components.
  if (pieces.some((p) => p.name === '')) {
    return problem('unreadableNumber', `cannot read "${text}" as one figure or as named components`);
  }
  if (pieces.length === 1 && !components) {
    // `約 30 件` is a qualified figure, not a component called 約.
    return problem('unreadableNumber', `unexpected "${first!.name}" before the figure in "${text}"`);
  }
  const names = pieces.map((p) => p.name);
  if (new Set(names).size !== names.length) {
    return problem('componentMismatch', `a component is named twice in "${text}"`);
  }
  if (components && !sameNames(names, components)) {
    return problem('componentMismatch', `components ${names.join('・')}, expected ${components.join('・')}`);
  }
  const units = new Set(pieces.map((p) => p.unit).filter((u) => u !== ''));
  if (units.size > 1) {
    return problem('componentMismatch', `components in different units: ${[...units].join(', ')}`);
  }
  const parts: Record<string, KpiValue> = {};
  for (const p of pieces) parts[p.name] = p.value;
  return figure({ kind: 'parts', parts }, [...units][0] ?? '');
}

function sameNames(names: readonly string[], expected: readonly string[]): boolean {
  return names.length === expected.length && expected.every((n) => names.includes(n));
}

/** `30,926`, `63.2`, `-3`: thousands separators, at most two decimals, no trailing zeros. */
export function formatNumber(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  const [whole = '', fraction = ''] = Math.abs(n).toFixed(2).split('.');
  const decimals = fraction.replace(/0+$/, '');
  const digits = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (decimals ? `.${decimals}` : '');
  // A value that rounds to zero prints as 0, not -0.
  return n < 0 && /[1-9]/.test(digits) ? `-${digits}` : digits;
}

/**
 * A number with its unit, as every figure is printed (KPI figures, a range's bounds, a
 * 実施状況 figure): `63.2%` closed up, every other unit after a space (`480 件`).
 */
export function formatWithUnit(n: number, unit: string): string {
  if (unit === '' || unit.startsWith('%')) return `${formatNumber(n)}${unit}`;
  return `${formatNumber(n)} ${unit}`;
}

function formatValue(value: KpiValue, unit: string, subUnit?: string): string {
  switch (value.kind) {
    case 'number':
      // The sub-figure of `7社（11人）` follows in brackets, where the reader reads it back from.
      return value.sub === undefined || subUnit === undefined
        ? formatWithUnit(value.value, unit)
        : `${formatWithUnit(value.value, unit)} (${formatWithUnit(value.sub, subUnit)})`;
    case 'none':
      return '—';
    case 'withheld':
      return 'X';
    case 'blank':
      return '';
  }
}

/**
 * The display form of a figure, in the order of `components` when given. A blank component
 * is left out (it has nothing to show yet); this is for display and does not read back.
 */
export function formatMeasured(
  value: Measured,
  unit: string,
  options?: { components?: readonly string[]; subUnit?: string },
): string {
  if (value.kind === 'judgement') return value.note === '' ? judgementWord(value.met) : `${judgementWord(value.met)} (${value.note})`;
  if (value.kind !== 'parts') return formatValue(value, unit, options?.subUnit);
  const listed = options?.components ?? [];
  const names = [...listed.filter((n) => n in value.parts), ...Object.keys(value.parts).filter((n) => !listed.includes(n))];
  return names
    .flatMap((name) => {
      const part = value.parts[name];
      return part && part.kind !== 'blank' ? [`${name} ${formatValue(part, unit, options?.subUnit)}`] : [];
    })
    .join(' ');
}

/** How a staff judgement of a qualitative KPI is printed (and read back by `parseFigure`). */
export function judgementWord(met: boolean): string {
  return met ? '達成' : '未達成';
}
