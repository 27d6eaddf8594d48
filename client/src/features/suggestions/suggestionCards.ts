import type { SuggestionSummary } from '@sakutei/shared/editor';

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
