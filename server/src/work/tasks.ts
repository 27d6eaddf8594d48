import type { CompareResponse, PlanSnapshot, Revision } from '@sakutei/shared';
import { type SuggestionView, diffMeasures, diffProse, overlaySuggestions } from '@sakutei/shared';
import { hasPendingSuggestions, proseView } from '@sakutei/shared/editor';
import * as Y from 'yjs';
import type { AnnualReport } from '@sakutei/shared/measures';
import type { z } from 'zod';
import { type CompareExportOptions, compareDocx, compareHtml } from '../services/export/compareDocument';
import { type MeetingDocumentSource, meetingDocumentDocx, meetingDocumentHtml } from '../services/export/meetingDocuments';
import { type ReportDocumentMeta, reportDocx, reportHtml } from '../services/export/reportDocument';
import { type RevisionExportOptions, revisionDocx, revisionHtml } from '../services/export/revisionDocument';
import { planSnapshotOf, readCanonicalSnapshot } from '../services/snapshot';
import { type SheetOptions, buildSheet, parseFirstSheet } from '../services/xlsx/sheetFile';

/**
 * What runs on the heavy-work threads: each task takes plain data (strings, numbers, byte
 * arrays, as structured clone carries them) and returns plain data. Everything here is pure
 * CPU: no storage, no rooms, no sockets, so a task can run on any thread.
 */

type Comparison = z.infer<typeof CompareResponse>;

/** A side of a compare as the event loop hands it over: the draft's Yjs state, or a revision's canonical content. */
export type SnapshotSource = { draft: Uint8Array } | { canonical: string };

function snapshotFrom(source: SnapshotSource): PlanSnapshot {
  // The one reader of stored canonicals: it bounds legacy deep prose before the recursive schema check.
  if ('canonical' in source) return readCanonicalSnapshot(source.canonical);
  const doc = new Y.Doc();
  Y.applyUpdate(doc, source.draft);
  return planSnapshotOf(doc);
}

export const TASKS = {
  /**
   * The 新旧対照表's content: prose and measure-table differences of two snapshots. The prose
   * compared is each side's adopted wording (pending suggestions as if rejected); with
   * `markup`, the newer side's suggestions are then shown over it.
   */
  compare: (sides: { from: SnapshotSource; to: SnapshotSource; suggestions?: SuggestionView }): Pick<Comparison, 'prose' | 'measures'> => {
    const [from, to] = [snapshotFrom(sides.from), snapshotFrom(sides.to)];
    // Most plans have no pending suggestion: their prose is compared as read, without a copy.
    const clean = (prose: PlanSnapshot['prose']) => (hasPendingSuggestions(prose) ? proseView(prose, 'clean') : prose);
    const rows = diffProse(clean(from.prose), clean(to.prose));
    return {
      prose: sides.suggestions === 'markup' ? overlaySuggestions(rows, to.prose) : rows,
      // 評価・課題 are frozen beside the table; a snapshot from before them has none.
      measures: diffMeasures(from.measures, to.measures, { old: from.evaluations, new: to.evaluations }),
    };
  },
  compareDocx: ({ planTitle, comparison, options }: { planTitle: string; comparison: Comparison; options: CompareExportOptions }) =>
    compareDocx(planTitle, comparison, options),
  compareHtml: ({ planTitle, comparison, options }: { planTitle: string; comparison: Comparison; options: CompareExportOptions }) =>
    compareHtml(planTitle, comparison, options),
  revisionDocx: ({ planTitle, revision, snapshot, options }: { planTitle: string; revision: Revision; snapshot: PlanSnapshot; options: RevisionExportOptions }) =>
    revisionDocx(planTitle, revision, snapshot, options),
  revisionHtml: ({ planTitle, revision, snapshot, options }: { planTitle: string; revision: Revision; snapshot: PlanSnapshot; options: RevisionExportOptions }) =>
    revisionHtml(planTitle, revision, snapshot, options),
  reportDocx: ({ report, meta }: { report: AnnualReport; meta: ReportDocumentMeta }) => reportDocx(report, meta),
  reportHtml: ({ report, meta }: { report: AnnualReport; meta: ReportDocumentMeta }) => reportHtml(report, meta),
  /** A meeting's 次第, 出席者名簿 or 議事録 (the minutes anonymised here when asked: a long text's names are matched off the event loop). */
  meetingDocx: ({ input }: { input: MeetingDocumentSource }) => meetingDocumentDocx(input),
  meetingHtml: ({ input }: { input: MeetingDocumentSource }) => meetingDocumentHtml(input),
  writeSheet: ({ sheetName, rows, headerRows, options }: { sheetName: string; rows: string[][]; headerRows: number; options: SheetOptions }) =>
    buildSheet(sheetName, rows, headerRows, options),
  readSheet: ({ bytes }: { bytes: Uint8Array }) => parseFirstSheet(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)),
} as const;

export type Tasks = typeof TASKS;
export type TaskName = keyof Tasks;
export type TaskInput<K extends TaskName> = Parameters<Tasks[K]>[0];
export type TaskOutput<K extends TaskName> = Awaited<ReturnType<Tasks[K]>>;

/** Runs one task by name (the worker's entry point). */
export async function runTask<K extends TaskName>(task: K, input: TaskInput<K>): Promise<TaskOutput<K>> {
  const run = TASKS[task] as (input: TaskInput<K>) => TaskOutput<K> | Promise<TaskOutput<K>>;
  if (typeof run !== 'function') throw new Error(`unknown task ${String(task)}`);
  return run(input);
}
