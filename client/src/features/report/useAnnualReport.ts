import { buildAnnualReport, defaultProgressYear, evaluationsMap, fiscalYearOf, readEvaluations, type AnnualReport } from '@sakutei/shared/measures';
import { useMemo, useState } from 'react';
import type * as Y from 'yjs';
import { useDocRead } from '../plan/useDocRead';
import { useMeasureTable } from '../plan/useMeasureTable';

const evaluationTypes = (doc: Y.Doc) => [evaluationsMap(doc)];

/** The evaluations of the live document, re-read when anyone types in one. */
function useEvaluations(doc: Y.Doc): Record<string, string> {
  return useDocRead(doc, evaluationTypes, readEvaluations);
}

function currentFiscalYear(): number {
  const now = new Date();
  return fiscalYearOf(now.getFullYear(), now.getMonth() + 1);
}

export type AnnualReportView = {
  /** The plan's fiscal-year columns, oldest first: the years a report can be made for. */
  years: number[];
  /** The year shown: the one chosen, else the latest that has begun (null when the plan has no years). */
  fiscalYear: number | null;
  report: AnnualReport | null;
};

/** The annual report built from the live draft, as everyone's edits arrive. */
export function useAnnualReport(doc: Y.Doc, chosen: number | null): AnnualReportView {
  const { table, derived } = useMeasureTable(doc);
  const evaluations = useEvaluations(doc);
  const years = useMemo(() => [...table.settings.actualYears].sort((a, b) => a - b), [table.settings.actualYears]);
  const fiscalYear = chosen !== null && years.includes(chosen) ? chosen : defaultProgressYear(years, currentFiscalYear());
  const report = useMemo(
    () => (fiscalYear === null ? null : buildAnnualReport(table, evaluations, fiscalYear, derived)),
    [table, derived, evaluations, fiscalYear],
  );
  return { years, fiscalYear, report };
}
