import type { AgendaItem, AgendaItemInput, AgendaLink } from '@sakutei/shared';

/*
 * The agenda is saved whole (PUT …/agenda replaces the ordered list): each edit on the page
 * is one of these pure steps from the list the server last returned to the list to send.
 */

/** An item as the PUT takes it: kept items carry their id, so the server can tell what changed. */
export function agendaInput(item: Pick<AgendaItem, 'title' | 'presenter' | 'minutes' | 'links'> & { id?: string }): AgendaItemInput {
  return {
    ...(item.id === undefined ? {} : { id: item.id }),
    title: item.title,
    presenter: item.presenter,
    minutes: item.minutes,
    links: item.links,
  };
}

export const agendaInputs = (items: readonly AgendaItem[]): AgendaItemInput[] => items.map(agendaInput);

/** The list with the item at `index` moved one place up (-1) or down (+1); null when it cannot move. */
export function moveItem<T>(items: readonly T[], index: number, delta: -1 | 1): T[] | null {
  const target = index + delta;
  if (index < 0 || index >= items.length || target < 0 || target >= items.length) return null;
  const next = [...items];
  [next[index], next[target]] = [next[target]!, next[index]!];
  return next;
}

/** The list with `item` in place of the one with its id, or appended when it is new. */
export function withItem(items: readonly AgendaItem[], item: AgendaItemInput): AgendaItemInput[] {
  const inputs = agendaInputs(items);
  if (item.id === undefined) return [...inputs, item];
  return inputs.map((existing) => (existing.id === item.id ? item : existing));
}

export const withoutItem = (items: readonly AgendaItem[], id: string): AgendaItemInput[] => agendaInputs(items.filter((item) => item.id !== id));

/** What a link reads as on the page: the chosen revision's or plan's label, or the note itself. */
export const linkText = (link: AgendaLink): string => (link.kind === 'text' ? link.text : link.label);

/** Two links name the same thing (adding it twice would only repeat it). */
export function sameLink(a: AgendaLink, b: AgendaLink): boolean {
  if (a.kind === 'revision' && b.kind === 'revision') return a.revisionId === b.revisionId;
  if (a.kind === 'plan' && b.kind === 'plan') return a.planId === b.planId;
  return a.kind === 'text' && b.kind === 'text' && a.text === b.text;
}
