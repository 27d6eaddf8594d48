import type { PlanViewId } from './PlanContext';

/**
 * The places of a plan an address may name in its `#fragment`, beside a tab (`#measures`) and
 * a comment thread (`#thread-…`, which the comments feature opens): a KPI of the measure table
 * (`#kpi-<id>`) and a heading of the text (`#section-<heading text>`, headings carry no ids).
 * Agenda items link to them (features/meetings/agenda.ts linkHref) and the plan page follows
 * them (routes/PlanFragmentJumps.tsx): written and read here only, in the kernel both use.
 */
export type PlanFragment = { kind: 'kpi'; kpiId: string } | { kind: 'section'; headingText: string };

function decoded(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

/** The `#fragment` naming a place: what planFragmentOf reads back. */
export function planFragmentHash(fragment: PlanFragment): string {
  return fragment.kind === 'kpi' ? `#kpi-${encodeURIComponent(fragment.kpiId)}` : `#section-${encodeURIComponent(fragment.headingText)}`;
}

export function planFragmentOf(hash: string): PlanFragment | null {
  const match = /^#(kpi|section)-(.+)$/.exec(hash);
  const value = match ? decoded(match[2]!) : null;
  if (!match || value === null || value === '') return null;
  return match[1] === 'kpi' ? { kind: 'kpi', kpiId: value } : { kind: 'section', headingText: value };
}

/** The tab that shows the place a fragment names. */
export const viewOfFragment = (fragment: PlanFragment): PlanViewId => (fragment.kind === 'kpi' ? 'measures' : 'prose');
