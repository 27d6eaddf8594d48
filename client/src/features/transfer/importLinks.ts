import type * as Y from 'yjs';

export type KpiLinks = ReadonlyArray<{ nodeId: string; kpiNumbers: readonly number[] }>;

/**
 * The 成果指標 column of the last measure table imported into each open document. A plan is
 * built by importing its 目次 first and its 成果指標一覧 next; the KPIs then go under the rows
 * that listed their numbers. Kept for as long as the page is open, across tabs.
 */
const lastLinks = new WeakMap<Y.Doc, KpiLinks>();

export function rememberKpiLinks(doc: Y.Doc, links: KpiLinks): void {
  if (links.length > 0) lastLinks.set(doc, links);
}

/** The remembered links whose rows still exist. */
export function kpiLinksFor(doc: Y.Doc, rowExists: (id: string) => boolean): KpiLinks {
  return (lastLinks.get(doc) ?? []).filter((link) => rowExists(link.nodeId));
}
