import { buildAnnualReport, defaultProgressYear, fiscalYearOf, readEvaluations, touchesEvaluations, type AnnualReport, type MeasureTable } from '@sakutei/shared/measures';
import { useEffect, useMemo, useState } from 'react';
import type * as Y from 'yjs';
import { useMeasureTable } from '../plan/useMeasureTable';

/**
 * The evaluations of the live document, re-read (once per frame) when anyone types in one.
 * Each lives in its own root-level text, so the set to watch grows as evaluations are
 * started: transactions are screened instead of a fixed list of types observed.
 */
function useEvaluations(doc: Y.Doc, table: MeasureTable): Record<string, string> {
  const [version, setVersion] = useState(0);
  useEffect(() => {
    let frame: number | null = null;
    const onTransaction = (transaction: Y.Transaction) => {
      if (frame !== null || !touchesEvaluations(doc, transaction)) return;
      frame = requestAnimationFrame(() => {
        frame = null;
        setVersion((v) => v + 1);
      });
    };
    doc.on('afterTransaction', onTransaction);
    return () => {
      doc.off('afterTransaction', onTransaction);
      if (frame !== null) cancelAnimationFrame(frame);
    };
  }, [doc]);
  // `version` is the signal that the document's evaluations changed.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  return useMemo(() => readEvaluations(doc, table), [doc, table, version]);
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
  const evaluations = useEvaluations(doc, table);
  const years = useMemo(() => [...table.settings.actualYears].sort((a, b) => a - b), [table.settings.actualYears]);
  const fiscalYear = chosen !== null && years.includes(chosen) ? chosen : defaultProgressYear(years, currentFiscalYear());
  const report = useMemo(
    () => (fiscalYear === null ? null : buildAnnualReport(table, evaluations, fiscalYear, derived)),
    [table, derived, evaluations, fiscalYear],
  );
  return { years, fiscalYear, report };
}
