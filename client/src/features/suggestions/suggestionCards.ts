import type { SuggestionSummary } from '@sakutei/shared/editor';
import type { Translate } from '../../i18n';
import { formatWords, isMove, structureWords } from '../plan/suggestionWords';

/**
 * What the suggestion cards show and what a bulk decision covers, worked out from the
 * document's pending suggestions (listSuggestions, in document order). Pure, so the panel
 * and its tests read the same answers.
 */

/** Cards that stand together: one suggestion, or competing wordings of the same words (競合). */
export interface CardGroup {
  key: string;
  items: SuggestionSummary[];
  conflict: boolean;
}

/**
 * Groups the suggestions that compete, directly or through one another, so that their cards
 * stand side by side; groups keep the document order of their first suggestion.
 */
export function groupSuggestions(list: readonly SuggestionSummary[]): CardGroup[] {
  const byId = new Map(list.map((item) => [item.id, item]));
  const seen = new Set<string>();
  const groups: CardGroup[] = [];
  for (const item of list) {
    if (seen.has(item.id)) continue;
    const members: SuggestionSummary[] = [];
    const queue = [item.id];
    seen.add(item.id);
    while (queue.length > 0) {
      const current = byId.get(queue.shift()!);
      if (!current) continue;
      members.push(current);
      for (const other of current.conflictsWith) {
        if (seen.has(other) || !byId.has(other)) continue;
        seen.add(other);
        queue.push(other);
      }
    }
    members.sort((a, b) => a.from - b.from || a.at - b.at);
    groups.push({ key: item.id, items: members, conflict: members.length > 1 });
  }
  return groups;
}

/** What a bulk decision covers. A section is named by its heading's top-level index; -1 is the text before the first heading. */
export type BulkScope = { kind: 'all' } | { kind: 'author'; author: string } | { kind: 'section'; index: number };

export const BEFORE_FIRST_HEADING = -1;

function sectionIndexOf(item: SuggestionSummary): number {
  return item.section?.index ?? BEFORE_FIRST_HEADING;
}

/** The suggestions a bulk decision covers, in document order. */
export function suggestionsIn(list: readonly SuggestionSummary[], scope: BulkScope): SuggestionSummary[] {
  switch (scope.kind) {
    case 'all':
      return [...list];
    case 'author':
      return list.filter((item) => item.author === scope.author);
    case 'section':
      return list.filter((item) => sectionIndexOf(item) === scope.index);
  }
}

/** How many of `chosen` compete with a suggestion (chosen or not): accepting them all still rejects some. */
export function competingCount(chosen: readonly SuggestionSummary[]): number {
  return chosen.filter((item) => item.conflictsWith.length > 0).length;
}

export interface AuthorChoice {
  author: string;
  count: number;
}

export interface SectionChoice {
  index: number;
  /** Null for the text before the first heading. */
  title: string | null;
  count: number;
}

/** The authors with pending suggestions, in the order their first suggestion appears. */
export function authorsOf(list: readonly SuggestionSummary[]): AuthorChoice[] {
  const counts = new Map<string, number>();
  for (const item of list) counts.set(item.author, (counts.get(item.author) ?? 0) + 1);
  return [...counts].map(([author, count]) => ({ author, count }));
}

/** The sections holding pending suggestions, in document order. */
export function sectionsOf(list: readonly SuggestionSummary[]): SectionChoice[] {
  const sections = new Map<number, SectionChoice>();
  for (const item of list) {
    const index = sectionIndexOf(item);
    const known = sections.get(index);
    if (known) known.count++;
    else sections.set(index, { index, title: item.section?.title ?? null, count: 1 });
  }
  return [...sections.values()];
}

/** The suggestion whose text holds a document position (the cursor), or null. */
export function suggestionAt(list: readonly SuggestionSummary[], pos: number): SuggestionSummary | null {
  return list.find((item) => item.from <= pos && pos <= item.to) ?? null;
}

/**
 * What a suggestion proposes, part by part, as a card shows it: the wording (struck → added),
 * or a move of a passage (the same words struck in one place and proposed in another), the
 * formats it proposes with the text they apply to, and its block changes.
 */
export interface ChangeParts {
  /** The moved passage; when set, `deleted` and `inserted` are empty. */
  moved: string;
  deleted: string;
  /** The proposed text without the line breaks its block changes begin or end it with (they are in `structure`). */
  inserted: string;
  formats: Array<{ words: string; text: string; mark: string; action: 'add' | 'remove' }>;
  /** The block changes' words, each once, in document order. */
  structure: string[];
}

export function changeParts(item: Pick<SuggestionSummary, 'inserted' | 'deleted' | 'formats' | 'structure'>, t: Translate): ChangeParts {
  const moved = isMove(item);
  // A move is struck text proposed again after a new paragraph: its break is part of the move.
  const blocks = item.structure.filter((change) => !(moved && (change.op === 'split' || change.op === 'line')));
  return {
    moved: moved ? item.deleted : '',
    deleted: moved ? '' : item.deleted,
    inserted: moved ? '' : item.inserted.replace(/^\n+|\n+$/g, ''),
    formats: (item.formats ?? []).map((f) => ({ words: formatWords(t, f.mark, f.action), text: f.text, mark: f.mark, action: f.action })),
    structure: [...new Set(blocks.map((change) => structureWords(t, change)))],
  };
}

/** The parts in one line for a button's name or an announcement: 「段落を分ける、追加: 空き店舗を減らす。」. */
export function changeText(parts: ChangeParts, t: Translate): string {
  const said: string[] = [...parts.structure];
  if (parts.moved) said.push(t('suggestions.card.changeMove', { text: clip(parts.moved, 30) }));
  else if (parts.deleted && parts.inserted) said.push(t('suggestions.card.changeReplace', { deleted: clip(parts.deleted, 30), inserted: clip(parts.inserted, 30) }));
  else if (parts.inserted) said.push(t('suggestions.card.changeInsert', { inserted: clip(parts.inserted, 30) }));
  else if (parts.deleted) said.push(t('suggestions.card.changeDelete', { deleted: clip(parts.deleted, 30) }));
  for (const f of parts.formats) said.push(t('suggestions.card.changeFormat', { change: f.words, text: clip(f.text, 30) }));
  return said.join(t('suggestions.card.changeSeparator'));
}

/** A long passage shortened for a card; the card's title carries it whole. */
export function clip(text: string, max = 80): string {
  const flat = text.replace(/\s*\n\s*/g, ' ⏎ ');
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

const UNITS: ReadonlyArray<[Intl.RelativeTimeFormatUnit, number]> = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];

/** 「3分前」 / "3 minutes ago"; 「たった今」 under a minute. */
export function relativeTime(at: number, now: number, locale: 'ja' | 'en'): string {
  const seconds = Math.round((now - at) / 1000);
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) return format.format(-Math.trunc(seconds / size), unit);
  }
  return format.format(0, 'second');
}
