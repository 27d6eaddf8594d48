import type { MeasureTarget, Thread } from '@sakutei/shared';
import { deriveTable, measureMaps, readMeasureTable } from '@sakutei/shared/measures';
import type { Editor } from '@tiptap/core';
import type * as Y from 'yjs';
import { documentOrderOf, rangeInEditor, syncBindingOf } from './textAnchors';
import type { ThreadPlace } from './threadList';

const DETACHED: ThreadPlace = { detached: true, key: [2] };

/** Row and KPI positions in the table as printed: each row, then the KPIs shown under it. */
function tableOrder(doc: Y.Doc): Map<string, number[]> {
  const derived = deriveTable(readMeasureTable(doc));
  const order = new Map<string, number[]>();
  derived.rows.forEach((row, index) => {
    order.set(`node:${row.node.id}`, [index, 0]);
    row.kpiIds.forEach((kpiId, kpiIndex) => order.set(`kpi:${kpiId}`, [index, kpiIndex + 1]));
  });
  for (const kpi of derived.kpis) {
    if (!order.has(`kpi:${kpi.kpi.id}`)) order.set(`kpi:${kpi.kpi.id}`, [derived.rows.length, kpi.number]);
  }
  return order;
}

function measureExists(doc: Y.Doc, target: MeasureTarget): boolean {
  const maps = measureMaps(doc);
  return target.kind === 'node' ? maps.nodes.has(target.id) : maps.kpis.has(target.id);
}

/**
 * Where every thread's anchor is now. Text ranges are placed by the mounted prose editor
 * when there is one, else straight from Yjs; measure targets by the table's order (read only
 * when `withTableOrder`, since it means reading the whole table).
 */
export function placesOf(
  threads: readonly Thread[],
  doc: Y.Doc,
  editor: Editor | null,
  withTableOrder: boolean,
): Map<string, ThreadPlace> {
  const binding = editor && !editor.isDestroyed ? syncBindingOf(editor.state) : null;
  const needsTable = withTableOrder && threads.some((thread) => thread.anchor.kind === 'measure');
  const table = needsTable ? tableOrder(doc) : null;
  const places = new Map<string, ThreadPlace>();
  for (const thread of threads) {
    const { anchor } = thread;
    if (anchor.kind === 'text') {
      if (binding) {
        const range = rangeInEditor(binding, anchor);
        places.set(thread.id, range ? { detached: false, key: [0, range.from] } : DETACHED);
      } else {
        const key = documentOrderOf(doc, anchor);
        places.set(thread.id, key ? { detached: false, key: [0, ...key] } : DETACHED);
      }
    } else if (!measureExists(doc, anchor.target)) {
      places.set(thread.id, DETACHED);
    } else {
      const at = table?.get(`${anchor.target.kind}:${anchor.target.id}`) ?? [Number.MAX_SAFE_INTEGER];
      places.set(thread.id, { detached: false, key: [1, ...at] });
    }
  }
  return places;
}
