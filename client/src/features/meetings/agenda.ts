import type { AgendaItem, AgendaItemInput, AgendaLink, AgendaLinkInput } from '@sakutei/shared';
import { planFragmentHash } from '../plan/planFragments';

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
    // What the page shows of a link (gone) is not part of what is sent.
    links: item.links.map(linkInput),
  };
}

/** A link as the PUT takes it: without the page's gone mark (the server marks it again). */
export function linkInput(link: AgendaLink): AgendaLinkInput {
  if (!('gone' in link)) return link;
  const { gone: _gone, ...rest } = link;
  return rest;
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
  if (a.kind === 'section' && b.kind === 'section') return a.planId === b.planId && a.headingText === b.headingText;
  if (a.kind === 'thread' && b.kind === 'thread') return a.threadId === b.threadId;
  if (a.kind === 'kpi' && b.kind === 'kpi') return a.planId === b.planId && a.kpiId === b.kpiId;
  if (a.kind === 'material' && b.kind === 'material') return a.materialId === b.materialId;
  return a.kind === 'text' && b.kind === 'text' && a.text === b.text;
}

/** Whether the link's target has been deleted since it was linked (its stored label then reads （削除済み）). */
export const linkGone = (link: AgendaLink): boolean => 'gone' in link && link.gone === true;

/**
 * Where a link opens: the plan page with a fragment it understands (`#thread-…` as a
 * notification's link, `#kpi-…` and `#section-…` for the measure table and the text, see
 * the plan kernel's planFragments.ts), or the material's file. Null for a note, or a target gone.
 */
export function linkHref(link: AgendaLink, materialUrl: (materialId: string) => string): string | null {
  if (linkGone(link)) return null;
  const plan = (id: string) => `/plans/${encodeURIComponent(id)}`;
  switch (link.kind) {
    case 'plan':
      return plan(link.planId);
    case 'revision':
      return link.planId === undefined ? null : `${plan(link.planId)}?revision=${encodeURIComponent(link.revisionId)}#revisions`;
    case 'section':
      return `${plan(link.planId)}${planFragmentHash({ kind: 'section', headingText: link.headingText })}`;
    case 'thread':
      return `${plan(link.planId)}#thread-${encodeURIComponent(link.threadId)}`;
    case 'kpi':
      return `${plan(link.planId)}${planFragmentHash({ kind: 'kpi', kpiId: link.kpiId })}`;
    case 'material':
      return materialUrl(link.materialId);
    case 'text':
      return null;
  }
}

/** The word for a link's kind beside it: the first kinds' in the meetings catalogue, the later ones' in agendaLinks'. */
export const linkKindKey = (kind: AgendaLink['kind']) =>
  kind === 'revision' || kind === 'plan' || kind === 'text' ? (`meetings.link.${kind}` as const) : (`agendaLinks.${kind}` as const);
