import {
  applyHierarchyImport,
  deriveTable,
  readMeasureTable,
  type HierarchyImport,
  type NodeKind,
  type Placement,
  type ProjectStatus,
} from '@sakutei/shared/measures';
import * as Y from 'yjs';

export type HierarchyPreviewRow = {
  id: string;
  /** Below the shallowest imported row, for indenting the preview. */
  indent: number;
  number: string;
  levelName: string;
  title: string;
  kind: NodeKind;
  status: ProjectStatus | null;
  reprint: boolean;
  kpiNumbers: number[];
};

/**
 * The imported rows exactly as they will appear: the import is applied to a throwaway copy
 * of the document, so numbering continues from the rows already there and 再掲 is decided
 * against the whole plan. Nothing touches the real document.
 */
export function previewHierarchy(doc: Y.Doc, fragment: HierarchyImport, at: Placement): HierarchyPreviewRow[] {
  const copy = new Y.Doc();
  try {
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
    const { nodeIds } = applyHierarchyImport(copy, fragment, at);
    const imported = new Set(nodeIds);
    const links = new Map(fragment.kpiLinks.map((link) => [link.nodeId, link.kpiNumbers]));
    const rows = deriveTable(readMeasureTable(copy)).rows.filter((row) => imported.has(row.node.id));
    const top = Math.min(...rows.map((row) => row.depth));
    return rows.map((row) => ({
      id: row.node.id,
      indent: row.depth - top,
      number: row.number,
      levelName: row.levelName,
      title: row.title,
      kind: row.node.kind,
      status: row.node.status,
      reprint: row.reprintOf !== null,
      kpiNumbers: links.get(row.node.id) ?? [],
    }));
  } finally {
    void copy.destroy();
  }
}
