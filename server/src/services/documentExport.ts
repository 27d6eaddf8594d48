import type { PlanSnapshot, Revision, SuggestionView } from '@sakutei/shared';
import type { AnnualReport } from '@sakutei/shared/measures';
import { runHeavy } from '../work/heavyWork';
import type { CompareExportOptions } from './export/compareDocument';
import type { ReportDocumentMeta } from './export/reportDocument';
import type { RevisionExportOptions } from './export/revisionDocument';
import type { SnapshotSource, TaskInput } from '../work/tasks';

/**
 * Printable and Word renderings of a frozen revision, of a 新旧対照表 and of the annual report,
 * as the routes call them: each runs on a heavy-work thread (work/pool.ts), so a large plan's
 * Word file takes a thread for its second of CPU, not the event loop everyone shares. The
 * rendering itself is in ./export/: one table model (docTable), its Word (docxKit) and print
 * (htmlKit) forms, the plan's tables (planTables) and the prose renderers.
 */
export { auditHeadLine, revisionMeta, type RevisionExportOptions } from './export/revisionDocument';
export type { CompareExportOptions } from './export/compareDocument';

type Comparison = TaskInput<'compareDocx'>['comparison'];

const asBuffer = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

export async function revisionDocx(planTitle: string, revision: Revision, snapshot: PlanSnapshot, options: RevisionExportOptions): Promise<Buffer> {
  return asBuffer(await runHeavy('revisionDocx', { planTitle, revision, snapshot, options }));
}

export function revisionHtml(planTitle: string, revision: Revision, snapshot: PlanSnapshot, options: RevisionExportOptions): Promise<string> {
  return runHeavy('revisionHtml', { planTitle, revision, snapshot, options });
}

export async function compareDocx(planTitle: string, comparison: Comparison, options: CompareExportOptions): Promise<Buffer> {
  return asBuffer(await runHeavy('compareDocx', { planTitle, comparison, options }));
}

export function compareHtml(planTitle: string, comparison: Comparison, options: CompareExportOptions): Promise<string> {
  return runHeavy('compareHtml', { planTitle, comparison, options });
}

export async function reportDocx(report: AnnualReport, meta: ReportDocumentMeta): Promise<Buffer> {
  return asBuffer(await runHeavy('reportDocx', { report, meta }));
}

export function reportHtml(report: AnnualReport, meta: ReportDocumentMeta): Promise<string> {
  return runHeavy('reportHtml', { report, meta });
}

/** The prose and measure-table differences of two sides (the 新旧対照表's content), read and compared on a heavy-work thread; `markup` shows the newer side's pending suggestions. */
export function compareSnapshots(from: SnapshotSource, to: SnapshotSource, suggestions: SuggestionView = 'clean') {
  return runHeavy('compare', { from, to, suggestions });
}
