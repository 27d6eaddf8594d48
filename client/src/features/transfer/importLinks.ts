import { importRecords } from '@sakutei/shared/measures';
import type * as Y from 'yjs';

export type KpiLinks = ReadonlyArray<{ nodeId: string; kpiNumbers: readonly number[] }>;

/**
 * The 成果指標 column of the last measure table imported into the plan. A plan is built by
 * importing its 目次 first and its 成果指標一覧 next; the KPIs then go under the rows that
 * listed their numbers. The plan's record of imports keeps them (see importLog.ts), so this
 * holds across reloads and for whoever imports the KPI list.
 */
export function kpiLinksFor(doc: Y.Doc, rowExists: (id: string) => boolean): KpiLinks {
  const last = importRecords(doc).find((record) => record.undoneAt === null && record.kpiLinks.length > 0);
  return (last?.kpiLinks ?? []).filter((link) => rowExists(link.nodeId));
}
