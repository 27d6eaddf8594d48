import {
  applyKpiImport,
  applyMeasureImport,
  importKpiList,
  importRefusal,
  newMeasureId,
  planKpiImport,
  previewPlanImport,
  previewRowsIn,
  type ColumnMapping,
  type DerivedRow,
  type HierarchyPreview,
  type ImportPreviewRow,
  type ImportRefusal,
  type KpiImportRow,
  type PreviewProblem,
  type ReprintDecision,
} from '@sakutei/shared/measures';
import { useMemo } from 'react';
import type * as Y from 'yjs';
import type { MeasureView } from '../plan/useMeasureTable';
import { detectImportKind, type ImportKind } from './detectKind';
import { kpiLinksFor, type KpiLinks } from './importLinks';
import type { KpiPreviewItem } from './KpiPreview';

export type DraftChoices = {
  kind: ImportKind | null;
  /** Hierarchy: the row to add under; null for the top level. Always added at the end. */
  parent: string | null;
  /** Hierarchy: the user's column mapping by index; null for the remembered or detected one. */
  mapping: ColumnMapping | null;
  /** Hierarchy: answers to suggested 再掲 matches. */
  reprints: readonly ReprintDecision[];
  /** KPIs: the row new KPIs go under when nothing links them elsewhere; null to add none. */
  attachNewTo: string | null;
};

export type ImportOutcome =
  | { kind: 'hierarchy'; rows: number; importId: string }
  | { kind: 'kpis'; updated: number; added: number; skipped: number };

export type ImportDraft = {
  detected: ImportKind;
  kind: ImportKind;
  problems: PreviewProblem[];
  /** The measure-table preview (columns, counts, 再掲); null for a KPI list. */
  hierarchy: HierarchyPreview | null;
  mappingFrom: 'request' | 'remembered' | 'detected' | null;
  hierarchyRows: ImportPreviewRow[];
  kpiItems: KpiPreviewItem[];
  /** KPI numbers placed by the last measure-table import rather than by `attachNewTo`. */
  linkedCount: number;
  /** Rows the import would write; nothing to apply at 0. */
  count: number;
  /** A measure table the importer cut short (or with nothing in it) is not applied, as in the API. */
  refusal: ImportRefusal | null;
  apply: () => ImportOutcome;
};

export function rowLabel(row: DerivedRow): string {
  return [row.path || row.number, row.title].filter((part) => part !== '').join(' ');
}

function kpiItems(view: MeasureView, rows: readonly KpiImportRow[], links: KpiLinks, attachNewTo: string | null): KpiPreviewItem[] {
  const { derived } = view;
  const linked = new Map<number, string>();
  for (const link of links) for (const n of link.kpiNumbers) linked.set(n, link.nodeId);
  return planKpiImport(derived, rows).map(({ row, action, kpiId }) => {
    if (action === 'update' && kpiId !== null) {
      return { row, action, mark: derived.kpiById.get(kpiId)?.mark ?? null, destination: null };
    }
    const target = (row.number !== null ? linked.get(row.number) : undefined) ?? attachNewTo;
    const destination = target === null ? undefined : derived.rowById.get(target);
    return destination
      ? { row, action: 'add', mark: null, destination: rowLabel(destination) }
      : { row, action: 'skip', mark: null, destination: null };
  });
}

/**
 * Everything the dialog shows before anything is written: the parse, the preview and the
 * problems. A measure table is read by the same shared code the API's preview and apply run
 * (`previewPlanImport`, `applyMeasureImport`); the browser runs it locally so the preview
 * follows every keystroke and mapping change. The import is taken back by `undoImport`
 * (see useImportUndo), never by a Yjs undo. Nothing reaches the document until `apply`.
 */
export function useImportDraft(doc: Y.Doc, view: MeasureView, rows: string[][], choices: DraftChoices): ImportDraft {
  const detected = useMemo(() => detectImportKind(rows), [rows]);
  const kind = choices.kind ?? detected;
  const { settings, projects } = view.table;
  // The table is re-read on every remote edit; re-parse only when what the importers read
  // has changed, so the preview's new ids stay put while others type.
  const settingsKey = JSON.stringify([settings.scheme, settings.actualYears, settings.baselineYear, settings.targetYear]);
  const projectsKey = projects.map((project) => `${project.id}:${project.name}`).join('\n');
  const mappingKey = JSON.stringify(choices.mapping);
  const reprintsKey = JSON.stringify(choices.reprints);

  const kpiRows = useMemo(() => {
    if (kind !== 'kpis') return null;
    return importKpiList(rows, {
      defaultEra: '令和',
      actualYears: settings.actualYears,
      baselineYear: settings.baselineYear,
      targetYear: settings.targetYear,
    });
  }, [rows, kind, settingsKey]);

  const planned = useMemo(() => {
    if (kind !== 'hierarchy') return null;
    const planChoices = { mapping: choices.mapping, reprints: choices.reprints, newId: newMeasureId };
    return previewPlanImport(doc, rows, planChoices, view.table);
  }, [doc, rows, kind, settingsKey, projectsKey, mappingKey, reprintsKey]);

  const hierarchy = planned?.preview ?? null;
  const hierarchyRows = useMemo(
    () => (hierarchy ? previewRowsIn(view.table, hierarchy, { parent: choices.parent }) : []),
    [view.table, hierarchy, choices.parent],
  );

  const links = kpiLinksFor(doc, (id) => view.derived.rowById.has(id));
  const items = kpiRows ? kpiItems(view, kpiRows.value, links, choices.attachNewTo) : [];
  const linkedNumbers = new Set(links.flatMap((link) => link.kpiNumbers));

  const count = kind === 'kpis' ? items.filter((item) => item.action !== 'skip').length : (hierarchy?.nodes.length ?? 0);

  const apply = (): ImportOutcome => {
    if (kpiRows) {
      const result = applyKpiImport(doc, kpiRows.value, { attachNewTo: choices.attachNewTo, links, newId: newMeasureId });
      return { kind: 'kpis', ...result };
    }
    const record = applyMeasureImport(doc, hierarchy!, {
      at: { parent: choices.parent },
      importId: newMeasureId(),
      now: new Date(),
      by: null,
      remember: hierarchy!.remembered,
    });
    return { kind: 'hierarchy', rows: record.nodeIds.length, importId: record.id };
  };

  return {
    detected,
    kind,
    problems: kpiRows ? kpiRows.problems : (hierarchy?.problems ?? []),
    hierarchy,
    mappingFrom: planned?.mappingFrom ?? null,
    hierarchyRows,
    kpiItems: items,
    linkedCount: items.filter((item) => item.action === 'add' && item.row.number !== null && linkedNumbers.has(item.row.number)).length,
    count,
    refusal: hierarchy ? importRefusal(hierarchy) : null,
    apply,
  };
}
