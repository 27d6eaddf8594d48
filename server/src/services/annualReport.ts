import type { PlanSnapshot } from '@sakutei/shared';
import { buildAnnualReport, readEvaluations, readMeasureTable, type AnnualReport } from '@sakutei/shared/measures';
import type { AppDeps } from '../env';

/**
 * The annual progress report (進捗状況報告) of one fiscal year, built from the live draft
 * or from a revision's frozen content: the route decides who may read which, this builds it.
 */

/** The report of the draft as it stands, read inside the room so it sees every edit applied so far. */
export function liveAnnualReport(deps: Pick<AppDeps, 'rooms'>, docName: string, fiscalYear: number): Promise<AnnualReport> {
  return deps.rooms.use(docName, (room) => {
    const table = readMeasureTable(room.doc);
    return buildAnnualReport(table, readEvaluations(room.doc, table), fiscalYear);
  });
}

/** The report as a revision froze it: its table and its 評価・課題. */
export function frozenAnnualReport(snapshot: PlanSnapshot, fiscalYear: number): AnnualReport {
  return buildAnnualReport(snapshot.measures, snapshot.evaluations ?? {}, fiscalYear);
}
