import {
  applyHierarchyImport,
  applyKpiImport,
  importHierarchy,
  importKpiList,
  newMeasureId,
  planKpiImport,
  type DerivedRow,
  type HierarchyImport,
  type ImportProblem,
  type KpiImportRow,
} from '@sakutei/shared/measures';
import { useMemo } from 'react';
import type * as Y from 'yjs';
import type { MeasureView } from '../plan/useMeasureTable';
import { detectImportKind, type ImportKind } from './detectKind';
import { previewHierarchy, type HierarchyPreviewRow } from './hierarchyPreview';
import { kpiLinksFor, rememberKpiLinks, type KpiLinks } from './importLinks';
import type { KpiPreviewItem } from './KpiPreview';

export type DraftChoices = {
  kind: ImportKind | null;
  /** Hierarchy: the row to add under; null for the top level. Always added at the end. */
  parent: string | null;
  /** KPIs: the row new KPIs go under when nothing links them elsewhere; null to add none. */
  attachNewTo: string | null;
};

export type ImportOutcome =
  | { kind: 'hierarchy'; rows: number }
  | { kind: 'kpis'; updated: number; added: number; skipped: number };

export type ImportDraft = {
  detected: ImportKind;
  kind: ImportKind;
  problems: ImportProblem[];
  hierarchyRows: HierarchyPreviewRow[];
  kpiItems: KpiPreviewItem[];
  /** KPI numbers placed by the last measure-table import rather than by `attachNewTo`. */
  linkedCount: number;
  /** Rows the import would write; nothing to apply at 0. */
  count: number;
  apply: () => ImportOutcome;
};

export function rowLabel(row: DerivedRow): string {
  return [row.path || row.number, row.title].filter((part) => part !== '').join(' ');
}

function parse(
  rows: string[][],
  kind: ImportKind,
  view: MeasureView,
): { hierarchy: HierarchyImport | null; kpis: KpiImportRow[]; problems: ImportProblem[] } {
  const { settings } = view.table;
  if (kind === 'kpis') {
    const result = importKpiList(rows, {
      defaultEra: '令和',
      actualYears: settings.actualYears,
      baselineYear: settings.baselineYear,
      targetYear: settings.targetYear,
    });
    return { hierarchy: null, kpis: result.value, problems: result.problems };
  }
  const result = importHierarchy(rows, { scheme: settings.scheme, newId: newMeasureId });
  return { hierarchy: result.value, kpis: [], problems: result.problems };
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
 * problems. Nothing reaches the document until `apply`.
 */
export function useImportDraft(doc: Y.Doc, view: MeasureView, rows: string[][], choices: DraftChoices): ImportDraft {
  const detected = useMemo(() => detectImportKind(rows), [rows]);
  const kind = choices.kind ?? detected;
  const { settings } = view.table;
  // The settings object is re-read on every remote edit; re-parse only when what the
  // importers read has changed, so the preview's new ids stay put while others type.
  const settingsKey = JSON.stringify([settings.scheme, settings.actualYears, settings.baselineYear, settings.targetYear]);
  const parsed = useMemo(() => parse(rows, kind, view), [rows, kind, settingsKey]);

  const hierarchyRows = useMemo(() => {
    if (!parsed.hierarchy || parsed.hierarchy.nodes.length === 0) return [];
    return previewHierarchy(doc, parsed.hierarchy, { parent: choices.parent });
  }, [doc, parsed, choices.parent]);

  const links = kpiLinksFor(doc, (id) => view.derived.rowById.has(id));
  const items = kind === 'kpis' ? kpiItems(view, parsed.kpis, links, choices.attachNewTo) : [];
  const linkedNumbers = new Set(links.flatMap((link) => link.kpiNumbers));

  const count = kind === 'kpis' ? items.filter((item) => item.action !== 'skip').length : (parsed.hierarchy?.nodes.length ?? 0);

  const apply = (): ImportOutcome => {
    if (kind === 'kpis') {
      const result = applyKpiImport(doc, parsed.kpis, { attachNewTo: choices.attachNewTo, links, newId: newMeasureId });
      return { kind: 'kpis', ...result };
    }
    const fragment = parsed.hierarchy!;
    const { nodeIds } = applyHierarchyImport(doc, fragment, { parent: choices.parent });
    rememberKpiLinks(doc, fragment.kpiLinks);
    return { kind: 'hierarchy', rows: nodeIds.length };
  };

  return {
    detected,
    kind,
    problems: parsed.problems,
    hierarchyRows,
    kpiItems: items,
    linkedCount: items.filter((item) => item.action === 'add' && item.row.number !== null && linkedNumbers.has(item.row.number)).length,
    count,
    apply,
  };
}
